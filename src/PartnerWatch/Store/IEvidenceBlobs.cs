namespace PartnerWatch.Store;

/// <summary>
/// The evidence bytes (pages, images, screenshots), content-addressed by their SHA-256 (lower-case hex). An I/O edge:
/// the SQLite default keeps them in the data directory; a cluster keeps them where every node reaches them.
/// Later stages (alert, status, console) read evidence only through this, never from a folder.
/// </summary>
public interface IEvidenceBlobs
{
    /// <summary>The bytes stored under <paramref name="sha256"/>, or null when there are none (never stored, or pruned).</summary>
    Task<byte[]?> ReadAsync(string sha256, CancellationToken cancellationToken);
}

/// <summary>Evidence blobs in <c>&lt;DataDirectory&gt;/evidence/blobs/&lt;sha256&gt;</c>, as <see cref="EvidenceFiles"/> writes them.</summary>
public sealed class LocalEvidenceBlobs(DataDirectory dataDirectory) : IEvidenceBlobs
{
    public async Task<byte[]?> ReadAsync(string sha256, CancellationToken cancellationToken)
    {
        if (!EvidenceFiles.IsSha256(sha256))
            return null;
        try
        {
            return await File.ReadAllBytesAsync(Path.Combine(dataDirectory.Evidence, "blobs", sha256), cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }
}
