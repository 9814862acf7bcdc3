using Quartz;

namespace PartnerWatch.Schedule;

/// <summary>What the scheduler plans: the next scan of each site, and whether the scheduler runs at all.</summary>
public sealed class ScanSchedule(ISchedulerFactory schedulerFactory)
{
    public async Task<bool> IsRunningAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        return scheduler.Status == SchedulerStatus.Running;
    }

    public async Task<IReadOnlyDictionary<string, DateTimeOffset?>> NextScansAsync(IEnumerable<string> siteIds, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var keys = siteIds.Select(id => new TriggerKey(id, SiteScanJob.Group)).ToList();
        var result = new Dictionary<string, DateTimeOffset?>(StringComparer.OrdinalIgnoreCase);
        if (scheduler.Status != SchedulerStatus.Running) return result;
        foreach (var trigger in await scheduler.GetTriggers(keys, cancellationToken))
            result[trigger.Key.Name] = trigger.NextFireTimeUtc;
        return result;
    }
}
