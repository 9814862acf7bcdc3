namespace PartnerWatch.Detect.Logos;

/// <summary>
/// Multi-index hashing (Norouzi et al.) over 256-bit hashes: the hash is cut into 16 chunks of 16 bits and each
/// chunk indexes a table. Two hashes within distance r agree to within ⌊r/16⌋ bits on at least one chunk
/// (pigeonhole), so probing every chunk's table with its neighbours up to that many flipped bits finds every
/// candidate, and only candidates are compared in full. Cost grows with the number of near neighbours, not with
/// the catalogue. Built once, then read-only and safe to query from many threads.
/// </summary>
public sealed class FingerprintIndex<T>
{
    private const int Chunks = 16;
    private readonly Dictionary<ushort, List<int>>[] tables = Enumerable.Range(0, Chunks).Select(_ => new Dictionary<ushort, List<int>>()).ToArray();
    private readonly List<(Hash256 Hash, T Item)> entries = [];

    public int Count => entries.Count;

    public void Add(Hash256 hash, T item)
    {
        var id = entries.Count;
        entries.Add((hash, item));
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
        var flips = radius / Chunks;
        if (flips > 2)
        {
            // Beyond two flipped bits per chunk the probes outnumber a small catalogue; compare directly.
            foreach (var (hash, item) in entries)
            {
                var d = hash.DistanceTo(query);
                if (d <= radius) found(item, d);
            }
            return;
        }
        var seen = new HashSet<int>();
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

    private void Probe(int chunk, ushort key, Hash256 query, int radius, HashSet<int> seen, Action<T, int> found)
    {
        if (!tables[chunk].TryGetValue(key, out var ids)) return;
        foreach (var id in ids)
        {
            if (!seen.Add(id)) continue;
            var (hash, item) = entries[id];
            var d = hash.DistanceTo(query);
            if (d <= radius) found(item, d);
        }
    }
}
