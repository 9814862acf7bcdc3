using Microsoft.Extensions.Logging;
using PartnerWatch.Config;
using PartnerWatch.Domain;

namespace PartnerWatch.Store;

/// <summary>
/// <see cref="IScanStore"/> on a relational database through ADO.NET and Dapper: the embedded SQLite file (default) or
/// PostgreSQL, whose differences live in the <see cref="StoreDialect"/>. A facade over the store's parts, one per
/// concern: <see cref="StoreSchema"/> (migrations), <see cref="ScanRecorder"/> (a scan's claims, alerts, evidence),
/// <see cref="ClaimChanges"/> (clock-driven alerts, list confirmations, acknowledgements), <see cref="OutboxDeliveries"/>
/// (due alerts and webhook deliveries under leases), <see cref="EvidenceManifests"/> and <see cref="EvidenceRetention"/>
/// (evidence), <see cref="StoreReadModels"/> (status, API, console reads). The lifecycle decisions themselves are
/// <see cref="ClaimPolicy"/>'s, with no SQL. Every call opens its own pooled connection.
/// </summary>
internal sealed class RelationalScanStore : IScanStore, IOpenClaims
{
    /// <summary>Bounds what one hostile page can make us store per claim and per scan.</summary>
    internal const int MaxStoredEvidencePerClaim = StoreValues.MaxStoredEvidencePerClaim;
    internal const int MaxStoredErrorsPerScan = StoreValues.MaxStoredErrorsPerScan;
    internal const int MaxStoredTextLength = StoreValues.MaxStoredTextLength;

    /// <summary>See <see cref="OutboxDeliveries.Lease"/>.</summary>
    internal static readonly TimeSpan OutboxLease = OutboxDeliveries.Lease;

    private readonly StoreSchema _schema;
    private readonly ScanRecorder _recorder;
    private readonly ClaimChanges _changes;
    private readonly OutboxDeliveries _outbox;
    private readonly EvidenceManifests _manifests;
    private readonly EvidenceRetention _retention;
    private readonly StoreReadModels _reads;

    public RelationalScanStore(
        StoreDialect dialect, StoreSchema schema, IEvidenceBlobs blobs, DataDirectory dataDirectory, PartnerWatchOptions options,
        TimeProvider timeProvider, ILogger<RelationalScanStore> logger)
    {
        var context = new StoreContext(dialect, schema, options, timeProvider, logger);
        var legacyFiles = new EvidenceFiles(dataDirectory);
        _schema = schema;
        _manifests = new EvidenceManifests(context, blobs, legacyFiles);
        _recorder = new ScanRecorder(context, new EvidenceRecorder(context, blobs));
        _changes = new ClaimChanges(context);
        _outbox = new OutboxDeliveries(context, _manifests);
        _retention = new EvidenceRetention(context, blobs, legacyFiles);
        _reads = new StoreReadModels(context);
    }

    /// <summary>
    /// A store outside the service container (tests, <c>migrate-store</c>), on <paramref name="dialect"/> with the blob
    /// store its engine uses: the database on PostgreSQL, the data directory on SQLite.
    /// </summary>
    internal static RelationalScanStore Create(StoreDialect dialect, DataDirectory dataDirectory, PartnerWatchOptions options, TimeProvider time, ILoggerFactory? loggers = null)
    {
        loggers ??= Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
        var schema = new StoreSchema(dialect, time, loggers.CreateLogger<StoreSchema>());
        IEvidenceBlobs blobs = dialect is PostgresDialect ? new PostgresEvidenceBlobs(dialect, schema, time) : new LocalEvidenceBlobs(dataDirectory);
        return new RelationalScanStore(dialect, schema, blobs, dataDirectory, options, time, loggers.CreateLogger<RelationalScanStore>());
    }

    /// <summary>Schema version this code writes for its engine; a database with a higher version is refused.</summary>
    public int CodeSchemaVersion => _schema.CodeVersion;

    /// <summary>Sink name of the webhook at <c>Webhooks:N</c>.</summary>
    public static string WebhookSink(int index) => StoreValues.WebhookSink(index);

    public Task InitializeAsync(CancellationToken cancellationToken) => _schema.InitializeAsync(cancellationToken);

    public Task<RecordedScan> RecordScanAsync(SiteScanResult result, CancellationToken cancellationToken) => _recorder.RecordAsync(result, cancellationToken);

    public Task<int> QueueDueAlertsAsync(CancellationToken cancellationToken) => _changes.QueueDueAlertsAsync(cancellationToken);

    public Task<int> CloseClaimsAsConfirmedAsync(IReadOnlyCollection<long> claimIds, CancellationToken cancellationToken) =>
        _changes.CloseClaimsAsConfirmedAsync(claimIds, cancellationToken);

    public Task<AcknowledgeOutcome> AcknowledgeClaimAsync(long claimId, string? by, string? note, CancellationToken cancellationToken) =>
        _changes.AcknowledgeAsync(claimId, by, note, cancellationToken);

    public Task<IReadOnlyList<PendingAlert>> GetPendingAlertsAsync(int max, CancellationToken cancellationToken) => _outbox.GetPendingAlertsAsync(max, cancellationToken);

    public Task MarkAlertSentAsync(long alertId, DateTimeOffset sentAt, CancellationToken cancellationToken) => _outbox.MarkAlertSentAsync(alertId, sentAt, cancellationToken);

    public Task MarkAlertFailedAsync(long alertId, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) =>
        _outbox.MarkAlertFailedAsync(alertId, error, nextAttemptAt, cancellationToken);

    public Task<IReadOnlyList<PendingDelivery>> GetPendingDeliveriesAsync(int max, CancellationToken cancellationToken) =>
        _outbox.GetPendingDeliveriesAsync(max, cancellationToken);

    public Task MarkDeliverySentAsync(long alertId, string sink, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        _outbox.MarkDeliverySentAsync(alertId, sink, sentAt, cancellationToken);

    public Task MarkDeliveryFailedAsync(long alertId, string sink, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) =>
        _outbox.MarkDeliveryFailedAsync(alertId, sink, error, nextAttemptAt, cancellationToken);

    public Task MarkDeliveryAbandonedAsync(long alertId, string sink, string error, DateTimeOffset failedAt, CancellationToken cancellationToken) =>
        _outbox.MarkDeliveryAbandonedAsync(alertId, sink, error, failedAt, cancellationToken);

    public Task<IReadOnlyList<ClaimRecord>> ListClaimsAsync(ClaimLifecycle? status, int max, CancellationToken cancellationToken) =>
        _reads.ListClaimsAsync(status, max, cancellationToken);

    public Task<ClaimRecord?> GetClaimAsync(long claimId, CancellationToken cancellationToken) => _reads.GetClaimAsync(claimId, cancellationToken);

    public Task<IReadOnlyList<OpenClaimRef>> ListOpenClaimsAsync(int max, CancellationToken cancellationToken) => _reads.ListOpenClaimsAsync(max, cancellationToken);

    public Task<IReadOnlyList<EvidenceManifestRecord>> GetEvidenceManifestsAsync(long claimId, CancellationToken cancellationToken) =>
        _manifests.ListAsync(claimId, cancellationToken);

    public Task<EvidenceFileContent?> OpenEvidenceFileAsync(long claimId, string name, CancellationToken cancellationToken) =>
        _manifests.OpenAsync(claimId, name, cancellationToken);

    public Task<int> PruneEvidenceAsync(CancellationToken cancellationToken) => _retention.PruneAsync(cancellationToken);

    public Task<StoreStatus> GetStatusAsync(CancellationToken cancellationToken) => _reads.GetStatusAsync(cancellationToken);

    public Task<bool> PingAsync(CancellationToken cancellationToken) => _reads.PingAsync(cancellationToken);
}
