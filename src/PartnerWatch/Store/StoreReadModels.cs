using Dapper;
using PartnerWatch.Domain;
using static PartnerWatch.Store.StoreValues;

namespace PartnerWatch.Store;

/// <summary>What the status page, the API and the console read: claims, sites with their last scan, the outbox backlog.</summary>
internal sealed class StoreReadModels(StoreContext store)
{
    /// <summary>Deliveries given up for good count as failed in the status for this long, then only the database has them.</summary>
    public static readonly TimeSpan PermanentFailuresShownFor = TimeSpan.FromDays(7);

    public async Task<IReadOnlyList<ClaimRecord>> ListClaimsAsync(ClaimLifecycle? status, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var where = status switch
        {
            ClaimLifecycle.Open => "WHERE c.state = 'open' AND c.acknowledged_at IS NULL",
            ClaimLifecycle.Acknowledged => "WHERE c.state = 'open' AND c.acknowledged_at IS NOT NULL",
            ClaimLifecycle.Resolved => "WHERE c.state = 'resolved'",
            ClaimLifecycle.Confirmed => "WHERE c.state = 'confirmed'",
            ClaimLifecycle.Dismissed => "WHERE c.state = 'dismissed'",
            _ => "",
        };
        await using var connection = await store.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ClaimRecordRow>(new CommandDefinition(
            $"{StoreSql.SelectClaims} {where} ORDER BY c.last_seen_at DESC, c.id DESC LIMIT @Max;", new { Max = max }, cancellationToken: cancellationToken));
        return rows.Select(ToClaimRecord).ToList();
    }

    public async Task<ClaimRecord?> GetClaimAsync(long claimId, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ClaimRecordRow>(new CommandDefinition(
            $"{StoreSql.SelectClaims} WHERE c.id = @Id;", new { Id = claimId }, cancellationToken: cancellationToken));
        return row is null ? null : ToClaimRecord(row);
    }

    public async Task<IReadOnlyList<OpenClaimRef>> ListOpenClaimsAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var connection = await store.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, string SiteId, string SiteUrl, string BrandId)>(new CommandDefinition(
            "SELECT c.id, c.site_id, s.url, c.brand_id FROM claims c JOIN sites s ON s.id = c.site_id WHERE c.state = 'open' ORDER BY c.id LIMIT @Max;",
            new { Max = max }, cancellationToken: cancellationToken));
        return rows.Select(r => new OpenClaimRef(r.Id, r.SiteId, r.SiteUrl, r.BrandId)).ToList();
    }

    public async Task<StoreStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var sites = await connection.QueryAsync<SiteStatusRow>(new CommandDefinition(StoreSql.SiteStatuses, cancellationToken: cancellationToken));
        var claims = await connection.QueryAsync<OpenClaimRow>(new CommandDefinition(StoreSql.OpenUnverifiedClaims, cancellationToken: cancellationToken));
        var counts = await connection.QuerySingleAsync<AlertCountsRow>(new CommandDefinition(StoreSql.AlertCounts, cancellationToken: cancellationToken));
        var webhooks = await connection.QuerySingleAsync<AlertCountsRow>(new CommandDefinition(StoreSql.DeliveryCounts,
            new { FailedSince = ToUnixMs(store.Time.GetUtcNow() - PermanentFailuresShownFor) }, cancellationToken: cancellationToken));

        return new StoreStatus(
            sites.Select(s => new SiteStatus(
                s.SiteId, s.Url, FromUnixMs(s.LastScanAt), s.LastOutcome, (int)(s.LastPages ?? 0), DeserializeErrors(s.LastErrors))
            {
                LastScanBy = s.LastScanBy,
            }).ToList(),
            claims.Select(c => new OpenClaim(
                c.Id, c.SiteId, c.BrandId, c.Confidence, FromUnixMs(c.FirstSeenAt), FromUnixMs(c.LastSeenAt), c.Alerted != 0)
            {
                Acknowledged = c.AcknowledgedAt is not null,
            }).ToList(),
            (int)counts.Pending,
            (int)counts.Failed)
        {
            OldestPendingAlertAt = FromUnixMs(counts.OldestPendingAt),
            LastDeliveryError = counts.LastError,
            PendingWebhookDeliveries = (int)webhooks.Pending,
            FailedWebhookDeliveries = (int)webhooks.Failed,
            LastWebhookError = webhooks.LastError,
        };
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await store.OpenAsync(cancellationToken);
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT 1;", cancellationToken: cancellationToken)) == 1;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            store.Logger.LogPingFailed(ex.Message);
            return false;
        }
    }

    private ClaimRecord ToClaimRecord(ClaimRecordRow r) => new(
        r.Id, r.SiteId, r.SiteUrl, r.BrandId,
        StoreDialect.Lifecycle(r.State, r.AcknowledgedAt),
        r.Confidence, FromUnixMs(r.FirstSeenAt), FromUnixMs(r.LastSeenAt),
        FromUnixMs(r.ResolvedAt), FromUnixMs(r.AcknowledgedAt),
        r.AcknowledgedBy, r.AcknowledgedNote, (int)r.MissedScans, r.Alerted != 0,
        DeserializeEvidence(r.Evidence, reason => store.Logger.LogUnreadableEvidence(r.Id, reason)));

    private sealed class ClaimRecordRow
    {
        public long Id { get; init; }
        public string SiteId { get; init; } = "";
        public string SiteUrl { get; init; } = "";
        public string BrandId { get; init; } = "";
        public string State { get; init; } = "";
        public double Confidence { get; init; }
        public long FirstSeenAt { get; init; }
        public long LastSeenAt { get; init; }
        public long? ResolvedAt { get; init; }
        public long? AcknowledgedAt { get; init; }
        public string? AcknowledgedBy { get; init; }
        public string? AcknowledgedNote { get; init; }
        public long MissedScans { get; init; }
        public long Alerted { get; init; }
        public string Evidence { get; init; } = "[]";
    }

    private sealed class SiteStatusRow
    {
        public string SiteId { get; init; } = "";
        public string Url { get; init; } = "";
        public long? LastScanAt { get; init; }
        public string? LastOutcome { get; init; }
        public long? LastPages { get; init; }
        public string? LastErrors { get; init; }
        public string? LastScanBy { get; init; }
    }

    private sealed class OpenClaimRow
    {
        public long Id { get; init; }
        public string SiteId { get; init; } = "";
        public string BrandId { get; init; } = "";
        public double Confidence { get; init; }
        public long FirstSeenAt { get; init; }
        public long LastSeenAt { get; init; }
        public long Alerted { get; init; }
        public long? AcknowledgedAt { get; init; }
    }

    private sealed class AlertCountsRow
    {
        public long Pending { get; init; }
        public long Failed { get; init; }
        public long? OldestPendingAt { get; init; }
        public string? LastError { get; init; }
    }
}
