using PartnerWatch.Config;
using PartnerWatch.Scan;
using PartnerWatch.Schedule.Cluster;

namespace PartnerWatch.Schedule;

/// <summary>
/// Says so when the schedule falls behind: every few seconds it counts the scans that are due and not started, and
/// logs a warning (with the numbers an operator needs: sites, average scan time, concurrency, interval) when they are
/// more than the scan slots can clear in one interval; again at most once per interval (at least ten minutes) while it
/// lasts, and once when the backlog is gone. Nothing else would tell: a late scan is not an error.
/// </summary>
public sealed class ScanBacklogMonitor(
    ScanSchedule schedule,
    ScanConcurrencyLimiter limiter,
    ClusterView cluster,
    PartnerWatchOptions options,
    TimeProvider time,
    ILogger<ScanBacklogMonitor> logger) : BackgroundService
{
    private static readonly TimeSpan MinRepeat = TimeSpan.FromMinutes(10);

    private DateTimeOffset? _warnedAt;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Sites.Count == 0) return;
        var interval = ScheduleCapacity.ShortestPeriod(options, time.GetUtcNow());
        // A quarter of the shortest interval, between 2 s and a minute: soon enough to matter, cheap on the job store.
        var every = TimeSpan.FromTicks(Math.Clamp(interval.Ticks / 4, TimeSpan.FromSeconds(2).Ticks, TimeSpan.FromMinutes(1).Ticks));
        using var timer = new PeriodicTimer(every, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await CheckAsync(interval, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogDebug(ex, "Scan backlog check failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CheckAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        var sites = await schedule.SitesAsync(cancellationToken);
        if (sites.Count == 0) return;
        var due = sites.Values.Count(s => s.Overdue);
        // The due scans are the whole cluster's (one job store), so are the slots that clear them: every live node has as
        // many as this one (the nodes share one configuration), each node warns on its own.
        var slots = limiter.Concurrency * await cluster.LiveNodeCountAsync(cancellationToken);
        var backlog = new ScanBacklog(due, limiter.AverageScanTime ?? ScheduleCapacity.AssumedScanTime, slots, interval);
        var now = time.GetUtcNow();
        if (backlog.Exceeded)
        {
            var repeat = interval > MinRepeat ? interval : MinRepeat;
            if (_warnedAt is { } last && now - last < repeat) return;
            _warnedAt = now;
            logger.LogWarning(
                "Scan backlog: {DueScans} of {Sites} sites are due and waiting, more than the {Capacity} scans {Concurrency} slots " +
                "clear in one interval of {Interval} at {AverageScanTime} per scan; sites are scanned late. Raise " +
                "Fetch:MaxConcurrentSites, lengthen the interval or split the watch list",
                backlog.DueScans, sites.Count, backlog.Capacity, backlog.Concurrency, backlog.Interval, backlog.AverageScanTime);
        }
        else if (_warnedAt is not null && due == 0)
        {
            _warnedAt = null;
            logger.LogInformation("Scan backlog cleared: no site is waiting for its scan");
        }
    }
}
