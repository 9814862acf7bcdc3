using static PartnerWatch.Tests.Detect.DetectionHarness;

namespace PartnerWatch.Tests.Detect;

/// <summary>
/// Session 10 (structure11): a negative cue governs its own section — up to the next heading of the same or a higher
/// level — not the page's other sections. Pages that hold a compatibility list AND a sponsor wall, in both orders: the
/// compatibility mentions stay mentions, the sponsor logos are claims.
/// </summary>
public sealed class NegativeReachTests
{
    private const string CompatList =
        "<section><h2>Runs on every cloud</h2><ul class=\"platforms\">" +
        "<li><img src=\"img/azure.svg\" alt=\"Microsoft Azure\"> Microsoft Azure</li>" +
        "<li><img src=\"img/aws.svg\" alt=\"AWS\"> AWS</li>" +
        "<li><img src=\"img/gcp.svg\" alt=\"Google Cloud\"> Google Cloud</li></ul></section>";

    private const string SponsorWall =
        "<section><h2>Sponsors</h2><div class=\"grid\">" +
        "<a href=\"https://www.ibm.com/\"><img src=\"img/s1.svg\" alt=\"IBM\"></a>" +
        "<a href=\"https://www.intel.com/\"><img src=\"img/s2.svg\" alt=\"Intel\"></a>" +
        "<a href=\"https://www.cisco.com/\"><img src=\"img/s3.svg\" alt=\"Cisco\"></a></div></section>";

    private static readonly string[] Sponsors = ["cisco", "ibm", "intel"];

    [Fact]
    public async Task ACompatibilityListBeforeASponsorWallStaysInItsOwnSection()
        => Assert.Equal(Sponsors, await BrandsClaimedAsync(CompatList + SponsorWall));

    [Fact]
    public async Task ACompatibilityListAfterASponsorWallStaysInItsOwnSection()
        => Assert.Equal(Sponsors, await BrandsClaimedAsync(SponsorWall + CompatList));

    [Fact]
    public async Task FlatHeadingsWithoutSectionsScopeTheSameWay()
    {
        // The same two sections written as siblings of one container, headings and lists side by side.
        var flat = (CompatList + SponsorWall).Replace("<section>", "", StringComparison.Ordinal).Replace("</section>", "", StringComparison.Ordinal);
        Assert.Equal(Sponsors, await BrandsClaimedAsync($"<main>{flat}</main>"));
    }

    [Fact]
    public async Task ADeployPageTitleDoesNotReachASponsorSection()
        => Assert.Equal(Sponsors, await BrandsClaimedAsync(
            $"<!DOCTYPE html><html><head><title>Deploy Acme on AWS, Azure or Google Cloud</title></head><body><h1>Deploy Acme on any cloud</h1>{CompatList}{SponsorWall}</body></html>"));

    [Fact]
    public async Task ASponsorWallInTheFooterUnderItsOwnHeadingIsNotVetoedByTheFooter()
        => Assert.Equal(Sponsors, await BrandsClaimedAsync(
            $"<main>{CompatList}</main><footer><nav><a href=\"/docs\">Docs</a></nav><div><h3>Sponsors</h3><div class=\"grid\">" +
            "<a href=\"https://www.ibm.com/\"><img src=\"img/s1.svg\" alt=\"IBM\"></a>" +
            "<a href=\"https://www.intel.com/\"><img src=\"img/s2.svg\" alt=\"Intel\"></a>" +
            "<a href=\"https://www.cisco.com/\"><img src=\"img/s3.svg\" alt=\"Cisco\"></a></div></div></footer>"));
}
