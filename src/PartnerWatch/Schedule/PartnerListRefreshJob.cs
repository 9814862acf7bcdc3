using PartnerWatch.Compare;
using PartnerWatch.Config;
using Quartz;

namespace PartnerWatch.Schedule;

/// <summary>Re-reads one <c>ConfirmedPartnerSources</c> entry every <c>Refresh</c>; a change re-evaluates open claims.</summary>
[DisallowConcurrentExecution]
public sealed class PartnerListRefreshJob(PartnerListSources sources, IHostApplicationLifetime lifetime, ILogger<PartnerListRefreshJob> logger) : IJob
{
    public const string Group = "partner-lists";
    public const string SourceIndexKey = "sourceIndex";

    public static JobKey KeyFor(int sourceIndex) => new($"partner-list-{sourceIndex}", Group);

    /// <summary>
    /// Reads every source once now (before any scan is scheduled, so the first scans compare against the full lists), then
    /// puts one refresh job per source on <paramref name="scheduler"/>, first run one <c>Refresh</c> from now.
    /// </summary>
    public static async Task ScheduleAsync(IScheduler scheduler, PartnerListSources sources, DateTimeOffset now, ILogger logger, CancellationToken cancellationToken)
    {
        // Read before any scan is scheduled, so a partner confirmed only in a list file or URL is never alerted as
        // unverified; a source that fails keeps the service starting (it is retried on its schedule).
        try
        {
            await sources.RefreshAllAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Partner lists could not all be read at start-up; scanning with what was read");
        }
        for (var i = 0; i < sources.Sources.Count; i++)
        {
            var refresh = sources.Sources[i].Refresh >= TimeSpan.FromMinutes(1) ? sources.Sources[i].Refresh : TimeSpan.FromHours(6);
            var signature = FormattableString.Invariant($"every {refresh:c}");
            // Idempotent like the site schedule: a node starting later (or a restart on a persistent store) keeps the
            // stored refresh rhythm instead of pushing every list's next read back by one Refresh.
            var current = await scheduler.GetTrigger(TriggerKeyFor(i), cancellationToken);
            if (current is not null && current.JobDataMap.GetString(SiteTriggers.ScheduleKey) == signature) continue;
            var job = JobBuilder.Create<PartnerListRefreshJob>().WithIdentity(KeyFor(i)).UsingJobData(SourceIndexKey, i).Build();
            var trigger = TriggerBuilder.Create()
                .ForJob(KeyFor(i))
                .WithIdentity(TriggerKeyFor(i))
                .UsingJobData(SiteTriggers.ScheduleKey, signature)
                .StartAt(now + refresh)
                .WithSimpleSchedule(s => s.WithInterval(refresh).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount))
                .Build();
            await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
        }

        // Sources are numbered by their place in the list: jobs past its end belong to sources no longer configured.
        var stored = await scheduler.QueryJobs(new JobQuery { Group = GroupMatcher<JobKey>.GroupEquals(Group), Take = PagedQuery.All }, cancellationToken);
        foreach (var job in stored.Items.Where(j => !Enumerable.Range(0, sources.Sources.Count).Any(i => KeyFor(i).Equals(j.Key))))
            await scheduler.DeleteJob(job.Key, cancellationToken);
    }

    /// <summary>
    /// After a reload: the new inline <c>ConfirmedPartners</c> take effect for the next comparison, and open claims they
    /// now confirm are closed at once (as when a list source changes) rather than alerted again on the next scan.
    /// </summary>
    public static async Task ApplyInlineListsAsync(
        ConfirmedPartnerLists lists, PartnerListSources sources, ConfigurationApplied reload, ILogger logger, CancellationToken cancellationToken)
    {
        if (!reload.Changes.Live.Any(key => key.StartsWith($"{PartnerWatchOptions.SectionName}:{nameof(PartnerWatchOptions.ConfirmedPartners)}", StringComparison.Ordinal)))
            return;
        if (!lists.SetInlineEntries(reload.Current)) return;
        var closed = await sources.ReevaluateOpenClaimsAsync(cancellationToken);
        logger.LogInformation("Confirmed partners reloaded: {Closed} open claims now confirmed and closed", closed);
    }

    private static TriggerKey TriggerKeyFor(int sourceIndex) => new($"partner-list-{sourceIndex}", Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await BackgroundRun.RunAsync(cancellationToken, lifetime, logger, "Partner list refresh failed", token => sources.RefreshAsync(context.MergedJobDataMap.GetInt(SourceIndexKey), token));
}
