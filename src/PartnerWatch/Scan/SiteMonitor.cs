using PartnerWatch.Domain;
using PartnerWatch.Alert;
using PartnerWatch.Config;
using PartnerWatch.Store;
using PartnerWatch.Telemetry;

namespace PartnerWatch.Scan;

/// <summary>
/// What the service does for a site on each scheduled run: scan it, record the result (which queues alerts for
/// newly opened unverified claims in the same transaction), then deliver whatever the outbox holds.
/// </summary>
public sealed class SiteMonitor(
    SiteScanner scanner,
    IScanStore store,
    AlertDispatcher dispatcher,
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
        await dispatcher.DispatchPendingAsync(cancellationToken);
        return result;
    }
}
