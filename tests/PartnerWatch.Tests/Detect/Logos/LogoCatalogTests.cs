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
