using PartnerWatch.Scan;

namespace PartnerWatch.Store;

/// <summary>
/// Durable record of sites, scans, claims and the alert outbox. Recording a scan and queueing the alerts
/// it causes happen in one transaction, so an alert can be neither lost nor queued twice.
/// </summary>
public interface IScanStore
{
    /// <summary>Creates or migrates the schema; safe to call on every start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Stores a finished site scan, updates claims, and queues one alert per newly opened unverified claim.</summary>
    Task<RecordedScan> RecordScanAsync(SiteScanResult result, CancellationToken cancellationToken);

    Task<IReadOnlyList<PendingAlert>> GetPendingAlertsAsync(int max, CancellationToken cancellationToken);
    Task MarkAlertSentAsync(long alertId, DateTimeOffset sentAt, CancellationToken cancellationToken);
    Task MarkAlertFailedAsync(long alertId, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);

    Task<StoreStatus> GetStatusAsync(CancellationToken cancellationToken);

    /// <summary>True when the database answers; used by <c>/readyz</c>.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);
}

public sealed record RecordedScan(long ScanId, int NewClaims, int AlertsQueued);

/// <summary>An alert waiting in the outbox, with everything needed to compose the message.</summary>
public sealed record PendingAlert(
    long Id,
    string SiteId,
    string SiteUrl,
    string BrandId,
    double Confidence,
    IReadOnlyList<Evidence> Evidence,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset CreatedAt,
    int Attempts);

public sealed record StoreStatus(IReadOnlyList<SiteStatus> Sites, IReadOnlyList<OpenClaim> OpenClaims, int PendingAlerts, int FailedDeliveries);

public sealed record SiteStatus(string SiteId, DateTimeOffset? LastScanAt, string? LastOutcome, int LastPages, IReadOnlyList<ScanError> LastErrors);

public sealed record OpenClaim(long Id, string SiteId, string BrandId, double Confidence, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, bool Alerted);
