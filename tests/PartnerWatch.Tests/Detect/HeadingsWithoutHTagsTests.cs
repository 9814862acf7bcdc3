using static PartnerWatch.Tests.Detect.DetectionHarness;

namespace PartnerWatch.Tests.Detect;

/// <summary>
/// Session 10 (structure11): section headings that are not written as h1–h6. Page builders and Markdown write a heading
/// as a paragraph that is bold from end to end (<c>&lt;p&gt;&lt;strong&gt;…&lt;/strong&gt;&lt;/p&gt;</c>) or as a block
/// whose BEM class names it a title (<c>section-title</c>, <c>block__heading</c>): the resolver reads them as the
/// heading of the wall that follows, however long. A paragraph only partly bold is prose, as before.
/// </summary>
public sealed class HeadingsWithoutHTagsTests
{
    private const string Logos =
        "<div class=\"grid\"><img src=\"img/a.svg\" alt=\"IBM\"><img src=\"img/b.svg\" alt=\"Intel\"><img src=\"img/c.svg\" alt=\"Cisco\"></div>";

    private static readonly string[] Wall = ["cisco", "ibm", "intel"];

    [Theory]
    [InlineData("<p><strong>The companies and foundations that sponsor the Acme project</strong></p>")]
    [InlineData("<p><b>Les entreprises partenaires qui soutiennent le projet Acme</b></p>")]
    [InlineData("<div><strong><span>Companies that sponsor the Acme project every year</span></strong></div>")]
    public async Task AParagraphBoldFromEndToEndIsTheHeadingOfTheWallAfterIt(string heading)
        => Assert.Equal(Wall, await BrandsClaimedAsync($"<section>{heading}{Logos}</section>"));

    [Theory]
    [InlineData("section-title")]
    [InlineData("block__title")]
    [InlineData("c-section_headline")]
    public async Task ABlockWhoseClassNamesItATitleIsTheHeadingOfTheWallAfterIt(string cls)
        => Assert.Equal(Wall, await BrandsClaimedAsync($"<section><div class=\"{cls}\">The companies that sponsor the Acme project</div>{Logos}</section>"));

    [Fact]
    public async Task ABoldIncidentalHeadingStillSpeaksForItsList()
        => Assert.Empty(await BrandsClaimedAsync(
            $"<section><h2>Acme</h2><p><strong>The clouds and platforms that Acme runs on today</strong></p>{Logos}</section>"));

    [Fact]
    public async Task AParagraphOnlyPartlyBoldIsProseNotAHeading()
        => Assert.Empty(await BrandsClaimedAsync(
            $"<section><p><strong>Sponsors of the Acme project</strong> have a page of their own; here we show the logos drawn for the launch party in Berlin</p>{Logos}</section>"));
}
