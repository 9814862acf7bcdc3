using BenchmarkDotNet.Attributes;
using PartnerWatch.Detect.Logos;
using PartnerWatch.Tests.Detect.Logos;

namespace PartnerWatch.Benchmarks;

/// <summary>
/// Decode+fingerprint per image, and one match against 20 and 1,000 references. The 1,000 references are the
/// simple-icons marks from <c>LOGO_BENCH_ICONS</c> (a dev-time <c>npm pack simple-icons</c> folder) plus the fixture
/// logos; without it, random fingerprints stand in. Fixtures are found via <c>LOGO_BENCH_FIXTURES</c> or the repository.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class LogoBenchmarks
{
    private readonly LogoImageDecoder decoder = LabelledSet.Decoder();
    private byte[] svg = [];
    private byte[] png160 = [];
    private byte[] jpeg160 = [];
    private byte[] png800 = [];
    private LogoCatalog catalog20 = null!;
    private LogoCatalog catalog25 = null!;
    private LogoCatalog catalog1000 = null!;
    private ImageFingerprint hit = null!;
    private ImageFingerprint miss = null!;
    private ImageFingerprint smallHit = null!;
    private ImageFingerprint tinyWordmark = null!;
    private ImageFingerprint tinyMiss = null!;

    [GlobalSetup]
    public void Setup()
    {
        var fixtures = Environment.GetEnvironmentVariable("LOGO_BENCH_FIXTURES") ?? LogoFixtures.Directory;
        var refs = LabelledSet.ReferenceFiles(Path.Combine(fixtures, "refs"));
        var sap = refs.First(r => r.Brand == "sap").Path;
        svg = File.ReadAllBytes(sap);
        png160 = LogoVariants.Make(sap, LogoTransformation.PaddedCard);
        jpeg160 = LogoVariants.Make(sap, LogoTransformation.Jpeg60);
        png800 = LogoVariants.Make(sap, LogoTransformation.Size800);
        var fixtureRefs = LabelledSet.Fingerprint(refs.Take(20), decoder);
        catalog20 = new LogoCatalog(fixtureRefs, new LogoMatchThresholds());
        var many = new List<LogoReference>(LabelledSet.Fingerprint(refs, decoder));
        catalog25 = new LogoCatalog(many, new LogoMatchThresholds());
        if (Environment.GetEnvironmentVariable("LOGO_BENCH_ICONS") is { } icons && Directory.Exists(icons))
        {
            foreach (var path in Directory.EnumerateFiles(icons, "*.svg").Order(StringComparer.Ordinal))
            {
                if (many.Count >= 1000) break;
                if (decoder.TryFingerprintReference(File.ReadAllBytes(path), out _) is { } fp) many.Add(new LogoReference(Path.GetFileNameWithoutExtension(path), Path.GetFileName(path), fp));
            }
        }
        var random = new Random(1);
        while (many.Count < 1000)
        {
            var variant = new FingerprintVariant(new Hash256((ulong)random.NextInt64(), (ulong)random.NextInt64(), (ulong)random.NextInt64(), (ulong)random.NextInt64()), 256, 128, 0);
            many.Add(new LogoReference($"random{many.Count}", "random", new ImageFingerprint([variant, variant with { Layout = 1 }], 256, 128, "Svg")));
        }
        catalog1000 = new LogoCatalog(many, new LogoMatchThresholds());
        hit = decoder.TryFingerprint(jpeg160, out _)!;
        smallHit = decoder.TryFingerprint(LogoVariants.Make(sap, LogoTransformation.Size32), out _)!;
        // Qualcomm at 28 px is found only by the detail check; the altered one reaches it and is rejected there.
        var qualcomm = refs.First(r => r.Brand == "qualcomm").Path;
        tinyWordmark = decoder.TryFingerprint(LogoVariants.Make(qualcomm, LogoTransformation.Size28), out _)!;
        tinyMiss = decoder.TryFingerprint(LogoVariants.Make(qualcomm, "size:26"), out _)!;
        tinyMiss = tinyMiss with { Variants = tinyMiss.Variants.Select(v => v.Map is null ? v : v with { Map = Mirrored(v.Map) }).ToList() };
        miss = decoder.TryFingerprint(LogoVariants.Make(Directory.EnumerateFiles(Path.Combine(fixtures, "negatives")).Order(StringComparer.Ordinal).First(), LogoTransformation.Size120), out _)!;
        if (catalog1000.References.Count < 1000) throw new InvalidOperationException("expected 1,000 references");
    }

    [Benchmark] public ImageFingerprint? FingerprintSvgReference() => decoder.TryFingerprint(svg, out _);
    [Benchmark] public ImageFingerprint? FingerprintSvgReferenceWithSmallRenderings() => decoder.TryFingerprintReference(svg, out _);
    [Benchmark] public ImageFingerprint? FingerprintPngCard160() => decoder.TryFingerprint(png160, out _);
    [Benchmark] public ImageFingerprint? FingerprintJpeg160() => decoder.TryFingerprint(jpeg160, out _);
    [Benchmark] public ImageFingerprint? FingerprintPng800() => decoder.TryFingerprint(png800, out _);
    [Benchmark] public LogoMatch? MatchHitAgainst20() => catalog20.Match(hit);
    [Benchmark] public LogoMatch? MatchMissAgainst20() => catalog20.Match(miss);
    [Benchmark] public LogoMatch? MatchHitAgainst1000() => catalog1000.Match(hit);
    [Benchmark] public LogoMatch? MatchMissAgainst1000() => catalog1000.Match(miss);
    [Benchmark] public LogoMatch? MatchSmallHitAgainst1000() => catalog1000.Match(smallHit);
    [Benchmark] public LogoMatch? MatchTinyWordmarkByDetailAgainst25() => catalog25.Match(tinyWordmark);
    [Benchmark] public LogoMatch? MatchTinyWordmarkByDetailAgainst1000() => catalog1000.Match(tinyWordmark);
    [Benchmark] public LogoMatch? MatchTinyMissThroughDetailAgainst1000() => catalog1000.Match(tinyMiss);

    // Same hash, other pixels: the detail check runs in full and rejects it.
    private static ForegroundMap Mirrored(ForegroundMap map)
    {
        var values = new byte[map.Width * map.Height];
        for (var y = 0; y < map.Height; y++)
        {
            for (var x = 0; x < map.Width; x++) values[y * map.Width + x] = map[map.Width - 1 - x, y];
        }
        return new ForegroundMap(values, map.Width, map.Height);
    }
}
