using PartnerWatch.Domain;

namespace PartnerWatch.Store;

/// <summary>
/// Durable record of sites, scans, claims, evidence and the alert outbox. Every claim change and the alerts it causes
/// are written in one transaction, so an alert can be neither lost nor queued twice.
/// </summary>
public interface IScanStore
{
    /// <summary>Creates or migrates the schema; safe to call on every start. Fails when the database is newer than the code.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores a finished site scan and its evidence, moves each claim through its lifecycle (see docs/alerts.md) and queues
    /// the alerts that causes: new claim (or digest entry), claim withdrawn, claim closed as confirmed.
    /// </summary>
    Task<RecordedScan> RecordScanAsync(SiteScanResult result, CancellationToken cancellationToken);

    /// <summary>
    /// Queues what is due by the clock: reminders for open unacknowledged claims, the daily digest, and new-claim
    /// alerts for open claims that have none (digest switched off). Returns how many alerts were queued.
    /// </summary>
    Task<int> QueueDueAlertsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Closes the given claims as confirmed because a partner-list update now confirms them (claims no longer open are
    /// skipped), queueing the "claim closed" notice for those that were alerted, in one transaction. Returns how many closed.
    /// </summary>
    Task<int> CloseClaimsAsConfirmedAsync(IReadOnlyCollection<long> claimIds, CancellationToken cancellationToken);

    /// <summary>Pending alerts whose next e-mail attempt is due now, oldest first.</summary>
    Task<IReadOnlyList<PendingAlert>> GetPendingAlertsAsync(int max, CancellationToken cancellationToken);
    Task MarkAlertSentAsync(long alertId, DateTimeOffset sentAt, CancellationToken cancellationToken);
    /// <summary>Counts a failed delivery attempt and schedules the next one.</summary>
    Task MarkAlertFailedAsync(long alertId, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);

    /// <summary>Pending deliveries of alerts to non-e-mail sinks (webhooks) that are due now.</summary>
    Task<IReadOnlyList<PendingDelivery>> GetPendingDeliveriesAsync(int max, CancellationToken cancellationToken);
    Task MarkDeliverySentAsync(long alertId, string sink, DateTimeOffset sentAt, CancellationToken cancellationToken);
    Task MarkDeliveryFailedAsync(long alertId, string sink, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);
    /// <summary>Gives a delivery up for good (the receiver refused it: HTTP 4xx, address not allowed); shown in the status for 7 days.</summary>
    Task MarkDeliveryAbandonedAsync(long alertId, string sink, string error, DateTimeOffset failedAt, CancellationToken cancellationToken);

    /// <summary>Claims in the given lifecycle status (all when null), newest activity first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<ClaimRecord>> ListClaimsAsync(ClaimLifecycle? status, int max, CancellationToken cancellationToken);
    Task<ClaimRecord?> GetClaimAsync(long claimId, CancellationToken cancellationToken);
    /// <summary>Evidence manifests of a claim, newest first.</summary>
    Task<IReadOnlyList<EvidenceManifestRecord>> GetEvidenceManifestsAsync(long claimId, CancellationToken cancellationToken);
    /// <summary>
    /// An evidence file of a claim — a manifest name (<c>scan-12.json</c>) or a blob hash listed as stored in one of the
    /// claim's manifests — with its bytes, or null when the claim has no such file. Any node sharing the database
    /// serves it when the blobs are in PostgreSQL.
    /// </summary>
    Task<EvidenceFileContent?> OpenEvidenceFileAsync(long claimId, string name, CancellationToken cancellationToken);
    /// <summary>Marks an open claim as acknowledged by a person: no more reminders for this open period.</summary>
    Task<AcknowledgeOutcome> AcknowledgeClaimAsync(long claimId, string? by, string? note, CancellationToken cancellationToken);

    /// <summary>Deletes evidence manifests older than the retention and blobs no manifest refers to any more.</summary>
    Task<int> PruneEvidenceAsync(CancellationToken cancellationToken);

    Task<StoreStatus> GetStatusAsync(CancellationToken cancellationToken);

    /// <summary>True when the database answers and its schema is current; used by <c>/readyz</c>.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);
}

/// <param name="NewClaims">Claims opened by this scan as unverified (new, or seen again after being closed).</param>
/// <param name="AlertsQueued">Alerts put in the outbox by this scan (new claims, withdrawals, closed as confirmed).</param>
/// <param name="ResolvedClaims">Open claims resolved by this (successful) scan: absent for <c>Alerts:ResolveAfterScans</c> scans.</param>
/// <param name="ConfirmedClaims">Open claims closed by this scan because the brand now confirms the site.</param>
public sealed record RecordedScan(long ScanId, int NewClaims, int AlertsQueued, int ResolvedClaims, int ConfirmedClaims = 0);

/// <summary>Where a claim is in its life; see docs/alerts.md.</summary>
public enum ClaimLifecycle
{
    /// <summary>Unverified and up, nobody has acknowledged it yet: reminders are sent.</summary>
    Open,
    /// <summary>Unverified and up, a person has taken the case: no reminders.</summary>
    Acknowledged,
    /// <summary>Gone for <c>Alerts:ResolveAfterScans</c> successful scans; returns as a new open period.</summary>
    Resolved,
    /// <summary>The brand lists the site as a partner; never alerted.</summary>
    Confirmed,
    /// <summary>An analyst dismissed it as not a claim (a false alert); stays so while seen, until reopened.</summary>
    Dismissed,
}

/// <summary>What kind of message an alert is.</summary>
public enum AlertKind { NewClaim, Reminder, Withdrawn, Confirmed, Digest }

public static class AlertKindNames
{
    /// <summary>The kind's wire name, as e-mail headers, webhooks and the database spell it: <c>new-claim</c>, <c>reminder</c>…</summary>
    public static string Name(this AlertKind kind) => StoreValues.KindName(kind);
}

/// <summary>An evidence file and its bytes, as the evidence routes serve it.</summary>
/// <param name="Item">What the file is (page, image, screenshot…) as its manifest lists it; null for a manifest itself.</param>
public sealed record EvidenceFileContent(string Name, byte[] Bytes, EvidenceItem? Item)
{
    public bool IsManifest => Item is null;
}

public enum AcknowledgeOutcome { Acknowledged, AlreadyAcknowledged, NotOpen, NotFound }

/// <summary>An alert waiting in the outbox, with everything needed to compose the message.</summary>
/// <param name="MessageId">Stable e-mail Message-ID (without angle brackets), so a resend is recognisable as the same message.</param>
/// <param name="Evidence">Evidence of the claim's latest sighting (empty for a digest; see <see cref="DigestClaims"/>).</param>
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
    int Attempts)
{
    public AlertKind Kind { get; init; } = AlertKind.NewClaim;
    public long? ClaimId { get; init; }
    public DateTimeOffset? LastSeenAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    /// <summary>Message-ID of the alert that opened the claim's period, so follow-ups thread under it (In-Reply-To).</summary>
    public string? ThreadMessageId { get; init; }
    /// <summary>The claims a digest lists.</summary>
    public IReadOnlyList<DigestClaim> DigestClaims { get; init; } = [];
    /// <summary>The claim's latest evidence manifest, when one was stored.</summary>
    public EvidenceManifestRecord? Manifest { get; init; }
}

public sealed record DigestClaim(long ClaimId, string SiteId, string SiteUrl, string BrandId, double Confidence, DateTimeOffset FirstSeenAt, IReadOnlyList<Evidence> Evidence);

/// <summary>One alert's delivery to one non-e-mail sink (e.g. <c>webhook:0</c>).</summary>
public sealed record PendingDelivery(string Sink, PendingAlert Alert, int Attempts);

/// <summary>A claim as the API shows it.</summary>
public sealed record ClaimRecord(
    long Id,
    string SiteId,
    string SiteUrl,
    string BrandId,
    ClaimLifecycle Status,
    double Confidence,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset LastSeenAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    string? AcknowledgedNote,
    int MissedScans,
    bool Alerted,
    IReadOnlyList<Evidence> Evidence);

/// <param name="File">File name under the claim's evidence (<c>scan-12.json</c>), as the API serves it.</param>
/// <param name="Items">The files the manifest lists, with their hashes.</param>
public sealed record EvidenceManifestRecord(long ClaimId, long ScanId, DateTimeOffset CreatedAt, string File, string Sha256, IReadOnlyList<EvidenceItem> Items);

/// <param name="Kind"><c>page</c> (HTML as fetched), <c>rendered-page</c>, <c>image</c> or <c>screenshot</c> (PNG as rendered).</param>
/// <param name="Sha256">Hex SHA-256 of the bytes; null when the bytes were not available (image not yet fetched).</param>
/// <param name="Stored">True when the bytes are in the blob store (<see cref="IEvidenceBlobs"/>).</param>
/// <param name="Note">Why an item has no bytes (a screenshot that could not be taken), or what it shows.</param>
/// <param name="Marks">For a screenshot: where the outlined marks are in the PNG.</param>
public sealed record EvidenceItem(string Kind, string Url, DateTimeOffset? FetchedAt, int? HttpStatus, string? Sha256, long? Bytes, bool Stored, string? ContentType = null, string? Note = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<MarkBox>? Marks = null);

/// <param name="OpenClaims">Open unverified claims (acknowledged or not).</param>
/// <param name="PendingAlerts">E-mail outbox backlog.</param>
/// <param name="FailedDeliveries">Pending alerts with at least one failed delivery attempt.</param>
public sealed record StoreStatus(IReadOnlyList<SiteStatus> Sites, IReadOnlyList<OpenClaim> OpenClaims, int PendingAlerts, int FailedDeliveries)
{
    /// <summary>Creation time of the oldest undelivered alert: how far behind delivery is.</summary>
    public DateTimeOffset? OldestPendingAlertAt { get; init; }
    /// <summary>Error of the most recent failed e-mail attempt still pending (no secrets: exception type and message).</summary>
    public string? LastDeliveryError { get; init; }
    /// <summary>
    /// Webhook outbox: pending deliveries; failed = pending deliveries that failed at least once plus deliveries given up
    /// for good (HTTP 4xx, refused address) in the last 7 days; the newest error of either.
    /// </summary>
    public int PendingWebhookDeliveries { get; init; }
    public int FailedWebhookDeliveries { get; init; }
    public string? LastWebhookError { get; init; }
}

/// <param name="LastOutcome"><c>ok</c> or <c>failed</c>; null when the site was never scanned.</param>
public sealed record SiteStatus(string SiteId, string Url, DateTimeOffset? LastScanAt, string? LastOutcome, int LastPages, IReadOnlyList<ScanError> LastErrors)
{
    /// <summary>The node (scheduler instance id) that ran the last scan; null for a one-off <c>scan --store</c> or older scans.</summary>
    public string? LastScanBy { get; init; }
}

/// <param name="Alerted">An alert was queued for the current open period of this claim.</param>
public sealed record OpenClaim(long Id, string SiteId, string BrandId, double Confidence, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, bool Alerted)
{
    public bool Acknowledged { get; init; }
}
