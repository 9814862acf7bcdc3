using Dapper;

namespace PartnerWatch.Store;

/// <summary>
/// Evidence retention (<c>Alerts:EvidenceRetention</c>): manifests older than the retention are deleted, then the blobs
/// no remaining manifest lists — in whichever blob store is configured. A blob is kept while any manifest lists it, so
/// a page unchanged for a year survives as long as its newest sighting.
/// </summary>
internal sealed class EvidenceRetention(StoreContext store, IEvidenceBlobs blobs, EvidenceFiles legacyFiles)
{
    /// <summary>A blob younger than this is never deleted: it may belong to a scan whose transaction has not committed yet.</summary>
    public static readonly TimeSpan UncommittedGrace = TimeSpan.FromDays(1);

    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var now = store.Time.GetUtcNow();
        var cutoff = now - store.Options.Alerts.EvidenceRetention;
        await using var connection = await store.OpenAsync(cancellationToken);
        var expired = (await connection.QueryAsync<(long Id, long ClaimId, string File)>(new CommandDefinition(
            "SELECT id, claim_id, file FROM evidence_manifests WHERE created_at < @Cutoff;", new { Cutoff = StoreValues.ToUnixMs(cutoff) },
            cancellationToken: cancellationToken))).ToList();
        foreach (var manifest in expired)
        {
            await StoreContext.ExecuteAsync(connection, null, "DELETE FROM evidence_manifests WHERE id = @Id;", new { manifest.Id }, cancellationToken);
            // A manifest recorded before manifests moved into the database also has a file; it goes with its row.
            legacyFiles.DeleteManifest(manifest.ClaimId, manifest.File);
        }

        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var json in await connection.QueryAsync<string>(new CommandDefinition("SELECT blobs FROM evidence_manifests;", cancellationToken: cancellationToken)))
        {
            referenced.UnionWith(StoreValues.DeserializeStrings(json));
        }

        var deletedBlobs = await blobs.DeleteUnreferencedAsync(referenced, now - UncommittedGrace, cancellationToken);
        if (expired.Count + deletedBlobs > 0)
        {
            store.Logger.LogEvidencePruned(expired.Count, deletedBlobs);
        }

        return expired.Count + deletedBlobs;
    }
}
