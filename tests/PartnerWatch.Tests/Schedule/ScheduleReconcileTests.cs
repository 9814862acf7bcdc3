using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PartnerWatch.Cli;
using PartnerWatch.Config;
using PartnerWatch.Demo;
using PartnerWatch.Schedule;
using PartnerWatch.Tests.Infrastructure;
using Quartz;

namespace PartnerWatch.Tests.Schedule;

/// <summary>
/// Reconciling the schedule with a configuration (start-up, a second node starting, a reload): only what changed moves.
/// Runs the real service on the demo sites; the next fire times are read from the job store and from /status.
/// </summary>
public sealed class ScheduleReconcileTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task ReconcilingOrStartingAgainWithTheSameConfigurationLeavesEveryNextScanWhereItWas()
    {
        await using var sites = await DemoSiteServer.StartAsync(CancellationToken.None);
        // A one-hour jitter window: no site's first run (now + its offset, 8 to 44 min for these ids) falls inside the
        // test, so a registration that rebuilt the triggers would move every one of them to a later "now + offset".
        var loaded = Configuration(sites.Origin, TimeSpan.FromHours(1));
        await using var service = await ServiceHost.StartAsync(loaded);
        var registrar = Registrar(service);
        var before = await NextFireTimesAsync(service);
        var statusBefore = NextScans(await service.GetStatusAsync());

        await Task.Delay(50);
        var first = await registrar.ReconcileAsync(Configuration(sites.Origin, TimeSpan.FromHours(1)).Options, CancellationToken.None);
        var second = await registrar.ReconcileAsync(Configuration(sites.Origin, TimeSpan.FromHours(1)).Options, CancellationToken.None);
        // What a second node does when it starts with the same configuration on the same job store.
        await registrar.StartAsync(CancellationToken.None);

        Assert.Equal(["brightwave-news", "contoso-systems", "dongfang-shiyun"], first.Unchanged.Order());
        Assert.Empty(first.Added.Concat(first.Removed).Concat(first.Rescheduled));
        Assert.Equal(first.Unchanged, second.Unchanged);
        Assert.Equal(3, before.Count);
        Assert.Equal(before, await NextFireTimesAsync(service));
        Assert.Equal(statusBefore, NextScans(await service.GetStatusAsync()));
    }

    [Fact]
    public async Task AChangedIntervalReplacesOnlyThatSitesTriggerAndARemovedSiteLosesItsJob()
    {
        await using var sites = await DemoSiteServer.StartAsync(CancellationToken.None);
        var loaded = Configuration(sites.Origin);
        await using var service = await ServiceHost.StartAsync(loaded);
        var status = await WaitForFirstScansAsync(service);
        var lastScan = LastScan(status, "dongfang-shiyun");
        var before = await NextFireTimesAsync(service);

        var changed = Configuration(sites.Origin).Options;
        changed.Sites.Single(s => s.Id == "dongfang-shiyun").Interval = TimeSpan.FromMinutes(30);
        changed.Sites.RemoveAll(s => s.Id == "brightwave-news");
        var changes = await Registrar(service).ReconcileAsync(changed, CancellationToken.None);

        Assert.Equal(["dongfang-shiyun"], changes.Rescheduled);
        Assert.Equal(["brightwave-news"], changes.Removed);
        Assert.Equal(["contoso-systems"], changes.Unchanged);
        var after = await NextFireTimesAsync(service);
        Assert.False(after.ContainsKey("brightwave-news"), "the removed site still has a trigger");
        var scheduler = await service.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.False(await scheduler.Exists(SiteScanJob.KeyFor("brightwave-news")));
        // The rescheduled site keeps its rhythm with the new interval: last scan + 30 min, not now and not + 2 h.
        Assert.InRange(after["dongfang-shiyun"], lastScan.AddMinutes(30) - TimeSpan.FromSeconds(2), lastScan.AddMinutes(30) + TimeSpan.FromSeconds(2));
        Assert.Equal(before["contoso-systems"], after["contoso-systems"]);
    }

    private static LoadedConfiguration Configuration(Uri origin, string data, TimeSpan jitter)
    {
        var loaded = DemoCommand.LoadDemoConfiguration(origin, data);
        loaded.Options.Schedule.Jitter = jitter;
        loaded.Options.Schedule.Interval = TimeSpan.FromHours(2);
        loaded.Options.Schedule.RunOnStart = false;
        // A cron site too: its trigger is kept by the cron expression, not by a fire time.
        loaded.Options.Sites.Single(s => s.Id == "contoso-systems").Cron = "0 0 3 * * ?";
        return loaded;
    }

    private LoadedConfiguration Configuration(Uri origin, TimeSpan? jitter = null) => Configuration(origin, _data.Path, jitter ?? TimeSpan.Zero);

    private static Task<JsonElement> WaitForFirstScansAsync(ServiceHost service) =>
        // Never scanned, so the interval sites are scanned at once; after that their next fire times stand still.
        service.WaitForStatusAsync(s => s.GetProperty("sites").EnumerateArray()
            .Where(site => site.GetProperty("id").GetString() != "contoso-systems")
            .All(site => site.GetProperty("lastScan").ValueKind == JsonValueKind.Object && !site.GetProperty("scanning").GetBoolean()));

    private static ScanScheduleRegistrar Registrar(ServiceHost service) =>
        service.Services.GetServices<IHostedService>().OfType<ScanScheduleRegistrar>().Single();

    private static async Task<Dictionary<string, DateTimeOffset>> NextFireTimesAsync(ServiceHost service)
    {
        var scheduler = await service.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var triggers = await scheduler.QueryTriggers(new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(SiteScanJob.Group), Take = PagedQuery.All });
        return triggers.Items.Where(t => t.NextFireTimeUtc is not null).ToDictionary(t => t.Key.Name, t => t.NextFireTimeUtc!.Value);
    }

    private static Dictionary<string, string> NextScans(JsonElement status) =>
        status.GetProperty("sites").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("nextScan").ToString());

    private static DateTimeOffset LastScan(JsonElement status, string id) =>
        status.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("id").GetString() == id)
            .GetProperty("lastScan").GetProperty("time").GetDateTimeOffset();

    public void Dispose() => _data.Dispose();
}
