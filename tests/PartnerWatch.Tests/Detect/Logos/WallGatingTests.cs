using PartnerWatch.Detect.Logos;

namespace PartnerWatch.Tests.Detect.Logos;

/// <summary>
/// An image is cut into wall tiles only when it matches nothing whole (issue 12: cutting every 200–600 px logo was 44 %
/// of a scan's CPU): a configured logo shown large is matched whole and not cut; a wall of logos still yields every brand.
/// </summary>
public sealed class WallGatingTests(LogoCatalogFixture fixture) : IClassFixture<LogoCatalogFixture>
{
    private bool WholeMatchesNothing(ImageFingerprint whole) => fixture.Catalog.Match(whole) is null;

    private ImageFingerprint Fingerprint(byte[] bytes, Func<ImageFingerprint, bool>? splitWall)
    {
        var fingerprint = fixture.Decoder.TryFingerprint(bytes, splitWall, out var reason);
        Assert.True(fingerprint is not null, reason);
        return fingerprint;
    }

    [Theory]
    [InlineData("redhat", "redhat.svg")]
    [InlineData("cisco", "cisco.svg")]
    [InlineData("aws", "aws.svg")]
    public void AConfiguredLogoShownLargeIsMatchedWholeAndNotCut(string brand, string file)
    {
        var image = LogoVariants.Make(LogoFixtures.RefPath(brand, file), "size:400");
        Assert.NotEmpty(Fingerprint(image, splitWall: null).Parts); // the splitter alone would cut it (emblem, words)

        var fingerprint = Fingerprint(image, WholeMatchesNothing);

        Assert.Empty(fingerprint.Parts);
        Assert.True(fingerprint.WallSplitSkipped);
        Assert.Equal([brand], ImageMatches.Find(fixture.Catalog, fingerprint).Select(f => f.Match.BrandId));
    }

    [Fact]
    public void AWallThatMatchesNothingWholeIsStillCutIntoEveryBrand()
    {
        WallLogo[] logos =
        [
            new("microsoft", LogoFixtures.RefPath("microsoft", "microsoft.svg"), 140), new("ibm", LogoFixtures.RefPath("ibm", "ibm.svg"), 140),
            new("sap", LogoFixtures.RefPath("sap", "sap.svg"), 140), new("oracle", LogoFixtures.RefPath("oracle", "oracle.svg"), 140),
        ];
        var wall = LogoVariants.Png(PartnerWallComposer.Compose(logos, new WallLayout(4, 200, 135, PartnerWallComposer.White)));

        var fingerprint = Fingerprint(wall, WholeMatchesNothing);

        Assert.False(fingerprint.WallSplitSkipped);
        Assert.Equal(logos.Select(l => l.Brand).Order(), ImageMatches.Find(fixture.Catalog, fingerprint).Select(f => f.Match.BrandId).Order());
    }
}
