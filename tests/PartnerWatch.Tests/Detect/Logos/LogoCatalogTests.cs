using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PartnerWatch.Config;
using PartnerWatch.Detect.Logos;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Detect.Logos;

public sealed class LogoCatalogTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    private PartnerWatchOptions Options()
    {
        Directory.CreateDirectory(dir.Combine("logos"));
        File.Copy(LogoFixtures.RefPath("sap", "sap.svg"), dir.Combine("logos", "sap.svg"));
        File.WriteAllText(dir.Combine("logos", "broken.png"), "<html>not a png</html>");
        return new PartnerWatchOptions
        {
            BaseDirectory = dir.Path,
            Brands =
            [
                new BrandOptions { Id = "sap", Name = "SAP", Logos = ["logos/sap.svg", "logos/missing.svg"] },
                new BrandOptions { Id = "acme", Name = "Acme", Logos = ["logos/broken.png"] },
            ],
        };
    }

    [Fact]
    public void UnusableReferenceLogosAreReportedByConfigKeyAndSkipped()
    {
        var options = Options();

        var catalog = new LogoCatalog(options, new LogoImageDecoder(options), NullLogger<LogoCatalog>.Instance);

        Assert.Equal(["PartnerWatch:Brands:0:Logos:1", "PartnerWatch:Brands:1:Logos:0"], catalog.Problems.Select(p => p.Path).ToList());
        Assert.Contains("not found", catalog.Problems[0].Message);
        Assert.Contains("not a recognised image format", catalog.Problems[1].Message);
        var jpeg = LogoVariants.Make(LogoFixtures.RefPath("sap", "sap.svg"), LogoTransformation.Jpeg40);
        var match = catalog.Match(new LogoImageDecoder(options).TryFingerprint(jpeg, out _)!);
        Assert.Equal(new[] { "sap", "logos/sap.svg" }, new[] { match?.BrandId, match?.ReferenceFile });
        Assert.Equal(catalog.Problems, LogoCatalog.Check(options, new LogoImageDecoder(options)));
    }

    [Fact]
    public void AddLogoMatchingRegistersTheEngine()
    {
        var options = Options();
        var services = new ServiceCollection().AddLogging().AddSingleton(options).AddLogoMatching();
        using var provider = services.BuildServiceProvider();

        var catalog = provider.GetRequiredService<LogoCatalog>();

        Assert.Same(catalog, provider.GetRequiredService<LogoCatalog>());
        Assert.Single(catalog.References);
        Assert.NotNull(provider.GetRequiredService<ImageCandidateExtractor>());
        Assert.NotNull(provider.GetRequiredService<FingerprintCache>());
    }

    [Fact]
    public void IndexFindsExactlyWhatALinearScanFinds()
    {
        var random = new Random(42);
        var index = new FingerprintIndex<int>();
        var hashes = new List<Hash256>();
        for (var i = 0; i < 3000; i++)
        {
            var h = RandomHash(random);
            hashes.Add(h);
            index.Add(h, i);
        }
        foreach (var radius in new[] { 8, 20, 36, 47 })
        {
            for (var q = 0; q < 50; q++)
            {
                var query = Flip(hashes[random.Next(hashes.Count)], random, random.Next(0, radius + 6));
                var found = new SortedSet<int>();
                index.Search(query, radius, (item, _) => found.Add(item));
                var expected = Enumerable.Range(0, hashes.Count).Where(i => hashes[i].DistanceTo(query) <= radius);
                Assert.Equal(expected, found);
            }
        }
    }

    [Fact]
    public void IndexReportsNearEntriesInTheOrderOfAPlainProbe()
    {
        // Callers keep the first of equally near references (Nearest) or sort candidates stably (the detail check): the
        // compact tables must report entries in the order a dictionary of id lists probed chunk by chunk does. Hashes
        // drawn from a few sparse patterns share chunks, so buckets hold many ids and ties are common.
        var random = new Random(7);
        var patterns = Enumerable.Range(0, 8).Select(_ => Sparse(random, 40)).ToList();
        var index = new FingerprintIndex<int>();
        var hashes = new List<Hash256>();
        for (var i = 0; i < 2000; i++)
        {
            var h = Flip(patterns[random.Next(patterns.Count)], random, random.Next(0, 12));
            hashes.Add(h);
            index.Add(h, i);
        }
        foreach (var radius in new[] { 0, 15, 24, 31, 46, 60 })
        {
            for (var q = 0; q < 20; q++)
            {
                var query = Flip(hashes[random.Next(hashes.Count)], random, random.Next(0, 16));
                var found = new List<(int, int)>();
                index.Search(query, radius, (item, d) => found.Add((item, d)));
                Assert.Equal(PlainProbe(hashes, query, radius), found);
            }
        }
    }

    [Fact]
    public void CatalogueCandidatesAreWhatComparingEveryViewFinds()
    {
        // The catalogue searches one index per cell layout and rejects small renderings of other sizes before the aspect
        // test; neither may lose a candidate or change its distance. Small images reach the detail check's radius (60).
        var decoder = LogoFixtures.Decoder();
        var catalog = LogoFixtures.Catalog(decoder);
        var thresholds = catalog.Thresholds;
        foreach (var (brand, file) in new[] { ("sap", "sap.svg"), ("ibm", "ibm.svg"), ("qualcomm", "qualcomm.svg"), ("intel", "intel.png") })
        {
            foreach (var variant in new[] { "size:24", "size:27", "size:31", "size:32", "size:44", "size:48", "png", "jpeg:60" })
            {
                var fp = decoder.TryFingerprint(LogoVariants.Make(LogoFixtures.RefPath(brand, file), variant), out var reason) ?? throw new InvalidOperationException(reason);
                foreach (var radius in new[] { 24, 46, LogoMatchThresholds.DetailMaxDistance })
                {
                    var expected = new Dictionary<LogoReference, int>();
                    foreach (var reference in catalog.References)
                    {
                        foreach (var q in fp.Variants)
                        {
                            foreach (var v in reference.Fingerprint.Variants)
                            {
                                var d = LogoMatchThresholds.EffectiveDistance(q.Hash.DistanceTo(v.Hash), v);
                                if (d > radius || !thresholds.Comparable(q, fp, v, reference.Fingerprint)) continue;
                                if (!LogoMatchThresholds.PairCarriesIdentity(q, LogoMatchThresholds.CarriesIdentity(q), v)) continue;
                                expected[reference] = Math.Min(d, expected.GetValueOrDefault(reference, int.MaxValue));
                            }
                        }
                    }
                    var actual = catalog.Candidates(fp, radius).ToDictionary(c => c.Reference, c => c.Distance);
                    Assert.Equal(expected.OrderBy(e => e.Key.ReferenceFile), actual.OrderBy(e => e.Key.ReferenceFile));
                    if (radius < LogoMatchThresholds.DetailMaxDistance) continue;
                    foreach (var reference in expected.Keys)
                    {
                        // Every pair of views, not each distinct pair of maps once: the same best correlation.
                        double? best = null;
                        foreach (var q in fp.Variants.Where(q => q.Map is not null))
                        {
                            foreach (var v in reference.Fingerprint.Variants.Where(v => v.Map is not null && v.RenderedLongSide == 0))
                            {
                                if (!LogoMatchThresholds.MapsComparable(q.Map!, v.Map!)) continue;
                                var s = q.Map!.SimilarityTo(v.Map!);
                                if (best is null || s > best) best = s;
                            }
                        }
                        Assert.Equal(best, catalog.DetailSimilarity(fp, reference));
                    }
                }
            }
        }
    }

    /// <summary>The search as it was: a dictionary of id lists per chunk, probed key by key, ids met once.</summary>
    private static List<(int, int)> PlainProbe(List<Hash256> hashes, Hash256 query, int radius)
    {
        var found = new List<(int, int)>();
        if (radius / 16 > 2)
        {
            for (var i = 0; i < hashes.Count; i++)
            {
                if (hashes[i].DistanceTo(query) <= radius) found.Add((i, hashes[i].DistanceTo(query)));
            }
            return found;
        }
        var seen = new HashSet<int>();
        for (var c = 0; c < 16; c++)
        {
            var key = query.Chunk(c);
            var keys = new List<ushort> { key };
            for (var i = 0; i < 16 && radius / 16 >= 1; i++)
            {
                var k1 = (ushort)(key ^ (1 << i));
                keys.Add(k1);
                for (var j = i + 1; j < 16 && radius / 16 >= 2; j++) keys.Add((ushort)(k1 ^ (1 << j)));
            }
            var table = new Dictionary<ushort, List<int>>();
            for (var i = 0; i < hashes.Count; i++)
            {
                if (!table.TryGetValue(hashes[i].Chunk(c), out var ids)) table[hashes[i].Chunk(c)] = ids = [];
                ids.Add(i);
            }
            foreach (var k in keys)
            {
                foreach (var i in table.GetValueOrDefault(k) ?? [])
                {
                    if (!seen.Add(i)) continue;
                    if (hashes[i].DistanceTo(query) <= radius) found.Add((i, hashes[i].DistanceTo(query)));
                }
            }
        }
        return found;
    }

    private static Hash256 Sparse(Random r, int bits) => Flip(default, r, bits);

    [Fact]
    public void FingerprintCacheDecodesOnceAndEvictsTheLeastRecentlyUsed()
    {
        var decoder = LogoFixtures.Decoder();
        var cache = new FingerprintCache(capacity: 2);
        byte[] a = LogoVariants.Make(LogoFixtures.RefPath("sap", "sap.svg"), LogoTransformation.Size48);
        byte[] b = LogoVariants.Make(LogoFixtures.RefPath("ibm", "ibm.svg"), LogoTransformation.Size48);
        byte[] c = LogoVariants.Make(LogoFixtures.RefPath("dell", "dell.svg"), LogoTransformation.Size48);

        var first = cache.GetOrAdd(a, decoder);
        Assert.Same(first.Fingerprint, cache.GetOrAdd(a, decoder).Fingerprint);
        cache.GetOrAdd(b, decoder);
        cache.GetOrAdd(a, decoder); // a is now the most recent
        cache.GetOrAdd(c, decoder); // evicts b

        Assert.Equal(2, cache.Count);
        Assert.True(cache.TryGet(FingerprintCache.KeyOf(a), out _));
        Assert.False(cache.TryGet(FingerprintCache.KeyOf(b), out _));
        var rejected = cache.GetOrAdd("<html>"u8.ToArray(), decoder);
        Assert.Null(rejected.Fingerprint);
        Assert.NotNull(rejected.RejectReason);
    }

    [Fact]
    public void FingerprintCacheStaysWithinItsByteBudgetWhateverTheEntryCount()
    {
        var decoder = LogoFixtures.Decoder();
        // Small images keep their foreground maps: a budget of ~3 such fingerprints, far below the entry capacity.
        var probe = decoder.TryFingerprint(LogoVariants.Make(LogoFixtures.RefPath("microsoft", "microsoft.svg"), "size:64"), out _)!;
        Assert.Contains(probe.Variants, v => v.Map is not null);
        var budget = 3 * probe.ApproximateBytes;
        var cache = new FingerprintCache(capacity: 1_000, maxBytes: budget);

        foreach (var size in Enumerable.Range(40, 25))
        {
            cache.GetOrAdd(LogoVariants.Make(LogoFixtures.RefPath("microsoft", "microsoft.svg"), $"size:{size}"), decoder);
            Assert.InRange(cache.Bytes, 1, budget);
        }
        Assert.InRange(cache.Count, 2, 10);
    }

    private static Hash256 RandomHash(Random r) => new((ulong)r.NextInt64(), (ulong)r.NextInt64(), (ulong)r.NextInt64(), (ulong)r.NextInt64());

    private static Hash256 Flip(Hash256 h, Random r, int bits)
    {
        ulong[] w = [h.A, h.B, h.C, h.D];
        for (var i = 0; i < bits; i++)
        {
            var bit = r.Next(256);
            w[bit >> 6] ^= 1UL << (bit & 63);
        }
        return new Hash256(w[0], w[1], w[2], w[3]);
    }
}
