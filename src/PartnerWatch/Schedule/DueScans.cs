using Quartz;

namespace PartnerWatch.Schedule;

/// <summary>
/// Scans some node has taken from the scheduler and not finished yet, read from the job store's fired triggers: with
/// the clustered store that is every node's, so each node's <c>/status</c> says the same. A firing that has left the
/// trigger table (its next fire time has moved on) is still owed until its job ends; the job reports progress once its
/// scan holds a scan slot (<see cref="ScanningProgress"/>), which tells a scan waiting for a slot from one running.
/// </summary>
public sealed class DueScans
{
    /// <summary>The progress a scan job reports once it holds a scan slot; below it, the job waits for one.</summary>
    public const int ScanningProgress = 1;

    public async Task<IReadOnlyDictionary<string, InFlightScan>> InFlightAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var firings = await scheduler.QueryFireInstances(new FireInstanceQuery { State = FireInstanceState.Executing, Take = PagedQuery.All }, cancellationToken);
        var result = new Dictionary<string, InFlightScan>(StringComparer.OrdinalIgnoreCase);
        foreach (var firing in firings.Items)
        {
            if (firing.JobKey is not { Group: SiteScanJob.Group } job) continue;
            var scan = new InFlightScan(job.Name, firing.ScheduledFireTimeUtc ?? firing.FireTimeUtc, firing.SchedulerInstanceId,
                firing.Progress >= ScanningProgress);
            // A site's job never runs twice at once; a cron firing that only moves the scan by its jitter may overlap it.
            if (!result.TryGetValue(job.Name, out var other) || scan.HoldsSlot || (!other.HoldsSlot && scan.DueAt < other.DueAt))
                result[job.Name] = scan;
        }
        return result;
    }
}

/// <param name="DueAt">When the firing was due.</param>
/// <param name="NodeId">The node running it.</param>
/// <param name="HoldsSlot">Its scan holds a scan slot (is fetching), rather than waiting for one.</param>
public sealed record InFlightScan(string SiteId, DateTimeOffset DueAt, string NodeId, bool HoldsSlot);
