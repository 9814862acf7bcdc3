using System.Data.Common;
using System.Text.Json;
using Dapper;

namespace PartnerWatch.Store;

/// <summary>
/// Reads a claim's evidence: its manifests (one per claim and scan, kept in the database — <c>evidence_manifests.content</c>
/// — so every node serves them) and the files they list, whose bytes come from <see cref="IEvidenceBlobs"/>. A manifest
/// recorded before the manifests moved into the database (schema 6 on SQLite) is read from its file in the data directory.
/// </summary>
internal sealed class EvidenceManifests(StoreContext store, IEvidenceBlobs blobs, EvidenceFiles legacyFiles)
{
    /// <summary>How many of a claim's manifests are listed (newest first) and searched for a file.</summary>
    public const int MaxListed = 100;

    public async Task<IReadOnlyList<EvidenceManifestRecord>> ListAsync(long claimId, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        return await ReadAsync(connection, claimId, MaxListed, cancellationToken);
    }

    public async Task<IReadOnlyList<EvidenceManifestRecord>> ReadAsync(DbConnection connection, long claimId, int max, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<ManifestRow>(new CommandDefinition(
            "SELECT scan_id AS ScanId, created_at AS CreatedAt, file AS File, sha256 AS Sha256, content AS Content FROM evidence_manifests WHERE claim_id = @ClaimId ORDER BY scan_id DESC LIMIT @Max;",
            new { ClaimId = claimId, Max = max }, cancellationToken: cancellationToken));
        var result = new List<EvidenceManifestRecord>();
        foreach (var row in rows)
        {
            var content = row.Content ?? await ReadLegacyAsync(claimId, row.File, cancellationToken);
            result.Add(new EvidenceManifestRecord(claimId, row.ScanId, StoreValues.FromUnixMs(row.CreatedAt), row.File, row.Sha256, Items(claimId, content)));
        }

        return result;
    }

    /// <summary>
    /// An evidence file of a claim — a manifest name (<c>scan-12.json</c>) or the hash of a file one of the claim's
    /// manifests lists as stored — or null when the claim has no such file (or its bytes are gone).
    /// </summary>
    public async Task<EvidenceFileContent?> OpenAsync(long claimId, string name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(name) || legacyFiles.PathOf(claimId, name) is null)
        {
            return null;
        }

        await using var connection = await store.OpenAsync(cancellationToken);
        if (!EvidenceFiles.IsSha256(name))
        {
            var row = await connection.QuerySingleOrDefaultAsync<ManifestRow>(new CommandDefinition(
                "SELECT scan_id AS ScanId, created_at AS CreatedAt, file AS File, sha256 AS Sha256, content AS Content FROM evidence_manifests WHERE claim_id = @ClaimId AND file = @File;",
                new { ClaimId = claimId, File = name }, cancellationToken: cancellationToken));
            if (row is null) return null;
            var content = row.Content ?? await ReadLegacyAsync(claimId, row.File, cancellationToken);
            return content is null ? null : new EvidenceFileContent(name, content, null);
        }

        var item = (await ReadAsync(connection, claimId, MaxListed, cancellationToken))
            .SelectMany(m => m.Items).FirstOrDefault(i => i.Stored && i.Sha256 == name);
        if (item is null) return null;
        var bytes = await blobs.ReadAsync(name, cancellationToken);
        return bytes is null ? null : new EvidenceFileContent(name, bytes, item);
    }

    private IReadOnlyList<EvidenceItem> Items(long claimId, byte[]? content)
    {
        if (content is null) return [];
        try
        {
            using var document = JsonDocument.Parse(content);
            if (!document.RootElement.TryGetProperty("files", out var files)) return [];
            return files.Deserialize<List<EvidenceItem>>(StoreValues.Json) ?? [];
        }
        catch (JsonException ex)
        {
            store.Logger.LogUnreadableEvidence(claimId, ex.Message);
            return [];
        }
    }

    private async Task<byte[]?> ReadLegacyAsync(long claimId, string file, CancellationToken cancellationToken)
    {
        try
        {
            return legacyFiles.PathOf(claimId, file) is { } path && File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            store.Logger.LogUnreadableEvidence(claimId, ex.Message);
            return null;
        }
    }

    internal sealed class ManifestRow
    {
        public long ScanId { get; init; }
        public long CreatedAt { get; init; }
        public string File { get; init; } = "";
        public string Sha256 { get; init; } = "";
        public byte[]? Content { get; init; }
    }
}
