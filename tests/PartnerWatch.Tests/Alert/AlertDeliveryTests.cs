using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using PartnerWatch.Alert;
using PartnerWatch.Config;
using PartnerWatch.Store;
using PartnerWatch.Tests.Store;
using static PartnerWatch.Tests.Store.StoreHarness;

namespace PartnerWatch.Tests.Alert;

public sealed class AlertDeliveryTests
{
    [Fact]
    public async Task SmtpServerReceivesOneMessageWithSubjectMessageIdAndEvidenceUrl()
    {
        using var smtp = SmtpTestServer.StartNew();
        await using var harness = await StartAsync(o => UseSmtp(o, smtp.Port));
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));
        var alert = Assert.Single(await harness.Store.GetPendingAlertsAsync(10, CancellationToken.None));

        var result = await harness.Dispatcher.DispatchPendingAsync(CancellationToken.None);

        Assert.Equal(new AlertDispatchResult(1, 0), result);
        var received = Assert.Single(smtp.Received);
        var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(received.Data)));
        Assert.Equal("[PartnerWatch] SenseNets shows Microsoft's logo on /partners; Microsoft does not list it as a partner", message.Subject);
        Assert.Equal(alert.MessageId, message.MessageId);
        Assert.Equal("brand-protection@example.org", Assert.Single(message.To.Mailboxes).Address);
        Assert.Contains("https://sensenets.example/img/p3.png", message.TextBody);
        Assert.Contains("https://sensenets.example/partners", message.HtmlBody);
        Assert.Contains("First seen:  26 November 2026, 06:00 UTC", message.TextBody);
        Assert.Empty(await harness.Store.GetPendingAlertsAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task WithoutSmtpHostTheAlertLandsInTheOutboxAndParsesBack()
    {
        await using var harness = await StartAsync();
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));
        var alert = Assert.Single(await harness.Store.GetPendingAlertsAsync(10, CancellationToken.None));

        var result = await harness.Dispatcher.DispatchPendingAsync(CancellationToken.None);

        Assert.Equal(1, result.Sent);
        var file = Assert.Single(Directory.GetFiles(harness.OutboxPath));
        Assert.Equal($"20261126T060000Z-alert-{alert.Id}.eml", Path.GetFileName(file));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal(alert.MessageId, message.MessageId);
        Assert.Equal("[PartnerWatch] SenseNets shows Microsoft's logo on /partners; Microsoft does not list it as a partner", message.Subject);
        Assert.Contains("https://sensenets.example/img/p3.png", message.TextBody);
    }

    [Fact]
    public async Task OutboxWritesTheSameAlertOnlyOnce()
    {
        await using var harness = await StartAsync();
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));
        var alert = Assert.Single(await harness.Store.GetPendingAlertsAsync(10, CancellationToken.None));
        var sender = harness.Services.GetRequiredService<IAlertSender>();
        var composer = harness.Services.GetRequiredService<AlertComposer>();

        await sender.SendAsync(alert.Id, await composer.ComposeAsync(alert, CancellationToken.None), CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromHours(3));
        await sender.SendAsync(alert.Id, await composer.ComposeAsync(alert, CancellationToken.None), CancellationToken.None);

        Assert.Single(Directory.GetFiles(harness.OutboxPath));
    }

    [Fact]
    public async Task SmtpDownKeepsAlertPendingThenDeliversExactlyOnceWhenServerIsUpAndClockAdvanced()
    {
        using var smtp = SmtpTestServer.Reserve();
        await using var harness = await StartAsync(o => UseSmtp(o, smtp.Port));
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));

        var down = await harness.Dispatcher.DispatchPendingAsync(CancellationToken.None);
        Assert.Equal(new AlertDispatchResult(0, 1), down);
        Assert.Equal(1, await harness.CountAsync("SELECT attempts FROM alerts WHERE state = 'pending'"));
        Assert.Equal(1, (await harness.Store.GetStatusAsync(CancellationToken.None)).FailedDeliveries);

        smtp.Start();
        var tooEarly = await harness.Dispatcher.DispatchPendingAsync(CancellationToken.None);
        Assert.Equal(new AlertDispatchResult(0, 0), tooEarly);

        harness.Clock.Advance(AlertDispatcher.FirstRetryDelay);
        var up = await harness.Dispatcher.DispatchPendingAsync(CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromHours(2));
        var later = await harness.Dispatcher.DispatchPendingAsync(CancellationToken.None);

        Assert.Equal(new AlertDispatchResult(1, 0), up);
        Assert.Equal(new AlertDispatchResult(0, 0), later);
        Assert.Single(smtp.Received);
        Assert.Equal(1, await harness.CountAsync("SELECT COUNT(*) FROM alerts WHERE state = 'sent' AND sent_at IS NOT NULL"));
    }

    [Fact]
    public async Task ConcurrentDispatchRunsDeliverEachAlertOnce()
    {
        await using var harness = await StartAsync();
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"), Unverified("contoso"));

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => harness.Dispatcher.DispatchPendingAsync(CancellationToken.None))));

        Assert.Equal(2, runs.Sum(r => r.Sent));
        Assert.Equal(2, Directory.GetFiles(harness.OutboxPath, "*.eml").Length);
    }

    [Fact]
    public async Task OneUndeliverableAlertDoesNotStopTheOthers()
    {
        var sender = new FailingFirstSender();
        await using var harness = await StartAsync();
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"), Unverified("contoso"));
        var dispatcher = new AlertDispatcher(harness.Store, harness.Services.GetRequiredService<AlertComposer>(), sender, harness.Clock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<AlertDispatcher>.Instance);

        var result = await dispatcher.DispatchPendingAsync(CancellationToken.None);

        Assert.Equal(new AlertDispatchResult(1, 1), result);
        Assert.Equal(1, await harness.CountAsync("SELECT COUNT(*) FROM alerts WHERE state = 'pending' AND attempts = 1 AND last_error LIKE '%boom%'"));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(5, 32)]
    [InlineData(6, 60)]
    [InlineData(1000, 60)]
    public void RetryDelayDoublesFromOneMinuteUpToOneHour(int previousAttempts, int expectedMinutes) =>
        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), AlertDispatcher.RetryDelay(previousAttempts));

    [Fact]
    public async Task SenderIsSmtpWhenHostIsSetAndOutboxFolderOtherwise()
    {
        await using var withHost = await StartAsync(o => UseSmtp(o, 2525));
        await using var withoutHost = await StartAsync();

        Assert.IsType<SmtpAlertSender>(withHost.Services.GetRequiredService<IAlertSender>());
        Assert.IsType<OutboxFolderSender>(withoutHost.Services.GetRequiredService<IAlertSender>());
    }

    private static void UseSmtp(PartnerWatchOptions options, int port)
    {
        options.Smtp.Host = "127.0.0.1";
        options.Smtp.Port = port;
        options.Smtp.Security = SmtpSecurity.None;
        options.Smtp.Timeout = TimeSpan.FromSeconds(10);
    }

    private sealed class FailingFirstSender : IAlertSender
    {
        private int _calls;

        public Task SendAsync(long alertId, MimeMessage message, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) == 1 ? throw new IOException("boom") : Task.CompletedTask;
    }
}
