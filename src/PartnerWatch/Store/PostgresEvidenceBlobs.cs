using Dapper;

namespace PartnerWatch.Store;

/// <summary>
/// Evidence blobs in PostgreSQL (<c>Storage:Provider = Postgres</c>): one <c>evidence_blobs</c> row per SHA-256 with the
/// bytes as <c>bytea</c>, so any node sharing the database serves the evidence any other node stored, and a node that
/// dies takes no evidence with it. Blobs are immutable; writing the same bytes twice is a no-op.
/// </summary>
internal sealed class PostgresEvidenceBlobs(StoreDialect dialect, StoreSchema schema, TimeProvider time) : IEvidenceBlobs
{
    /// <summary>How stale a blob's write time may get before writing the same bytes again refreshes it (see retention).</summary>
    private const long TouchAfterMilliseconds = 60 * 60 * 1000;

    public async Task<byte[]?> ReadAsync(string sha256, CancellationToken cancellationToken)
    {
        if (!EvidenceFiles.IsSha256(sha256))
            return null;
        await schema.EnsureAsync(cancellationToken);
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<byte[]?>(new CommandDefinition(
            "SELECT bytes FROM evidence_blobs WHERE sha256 = @Sha256;", new { Sha256 = sha256 }, cancellationToken: cancellationToken));
    }

    /// <summary>Asked for every unchanged evidence page of a re-scan: the database answers without sending the bytes.</summary>
    public async Task<bool> ContainsAsync(string sha256, CancellationToken cancellationToken)
    {
        if (!EvidenceFiles.IsSha256(sha256))
            return false;
        await schema.EnsureAsync(cancellationToken);
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM evidence_blobs WHERE sha256 = @Sha256);", new { Sha256 = sha256 }, cancellationToken: cancellationToken));
    }

    public async Task<string> WriteAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var sha = EvidenceFiles.Sha256Hex(bytes);
        await schema.EnsureAsync(cancellationToken);
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        // Already there: only its write time moves (when stale), so retention does not delete a blob a scan about to
        // commit refers to again. The bytes are never rewritten.
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO evidence_blobs (sha256, bytes, size, created_at) VALUES (@Sha256, @Bytes, @Size, @Now)
            ON CONFLICT (sha256) DO UPDATE SET created_at = excluded.created_at
            WHERE evidence_blobs.created_at < excluded.created_at - @TouchAfter;
            """, new { Sha256 = sha, Bytes = bytes, Size = bytes.LongLength, Now = time.GetUtcNow().ToUnixTimeMilliseconds(), TouchAfter = TouchAfterMilliseconds },
            cancellationToken: cancellationToken));
        return sha;
    }

    public async Task<int> DeleteUnreferencedAsync(IReadOnlySet<string> referenced, DateTimeOffset writtenBefore, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM evidence_blobs WHERE created_at < @Before AND NOT (sha256 = ANY(@Referenced));",
            new { Before = writtenBefore.ToUnixTimeMilliseconds(), Referenced = referenced.ToArray() }, cancellationToken: cancellationToken));
    }
}
