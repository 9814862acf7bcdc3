using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using PartnerWatch.Alert;
using PartnerWatch.Config;
using PartnerWatch.Tests.Store;
using static PartnerWatch.Tests.Store.StoreHarness;

namespace PartnerWatch.Tests.Alert;

/// <summary>The outbox guarantees with a real SMTP server: nothing lost while it is down, nothing doubled across restarts.</summary>
public sealed class DeliveryGuaranteeTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task SmtpDownForAnHourThenUpDeliversEachAlertExactlyOnce()
    {
        using var smtp = SmtpTestServer.Reserve();
        await using var harness = await StartAsync(o => UseSmtp(o, smtp.Port));
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"), Unverified("contoso"));
        await harness.RecordAsync("other", failed: false, Unverified("microsoft"));
        var expectedIds = (await harness.Store.GetPendingAlertsAsync(10, None)).Select(a => a.MessageId).Order().ToList();

        // The delivery job runs every minute for an hour while the server is down.
        for (var minute = 0; minute < 60; minute++)
        {
            var run = await harness.Dispatcher.DispatchPendingAsync(None);
            Assert.Equal(0, run.Sent);
            harness.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var down = await harness.Store.GetStatusAsync(None);
        Assert.Equal((3, 3), (down.PendingAlerts, down.FailedDeliveries));
        Assert.NotNull(down.LastDeliveryError);
        Assert.Equal(StoreHarness.Start, down.OldestPendingAlertAt);

        smtp.Start();
        var sent = 0;
        for (var minute = 0; minute < 120; minute++)
        {
            sent += (await harness.Dispatcher.DispatchPendingAsync(None)).Sent;
            harness.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(3, sent);
        Assert.Equal(expectedIds, smtp.Received.Select(m => Parse(m.Data).MessageId!).Order().ToList());
        var up = await harness.Store.GetStatusAsync(None);
        Assert.Equal((0, 0, (DateTimeOffset?)null), (up.PendingAlerts, up.FailedDeliveries, up.OldestPendingAlertAt));
    }

    [Fact]
    public async Task AlertRecordedButNeverSentIsDeliveredOnceAfterRestart()
    {
        using var smtp = SmtpTestServer.StartNew();
        await using var harness = await StartAsync(o => UseSmtp(o, smtp.Port));
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));
        var alert = Assert.Single(await harness.Store.GetPendingAlertsAsync(10, None));

        await harness.RestartAsync(); // the process stopped hard after the scan was recorded
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));
        await harness.Dispatcher.DispatchPendingAsync(None);
        await harness.Dispatcher.DispatchPendingAsync(None);

        Assert.Equal(alert.MessageId, Parse(Assert.Single(smtp.Received).Data).MessageId);
    }

    [Fact]
    public async Task CrashAfterSmtpAcceptedResendsOnceWithTheSameMessageId()
    {
        using var smtp = SmtpTestServer.StartNew();
        await using var harness = await StartAsync(o => UseSmtp(o, smtp.Port));
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));
        var alert = Assert.Single(await harness.Store.GetPendingAlertsAsync(10, None));

        // The server accepts the message, then the process dies before the outbox row is marked sent.
        using var dying = new CancellationTokenSource();
        var crashing = new CrashAfterSendSender(harness.Services.GetRequiredService<IAlertSender>(), dying);
        var first = new AlertDispatcher(harness.Store, harness.Services.GetRequiredService<AlertComposer>(), crashing, harness.Clock,
            NullLogger<AlertDispatcher>.Instance);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.DispatchPendingAsync(dying.Token));
        Assert.Single(smtp.Received);

        await harness.RestartAsync();
        await harness.Dispatcher.DispatchPendingAsync(None);
        harness.Clock.Advance(TimeSpan.FromHours(2));
        await harness.Dispatcher.DispatchPendingAsync(None);

        // The one duplicate the design allows: same Message-ID, so mail clients and ticket systems collapse it.
        Assert.Equal(2, smtp.Received.Count);
        Assert.All(smtp.Received, m => Assert.Equal(alert.MessageId, Parse(m.Data).MessageId));
        Assert.Equal(1, await harness.CountAsync("SELECT COUNT(*) FROM alerts WHERE state = 'sent'"));
    }

    [Fact]
    public async Task CrashAfterOutboxFileWrittenDoesNotWriteItTwice()
    {
        await using var harness = await StartAsync();
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));
        using var dying = new CancellationTokenSource();
        var crashing = new CrashAfterSendSender(harness.Services.GetRequiredService<IAlertSender>(), dying);
        var first = new AlertDispatcher(harness.Store, harness.Services.GetRequiredService<AlertComposer>(), crashing, harness.Clock,
            NullLogger<AlertDispatcher>.Instance);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.DispatchPendingAsync(dying.Token));

        await harness.RestartAsync();
        var result = await harness.Dispatcher.DispatchPendingAsync(None);

        Assert.Equal(1, result.Sent);
        Assert.Single(Directory.GetFiles(harness.OutboxPath, "*.eml"));
    }

    [Fact]
    public async Task ResentMessageIsTheSameMessage()
    {
        await using var harness = await StartAsync();
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));
        var composer = harness.Services.GetRequiredService<AlertComposer>();
        var alert = Assert.Single(await harness.Store.GetPendingAlertsAsync(10, None));

        await harness.RestartAsync();
        harness.Clock.Advance(TimeSpan.FromDays(1));
        var again = Assert.Single(await harness.Store.GetPendingAlertsAsync(10, None));

        var (a, b) = (await composer.ComposeAsync(alert, None), await harness.Services.GetRequiredService<AlertComposer>().ComposeAsync(again, None));
        Assert.Equal((a.MessageId, a.Date, a.Subject, a.TextBody), (b.MessageId, b.Date, b.Subject, b.TextBody));
    }

    private static MimeMessage Parse(string data) => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(data)));

    private static void UseSmtp(PartnerWatchOptions options, int port)
    {
        options.Smtp.Host = "127.0.0.1";
        options.Smtp.Port = port;
        options.Smtp.Security = SmtpSecurity.None;
        options.Smtp.Timeout = TimeSpan.FromSeconds(10);
    }

    /// <summary>Delivers for real, then "kills the process": the shutdown token fires before any bookkeeping.</summary>
    private sealed class CrashAfterSendSender(IAlertSender inner, CancellationTokenSource dying) : IAlertSender
    {
        public async Task SendAsync(long alertId, MimeMessage message, CancellationToken cancellationToken)
        {
            await inner.SendAsync(alertId, message, CancellationToken.None);
            await dying.CancelAsync();
            throw new OperationCanceledException(dying.Token);
        }
    }
}
