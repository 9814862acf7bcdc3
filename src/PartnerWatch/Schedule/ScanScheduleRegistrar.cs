using PartnerWatch.Compare;
using PartnerWatch.Config;
using PartnerWatch.Store;
using Quartz;

namespace PartnerWatch.Schedule;

/// <summary>
/// Makes the scheduler's site jobs match a configuration (<see cref="ReconcileAsync"/>): at start-up, and again after
/// every configuration reload. A site's first run is its last recorded scan plus its interval (so a restart does not
/// rescan everything), or now with <c>Schedule:RunOnStart</c> or when it was never scanned; each site's fixed jitter
/// offset (<see cref="SiteTriggers.Offset"/>) spreads sites out so they do not all hit the network at the same second.
/// </summary>
/// <remarks>
/// Reconciling is idempotent: a site whose stored trigger was built from the schedule the configuration still asks for
/// (<see cref="SiteTriggers.Signature"/>, kept in the trigger's data) is left alone with its next fire time. So N cluster
/// nodes starting with the same configuration leave one job per site and do not push everyone's next scan back, and a
/// reload that changes one site touches only that site's trigger.
/// </remarks>
public sealed class ScanScheduleRegistrar(
    ISchedulerFactory schedulerFactory,
    IScanStore store,
    PartnerListSources partnerLists,
    ConfirmedPartnerLists confirmedPartners,
    LiveConfiguration live,
    TimeProvider time,
    ILogger<ScanScheduleRegistrar> logger) : IHostedService
{
    // A reload may arrive while start-up (or another reload) is still reconciling: one at a time, last one wins.
    private readonly SemaphoreSlim _reconciling = new(1, 1);
    private int _subscribed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var now = time.GetUtcNow();
        await PartnerListRefreshJob.ScheduleAsync(scheduler, partnerLists, now, logger, cancellationToken);
        await ReconcileCoreAsync(live.Current, starting: true, cancellationToken);
        // A reload applies the new watch list the same way (only what changed moves), and new inline partner lists.
        if (Interlocked.Exchange(ref _subscribed, 1) == 0)
            live.Subscribe(async (reload, token) =>
            {
                await ReconcileAsync(reload.Current, token);
                await PartnerListRefreshJob.ApplyInlineListsAsync(confirmedPartners, partnerLists, reload, logger, token);
            });

        // Housekeeping jobs are added once: a node starting later (or a restart on a persistent store) keeps their rhythm.
        if (!await scheduler.Exists(AlertDeliveryJob.Key, cancellationToken))
        {
            var delivery = JobBuilder.Create<AlertDeliveryJob>().WithIdentity(AlertDeliveryJob.Key).Build();
            var deliveryTrigger = TriggerBuilder.Create()
                .ForJob(AlertDeliveryJob.Key)
                .StartAt(now.AddMinutes(1))
                // Like the scans, a late run is run now rather than skipped: behind a long scan backlog every minute's
                // firing would otherwise miss its 1-minute threshold and delivery retries would never run.
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount))
                .Build();
            await scheduler.ScheduleJob(delivery, [deliveryTrigger], ScheduleJobOptions.Replacing, cancellationToken);
        }
        if (!await scheduler.Exists(EvidenceRetentionJob.Key, cancellationToken))
            await EvidenceRetentionJob.ScheduleAsync(scheduler, now, cancellationToken);
    }

    /// <summary>
    /// Adds jobs for new sites, deletes the jobs of sites no longer configured, replaces the trigger of a site whose
    /// interval, cron or jitter offset changed, and leaves every other site's trigger untouched.
    /// </summary>
    public Task<ScheduleChanges> ReconcileAsync(PartnerWatchOptions configuration, CancellationToken cancellationToken) =>
        ReconcileCoreAsync(configuration, starting: false, cancellationToken);

    private async Task<ScheduleChanges> ReconcileCoreAsync(PartnerWatchOptions configuration, bool starting, CancellationToken cancellationToken)
    {
        await _reconciling.WaitAsync(cancellationToken);
        try
        {
            var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
            var now = time.GetUtcNow();
            var changes = new ScheduleChanges();

            // Job keys are case-sensitive in every Quartz store: compare ordinally, so an id whose case changed gets its
            // new job and loses the old one instead of keeping two.
            var configured = configuration.Sites.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            var stored = await scheduler.QueryJobs(new JobQuery { Group = GroupMatcher<JobKey>.GroupEquals(SiteScanJob.Group), Take = PagedQuery.All }, cancellationToken);
            foreach (var job in stored.Items.Where(j => !configured.Contains(j.Key.Name)))
            {
                // Deleting the job deletes its triggers too (main, start and jittered one-shots); a running scan finishes.
                await scheduler.DeleteJob(job.Key, cancellationToken);
                changes.Removed.Add(job.Key.Name);
                logger.LogInformation("Site {Site} is no longer configured: its scans are unscheduled", job.Key.Name);
            }

            IReadOnlyDictionary<string, DateTimeOffset>? lastScans = null;
            foreach (var site in configuration.Sites)
            {
                var signature = SiteTriggers.Signature(site, configuration.Schedule);
                var offset = SiteTriggers.Offset(site.Id, configuration.Schedule.Jitter);
                var current = await scheduler.GetTrigger(SiteTriggers.MainKey(site.Id), cancellationToken);
                if (current is not null && string.Equals(current.JobDataMap.GetString(SiteTriggers.ScheduleKey), signature, StringComparison.Ordinal))
                {
                    changes.Unchanged.Add(site.Id);
                    if (starting && configuration.Schedule.RunOnStart)
                    {
                        // The trigger stays (another node may have stored it); the start-up run is one extra one-shot, and a
                        // start-up run still waiting (stored by a node that started moments ago) already stands for this one.
                        await scheduler.ScheduleTrigger(SiteTriggers.Once(SiteTriggers.StartKey(site.Id), site.Id, now + offset), TriggerConflict.Keep, cancellationToken);
                    }
                    continue;
                }

                lastScans ??= await LastScansAsync(cancellationToken);
                var trigger = BuildTrigger(site, configuration.Schedule, signature, lastScans.GetValueOrDefault(site.Id), offset, starting, now);
                List<ITrigger> triggers = [trigger];
                if (site.Cron is not null && starting && configuration.Schedule.RunOnStart)
                {
                    // A cron trigger fires at its next matching time, not at StartAt: RunOnStart needs one extra run now.
                    triggers.Add(SiteTriggers.Once(SiteTriggers.StartKey(site.Id), site.Id, now + offset));
                }

                if (current is null)
                {
                    var job = JobBuilder.Create<SiteScanJob>()
                        .WithIdentity(SiteScanJob.KeyFor(site.Id))
                        .UsingJobData(SiteScanJob.SiteIdKey, site.Id)
                        .RequestRecovery() // a scan interrupted by a node's death is re-run by another node (docs/cluster.md)
                        .Build();
                    // Replacing: a node starting at the same moment may have stored the same job; either copy is right.
                    await scheduler.ScheduleJob(job, triggers, ScheduleJobOptions.Replacing, cancellationToken);
                    changes.Added.Add(site.Id);
                }
                else
                {
                    // Only the triggers change; the job (and a scan of it that is running now) stays.
                    foreach (var replacement in triggers)
                        await scheduler.ScheduleTrigger(replacement, TriggerConflict.Replace, cancellationToken);
                    changes.Rescheduled.Add(site.Id);
                }

                var firstRun = triggers.Min(t => t is ICronTrigger cronTrigger ? cronTrigger.GetFireTimeAfter(now) + offset : t.StartTimeUtc);
                logger.LogInformation("Scheduled {Site} every {Schedule}, first run at {FirstRun:u}",
                    site.Id, site.Cron ?? (site.Interval ?? configuration.Schedule.Interval).ToString(), firstRun);
            }

            logger.LogInformation("Schedule reconciled: {Added} sites added, {Removed} removed, {Rescheduled} rescheduled, {Unchanged} unchanged",
                changes.Added.Count, changes.Removed.Count, changes.Rescheduled.Count, changes.Unchanged.Count);
            return changes;
        }
        finally
        {
            _reconciling.Release();
        }
    }

    private async Task<IReadOnlyDictionary<string, DateTimeOffset>> LastScansAsync(CancellationToken cancellationToken) =>
        (await store.GetStatusAsync(cancellationToken)).Sites
            .Where(s => s.LastScanAt is not null)
            .ToDictionary(s => s.SiteId, s => s.LastScanAt!.Value, StringComparer.OrdinalIgnoreCase);

    private static ITrigger BuildTrigger(
        SiteOptions site, ScheduleOptions schedule, string signature, DateTimeOffset lastScan, TimeSpan offset, bool starting, DateTimeOffset now)
    {
        if (site.Cron is { } cron)
            return SiteTriggers.Cron(site.Id, cron, ScheduleCapacity.PeriodOf(site, schedule, now), now, signature);

        var interval = site.Interval ?? schedule.Interval;
        // A site scanned before keeps its rhythm (last scan + interval, which already carries its offset); one that is
        // due or new starts at its offset into the jitter window, and every later firing stays that far apart from the
        // rest. RunOnStart means "at start-up": a reload that changes an interval does not rescan at once.
        var runNow = starting && schedule.RunOnStart;
        var first = !runNow && lastScan != default && lastScan + interval > now
            ? lastScan + interval
            : now + offset;
        return SiteTriggers.Interval(site.Id, interval, first, signature);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>What one reconcile did, by site id.</summary>
public sealed class ScheduleChanges
{
    public List<string> Added { get; } = [];
    public List<string> Removed { get; } = [];
    public List<string> Rescheduled { get; } = [];
    public List<string> Unchanged { get; } = [];
}
