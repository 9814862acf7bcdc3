using System.Net;
using System.Text.Json;
using MimeKit;
using PartnerWatch.Cli;
using PartnerWatch.Demo;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Demo;

/// <summary>
/// The README's first command, end to end: the real service scans the bundled demo sites over loopback HTTP,
/// stores the result in SQLite, writes the alert to the outbox and shows it on /status.
/// </summary>
public sealed class DemoEndToEndTests : IDisposable
{
    private readonly TempDirectory _data = new();

    private static bool AllScanned(JsonElement status) =>
        status.GetProperty("sites").EnumerateArray().All(s => s.GetProperty("lastScan").ValueKind == JsonValueKind.Object);

    [Fact]
    public async Task DemoRaisesOneAlertForTheUnverifiedMicrosoftClaimOnly()
    {
        await using var sites = await DemoSiteServer.StartAsync(CancellationToken.None);
        await using var service = await ServiceHost.StartAsync(DemoCommand.LoadDemoConfiguration(sites.Origin, _data.Path));

        var status = await service.WaitForStatusAsync(s => AllScanned(s) && OutboxFiles().Any());

        var claim = Assert.Single(status.GetProperty("openClaims").EnumerateArray());
        Assert.Equal("dongfang-shiyun", claim.GetProperty("site").GetString());
        Assert.Equal("microsoft", claim.GetProperty("brand").GetString());
        foreach (var site in status.GetProperty("sites").EnumerateArray())
            Assert.Equal("ok", site.GetProperty("lastScan").GetProperty("outcome").GetString());

        var eml = Assert.Single(OutboxFiles());
        var message = await MimeMessage.LoadAsync(eml);
        Assert.Contains("Microsoft", message.Subject);
        Assert.Contains(sites.Origin.ToString(), message.TextBody);
        Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task RestartDoesNotRepeatTheAlert()
    {
        await using var sites = await DemoSiteServer.StartAsync(CancellationToken.None);
        var config = DemoCommand.LoadDemoConfiguration(sites.Origin, _data.Path);
        await using (var first = await ServiceHost.StartAsync(config))
            await first.WaitForStatusAsync(s => AllScanned(s) && OutboxFiles().Any());
        var firstScan = DateTimeOffset.UtcNow;

        // RunOnStart scans again at once after the restart; the claim is still open, so no second e-mail.
        await using var second = await ServiceHost.StartAsync(config);
        await second.WaitForStatusAsync(s => s.GetProperty("sites").EnumerateArray()
            .All(site => site.GetProperty("lastScan").GetProperty("time").GetDateTimeOffset() > firstScan));

        Assert.Single(OutboxFiles());
    }

    private IEnumerable<string> OutboxFiles() =>
        Directory.Exists(_data.Combine("outbox")) ? Directory.EnumerateFiles(_data.Combine("outbox"), "*.eml") : [];

    public void Dispose() => _data.Dispose();
}
