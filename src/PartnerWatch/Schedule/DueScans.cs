using System.Collections.Concurrent;

namespace PartnerWatch.Schedule;

/// <summary>
/// Scans this process has taken from the scheduler and not finished yet, with the time each was due: a firing
/// waiting for a scan slot has left the job store, so only this says it is still owed (<c>/status</c> overdue).
/// </summary>
public sealed class DueScans
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _due = new(StringComparer.OrdinalIgnoreCase);

    public void Begin(string siteId, DateTimeOffset dueAt) => _due[siteId] = dueAt;

    public void End(string siteId) => _due.TryRemove(siteId, out _);

    public DateTimeOffset? DueAt(string siteId) => _due.TryGetValue(siteId, out var at) ? at : null;
}
