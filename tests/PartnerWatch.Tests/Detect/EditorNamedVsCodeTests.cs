using static PartnerWatch.Tests.Detect.DetectionHarness;

namespace PartnerWatch.Tests.Detect;

/// <summary>Session 9: the editor "VS Code" on an app wall is a name, not the comparison word "vs".</summary>
public sealed class EditorNamedVsCodeTests
{
    [Fact]
    public async Task AnAppWallCaptionedVsCodeIsNoComparison()
        => Assert.Equal(["oracle"], await BrandsClaimedAsync(
            "<h2>Used by</h2><p><a href=\"https://www.oracle.com/\">Oracle</a> <a href=\"https://code.example/\">VS Code</a> <a href=\"https://foo.example/\">Foo</a></p>"));

    [Fact]
    public async Task VsBetweenTwoProductsStillComparesThem()
        => Assert.Empty(await BrandsClaimedAsync("<h2>Used by</h2><p>Acme vs Oracle: which database should you pick?</p>"));
}
