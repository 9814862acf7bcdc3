using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PartnerWatch.Store;

/// <summary>
/// Evidence on disk under <c>&lt;DataDirectory&gt;/evidence</c>: the content-addressed blob store of the SQLite default
/// (<c>blobs/&lt;sha256&gt;</c>, so a page unchanged across scans is stored once), and the manifest files written before
/// manifests moved into the database (<c>claims/&lt;claimId&gt;/scan-&lt;scanId&gt;.json</c>, read and pruned, no longer
/// written). Every blob is written to a temp file and renamed, so a crash leaves it complete or absent, never half written.
/// </summary>
internal sealed partial class EvidenceFiles(DataDirectory dataDirectory)
{
    internal static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string BlobFolder => Path.Combine(dataDirectory.Evidence, "blobs");

    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Stores <paramref name="bytes"/> under their SHA-256 and returns it; a blob already present is not rewritten.</summary>
    public async Task<string> PutBlobAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        var sha = Sha256Hex(bytes);
        var target = BlobPath(sha);
        if (!File.Exists(target))
        {
            dataDirectory.EnsureExists(BlobFolder);
            await WriteAtomicallyAsync(target, bytes, overwrite: false, cancellationToken);
        }

        return sha;
    }

    public static string ManifestFileName(long scanId) => $"scan-{scanId.ToString(CultureInfo.InvariantCulture)}.json";

    public string ClaimFolder(long claimId) => Path.Combine(dataDirectory.Evidence, "claims", claimId.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// The path of an evidence file of a claim: a manifest name (<c>scan-12.json</c>) or a blob hash. Anything else
    /// (separators, dots, other claims' files) is not a name this accepts, so no path can leave the evidence folder.
    /// </summary>
    public string? PathOf(long claimId, string name)
    {
        if (ManifestName().IsMatch(name))
        {
            return Path.Combine(ClaimFolder(claimId), name);
        }

        return IsSha256(name) ? BlobPath(name) : null;
    }

    public string BlobPath(string sha256) => Path.Combine(BlobFolder, sha256);

    public static bool IsSha256(string? value) => value is not null && Sha256Pattern().IsMatch(value);

    public void DeleteManifest(long claimId, string file)
    {
        if (PathOf(claimId, file) is { } path) TryDelete(path);
    }

    /// <summary>Deletes blobs not in <paramref name="referenced"/> and written before <paramref name="olderThan"/> (a blob just written may belong to a scan not yet committed).</summary>
    public int DeleteUnreferencedBlobs(IReadOnlySet<string> referenced, DateTimeOffset olderThan)
    {
        if (!Directory.Exists(BlobFolder)) return 0;
        var deleted = 0;
        foreach (var path in Directory.EnumerateFiles(BlobFolder))
        {
            var name = Path.GetFileName(path);
            if (!IsSha256(name) || referenced.Contains(name)) continue;
            if (File.GetLastWriteTimeUtc(path) >= olderThan.UtcDateTime) continue;
            if (TryDelete(path)) deleted++;
        }

        return deleted;
    }

    private static async Task WriteAtomicallyAsync(string target, byte[] bytes, bool overwrite, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(Path.GetDirectoryName(target)!, $".{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16 * 1024, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(bytes, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, target, overwrite);
        }
        catch (IOException) when (!overwrite && File.Exists(target))
        {
            // Same content written by a concurrent scan: content-addressed, so theirs is ours.
        }
        finally
        {
            TryDelete(temp);
        }
    }

    private static bool TryDelete(string path)
    {
        try
        {
            if (!File.Exists(path)) return false;
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    [GeneratedRegex("^scan-[0-9]{1,18}\\.json$", RegexOptions.CultureInvariant)]
    private static partial Regex ManifestName();

    [GeneratedRegex("^[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Sha256Pattern();
}
