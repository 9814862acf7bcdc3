using PartnerWatch.Detect.Logos;
using SkiaSharp;

namespace PartnerWatch.Tests.Detect.Logos;

/// <summary>
/// A whole partner wall drawn as one large image (issue 10: 2,851 × 1,160 px, 30 logos in a grid, none of its brands
/// found before): every configured brand is found through its own tile — on white, as white silhouettes on a dark band,
/// in mixed sizes on a grey band, with and without gaps between the cells — and none of the unconfigured logos beside
/// them names a brand.
/// </summary>
public sealed class LargeWallTests(LogoCatalogFixture fixture) : IClassFixture<LogoCatalogFixture>
{
    private static readonly IReadOnlyList<WallLogo> Thirty =
        [.. LargeWallScenarios.FirstRow, .. LargeWallScenarios.DarkRow, .. LargeWallScenarios.MixedRow];

    private (HashSet<string> Found, ImageFingerprint Wall) Match(SKBitmap bitmap)
    {
        var wall = fixture.Decoder.TryFingerprint(LogoVariants.Png(bitmap), out var reason);
        Assert.True(wall is not null, reason);
        return (ImageMatches.Find(fixture.Catalog, wall).Select(f => f.Match.BrandId).ToHashSet(StringComparer.Ordinal), wall);
    }

    [Theory]
    [InlineData(10, 0.7)]
    [InlineData(0, 0.8)]
    public void ThirtyLogoWallInOneImageYieldsEveryConfiguredBrandAndNoOther(int gap, double fill)
    {
        using var bitmap = LargeWallScenarios.ThirtyLogos(gap, fill);
        Assert.Equal((LargeWallScenarios.Width, 1168), (bitmap.Width, bitmap.Height));

        var (found, wall) = Match(bitmap.Copy());

        var expected = LargeWallScenarios.Brands(Thirty).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(18, expected.Count);
        Assert.True(expected.SetEquals(found),
            $"missed [{string.Join(", ", expected.Except(found).Order())}], extra [{string.Join(", ", found.Except(expected).Order())}] in {wall.Parts.Count} tiles");
        Assert.InRange(wall.Parts.Count, 30, PartnerWallSplitter.MaxTiles);
    }
}
