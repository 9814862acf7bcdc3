using PartnerWatch.Domain;
using PartnerWatch.Alert;
using PartnerWatch.Config;
using PartnerWatch.Store;
using PartnerWatch.Telemetry;

namespace PartnerWatch.Scan;

/// <summary>
/// What the service does for a site on each scheduled run: scan it, record the result (which queues alerts for
/// newly opened unverified claims in the same transaction), then ring the <see cref="BackgroundAlertDispatcher"/>.
/// The alerts are delivered by that loop, not here: composing and sending on the scan's worker kept the worker (and
/// with workers = slots + 1, a scan slot) from the next due site while the outbox drained.
/// </summary>
public sealed class SiteMonitor(
    SiteScanner scanner,
    IScanStore store,
    AlertDispatchSignal alerts,
    ILogger<SiteMonitor> logger,
    Fetch.Browser.ClaimScreenshots screenshots,
    Telemetry.PartnerWatchMetrics? metrics = null)
{
    public async Task<SiteScanResult> RunOnceAsync(SiteOptions site, CancellationToken cancellationToken, string? scannedBy = null)
    {
        var result = await screenshots.AttachAsync(await scanner.ScanAsync(site, cancellationToken), cancellationToken) with { ScannedBy = scannedBy };
        var recorded = await store.RecordScanAsync(result, cancellationToken);
        metrics?.AlertsQueued(recorded.AlertsQueued);
        if (recorded.AlertsQueued > 0)
            logger.LogInformation("Queued {Alerts} alerts for {Site}", recorded.AlertsQueued, site.Id);
        // Every scan, not only one that queued: the run also picks up reminders, the digest and retries that fell due.
        alerts.Ring();
        return result;
    }
}
