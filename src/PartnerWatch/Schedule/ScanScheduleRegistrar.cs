using PartnerWatch.Compare;
using PartnerWatch.Config;
using PartnerWatch.Store;
using Quartz;

namespace PartnerWatch.Schedule;

/// <summary>
/// Puts every configured site on the scheduler when the service starts. A site's first run is its last recorded scan
/// plus its interval (so a restart does not rescan everything), or now with <c>Schedule:RunOnStart</c> or when it was
/// never scanned; each site's fixed jitter offset (<see cref="SiteTriggers.Offset"/>) spreads sites out so they do not
/// all hit the network at the same second, on the first run and on every later one.
/// </summary>
public sealed class ScanScheduleRegistrar(
    ISchedulerFactory schedulerFactory,
    IScanStore store,
    PartnerListSources partnerLists,
    PartnerWatchOptions options,
    TimeProvider time,
    ILogger<ScanScheduleRegistrar> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var lastScans = (await store.GetStatusAsync(cancellationToken)).Sites
            .Where(s => s.LastScanAt is not null)
            .ToDictionary(s => s.SiteId, s => s.LastScanAt!.Value, StringComparer.OrdinalIgnoreCase);
        var now = time.GetUtcNow();
        await PartnerListRefreshJob.ScheduleAsync(scheduler, partnerLists, now, logger, cancellationToken);

        foreach (var site in options.Sites)
        {
            var job = JobBuilder.Create<SiteScanJob>()
                .WithIdentity(SiteScanJob.KeyFor(site.Id))
                .UsingJobData(SiteScanJob.SiteIdKey, site.Id)
                .Build();
            var offset = SiteTriggers.Offset(site.Id, options.Schedule.Jitter);
            var trigger = BuildTrigger(site, lastScans.GetValueOrDefault(site.Id), offset, now);
            IReadOnlyCollection<ITrigger> triggers = [trigger];
            if (site.Cron is not null && options.Schedule.RunOnStart)
            {
                // A cron trigger fires at its next matching time, not at StartAt: RunOnStart needs one extra run now.
                triggers = [trigger, SiteTriggers.Once(SiteTriggers.StartKey(site.Id), site.Id, now + offset)];
            }
            await scheduler.ScheduleJob(job, triggers, ScheduleJobOptions.Replacing, cancellationToken);
            var firstRun = triggers.Min(t => t is ICronTrigger cronTrigger ? cronTrigger.GetFireTimeAfter(now) + offset : t.StartTimeUtc);
            logger.LogInformation("Scheduled {Site} every {Schedule}, first run at {FirstRun:u}",
                site.Id, site.Cron ?? (site.Interval ?? options.Schedule.Interval).ToString(), firstRun);
        }

        var delivery = JobBuilder.Create<AlertDeliveryJob>().WithIdentity(AlertDeliveryJob.Key).Build();
        var deliveryTrigger = TriggerBuilder.Create()
            .ForJob(AlertDeliveryJob.Key)
            .StartAt(now.AddMinutes(1))
            // Like the scans, a late run is run now rather than skipped: behind a long scan backlog every minute's
            // firing would otherwise miss its 1-minute threshold and delivery retries would never run.
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount))
            .Build();
        await scheduler.ScheduleJob(delivery, [deliveryTrigger], ScheduleJobOptions.Replacing, cancellationToken);
        await EvidenceRetentionJob.ScheduleAsync(scheduler, now, cancellationToken);
    }

    private ITrigger BuildTrigger(SiteOptions site, DateTimeOffset lastScan, TimeSpan offset, DateTimeOffset now)
    {
        if (site.Cron is { } cron)
            return SiteTriggers.Cron(site.Id, cron, ScheduleCapacity.PeriodOf(site, options.Schedule, now), now);

        var interval = site.Interval ?? options.Schedule.Interval;
        // A site scanned before keeps its rhythm (last scan + interval, which already carries its offset); one that is
        // due or new starts at its offset into the jitter window, and every later firing stays that far apart from the rest.
        var first = !options.Schedule.RunOnStart && lastScan != default && lastScan + interval > now
            ? lastScan + interval
            : now + offset;
        return SiteTriggers.Interval(site.Id, interval, first);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
