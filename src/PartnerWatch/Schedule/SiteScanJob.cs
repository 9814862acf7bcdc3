using PartnerWatch.Config;
using PartnerWatch.Scan;
using Quartz;

namespace PartnerWatch.Schedule;

/// <summary>
/// The scheduled scan of one site. One job per site (keyed by site id) and <see cref="DisallowConcurrentExecutionAttribute"/>
/// make sure a site is never scanned twice at once; a slow scan delays the next one instead of overlapping it.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SiteScanJob(
    SiteMonitor monitor,
    ScanConcurrencyLimiter limiter,
    LiveConfiguration live,
    IHostApplicationLifetime lifetime,
    ILogger<SiteScanJob> logger) : IJob
{
    public const string SiteIdKey = "siteId";
    public const string Group = "site-scans";

    public static JobKey KeyFor(string siteId) => new(siteId, Group);

    private static readonly TimeSpan SlotPoll = TimeSpan.FromMilliseconds(200);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var siteId = context.MergedJobDataMap.GetString(SiteIdKey);
        // The configuration in effect now: a site added or changed by a reload is found, with its current URL.
        var options = live.Current;
        var site = options.Sites.FirstOrDefault(s => string.Equals(s.Id, siteId, StringComparison.OrdinalIgnoreCase));
        if (site is null)
        {
            logger.LogWarning("Scheduled scan for unknown site {Site} skipped", siteId);
            return;
        }

        var scheduledAt = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var offset = SiteTriggers.Offset(site.Id, options.Schedule.Jitter);
        if (context.Trigger is ICronTrigger && offset > TimeSpan.Zero)
        {
            // A cron trigger fires every site with that expression at the same second; the scan itself is moved by
            // the site's jitter offset onto a stored one-shot trigger (kept by a persistent store, unlike a sleep).
            await ScheduleJitteredScanAsync(context.Scheduler, site.Id, scheduledAt + offset, cancellationToken);
            return;
        }

        // Shutdown cancels a running scan cleanly: nothing of a cancelled scan is recorded, so no half results.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        try
        {
            // The scan is recorded as run by this node (the scheduler instance id: /status and the scans table name it).
            var scan = monitor.RunOnceAsync(site, linked.Token, context.Scheduler.SchedulerInstanceId);
            await ReportSlotAsync(context, site.Id, scan);
            await scan;
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            logger.LogInformation("Scan of {Site} cancelled by shutdown", site.Id);
        }
        catch (Exception ex)
        {
            // A storage or delivery failure must not kill the trigger; the next run tries again.
            logger.LogError(ex, "Scheduled scan of {Site} failed", site.Id);
        }
    }

    /// <summary>
    /// Says in the job store when the scan holds a scan slot (<see cref="DueScans.ScanningProgress"/>), so every node's
    /// <c>/status</c> tells a scan that runs from one that waits for a slot; the limiter has no callback, so it is asked
    /// until then. At most one firing per node waits (workers = slots + 1), so this loop is short and rare.
    /// </summary>
    private async Task ReportSlotAsync(IJobExecutionContext context, string siteId, Task scan)
    {
        while (!scan.IsCompleted && !limiter.IsScanning(siteId))
            await Task.WhenAny(scan, Task.Delay(SlotPoll));
        if (!scan.IsCompleted) context.ReportProgress(DueScans.ScanningProgress, "scanning");
    }

    private static async Task ScheduleJitteredScanAsync(IScheduler scheduler, string siteId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // A jittered scan still waiting (the workers were busy) already stands for this firing: Keep leaves it its place.
        await scheduler.ScheduleTrigger(SiteTriggers.Once(SiteTriggers.JitteredKey(siteId), siteId, at), TriggerConflict.Keep, cancellationToken);
    }
}
