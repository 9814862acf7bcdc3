using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using PartnerWatch.Schedule;
using PartnerWatch.Tests.Infrastructure;
using Quartz;
using Xunit.Abstractions;

namespace PartnerWatch.Tests.Schedule;

/// <summary>
/// Issue 11: with sites that answer in seconds and more sites than scan slots, every site is scanned every interval —
/// none waits forever behind the others. 24 sites of about 1.8 s a scan (two pages of 0.9 s each), four at a time:
/// one round takes 24 × 1.8 ÷ 4 ≈ 11 s, well inside the 30 s interval, so every site must be scanned in every round.
/// </summary>
public sealed class NoSiteStarvesTests(ITestOutputHelper output) : IDisposable
{
    private const int Sites = 24;
    private const int Concurrency = 4;
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PerResponse = TimeSpan.FromMilliseconds(700);
    private static readonly TimeSpan PerBody = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan ScanTime = 2 * (PerResponse + PerBody);
    // The service's first scans are slower (reference logos are fingerprinted on first use, code is cold): about 4 s
    // here, so the slack covers that plus a busy CI machine.
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(8);

    private readonly TempDirectory _data = new();

    /// <summary>The longest a round may take: sites × scan time ÷ concurrency, plus slack for a shared CI machine.</summary>
    private static TimeSpan RoundBound(TimeSpan jitter) => ScanTime * Sites / Concurrency + jitter + Slack;

    [Fact]
    public async Task EverySiteIsScannedInEachOfTheFirstThreeIntervalsWhenScansTakeSeconds()
    {
        await using var farm = await SlowSiteFarm.StartAsync(Sites, LatencyProfile.Fixed(PerResponse, PerBody));
        var loaded = farm.Configuration(_data.Path);
        Configure(loaded.Options, jitter: TimeSpan.Zero);
        loaded.Options.Schedule.Interval = Period;

        await using var service = await ServiceHost.StartAsync(loaded);
        var misfires = await MisfireCounter.AttachAsync(service);
        // The rounds are due on the schedule's own grid: start, start + interval, start + 2 × interval.
        var start = await StartOfAsync(service, farm.SiteIds[0]);
        await farm.WaitForScansAsync(3, start + 2 * Period + RoundBound(TimeSpan.Zero) + TimeSpan.FromSeconds(3));

        var first = farm.ScanStarts.Min(s => s.At);
        AssertEveryRound(farm, [first, start + Period, start + 2 * Period], RoundBound(TimeSpan.Zero), misfires);
    }

    [Fact]
    public async Task EverySiteOnACronScheduleIsScannedAtStartAndAtEachOfTheNextTwoFirings()
    {
        await using var farm = await SlowSiteFarm.StartAsync(Sites, LatencyProfile.Fixed(PerResponse, PerBody));
        var loaded = farm.Configuration(_data.Path);
        var jitter = TimeSpan.FromSeconds(2);
        Configure(loaded.Options, jitter);
        // Every 30 s, phased so that the first firing comes about 29 s from now: after the start-up round, not inside it.
        // The cron's own firings are the rounds, so they are the due times (plus at most the jitter).
        var now = DateTimeOffset.UtcNow;
        var firstFiring = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero).AddSeconds(29);
        var cron = $"{firstFiring.Second % 30}/30 * * * * ?";
        foreach (var site in loaded.Options.Sites) site.Cron = cron;

        await using var service = await ServiceHost.StartAsync(loaded);
        var misfires = await MisfireCounter.AttachAsync(service);
        await farm.WaitForScansAsync(3, firstFiring + Period + RoundBound(jitter) + TimeSpan.FromSeconds(3));

        var first = farm.ScanStarts.Min(s => s.At);
        AssertEveryRound(farm, [first, firstFiring, firstFiring + Period], RoundBound(jitter), misfires);
    }

    private static void Configure(PartnerWatch.Config.PartnerWatchOptions options, TimeSpan jitter)
    {
        options.Schedule.RunOnStart = true;
        options.Schedule.Jitter = jitter;
        options.Fetch.MaxConcurrentSites = Concurrency;
        options.Fetch.MaxRetries = 0;
        options.Fetch.AttemptTimeout = TimeSpan.FromSeconds(10);
    }

    private void AssertEveryRound(SlowSiteFarm farm, DateTimeOffset[] rounds, TimeSpan bound, MisfireCounter misfires)
    {
        var scanned = rounds.Select(r => farm.ScannedBetween(r - TimeSpan.FromSeconds(1), r + bound)).ToList();
        for (var k = 0; k < rounds.Length; k++)
            output.WriteLine($"round {k} (from {rounds[k]:HH:mm:ss.f}, bound {bound.TotalSeconds:0.0} s): {scanned[k].Count}/{Sites} sites scanned");
        output.WriteLine($"misfired site triggers: {misfires.Count}; scan starts in all: {farm.ScanStarts.Count}; requests: {farm.Requests.Count}");
        output.WriteLine("requests of site-00: " + string.Join(" ", farm.Requests.Where(r => r.Contains("site-00"))));
        var first = farm.ScanStarts.Min(s => s.At);
        output.WriteLine("scan starts (s): " + string.Join(" ", farm.ScanStarts.Select(s => $"{s.Site[5..]}@{(s.At - first).TotalSeconds:0.0}")));
        for (var k = 0; k < rounds.Length; k++)
        {
            var missing = farm.SiteIds.Except(scanned[k]).ToList();
            Assert.True(missing.Count == 0,
                $"round {k}: {missing.Count} of {Sites} sites not scanned within {bound.TotalSeconds:0.0} s: {string.Join(", ", missing)}");
        }
    }

    /// <summary>When the site's interval trigger started: the grid its firings are due on.</summary>
    private static async Task<DateTimeOffset> StartOfAsync(ServiceHost service, string siteId)
    {
        var scheduler = await service.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = await scheduler.GetTrigger(new TriggerKey(siteId, SiteScanJob.Group));
        return trigger!.StartTimeUtc;
    }

    public void Dispose() => _data.Dispose();

    /// <summary>Counts the site triggers Quartz declares misfired: evidence of what happens to a firing that found no free worker.</summary>
    private sealed class MisfireCounter : ITriggerListener
    {
        private readonly ConcurrentQueue<string> _misfired = new();

        public static async Task<MisfireCounter> AttachAsync(ServiceHost service)
        {
            var counter = new MisfireCounter();
            var scheduler = await service.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            scheduler.ListenerManager.AddTriggerListener(counter, [GroupMatcher<TriggerKey>.GroupEquals(SiteScanJob.Group)]);
            return counter;
        }


        public int Count => _misfired.Count;

        public string Name => "misfire-counter";

        public ValueTask TriggerFired(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default) => default;

        public ValueTask<bool> VetoJobExecution(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default) => new(false);

        public ValueTask TriggerMisfired(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default)
        {
            _misfired.Enqueue(trigger.Key.Name);
            return default;
        }

        public ValueTask TriggerComplete(ITrigger trigger, IJobExecutionContext context, SchedulerInstruction triggerInstructionCode, CancellationToken cancellationToken = default) => default;
    }
}
