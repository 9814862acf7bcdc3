using PartnerWatch.Scan;

namespace PartnerWatch.Store;

/// <summary>
/// Durable record of sites, scans, claims and the alert outbox. Recording a scan and queueing the alerts
/// it causes happen in one transaction, so an alert can be neither lost nor queued twice.
/// </summary>
public interface IScanStore
{
    /// <summary>Creates or migrates the schema; safe to call on every start. Fails when the database is newer than the code.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Stores a finished site scan, updates claims, and queues one alert per newly opened unverified claim.</summary>
    Task<RecordedScan> RecordScanAsync(SiteScanResult result, CancellationToken cancellationToken);

    /// <summary>Pending alerts whose next attempt is due now, oldest first.</summary>
    Task<IReadOnlyList<PendingAlert>> GetPendingAlertsAsync(int max, CancellationToken cancellationToken);
    Task MarkAlertSentAsync(long alertId, DateTimeOffset sentAt, CancellationToken cancellationToken);
    /// <summary>Counts a failed delivery attempt and schedules the next one.</summary>
    Task MarkAlertFailedAsync(long alertId, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);

    Task<StoreStatus> GetStatusAsync(CancellationToken cancellationToken);

    /// <summary>True when the database answers and its schema is current; used by <c>/readyz</c>.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);
}

/// <param name="NewClaims">Claims opened by this scan (new, or seen again after being resolved), whatever their status.</param>
/// <param name="AlertsQueued">Alerts put in the outbox by this scan.</param>
/// <param name="ResolvedClaims">Open claims no longer seen by this (successful) scan.</param>
public sealed record RecordedScan(long ScanId, int NewClaims, int AlertsQueued, int ResolvedClaims);

/// <summary>An alert waiting in the outbox, with everything needed to compose the message.</summary>
/// <param name="MessageId">Stable e-mail Message-ID (without angle brackets), so a resend is recognisable as the same message.</param>
/// <param name="Evidence">Evidence of the claim's latest sighting.</param>
public sealed record PendingAlert(
    long Id,
    string MessageId,
    string SiteId,
    string SiteUrl,
    string BrandId,
    double Confidence,
    IReadOnlyList<Evidence> Evidence,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset CreatedAt,
    int Attempts);

/// <param name="OpenClaims">Open unverified claims.</param>
/// <param name="FailedDeliveries">Pending alerts with at least one failed delivery attempt.</param>
public sealed record StoreStatus(IReadOnlyList<SiteStatus> Sites, IReadOnlyList<OpenClaim> OpenClaims, int PendingAlerts, int FailedDeliveries);

/// <param name="LastOutcome"><c>ok</c> or <c>failed</c>; null when the site was never scanned.</param>
public sealed record SiteStatus(string SiteId, string Url, DateTimeOffset? LastScanAt, string? LastOutcome, int LastPages, IReadOnlyList<ScanError> LastErrors);

/// <param name="Alerted">An alert was queued for the current open period of this claim.</param>
public sealed record OpenClaim(long Id, string SiteId, string BrandId, double Confidence, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, bool Alerted);
