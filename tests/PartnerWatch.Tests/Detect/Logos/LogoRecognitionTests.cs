using PartnerWatch.Detect.Logos;

namespace PartnerWatch.Tests.Detect.Logos;

/// <summary>
/// The labelled variant set: every configured reference logo under every transformation must be recognised as its
/// brand, and marks of brands that are not configured must not be recognised at all.
/// </summary>
public sealed class LogoRecognitionTests(LogoCatalogFixture fixture) : IClassFixture<LogoCatalogFixture>
{
    /// <summary>
    /// Below this many pixels on its shorter side a logo is illegible (a 512×67 wordmark at 24 px wide is 3 px tall);
    /// such size variants are measured in docs/logo-matching.md but not required here.
    /// </summary>
    public const int MinLegibleSide = 16;

    /// <summary>
    /// Measured misses at the ROC-chosen threshold 24, listed with their distances in docs/logo-matching.md: the
    /// NVIDIA wordmark+eye under JPEG and in a card (27–30). Small renderings and grayscale no longer miss (small
    /// views of the references; a second full-coverage cut-off). Kept out of the theory so the rest stays a hard
    /// gate; remove an entry when the engine improves.
    /// </summary>
    public static readonly HashSet<(string File, LogoTransformation Transformation)> KnownMisses =
    [
        ("nvidia.svg", LogoTransformation.Jpeg40),
        ("nvidia.svg", LogoTransformation.Jpeg60),
        ("nvidia.svg", LogoTransformation.Jpeg90),
        ("nvidia.svg", LogoTransformation.PaddedCard),
    ];

    public static TheoryData<string, string, LogoTransformation> Variants()
    {
        var data = new TheoryData<string, string, LogoTransformation>();
        var decoder = LogoFixtures.Decoder();
        foreach (var (brand, path) in LogoFixtures.ReferenceFiles())
        {
            var reference = decoder.TryFingerprint(File.ReadAllBytes(path), out _)!;
            var aspect = (double)reference.Width / reference.Height;
            foreach (var t in Enum.GetValues<LogoTransformation>())
            {
                if (LongSide(t) is { } side && side / Math.Max(aspect, 1 / aspect) < MinLegibleSide) continue;
                if (KnownMisses.Contains((Path.GetFileName(path), t))) continue;
                data.Add(brand, Path.GetFileName(path), t);
            }
        }
        return data;
    }

    public static int? LongSide(LogoTransformation t) => t switch
    {
        LogoTransformation.Size24 => 24,
        LogoTransformation.Size28 => 28,
        LogoTransformation.Size32 => 32,
        LogoTransformation.Size40 => 40,
        LogoTransformation.Size48 => 48,
        _ => null,
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void ConfiguredLogoIsRecognisedUnderTransformation(string brand, string file, LogoTransformation transformation)
    {
        var bytes = LogoVariants.Make(LogoFixtures.RefPath(brand, file), transformation);

        var fingerprint = fixture.Decoder.TryFingerprint(bytes, out var reason);

        Assert.True(fingerprint is not null, reason);
        var match = fixture.Catalog.Match(fingerprint);
        Assert.True(match is not null, $"{brand}/{file} as {transformation} was not recognised");
        Assert.Equal(brand, match.BrandId);
        Assert.InRange(match.Distance, 0, match.MaxDistance);
        Assert.InRange(match.Confidence, 0.5, 1.0);
    }

    public static TheoryData<string, LogoTransformation> Negatives()
    {
        var data = new TheoryData<string, LogoTransformation>();
        foreach (var path in Directory.EnumerateFiles(LogoFixtures.Negatives, "*.svg").Order(StringComparer.Ordinal))
        {
            foreach (var t in new[] { LogoTransformation.Size120, LogoTransformation.Size32, LogoTransformation.Jpeg60, LogoTransformation.WhiteOnDark, LogoTransformation.Inverted, LogoTransformation.PaddedCard })
            {
                data.Add(Path.GetFileName(path), t);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void LogoOfUnconfiguredBrandIsNotMatched(string file, LogoTransformation transformation)
    {
        var bytes = LogoVariants.Make(Path.Combine(LogoFixtures.Negatives, file), transformation);

        var fingerprint = fixture.Decoder.TryFingerprint(bytes, out var reason);

        Assert.True(fingerprint is not null, reason);
        var match = fixture.Catalog.Match(fingerprint);
        Assert.True(match is null, $"{file} as {transformation} matched {match?.BrandId}/{match?.ReferenceFile} at distance {match?.Distance}");
    }

    [Theory]
    [InlineData("atelier-nvidia.png", "nvidia")]      // 40 px PNG of the NVIDIA eye
    [InlineData("atelier-sap.jpg", "sap")]            // JPEG q60
    [InlineData("dongfang-microsoft.png", "microsoft")] // the SenseNets pattern
    [InlineData("orbita-ibm.png", "ibm")]
    public void HashOnlyLogosOfTheSharedSampleAreRecognised(string file, string brand)
    {
        var fingerprint = fixture.Decoder.TryFingerprint(File.ReadAllBytes(LogoFixtures.Sample(file)), out var reason);

        Assert.True(fingerprint is not null, reason);
        Assert.Equal(brand, fixture.Catalog.Match(fingerprint)?.BrandId);
    }

    [Theory]
    [InlineData("badge-appstore.png")]
    [InlineData("badge-googleplay.png")]
    [InlineData("social-facebook.png")]
    public void BadgesAndSocialIconsOfTheSharedSampleAreNotMatched(string file)
    {
        var fingerprint = fixture.Decoder.TryFingerprint(File.ReadAllBytes(LogoFixtures.Sample(file)), out var reason);

        Assert.True(fingerprint is not null, reason);
        var match = fixture.Catalog.Match(fingerprint);
        Assert.True(match is null, $"{file} matched {match?.BrandId} at {match?.Distance}");
    }
}
