using System.Security.Cryptography;
using System.Text;

namespace PartnerWatch.Detect.Logos;

/// <summary>
/// Reference-logo fingerprints cached on disk, one file per reference content: a 1,000-brand catalogue took 73 s of
/// start-up to fingerprint (seven small renderings per logo, issue 12) and is read back in well under a second.
/// <para>
/// A file is named by the SHA-256 of the logo file's bytes and <see cref="AlgorithmVersion"/>, and also records the
/// build of this assembly that wrote it: a changed logo, a new algorithm version or any other build reads nothing and
/// fingerprints again, so a cached fingerprint is always the one this code would compute. A file that is truncated,
/// corrupt or of another build is ignored (and overwritten); a directory that cannot be written only costs the cache.
/// Thread-safe: files are written to a temporary name and renamed into place.
/// </para>
/// </summary>
public sealed class ReferenceFingerprintStore(string directory, ILogger logger)
{
    /// <summary>Raise whenever fingerprints of the same bytes would change (the build id check catches the rest).</summary>
    public const int AlgorithmVersion = 2;

    private static readonly byte[] Magic = "PWRF"u8.ToArray();
    private static readonly Guid Build = typeof(ReferenceFingerprintStore).Assembly.ManifestModule.ModuleVersionId;

    public string Directory { get; } = directory;

    private string PathOf(string sha256) => Path.Combine(Directory, $"{sha256.ToLowerInvariant()}.v{AlgorithmVersion}.fp");

    /// <summary>The cached fingerprint of the logo whose bytes hash to <paramref name="sha256"/>, or null.</summary>
    public ImageFingerprint? TryRead(string sha256)
    {
        var path = PathOf(sha256);
        try
        {
            if (!File.Exists(path)) return null;
            return Deserialize(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or ArgumentException or FormatException)
        {
            logger.LogDebug("Ignoring unreadable reference fingerprint cache file {CacheFile}: {Reason}", path, e.Message);
            return null;
        }
    }

    public void Write(string sha256, ImageFingerprint fingerprint)
    {
        var path = PathOf(sha256);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllBytes(temporary, Serialize(fingerprint));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogDebug("Could not write reference fingerprint cache file {CacheFile}: {Reason}", path, e.Message);
            try { File.Delete(temporary); } catch (Exception ignored) when (ignored is IOException or UnauthorizedAccessException) { }
        }
    }

    internal static byte[] Serialize(ImageFingerprint fingerprint)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(AlgorithmVersion);
            writer.Write(Build.ToByteArray());
            writer.Write(fingerprint.Format);
            writer.Write(fingerprint.Width);
            writer.Write(fingerprint.Height);
            // Maps are shared by the variants (layouts) of one content box: written once, referred to by index.
            var maps = fingerprint.Variants.Select(v => v.Map).OfType<ForegroundMap>().Distinct().ToList();
            writer.Write(maps.Count);
            foreach (var map in maps)
            {
                writer.Write(map.Width);
                writer.Write(map.Height);
                writer.Write(map.Values);
            }
            writer.Write(fingerprint.Variants.Count);
            foreach (var v in fingerprint.Variants)
            {
                writer.Write(v.Hash.A);
                writer.Write(v.Hash.B);
                writer.Write(v.Hash.C);
                writer.Write(v.Hash.D);
                writer.Write(v.ContentWidth);
                writer.Write(v.ContentHeight);
                writer.Write(v.Layout);
                writer.Write(v.RenderedLongSide);
                writer.Write(v.Colours.Packed);
                writer.Write(v.Map is null ? -1 : maps.IndexOf(v.Map));
            }
        }
        var payload = stream.ToArray();
        return [.. payload, .. SHA256.HashData(payload)];
    }

    /// <summary>The fingerprint, or null when the bytes are not a complete, intact file of this build.</summary>
    internal static ImageFingerprint? Deserialize(byte[] bytes)
    {
        if (bytes.Length < Magic.Length + SHA256.HashSizeInBytes) return null;
        var payload = bytes.AsSpan(0, bytes.Length - SHA256.HashSizeInBytes);
        if (!SHA256.HashData(payload).AsSpan().SequenceEqual(bytes.AsSpan(payload.Length))) return null;
        using var reader = new BinaryReader(new MemoryStream(bytes, 0, payload.Length), Encoding.UTF8);
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != AlgorithmVersion) return null;
        if (new Guid(reader.ReadBytes(16)) != Build) return null;
        var format = reader.ReadString();
        int width = reader.ReadInt32(), height = reader.ReadInt32();
        var maps = new ForegroundMap[reader.ReadInt32()];
        for (var i = 0; i < maps.Length; i++)
        {
            int w = reader.ReadInt32(), h = reader.ReadInt32();
            maps[i] = new ForegroundMap(reader.ReadBytes(w * h), w, h);
        }
        var variants = new FingerprintVariant[reader.ReadInt32()];
        for (var i = 0; i < variants.Length; i++)
        {
            var hash = new Hash256(reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadUInt64());
            int contentWidth = reader.ReadInt32(), contentHeight = reader.ReadInt32();
            var layout = reader.ReadByte();
            var rendered = reader.ReadInt32();
            var colours = new ColourSignature(reader.ReadUInt64());
            var map = reader.ReadInt32();
            variants[i] = new FingerprintVariant(hash, contentWidth, contentHeight, layout, rendered, colours, map < 0 ? null : maps[map]);
        }
        return reader.BaseStream.Position == payload.Length ? new ImageFingerprint(variants, width, height, format) : null;
    }
}
