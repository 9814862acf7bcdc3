using System.Diagnostics.Metrics;
using PartnerWatch.Config;
using PartnerWatch.Store;
using PartnerWatch.Telemetry;

namespace PartnerWatch.Status.Metrics;

/// <summary>
/// Gauges read from the database: open unverified claims by brand, the alert outbox backlog and the age of its oldest
/// alert. Observable-gauge callbacks are synchronous, so the values are read (asynchronously) just before each scrape
/// of <c>/metrics</c> by <see cref="RefreshAsync"/> and the callbacks report that snapshot.
/// </summary>
public sealed class StoreGauges
{
    private readonly IScanStore _store;
    private readonly PartnerWatchOptions _options;
    private readonly TimeProvider _time;
    private Snapshot _snapshot = new(new Dictionary<string, long>(), 0, 0, null);

    public StoreGauges(IMeterFactory meterFactory, IScanStore store, PartnerWatchOptions options, TimeProvider time)
    {
        _store = store;
        _options = options;
        _time = time;
        var meter = meterFactory.Create(PartnerWatchMetrics.MeterName);
        meter.CreateObservableGauge("partnerwatch.claims.open", ObserveOpenClaims, "{claim}",
            "Open unverified claims (acknowledged or not) of the configured sites, by brand.");
        meter.CreateObservableGauge("partnerwatch.outbox.pending", () => (long)Volatile.Read(ref _snapshot).Pending, "{alert}",
            "Alert e-mails waiting in the outbox.");
        meter.CreateObservableGauge("partnerwatch.outbox.failed", () => (long)Volatile.Read(ref _snapshot).Failed, "{alert}",
            "Alert e-mails in the outbox with at least one failed delivery attempt.");
        meter.CreateObservableGauge("partnerwatch.outbox.oldest_age", ObserveOldestAge, "s",
            "How long the oldest undelivered alert has waited (0 when the outbox is empty).");
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var status = await _store.GetStatusAsync(cancellationToken);
        var configured = _options.Sites.Select(s => s.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // Every configured brand appears, at 0 when it has no open claim, so a dashboard shows a flat line, not a gap.
        var byBrand = _options.Brands.ToDictionary(b => b.Id, _ => 0L, StringComparer.OrdinalIgnoreCase);
        foreach (var claim in status.OpenClaims.Where(c => configured.Contains(c.SiteId)))
            byBrand[claim.BrandId] = byBrand.GetValueOrDefault(claim.BrandId) + 1;
        Volatile.Write(ref _snapshot, new Snapshot(byBrand, status.PendingAlerts, status.FailedDeliveries, status.OldestPendingAlertAt));
    }

    private IEnumerable<Measurement<long>> ObserveOpenClaims() =>
        Volatile.Read(ref _snapshot).OpenByBrand.Select(kv => new Measurement<long>(kv.Value, new KeyValuePair<string, object?>("brand", kv.Key))).ToList();

    private double ObserveOldestAge() =>
        Volatile.Read(ref _snapshot).OldestPendingAt is { } oldest ? Math.Max(0, (_time.GetUtcNow() - oldest).TotalSeconds) : 0;

    private sealed record Snapshot(IReadOnlyDictionary<string, long> OpenByBrand, int Pending, int Failed, DateTimeOffset? OldestPendingAt);
}
