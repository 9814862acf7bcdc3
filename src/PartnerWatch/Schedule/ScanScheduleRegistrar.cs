using PartnerWatch.Compare;
using PartnerWatch.Config;
using PartnerWatch.Store;
using Quartz;

namespace PartnerWatch.Schedule;

/// <summary>
/// Puts every configured site on the scheduler when the service starts. A site's first run is its last recorded scan
/// plus its interval (so a restart does not rescan everything), or now with <c>Schedule:RunOnStart</c>; a random
/// jitter spreads sites out so they do not all hit the network at the same second.
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
            var trigger = BuildTrigger(site, lastScans.GetValueOrDefault(site.Id), now);
            IReadOnlyCollection<ITrigger> triggers = [trigger];
            if (site.Cron is not null && options.Schedule.RunOnStart)
            {
                // A cron trigger fires at its next matching time, not at StartAt: RunOnStart needs one extra run now.
                triggers = [trigger, TriggerBuilder.Create().ForJob(SiteScanJob.KeyFor(site.Id)).WithIdentity(site.Id + ":start", SiteScanJob.Group)
                    .StartAt(now).WithSimpleSchedule(s => s.WithRepeatCount(0)).Build()];
            }
            await scheduler.ScheduleJob(job, triggers, ScheduleJobOptions.Replacing, cancellationToken);
            logger.LogInformation("Scheduled {Site} every {Schedule}, first run at {FirstRun:u}",
                site.Id, site.Cron ?? (site.Interval ?? options.Schedule.Interval).ToString(), trigger.StartTimeUtc);
        }

        var delivery = JobBuilder.Create<AlertDeliveryJob>().WithIdentity(AlertDeliveryJob.Key).Build();
        var deliveryTrigger = TriggerBuilder.Create()
            .ForJob(AlertDeliveryJob.Key)
            .StartAt(now.AddMinutes(1))
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever())
            .Build();
        await scheduler.ScheduleJob(delivery, [deliveryTrigger], ScheduleJobOptions.Replacing, cancellationToken);
        await EvidenceRetentionJob.ScheduleAsync(scheduler, now, cancellationToken);
    }

    private ITrigger BuildTrigger(SiteOptions site, DateTimeOffset lastScan, DateTimeOffset now)
    {
        var builder = TriggerBuilder.Create().ForJob(SiteScanJob.KeyFor(site.Id)).WithIdentity(site.Id, SiteScanJob.Group);
        if (site.Cron is { } cron)
        {
            var start = options.Schedule.RunOnStart ? now : now.Add(Jitter());
            return builder.StartAt(start)
                .WithCronSchedule(cron, c => c.InTimeZone(TimeZoneInfo.Utc))
                .Build();
        }

        var interval = site.Interval ?? options.Schedule.Interval;
        DateTimeOffset first;
        if (options.Schedule.RunOnStart) first = now;
        else if (lastScan != default) first = Max(lastScan + interval, now) + Jitter();
        else first = now + Jitter();

        return builder.StartAt(first)
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever())
            .Build();
    }

    private TimeSpan Jitter() =>
        options.Schedule.Jitter <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * options.Schedule.Jitter.TotalMilliseconds);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
