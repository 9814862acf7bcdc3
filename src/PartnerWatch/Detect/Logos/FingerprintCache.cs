using System.Security.Cryptography;

namespace PartnerWatch.Detect.Logos;

/// <summary>
/// Fingerprints by SHA-256 of the image bytes, least-recently-used first out, so the same logo served under many URLs
/// or unchanged between scans is decoded once. Rejections are cached too (a broken image stays broken).
/// Thread-safe; bounded by entry count and by bytes: most fingerprints are a few hundred bytes, but a small image keeps
/// its foreground maps (up to 64×64 bytes each) for the detail check.
/// </summary>
public sealed class FingerprintCache(int capacity, long maxBytes = FingerprintCache.DefaultMaxBytes)
{
    public const int DefaultCapacity = 20_000;
    public const long DefaultMaxBytes = 32 * 1024 * 1024;

    /// <summary>
    /// The cap for a one-shot <c>scan</c>: it never meets a site again, so the cache only pays for bytes repeated across
    /// the sites of one run (stock photos, shared logos), which recent entries catch. The service keeps the default:
    /// there the cache is what lets an unchanged image skip detection in the next round. At 32 MB a 300-site scan's cache
    /// filled to its cap and its peak RSS grew with the number of sites (docs/performance.md, "Session 7: memory").
    /// </summary>
    public const long OneShotMaxBytes = 8 * 1024 * 1024;

    private readonly Dictionary<string, LinkedListNode<(string Key, CachedFingerprint Value)>> map = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, CachedFingerprint Value)> order = new();
    private readonly Lock gate = new();
    private long bytes;

    public int Count
    {
        get { lock (gate) return map.Count; }
    }

    /// <summary>Approximate bytes held by the cached fingerprints.</summary>
    public long Bytes
    {
        get { lock (gate) return bytes; }
    }

    public static string KeyOf(ReadOnlySpan<byte> bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    /// <summary>Returns the cached result for these bytes, or computes, caches and returns it.</summary>
    /// <param name="splitWall">Passed to <see cref="LogoImageDecoder.TryFingerprint(ReadOnlySpan{byte}, Func{ImageFingerprint, bool}?, out string?)"/>.</param>
    public CachedFingerprint GetOrAdd(ReadOnlySpan<byte> bytes, LogoImageDecoder decoder, Func<ImageFingerprint, bool>? splitWall = null)
    {
        var key = KeyOf(bytes);
        if (TryGet(key, out var cached)) return cached;
        // Decoding happens outside the lock; two threads racing on the same bytes both decode, which is harmless.
        var fingerprint = decoder.TryFingerprint(bytes, splitWall, out var reason);
        var value = new CachedFingerprint(fingerprint, reason);
        Add(key, value);
        return value;
    }

    public bool TryGet(string key, out CachedFingerprint value)
    {
        lock (gate)
        {
            if (map.TryGetValue(key, out var node))
            {
                order.Remove(node);
                order.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    public void Add(string key, CachedFingerprint value)
    {
        var size = SizeOf(key, value);
        lock (gate)
        {
            if (map.Remove(key, out var existing))
            {
                order.Remove(existing);
                bytes -= SizeOf(existing.Value.Key, existing.Value.Value);
            }
            while (map.Count > 0 && (map.Count >= Math.Max(1, capacity) || bytes + size > maxBytes))
            {
                var last = order.Last!;
                order.RemoveLast();
                map.Remove(last.Value.Key);
                bytes -= SizeOf(last.Value.Key, last.Value.Value);
            }
            map[key] = order.AddFirst((key, value));
            bytes += size;
        }
    }

    private static long SizeOf(string key, CachedFingerprint value) =>
        2L * key.Length + 64 + (value.RejectReason?.Length ?? 0) * 2L + (value.Fingerprint?.ApproximateBytes ?? 0);
}

/// <summary>A fingerprint, or why the bytes could not be fingerprinted.</summary>
public readonly record struct CachedFingerprint(ImageFingerprint? Fingerprint, string? RejectReason);
