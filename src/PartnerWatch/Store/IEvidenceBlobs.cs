namespace PartnerWatch.Store;

/// <summary>
/// The evidence bytes (pages, images, screenshots), content-addressed by their SHA-256 (lower-case hex), so a page
/// unchanged across scans — or served by several sites — is kept once. An I/O edge: the SQLite default keeps them in
/// the data directory (<see cref="LocalEvidenceBlobs"/>); with <c>Storage:Provider = Postgres</c> they live in the
/// database (<see cref="PostgresEvidenceBlobs"/>), where every node of a cluster reaches them.
/// Later stages (alert, status, console) read evidence only through this, never from a folder.
/// </summary>
public interface IEvidenceBlobs
{
    /// <summary>The bytes stored under <paramref name="sha256"/>, or null when there are none (never stored, or pruned).</summary>
    Task<byte[]?> ReadAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="bytes"/> under their SHA-256 and returns it; bytes already stored are not written again.
    /// Throws <see cref="IOException"/> or <see cref="System.Data.Common.DbException"/> when they cannot be stored.
    /// </summary>
    Task<string> WriteAsync(byte[] bytes, CancellationToken cancellationToken);

    /// <summary>
    /// True when bytes are stored under <paramref name="sha256"/>: a page a re-scan found unchanged (HTTP 304) is named
    /// by its hash only, and counts as stored evidence when the scan that downloaded it stored it.
    /// </summary>
    async Task<bool> ContainsAsync(string sha256, CancellationToken cancellationToken) => await ReadAsync(sha256, cancellationToken) is not null;

    /// <summary>
    /// Deletes the blobs not in <paramref name="referenced"/> that were written before <paramref name="writtenBefore"/>
    /// (a blob just written may belong to a scan not yet committed). Returns how many were deleted.
    /// </summary>
    Task<int> DeleteUnreferencedAsync(IReadOnlySet<string> referenced, DateTimeOffset writtenBefore, CancellationToken cancellationToken);
}

/// <summary>Evidence blobs in <c>&lt;DataDirectory&gt;/evidence/blobs/&lt;sha256&gt;</c> (the SQLite default).</summary>
public sealed class LocalEvidenceBlobs(DataDirectory dataDirectory) : IEvidenceBlobs
{
    private readonly EvidenceFiles _files = new(dataDirectory);

    public async Task<byte[]?> ReadAsync(string sha256, CancellationToken cancellationToken)
    {
        if (!EvidenceFiles.IsSha256(sha256))
            return null;
        try
        {
            return await File.ReadAllBytesAsync(_files.BlobPath(sha256), cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public Task<string> WriteAsync(byte[] bytes, CancellationToken cancellationToken) => _files.PutBlobAsync(bytes, cancellationToken);

    public Task<bool> ContainsAsync(string sha256, CancellationToken cancellationToken) =>
        Task.FromResult(EvidenceFiles.IsSha256(sha256) && File.Exists(_files.BlobPath(sha256)));

    public Task<int> DeleteUnreferencedAsync(IReadOnlySet<string> referenced, DateTimeOffset writtenBefore, CancellationToken cancellationToken) =>
        Task.FromResult(_files.DeleteUnreferencedBlobs(referenced, writtenBefore));
}
