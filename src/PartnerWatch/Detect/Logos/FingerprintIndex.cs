using System.Runtime.InteropServices;

namespace PartnerWatch.Detect.Logos;

/// <summary>
/// Multi-index hashing (Norouzi et al.) over 256-bit hashes: the hash is cut into 16 chunks of 16 bits and each
/// chunk indexes a table. Two hashes within distance r agree to within ⌊r/16⌋ bits on at least one chunk
/// (pigeonhole), so probing every chunk's table with its neighbours up to that many flipped bits finds every
/// candidate, and only candidates are compared in full. Cost grows with the number of near neighbours, not with
/// the catalogue. Built once, then read-only and safe to query from many threads.
/// </summary>
/// <remarks>
/// Entries are reported in a fixed order (probe order, or insertion order for the direct comparison): callers that keep
/// the first of equally near entries depend on it. The hashes are held apart from the items, so the direct comparison
/// of a large catalogue (the detail check's radius 60) reads 32 bytes an entry and touches an item only when it is near.
/// </remarks>
public sealed class FingerprintIndex<T>
{
    private const int Chunks = 16;
    private readonly Dictionary<ushort, List<int>>[] tables = Enumerable.Range(0, Chunks).Select(_ => new Dictionary<ushort, List<int>>()).ToArray();
    private readonly List<Hash256> hashes = [];
    private readonly List<T> items = [];

    public int Count => hashes.Count;

    public void Add(Hash256 hash, T item)
    {
        var id = hashes.Count;
        hashes.Add(hash);
        items.Add(item);
        for (var c = 0; c < Chunks; c++)
        {
            var key = hash.Chunk(c);
            if (!tables[c].TryGetValue(key, out var list)) tables[c][key] = list = [];
            list.Add(id);
        }
    }

    /// <summary>Every entry within <paramref name="radius"/> bits of <paramref name="query"/>, each once.</summary>
    public void Search(Hash256 query, int radius, Action<T, int> found)
    {
        var all = CollectionsMarshal.AsSpan(hashes);
        var flips = radius / Chunks;
        if (flips > 2)
        {
            // Beyond two flipped bits per chunk the probes outnumber a small catalogue; compare directly.
            for (var id = 0; id < all.Length; id++)
            {
                var d = all[id].DistanceTo(query);
                if (d <= radius) found(items[id], d);
            }
            return;
        }
        // One bit per entry (a 1,000-brand catalogue holds ~20,000 views: 2.5 KB) instead of a hash set of every id met.
        var words = (all.Length + 63) / 64;
        Span<ulong> seen = words <= 1024 ? stackalloc ulong[words] : new ulong[words];
        for (var c = 0; c < Chunks; c++)
        {
            var key = query.Chunk(c);
            Probe(c, key, query, radius, seen, found);
            for (var i = 0; i < 16 && flips >= 1; i++)
            {
                var k1 = (ushort)(key ^ (1 << i));
                Probe(c, k1, query, radius, seen, found);
                for (var j = i + 1; j < 16 && flips >= 2; j++) Probe(c, (ushort)(k1 ^ (1 << j)), query, radius, seen, found);
            }
        }
    }

    private void Probe(int chunk, ushort key, Hash256 query, int radius, Span<ulong> seen, Action<T, int> found)
    {
        if (!tables[chunk].TryGetValue(key, out var ids)) return;
        var all = CollectionsMarshal.AsSpan(hashes);
        foreach (var id in CollectionsMarshal.AsSpan(ids))
        {
            ref var word = ref seen[id >> 6];
            var bit = 1UL << (id & 63);
            if ((word & bit) != 0) continue;
            word |= bit;
            var d = all[id].DistanceTo(query);
            if (d <= radius) found(items[id], d);
        }
    }
}
