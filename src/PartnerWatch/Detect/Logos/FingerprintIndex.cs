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
    private readonly List<Hash256> hashes = [];
    private readonly List<T> items = [];
    private ChunkTables? tables;

    public int Count => hashes.Count;

    /// <summary>Adds an entry; not safe concurrently with <see cref="Search"/> (the tables are rebuilt on the next search).</summary>
    public void Add(Hash256 hash, T item)
    {
        hashes.Add(hash);
        items.Add(item);
        tables = null;
    }

    /// <summary>Builds the probe tables now (else on the first search within 47 bits).</summary>
    public void Seal() => Volatile.Write(ref tables, new ChunkTables(CollectionsMarshal.AsSpan(hashes)));

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
        // Built on first use; concurrent first searches may each build the same tables, any of them is kept.
        var built = Volatile.Read(ref tables);
        if (built is null) Volatile.Write(ref tables, built = new ChunkTables(all));
        // One bit per entry (a 1,000-brand catalogue holds ~20,000 views: 2.5 KB) instead of a hash set of every id met.
        var words = (all.Length + 63) / 64;
        Span<ulong> seen = words <= 1024 ? stackalloc ulong[words] : new ulong[words];
        for (var c = 0; c < Chunks; c++)
        {
            var key = query.Chunk(c);
            Probe(built, c, key, query, radius, seen, found);
            for (var i = 0; i < 16 && flips >= 1; i++)
            {
                var k1 = (ushort)(key ^ (1 << i));
                Probe(built, c, k1, query, radius, seen, found);
                for (var j = i + 1; j < 16 && flips >= 2; j++) Probe(built, c, (ushort)(k1 ^ (1 << j)), query, radius, seen, found);
            }
        }
    }

    private void Probe(ChunkTables built, int chunk, ushort key, Hash256 query, int radius, Span<ulong> seen, Action<T, int> found)
    {
        var ids = built.Ids(chunk, key);
        if (ids.IsEmpty) return;
        var all = CollectionsMarshal.AsSpan(hashes);
        foreach (var id in ids)
        {
            ref var word = ref seen[id >> 6];
            var bit = 1UL << (id & 63);
            if ((word & bit) != 0) continue;
            word |= bit;
            var d = all[id].DistanceTo(query);
            if (d <= radius) found(items[id], d);
        }
    }

    /// <summary>
    /// Per chunk, the distinct 16-bit values in ascending order and the ids holding each, in insertion order, in one array:
    /// a few bytes an entry, where a dictionary of lists cost an object per distinct value (~20,000 views × 16 chunks).
    /// </summary>
    private sealed class ChunkTables
    {
        private readonly ushort[][] keys = new ushort[Chunks][];
        private readonly int[][] starts = new int[Chunks][];
        private readonly int[][] ids = new int[Chunks][];

        public ChunkTables(ReadOnlySpan<Hash256> hashes)
        {
            // A counting sort by value, stable (ids ascending within a value: the order Probe reports them in).
            var count = new int[ushort.MaxValue + 2];
            for (var c = 0; c < Chunks; c++)
            {
                Array.Clear(count);
                foreach (var hash in hashes) count[hash.Chunk(c) + 1]++;
                var distinct = 0;
                for (var v = 1; v < count.Length; v++) distinct += count[v] > 0 ? 1 : 0;
                keys[c] = new ushort[distinct];
                starts[c] = new int[distinct + 1];
                for (int v = 0, k = 0; v <= ushort.MaxValue; v++)
                {
                    if (count[v + 1] == 0) continue;
                    keys[c][k] = (ushort)v;
                    starts[c][k + 1] = starts[c][k] + count[v + 1];
                    k++;
                }
                // count[v] becomes the next free slot of value v.
                for (var v = 1; v < count.Length; v++) count[v] += count[v - 1];
                var placed = ids[c] = new int[hashes.Length];
                for (var id = 0; id < hashes.Length; id++) placed[count[hashes[id].Chunk(c)]++] = id;
            }
        }

        public ReadOnlySpan<int> Ids(int chunk, ushort key)
        {
            // A plain binary search over the distinct values (Array.BinarySearch goes through a generic comparer: 2 % of a
            // 1,000-brand scan's samples at the verification band's 2,192 probes per view).
            var values = keys[chunk];
            int lo = 0, hi = values.Length - 1;
            while (lo <= hi)
            {
                var mid = (int)((uint)(lo + hi) >> 1);
                var value = values[mid];
                if (value == key) return ids[chunk].AsSpan(starts[chunk][mid], starts[chunk][mid + 1] - starts[chunk][mid]);
                if (value < key) lo = mid + 1;
                else hi = mid - 1;
            }
            return [];
        }
    }
}
