using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PartnerWatch.Config;
using PartnerWatch.Detect.Logos;
using PartnerWatch.Hosting;
using PartnerWatch.Domain;
using PartnerWatch.Scan;
using PartnerWatch.Tests.Infrastructure;
using SkiaSharp;

namespace PartnerWatch.Tests.Detect.Logos;

/// <summary>
/// One image showing a wall of partner logos: every configured brand in it is found through its own tile, a wall of
/// brands that are not configured matches nothing, and images that are no wall (a single logo, a photo, a field of
/// dots) are not cut into tiles.
/// </summary>
public sealed class PartnerWallTests(LogoCatalogFixture fixture) : IClassFixture<LogoCatalogFixture>
{
    private static WallLogo Logo(string brand, string file, int longSide = 140) => new(brand, LogoFixtures.RefPath(brand, file), longSide);

    private static readonly WallLogo[] Eight =
    [
        Logo("microsoft", "microsoft.svg"), Logo("google", "google.svg"), Logo("ibm", "ibm.svg"), Logo("sap", "sap.svg"),
        Logo("oracle", "oracle.svg"), Logo("cisco", "cisco.svg"), Logo("redhat", "redhat.svg"), Logo("nvidia", "nvidia.svg"),
    ];

    private static readonly WallLogo[] Six =
    [
        Logo("salesforce", "salesforce.svg"), Logo("dell", "dell.svg"), Logo("intel", "intel.png"),
        Logo("huawei", "huawei.svg"), Logo("qualcomm", "qualcomm.svg"), Logo("aws", "aws.svg"),
    ];

    private ImageFingerprint Fingerprint(byte[] bytes)
    {
        var fingerprint = fixture.Decoder.TryFingerprint(bytes, out var reason);
        Assert.True(fingerprint is not null, reason);
        return fingerprint;
    }

    /// <summary>The brands <see cref="LogoCatalog.Match"/> finds in the wall's tiles (not in the whole image).</summary>
    private HashSet<string> BrandsInTiles(ImageFingerprint wall) =>
        wall.Parts.Select(p => fixture.Catalog.Match(p)?.BrandId).OfType<string>().ToHashSet(StringComparer.Ordinal);

    private void AssertEveryBrandFound(IReadOnlyList<WallLogo> logos, byte[] bytes)
    {
        var wall = Fingerprint(bytes);

        var found = BrandsInTiles(wall);

        var expected = logos.Select(l => l.Brand).ToHashSet(StringComparer.Ordinal);
        Assert.True(expected.SetEquals(found),
            $"expected [{string.Join(", ", expected.Order())}], found [{string.Join(", ", found.Order())}] in {wall.Parts.Count} tiles: " +
            string.Join(" ", wall.Parts.Select(p => p.Region)));
        Assert.InRange(wall.Parts.Count, logos.Count, PartnerWallSplitter.MaxTiles);
    }

    [Fact]
    public void GridOfFourByTwoOnWhiteYieldsEveryBrand() =>
        AssertEveryBrandFound(Eight, LogoVariants.Png(PartnerWallComposer.Compose(Eight, new WallLayout(4, 200, 135, PartnerWallComposer.White))));

    [Fact]
    public void RowOfSixOnLightGreyYieldsEveryBrand() =>
        AssertEveryBrandFound(Six, LogoVariants.Png(PartnerWallComposer.Compose(Six, new WallLayout(6, 180, 120, PartnerWallComposer.LightGrey))));

    [Fact]
    public void LogosOnBorderedCardsAreEachFound() =>
        AssertEveryBrandFound(Eight, LogoVariants.Png(PartnerWallComposer.Compose(Eight, new WallLayout(4, 200, 135, PartnerWallComposer.LightGrey, WallStyle.Cards))));

    [Fact]
    public void LogosInTableCellsSharingBordersAreEachFound() =>
        AssertEveryBrandFound(Six, LogoVariants.Png(PartnerWallComposer.Compose(Six, new WallLayout(3, 200, 135, PartnerWallComposer.White, WallStyle.Table))));

    [Fact]
    public void JpegQuality70WallYieldsEveryBrand() =>
        AssertEveryBrandFound(Eight, LogoVariants.Jpeg(PartnerWallComposer.Compose(Eight, new WallLayout(4, 200, 135, PartnerWallComposer.White)), 70));

    [Fact]
    public void LogosOfDifferentSizesInOneWallAreAllFound()
    {
        WallLogo[] mixed =
        [
            Logo("apple", "apple.svg", 70), Logo("meta", "meta.svg", 160), Logo("linkedin", "linkedin.svg", 110),
            Logo("alibabacloud", "alibabacloud.svg", 90), Logo("google", "google-g.svg", 60), Logo("sap", "sap.svg", 150),
        ];
        AssertEveryBrandFound(mixed, LogoVariants.Png(PartnerWallComposer.Compose(mixed, new WallLayout(3, 220, 140, PartnerWallComposer.White))));
    }

    public static TheoryData<WallStyle, bool> NegativeWalls() => new()
    {
        { WallStyle.Plain, false }, { WallStyle.Cards, false }, { WallStyle.Table, false }, { WallStyle.Plain, true },
    };

    [Theory]
    [MemberData(nameof(NegativeWalls))]
    public void WallOfUnconfiguredBrandsMatchesNothing(WallStyle style, bool jpeg)
    {
        var negatives = Directory.EnumerateFiles(LogoFixtures.Negatives, "*.svg").Order(StringComparer.Ordinal)
            .Select(f => new WallLogo(Path.GetFileNameWithoutExtension(f), f, 140)).ToList();
        using var bitmap = PartnerWallComposer.Compose(negatives, new WallLayout(5, 200, 135, PartnerWallComposer.White, style));
        var bytes = jpeg ? LogoVariants.Jpeg(bitmap.Copy(), 70) : LogoVariants.Png(bitmap.Copy());

        var wall = Fingerprint(bytes);

        // Split into its logos, so the tiles were really compared; none of them is a configured brand.
        Assert.InRange(wall.Parts.Count, 10, PartnerWallSplitter.MaxTiles);
        Assert.Empty(ImageMatches.Find(fixture.Catalog, wall));
    }

    [Fact]
    public void EvidenceNamesTheTileThatMatched()
    {
        var wall = Fingerprint(LogoVariants.Png(PartnerWallComposer.Compose(Eight, new WallLayout(4, 200, 135, PartnerWallComposer.White))));

        var found = ImageMatches.Find(fixture.Catalog, wall);

        Assert.Equal(Eight.Length, found.Count);
        var sap = Assert.Single(found, f => f.Match.BrandId == "sap");
        Assert.Matches(@"^tile \d+ of \d+ at \(\d+,\d+,\d+,\d+\) matches sap\.svg, distance \d+/256 \(threshold \d+\)$", sap.Detail);
        // SAP is the fourth cell of the first row (x 16 + 3 × 200 … 816), and its tile lies there.
        var region = wall.Parts.Select(p => p.Region!.Value).Single(r => sap.Detail.Contains($"at {r} ", StringComparison.Ordinal));
        Assert.InRange(region.X, 616, 816);
        Assert.InRange(region.X + region.Width, 616, 816);
        Assert.All(wall.Parts, p => Assert.True(p.Region is { X: >= 0, Y: >= 0 } r && r.X + r.Width <= wall.Width && r.Y + r.Height <= wall.Height, $"{p.Region} outside {wall.Width}×{wall.Height}"));
    }

    [Fact]
    public void SingleLogoIsStillMatchedAsAWholeImage()
    {
        var fingerprint = Fingerprint(LogoVariants.Make(LogoFixtures.RefPath("redhat", "redhat.svg"), LogoTransformation.Size400));

        var found = Assert.Single(ImageMatches.Find(fixture.Catalog, fingerprint));

        Assert.Equal("redhat", found.Match.BrandId);
        Assert.StartsWith("matches redhat", found.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LogoTransformation.Size400)]
    [InlineData(LogoTransformation.Size800)]
    public void TilesOfALargeSingleLogoAddNoOtherBrand(LogoTransformation transformation)
    {
        // A large single logo (an emblem beside a wordmark) may be cut into tiles too; they must not name another brand.
        var wrong = new List<string>();
        foreach (var (brand, path) in LogoFixtures.ReferenceFiles())
        {
            var fingerprint = Fingerprint(LogoVariants.Make(path, transformation));
            wrong.AddRange(ImageMatches.Find(fixture.Catalog, fingerprint).Where(f => f.Match.BrandId != brand).Select(f => $"{Path.GetFileName(path)} → {f.Match.BrandId} ({f.Detail})"));
        }
        foreach (var path in Directory.EnumerateFiles(LogoFixtures.Negatives, "*.svg").Order(StringComparer.Ordinal))
        {
            var fingerprint = Fingerprint(LogoVariants.Make(path, transformation));
            wrong.AddRange(ImageMatches.Find(fixture.Catalog, fingerprint).Select(f => $"{Path.GetFileName(path)} → {f.Match.BrandId} ({f.Detail})"));
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public void SmallImageIsNeverSplit()
    {
        var fingerprint = Fingerprint(LogoVariants.Png(PartnerWallComposer.Compose(Six.Take(2).ToList(), new WallLayout(2, 90, 60, PartnerWallComposer.White, Margin: 4))));

        Assert.True(fingerprint.Width < PartnerWallSplitter.MinLongSide);
        Assert.Empty(fingerprint.Parts);
    }

    [Fact]
    public void PhotoIsNotCutIntoTiles()
    {
        // A photo-like image: a smooth gradient under many soft overlapping shapes; no edge colour dominates.
        var random = new Random(7);
        using var photo = new SKBitmap(new SKImageInfo(1600, 1200, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(photo))
        {
            using var gradient = new SKPaint
            {
                Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(1600, 1200), [new SKColor(30, 90, 160), new SKColor(220, 180, 90)], SKShaderTileMode.Clamp),
            };
            canvas.DrawRect(0, 0, 1600, 1200, gradient);
            using var blob = new SKPaint { IsAntialias = true };
            for (var i = 0; i < 400; i++)
            {
                blob.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), 160);
                canvas.DrawCircle(random.Next(1600), random.Next(1200), random.Next(10, 120), blob);
            }
        }

        var tiles = PartnerWallSplitter.Split(photo);
        var fingerprint = fixture.Decoder.TryFingerprint(LogoVariants.Jpeg(photo.Copy(), 80), out _);

        Assert.Empty(tiles);
        Assert.Empty(fingerprint?.Parts ?? []);
    }

    [Fact]
    public void FieldOfThousandsOfDotsIsNoWall()
    {
        // Hostile: 800 separate squares, each big enough to be a tile, would be 800 regions; the splitter gives up
        // (or keeps at most its tile cap) instead.
        using var dots = new SKBitmap(new SKImageInfo(2000, 2000, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(dots))
        {
            canvas.Clear(SKColors.White);
            using var ink = new SKPaint { Color = SKColors.Black };
            for (var y = 16; y < 1984; y += 48)
            {
                for (var x = 16; x < 960; x += 48) canvas.DrawRect(x, y, 16, 16, ink);
            }
            // Something solid beside them, so that the image as a whole is informative and reaches the splitter.
            canvas.DrawCircle(1500, 1000, 400, ink);
        }

        var fingerprint = Fingerprint(LogoVariants.Png(dots.Copy()));

        Assert.InRange(fingerprint.Parts.Count, 0, PartnerWallSplitter.MaxTiles);
        Assert.Empty(ImageMatches.Find(fixture.Catalog, fingerprint));
    }

    [Fact]
    public async Task PageWhoseOnlyPartnerEvidenceIsOneWallImageYieldsAClaimPerBrand()
    {
        WallLogo[] logos = [Logo("microsoft", "microsoft.svg"), Logo("sap", "sap.svg"), Logo("oracle", "oracle.svg"), Logo("redhat", "redhat.svg")];
        var wallPng = LogoVariants.Png(PartnerWallComposer.Compose(logos, new WallLayout(4, 200, 135, PartnerWallComposer.LightGrey, WallStyle.Cards)));
        await using var server = await LoopbackHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = FixtureResponse.Html("""
                <html><body><h1>Acme Vision</h1>
                <section class="partners"><h2>Our technology partners</h2><img src="/media/2024/wall-final-v3.png"></section>
                </body></html>
                """),
            ["/media/2024/wall-final-v3.png"] = new(200, "image/png", wallPng),
        });
        var options = new PartnerWatchOptions
        {
            Brands = [.. new[] { ("microsoft", "Microsoft", "microsoft.svg"), ("sap", "SAP", "sap.svg"), ("oracle", "Oracle", "oracle.svg"), ("redhat", "Red Hat", "redhat.svg"), ("ibm", "IBM", "ibm.svg") }
                .Select(b => new BrandOptions { Id = b.Item1, Name = b.Item2, Logos = [LogoFixtures.RefPath(b.Item1, b.Item3)] })],
            Fetch = { AllowPrivateNetworks = true, MaxRetries = 0 },
        };
        await using var provider = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddPartnerWatchPipeline(options).BuildServiceProvider();

        var result = await provider.GetRequiredService<SiteScanner>()
            .ScanAsync(new SiteOptions { Id = "acme", Url = server.BaseUri.ToString() }, CancellationToken.None);

        Assert.Equal(["microsoft", "oracle", "redhat", "sap"], result.Claims.Select(c => c.Brand).Order(StringComparer.Ordinal));
        foreach (var claim in result.Claims)
        {
            var evidence = Assert.Single(claim.Evidence, e => e.Kind == EvidenceKind.LogoImage);
            Assert.EndsWith("/media/2024/wall-final-v3.png", evidence.ImageUrl);
            Assert.Contains("tile ", evidence.Detail);
        }
        // The wall was downloaded once and is kept once for the evidence store.
        Assert.Single(server.Requests, r => r.EndsWith("wall-final-v3.png", StringComparison.Ordinal));
        Assert.Single(result.FetchedImages);
    }
}
