using System.Data.Common;
using Dapper;
using static PartnerWatch.Store.StoreValues;

namespace PartnerWatch.Store;

/// <summary>
/// The outbox as the alert stage sees it: the alerts and webhook deliveries due now — taken under a lease where several
/// instances share the database (<see cref="StoreDialect.LeasesOutbox"/>), so each is sent by one instance — and their
/// outcome (sent, failed and retried later, given up).
/// </summary>
internal sealed class OutboxDeliveries(StoreContext store, EvidenceManifests manifests)
{
    /// <summary>
    /// How long an instance that took due alerts has to deliver them before another instance may: a full batch of slow
    /// SMTP sends fits; a crashed instance's alerts are retried after it.
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(30);

    public async Task<IReadOnlyList<PendingAlert>> GetPendingAlertsAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var now = ToUnixMs(store.Time.GetUtcNow());
        await using var connection = await store.OpenAsync(cancellationToken);
        if (!store.Dialect.LeasesOutbox)
        {
            var due = (await connection.QueryAsync<PendingAlertRow>(new CommandDefinition(StoreSql.DuePendingAlerts, new { Now = now, Max = max },
                cancellationToken: cancellationToken))).ToList();
            return await ToPendingAlertsAsync(connection, due, cancellationToken);
        }

        // Taking the rows and leasing them is one statement, so two instances never hold the same alert.
        var leased = (await connection.QueryAsync<long>(new CommandDefinition(StoreSql.LeaseDueAlerts,
            new { Now = now, Max = max, LeasedUntil = now + (long)Lease.TotalMilliseconds }, cancellationToken: cancellationToken))).ToList();
        if (leased.Count == 0)
        {
            return [];
        }

        var rows = (await connection.QueryAsync<PendingAlertRow>(new CommandDefinition(AlertsByIdSql(), new { Ids = leased.ToArray(), Max = max },
            cancellationToken: cancellationToken))).ToList();
        return await ToPendingAlertsAsync(connection, rows, cancellationToken);
    }

    public async Task MarkAlertSentAsync(long alertId, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await StoreContext.ExecuteAsync(connection, null, StoreSql.MarkAlertSent, new { Id = alertId, SentAt = ToUnixMs(sentAt) }, cancellationToken);
    }

    public async Task MarkAlertFailedAsync(long alertId, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await StoreContext.ExecuteAsync(connection, null, StoreSql.MarkAlertFailed,
            new { Id = alertId, Error = Truncate(error ?? ""), NextAttemptAt = ToUnixMs(nextAttemptAt) }, cancellationToken);
    }

    public async Task<IReadOnlyList<PendingDelivery>> GetPendingDeliveriesAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var connection = await store.OpenAsync(cancellationToken);
        var now = ToUnixMs(store.Time.GetUtcNow());
        var due = (await connection.QueryAsync<(long AlertId, string Sink, long Attempts, long NextAttemptAt)>(new CommandDefinition(
            store.Dialect.LeasesOutbox ? StoreSql.LeaseDueDeliveries : StoreSql.DueDeliveries,
            new { Now = now, Max = max, LeasedUntil = now + (long)Lease.TotalMilliseconds }, cancellationToken: cancellationToken)))
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.AlertId).ThenBy(d => d.Sink, StringComparer.Ordinal).ToList();
        if (due.Count == 0)
        {
            return [];
        }

        var rows = (await connection.QueryAsync<PendingAlertRow>(new CommandDefinition(
            AlertsByIdSql(),
            new { Ids = due.Select(d => d.AlertId).Distinct().ToArray(), Max = max }, cancellationToken: cancellationToken))).ToList();
        var alerts = (await ToPendingAlertsAsync(connection, rows, cancellationToken)).ToDictionary(a => a.Id);
        return due.Where(d => alerts.ContainsKey(d.AlertId))
            .Select(d => new PendingDelivery(d.Sink, alerts[d.AlertId] with { Attempts = (int)d.Attempts }, (int)d.Attempts)).ToList();
    }

    public async Task MarkDeliverySentAsync(long alertId, string sink, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await StoreContext.ExecuteAsync(connection, null,
            "UPDATE alert_deliveries SET state = 'sent', sent_at = @SentAt, leased_until = NULL WHERE alert_id = @AlertId AND sink = @Sink AND state = 'pending';",
            new { AlertId = alertId, Sink = sink, SentAt = ToUnixMs(sentAt) }, cancellationToken);
    }

    public async Task MarkDeliveryFailedAsync(long alertId, string sink, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await StoreContext.ExecuteAsync(connection, null,
            "UPDATE alert_deliveries SET attempts = attempts + 1, last_error = @Error, next_attempt_at = @NextAttemptAt, leased_until = NULL WHERE alert_id = @AlertId AND sink = @Sink AND state = 'pending';",
            new { AlertId = alertId, Sink = sink, Error = Truncate(error ?? ""), NextAttemptAt = ToUnixMs(nextAttemptAt) }, cancellationToken);
    }

    public async Task MarkDeliveryAbandonedAsync(long alertId, string sink, string error, DateTimeOffset failedAt, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await StoreContext.ExecuteAsync(connection, null, StoreSql.MarkDeliveryAbandoned,
            new { AlertId = alertId, Sink = sink, Error = Truncate(error ?? ""), FailedAt = ToUnixMs(failedAt) }, cancellationToken);
    }

    /// <summary>The due-alert query for given alert ids, whatever their state.</summary>
    private string AlertsByIdSql() =>
        StoreSql.DuePendingAlerts.Replace(StoreSql.DuePendingAlertsFilter, "WHERE " + store.Dialect.InList("a.id", "@Ids"), StringComparison.Ordinal);

    private async Task<IReadOnlyList<PendingAlert>> ToPendingAlertsAsync(DbConnection connection, List<PendingAlertRow> rows, CancellationToken cancellationToken)
    {
        var digestIds = rows.Where(r => r.Kind == "digest").Select(r => r.Id).ToList();
        var digestClaims = digestIds.Count == 0
            ? []
            : (await connection.QueryAsync<DigestClaimRow>(new CommandDefinition(
                string.Format(System.Globalization.CultureInfo.InvariantCulture, StoreSql.DigestClaims, store.Dialect.InList("ac.alert_id", "@AlertIds")),
                new { AlertIds = digestIds.ToArray() }, cancellationToken: cancellationToken))).ToList();
        var latest = new Dictionary<long, EvidenceManifestRecord?>();
        foreach (var claimId in rows.Where(r => r.ClaimId is not null).Select(r => r.ClaimId!.Value).Distinct())
        {
            latest[claimId] = (await manifests.ReadAsync(connection, claimId, 1, cancellationToken)).FirstOrDefault();
        }

        return rows.Select(r => new PendingAlert(
            r.Id, r.MessageId, r.SiteId ?? "", r.SiteUrl ?? "", r.BrandId ?? "", r.Confidence ?? 0,
            r.Evidence is null ? [] : DeserializeEvidence(r.Evidence, reason => store.Logger.LogUnreadableEvidence(r.Id, reason)),
            FromUnixMs(r.FirstSeenAt ?? r.CreatedAt), FromUnixMs(r.CreatedAt), r.Attempts)
        {
            Kind = ParseKind(r.Kind),
            ClaimId = r.ClaimId,
            LastSeenAt = FromUnixMs(r.LastSeenAt),
            ResolvedAt = FromUnixMs(r.ResolvedAt),
            ThreadMessageId = r.ThreadMessageId,
            Manifest = r.ClaimId is { } id ? latest.GetValueOrDefault(id) : null,
            DigestClaims = digestClaims.Where(d => d.AlertId == r.Id).Select(d => new DigestClaim(
                d.ClaimId, d.SiteId, d.SiteUrl, d.BrandId, d.Confidence, FromUnixMs(d.FirstSeenAt),
                DeserializeEvidence(d.Evidence, reason => store.Logger.LogUnreadableEvidence(r.Id, reason)))).ToList(),
        }).ToList();
    }

    private sealed class PendingAlertRow
    {
        public long Id { get; init; }
        public string MessageId { get; init; } = "";
        public string Kind { get; init; } = "";
        public long CreatedAt { get; init; }
        public int Attempts { get; init; }
        public long? ClaimId { get; init; }
        public string? SiteId { get; init; }
        public string? SiteUrl { get; init; }
        public string? BrandId { get; init; }
        public double? Confidence { get; init; }
        public string? Evidence { get; init; }
        public long? FirstSeenAt { get; init; }
        public long? LastSeenAt { get; init; }
        public long? ResolvedAt { get; init; }
        public string? ThreadMessageId { get; init; }
    }

    private sealed class DigestClaimRow
    {
        public long AlertId { get; init; }
        public long ClaimId { get; init; }
        public string SiteId { get; init; } = "";
        public string SiteUrl { get; init; } = "";
        public string BrandId { get; init; } = "";
        public double Confidence { get; init; }
        public string Evidence { get; init; } = "[]";
        public long FirstSeenAt { get; init; }
    }
}
