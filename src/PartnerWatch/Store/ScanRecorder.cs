using System.Data.Common;
using Dapper;
using PartnerWatch.Domain;
using static PartnerWatch.Store.StoreValues;

namespace PartnerWatch.Store;

/// <summary>
/// Records a finished site scan: the site and scan rows, each claim moved through its lifecycle as
/// <see cref="ClaimPolicy"/> decides, the alerts those changes owe, and the evidence manifests — all in one write
/// transaction, so a claim change and its alert are never one without the other.
/// </summary>
internal sealed class ScanRecorder(StoreContext store, EvidenceRecorder evidence)
{
    public async Task<RecordedScan> RecordAsync(SiteScanResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (string.IsNullOrWhiteSpace(result.Site))
        {
            throw new ArgumentException("The scan result has no site id; it cannot be recorded.", nameof(result));
        }

        await store.Schema.EnsureAsync(cancellationToken);
        var now = store.Time.GetUtcNow();
        var finishedAt = result.FinishedAt == default ? now : result.FinishedAt;
        var startedAt = result.StartedAt == default ? finishedAt : result.StartedAt;
        var seenAt = ToUnixMs(startedAt);
        var claims = DistinctByBrand(result.Claims).ToList();

        // Blobs are content-addressed and need no ids, so they are written before the transaction keeps the writer lock.
        var blobs = await evidence.StoreBlobsAsync(result, claims, cancellationToken);

        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = await store.Dialect.BeginWriteAsync(connection, cancellationToken);

        await StoreContext.ExecuteAsync(connection, transaction, StoreSql.UpsertSite, new
        {
            Id = result.Site,
            Url = result.Url ?? "",
            Name = SiteName(result.Site),
            ScannedAt = ToUnixMs(finishedAt),
        }, cancellationToken);

        var scanId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(StoreSql.InsertScan, new
        {
            SiteId = result.Site,
            StartedAt = ToUnixMs(startedAt),
            FinishedAt = ToUnixMs(finishedAt),
            Outcome = result.Failed ? "failed" : "ok",
            Pages = result.PagesScanned,
            Errors = SerializeErrors(result.Errors),
            ScannedBy = TruncateOrNull(result.ScannedBy),
        }, transaction, cancellationToken: cancellationToken));

        var outbox = new OutboxWriter(store, connection, transaction, now, cancellationToken);
        int newClaims = 0, confirmedClaims = 0;
        foreach (var claim in claims)
        {
            var unverified = claim.Status != ClaimStatus.Confirmed;
            var values = new
            {
                SiteId = result.Site,
                BrandId = claim.Brand,
                Status = unverified ? "unverified" : "confirmed",
                State = unverified ? "open" : "confirmed",
                Confidence = double.IsFinite(claim.Confidence) ? Math.Clamp(claim.Confidence, 0, 1) : 0,
                SeenAt = seenAt,
                ScanId = scanId,
                Evidence = SerializeEvidence(claim.Evidence),
            };

            var existing = await connection.QuerySingleOrDefaultAsync<ClaimRow>(new CommandDefinition(
                StoreSql.FindClaim, values, transaction, cancellationToken: cancellationToken));
            var outcome = ClaimPolicy.OnSighting(existing is null ? null : ParseState(existing.State), existing?.OpenAlertId is not null, unverified);
            var claimId = existing?.Id ?? 0;
            switch (outcome.Change)
            {
                case SightingChange.Created:
                    claimId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                        StoreSql.InsertClaim, values with { State = StateName(outcome.State) }, transaction, cancellationToken: cancellationToken));
                    break;
                case SightingChange.Refreshed:
                    await StoreContext.ExecuteAsync(connection, transaction, StoreSql.RefreshClaim,
                        new { Id = claimId, values.Status, values.Confidence, values.SeenAt, values.ScanId, values.Evidence }, cancellationToken);
                    break;
                case SightingChange.Reopened:
                    await StoreContext.ExecuteAsync(connection, transaction, StoreSql.ReopenClaim,
                        new { Id = claimId, values.Confidence, values.SeenAt, values.ScanId, values.Evidence }, cancellationToken);
                    break;
                case SightingChange.ClosedConfirmed:
                    await StoreContext.ExecuteAsync(connection, transaction, StoreSql.CloseClaimConfirmed,
                        new { Id = claimId, values.Confidence, values.SeenAt, values.ScanId, values.Evidence }, cancellationToken);
                    break;
            }

            if (outcome.CountsAsConfirmed) confirmedClaims++;
            if (outcome.Notice == ClaimNotice.NewPeriod)
            {
                newClaims++;
                await outbox.OpenPeriodAsync(claimId);
            }
            else if (outcome.Notice == ClaimNotice.ClosedConfirmed)
            {
                await outbox.QueueAsync(AlertKind.Confirmed, claimId, $"confirmed:{claimId}:{seenAt}");
            }

            await evidence.WriteManifestAsync(connection, transaction, result, claim, claimId, scanId, blobs, now, cancellationToken);
        }

        var resolved = 0;
        if (!result.Failed)
        {
            resolved = await CountAbsencesAsync(connection, transaction, outbox, result, scanId, ToUnixMs(finishedAt), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new RecordedScan(scanId, newClaims, outbox.Queued, resolved, confirmedClaims);
    }

    /// <summary>Open claims this successful scan did not see: one more absence each, as <see cref="ClaimPolicy.OnAbsence"/> decides.</summary>
    private async Task<int> CountAbsencesAsync(
        DbConnection connection, DbTransaction transaction, OutboxWriter outbox, SiteScanResult result, long scanId, long resolvedAt, CancellationToken cancellationToken)
    {
        var failedUrls = (result.Errors ?? []).Where(e => e is not null).Select(e => NormalizeUrl(e.Url)).ToHashSet(StringComparer.Ordinal);
        var unseen = await connection.QueryAsync<UnseenClaimRow>(new CommandDefinition(
            StoreSql.UnseenOpenClaims, new { SiteId = result.Site, ScanId = scanId }, transaction, cancellationToken: cancellationToken));
        var resolved = 0;
        foreach (var claim in unseen)
        {
            var pageFailed = failedUrls.Count > 0 && DeserializeEvidence(claim.Evidence).Select(e => NormalizeUrl(e.PageUrl)).Any(failedUrls.Contains);
            var outcome = ClaimPolicy.OnAbsence(ClaimState.Open, (int)claim.MissedScans, claim.OpenAlertId is not null, pageFailed, store.Options.Alerts.ResolveAfterScans);
            if (!outcome.Changed)
            {
                continue;
            }

            if (outcome.State == ClaimState.Open)
            {
                await StoreContext.ExecuteAsync(connection, transaction, StoreSql.CountMissedScan, new { claim.Id, outcome.MissedScans }, cancellationToken);
                continue;
            }

            await StoreContext.ExecuteAsync(connection, transaction, StoreSql.ResolveClaim, new { claim.Id, outcome.MissedScans, ResolvedAt = resolvedAt }, cancellationToken);
            resolved++;
            if (outcome.Notice == ClaimNotice.Withdrawn)
            {
                await outbox.QueueAsync(AlertKind.Withdrawn, claim.Id, $"withdrawn:{claim.Id}:{resolvedAt}");
            }
        }

        return resolved;
    }

    private string? SiteName(string siteId)
    {
        var name = store.Options.Sites.FirstOrDefault(s => string.Equals(s.Id, siteId, StringComparison.OrdinalIgnoreCase))?.Name;
        return string.IsNullOrWhiteSpace(name) ? null : name;
    }

    /// <summary>A detector bug or hostile input may list a brand twice; the strongest sighting wins.</summary>
    private static IEnumerable<Claim> DistinctByBrand(IReadOnlyList<Claim>? claims) =>
        (claims ?? [])
            .Where(c => c is not null && !string.IsNullOrWhiteSpace(c.Brand))
            .GroupBy(c => c.Brand, StringComparer.Ordinal)
            .Select(g => g.MaxBy(c => c.Confidence)!);

    private sealed class ClaimRow
    {
        public long Id { get; init; }
        public string State { get; init; } = "";
        public string Status { get; init; } = "";
        public long? OpenAlertId { get; init; }
    }

    private sealed class UnseenClaimRow
    {
        public long Id { get; init; }
        public long MissedScans { get; init; }
        public long? OpenAlertId { get; init; }
        public string Evidence { get; init; } = "[]";
    }
}
