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
    public async Task WithoutRunOnStartTheFirstScanWaitsOneIntervalAndStatusShowsIt()
    {
        await using var sites = await DemoSiteServer.StartAsync(CancellationToken.None);
        var loaded = DemoCommand.LoadDemoConfiguration(sites.Origin, _data.Path);
        loaded.Options.Schedule.RunOnStart = false;
        loaded.Options.Schedule.Interval = TimeSpan.FromHours(2);
        loaded.Options.Sites[1].Cron = "0 0 3 * * ?";
        var before = DateTimeOffset.UtcNow;

        await using var service = await ServiceHost.StartAsync(loaded);
        var status = await service.WaitForStatusAsync(s =>
            s.GetProperty("sites").EnumerateArray().All(site => site.GetProperty("nextScan").ValueKind == JsonValueKind.String));

        var bySite = status.GetProperty("sites").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        var next = bySite["dongfang-shiyun"].GetProperty("nextScan").GetDateTimeOffset();
        Assert.InRange(next, before.AddHours(2), before.AddHours(2) + TimeSpan.FromMinutes(1));
        Assert.Equal(JsonValueKind.Null, bySite["dongfang-shiyun"].GetProperty("lastScan").ValueKind);
        var cron = bySite["contoso-systems"].GetProperty("nextScan").GetDateTimeOffset();
        Assert.Equal(3, cron.UtcDateTime.Hour);
        Assert.Equal(0, cron.UtcDateTime.Minute);
        Assert.Empty(status.GetProperty("openClaims").EnumerateArray());
    }

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
