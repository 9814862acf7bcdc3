using System.Text.Json;
using PartnerWatch.Cli;
using PartnerWatch.Demo;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Schedule;

/// <summary>What the scheduler plans, as an operator sees it on /status.</summary>
public sealed class ScheduleTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task WithoutRunOnStartANeverScannedSiteIsScannedAtOnceAndARestartWaitsForTheInterval()
    {
        await using var sites = await DemoSiteServer.StartAsync(CancellationToken.None);
        var loaded = DemoCommand.LoadDemoConfiguration(sites.Origin, _data.Path);
        loaded.Options.Schedule.RunOnStart = false;
        loaded.Options.Schedule.Interval = TimeSpan.FromHours(2);
        loaded.Options.Sites[1].Cron = "0 0 3 * * ?";

        // First start: the site has never been scanned, so it is owed a scan now; the next one is an interval later.
        DateTimeOffset lastScan;
        await using (var first = await ServiceHost.StartAsync(loaded))
        {
            var status = await first.WaitForStatusAsync(s => Site(s, "dongfang-shiyun").GetProperty("lastScan").ValueKind == JsonValueKind.Object);
            var site = Site(status, "dongfang-shiyun");
            lastScan = site.GetProperty("lastScan").GetProperty("time").GetDateTimeOffset();
            Assert.InRange(site.GetProperty("nextScan").GetDateTimeOffset(), lastScan.AddHours(2) - TimeSpan.FromMinutes(1), lastScan.AddHours(2) + TimeSpan.FromMinutes(1));
            var cron = Site(status, "contoso-systems").GetProperty("nextScan").GetDateTimeOffset();
            Assert.Equal((3, 0), (cron.UtcDateTime.Hour, cron.UtcDateTime.Minute));
        }

        // Restart on the same database: the site was scanned moments ago, so it waits for last scan + interval.
        await using var second = await ServiceHost.StartAsync(loaded);
        var again = await second.WaitForStatusAsync(s => Site(s, "dongfang-shiyun").GetProperty("nextScan").ValueKind == JsonValueKind.String);
        var next = Site(again, "dongfang-shiyun").GetProperty("nextScan").GetDateTimeOffset();
        Assert.InRange(next, lastScan.AddHours(2) - TimeSpan.FromMinutes(1), lastScan.AddHours(2) + TimeSpan.FromMinutes(1));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var later = await second.WaitForStatusAsync(_ => true);
        Assert.Equal(lastScan, Site(later, "dongfang-shiyun").GetProperty("lastScan").GetProperty("time").GetDateTimeOffset());
    }

    private static JsonElement Site(JsonElement status, string id) =>
        status.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("id").GetString() == id);

    [Fact]
    public async Task RunOnStartAlsoScansSitesOnACronSchedule()
    {
        // Served like the web (slow first bytes and bodies, a seeded 503 or hang now and then), not instantly.
        await using var sites = await LoopbackHttpServer.ServeFolderAsync(DemoSiteServer.SitesRoot, LatencyProfile.Web(seed: 3));
        var loaded = DemoCommand.LoadDemoConfiguration(sites.BaseUri, _data.Path);
        loaded.Options.Fetch.AttemptTimeout = TimeSpan.FromSeconds(2);
        loaded.Options.Schedule.RunOnStart = true;
        loaded.Options.Sites[0].Cron = "0 0 3 * * ?";

        await using var service = await ServiceHost.StartAsync(loaded);
        var status = await service.WaitForStatusAsync(s =>
            s.GetProperty("sites").EnumerateArray().All(site => site.GetProperty("lastScan").ValueKind == JsonValueKind.Object), TimeSpan.FromSeconds(90));

        var cronSite = status.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "dongfang-shiyun");
        Assert.Equal(3, cronSite.GetProperty("nextScan").GetDateTimeOffset().UtcDateTime.Hour);
    }

    public void Dispose() => _data.Dispose();
}
