using System.Security.Cryptography;

namespace PartnerWatch.Detect.Logos;

/// <summary>
/// Fingerprints by SHA-256 of the image bytes, least-recently-used first out, so the same logo served under many URLs
/// or unchanged between scans is decoded once. Rejections are cached too (a broken image stays broken).
/// Thread-safe; bounded by entry count (a fingerprint is a few hundred bytes).
/// </summary>
public sealed class FingerprintCache(int capacity)
{
    public const int DefaultCapacity = 20_000;

    private readonly Dictionary<string, LinkedListNode<(string Key, CachedFingerprint Value)>> map = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, CachedFingerprint Value)> order = new();
    private readonly Lock gate = new();

    public int Count
    {
        get { lock (gate) return map.Count; }
    }

    public static string KeyOf(ReadOnlySpan<byte> bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    /// <summary>Returns the cached result for these bytes, or computes, caches and returns it.</summary>
    public CachedFingerprint GetOrAdd(ReadOnlySpan<byte> bytes, LogoImageDecoder decoder)
    {
        var key = KeyOf(bytes);
        if (TryGet(key, out var cached)) return cached;
        // Decoding happens outside the lock; two threads racing on the same bytes both decode, which is harmless.
        var fingerprint = decoder.TryFingerprint(bytes, out var reason);
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
        lock (gate)
        {
            if (map.TryGetValue(key, out var existing))
            {
                order.Remove(existing);
            }
            else if (map.Count >= Math.Max(1, capacity))
            {
                var last = order.Last!;
                order.RemoveLast();
                map.Remove(last.Value.Key);
            }
            var node = order.AddFirst((key, value));
            map[key] = node;
        }
    }
}

/// <summary>A fingerprint, or why the bytes could not be fingerprinted.</summary>
public readonly record struct CachedFingerprint(ImageFingerprint? Fingerprint, string? RejectReason);
