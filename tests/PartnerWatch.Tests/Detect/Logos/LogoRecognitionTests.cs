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
    /// Measured misses of the production catalogue (threshold 24 plus the verification band to 34), listed with their
    /// distances in docs/logo-matching.md. Empty since the band accepts the NVIDIA wordmark+eye under JPEG and in a card
    /// (27–30); the remaining small-size misses are illegible variants, which the theory skips. Kept so a future
    /// measured miss can be listed here while the rest stays a hard gate.
    /// </summary>
    public static readonly HashSet<(string File, LogoTransformation Transformation)> KnownMisses =
    [
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

    [Theory]
    [InlineData(LogoTransformation.Jpeg60)]
    [InlineData(LogoTransformation.PaddedCard)]
    public void NvidiaAboveThresholdIsAcceptedOnlyWhenItsColoursAgree(LogoTransformation transformation)
    {
        // The NVIDIA wordmark+eye is at 27–30 under JPEG and in a card: in the verification band, not under the threshold.
        var bytes = LogoVariants.Make(LogoFixtures.RefPath("nvidia", "nvidia.svg"), transformation);
        var recoloured = SwapRedAndGreen(bytes);

        var original = fixture.Catalog.Match(fixture.Decoder.TryFingerprint(bytes, out _)!);
        var lookAlike = fixture.Catalog.Match(fixture.Decoder.TryFingerprint(recoloured, out _)!);

        Assert.Equal("nvidia", original?.BrandId);
        Assert.InRange(original!.Distance, LogoMatchThresholds.DefaultMaxDistance + 1, LogoMatchThresholds.VerifiedMaxDistance);
        Assert.True(lookAlike is null, $"an orange-eyed NVIDIA shape matched {lookAlike?.BrandId} at {lookAlike?.Distance}");
    }

    // Same shape and lightness structure, other hue: green (118, 185, 0) becomes orange (185, 118, 0); black stays black.
    private static byte[] SwapRedAndGreen(byte[] image)
    {
        using var bitmap = SkiaSharp.SKBitmap.Decode(image);
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                bitmap.SetPixel(x, y, new SkiaSharp.SKColor(c.Green, c.Red, c.Blue, c.Alpha));
            }
        }
        return LogoVariants.Png(bitmap);
    }
}
