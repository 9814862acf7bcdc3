using PartnerWatch.Config;
using PartnerWatch.Scan;
using Quartz;

namespace PartnerWatch.Schedule;

/// <summary>What the scheduler plans and owes: the next scan of each site, which scans are due and not started, and whether the scheduler runs at all.</summary>
public sealed class ScanSchedule(
    ISchedulerFactory schedulerFactory, LiveConfiguration live, DueScans due, ScanConcurrencyLimiter limiter, TimeProvider time)
{
    public async Task<bool> IsRunningAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        return scheduler.Status == SchedulerStatus.Running;
    }

    public async Task<IReadOnlyDictionary<string, DateTimeOffset?>> NextScansAsync(IEnumerable<string> siteIds, CancellationToken cancellationToken)
    {
        var wanted = siteIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var states = await SitesAsync(cancellationToken);
        return states.Where(s => wanted.Contains(s.Key)).ToDictionary(s => s.Key, s => s.Value.NextScan, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Every configured site's schedule state, from the job store (shared by every node of a cluster): a firing whose
    /// time has passed is due (it waits for a worker), and so is one a node took but has not started scanning (it waits
    /// for a scan slot there).
    /// Empty while the scheduler is not running.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, SiteScheduleState>> SitesAsync(CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, SiteScheduleState>(StringComparer.OrdinalIgnoreCase);
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        if (scheduler.Status != SchedulerStatus.Running) return result;

        var options = live.Current;  // the sites configured now, reloads included
        var keys = options.Sites.SelectMany(s => SiteTriggers.KeysOf(s.Id)).ToList();
        var triggersBySite = (await scheduler.GetTriggers(keys, cancellationToken))
            .ToLookup(t => t.JobKey.Name, StringComparer.OrdinalIgnoreCase);
        var inFlight = await due.InFlightAsync(scheduler, cancellationToken);
        var now = time.GetUtcNow();
        foreach (var site in options.Sites)
        {
            var offset = SiteTriggers.Offset(site.Id, options.Schedule.Jitter);
            var planned = triggersBySite[site.Id].Select(t => SiteTriggers.ScanTimeOf(t, offset)).OfType<DateTimeOffset>().ToList();
            var next = planned.Count == 0 ? (DateTimeOffset?)null : planned.Min();
            inFlight.TryGetValue(site.Id, out var flight);
            // This node's limiter knows at once; another node's scan is known from the progress its job reported.
            var scanning = limiter.IsScanning(site.Id) || flight is { HoldsSlot: true };
            var dueAt = Earliest(flight?.DueAt, planned.Where(at => at <= now).Cast<DateTimeOffset?>().DefaultIfEmpty(null).Min());
            result[site.Id] = new SiteScheduleState(site.Id, next, dueAt, scanning, now, flight?.NodeId);
        }
        return result;
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}

/// <param name="NextScan">The earliest planned firing (may be in the past while it waits for a worker).</param>
/// <param name="DueAt">When the scan the site is owed was due; null when none is owed now.</param>
/// <param name="Scanning">A scan of the site holds a scan slot right now.</param>
/// <param name="RunningOn">The node whose job is scanning the site or waiting for a scan slot for it; null when none is.</param>
public sealed record SiteScheduleState(
    string SiteId, DateTimeOffset? NextScan, DateTimeOffset? DueAt, bool Scanning, DateTimeOffset Now, string? RunningOn = null)
{
    /// <summary>Due and not started: waiting for a worker or a scan slot.</summary>
    public bool Overdue => DueAt is { } due && due <= Now && !Scanning;

    public TimeSpan? OverdueBy => Overdue ? Now - DueAt : null;
}
