using static PartnerWatch.Tests.Detect.DetectionHarness;

namespace PartnerWatch.Tests.Detect;

/// <summary>
/// Session 10 (structure11): a wall of organisations recognised by its shape in any language — logos of at least three
/// organisations, each linked to that organisation's own home page — and the near misses that keep their old answer:
/// grids linked to guides, docs or product pages, rows of two, and walls under an incidental heading.
/// </summary>
public sealed class StructuralWallTests
{
    private static string Card(string href, string alt)
        => $"<li class=\"item\"><a href=\"{href}\" target=\"_blank\"><img src=\"img/{alt.ToLowerInvariant().Replace(' ', '-')}.png\" alt=\"{alt}\"></a></li>";

    private static string Wall(string heading, params (string Href, string Alt)[] cards)
        => $"<main>{heading}<ul class=\"root\">{string.Concat(cards.Select(c => Card(c.Href, c.Alt)))}</ul></main>";

    private static readonly (string, string)[] HomePages =
    [
        ("https://www.babbel.example/", "Babbel"),
        ("https://lyft.example", "Lyft"),
        ("https://www.microsoft.com/en-us/", "Microsoft"),
        ("https://www.ibm.com/", "IBM"),
    ];

    [Theory]
    [InlineData("<h1>We Are Using</h1>")]
    [InlineData("<h2>Qui utilise Preact ?</h2>")]
    [InlineData("<h2>Preact를 쓰는 곳</h2>")]
    [InlineData("")]
    public async Task LogosLinkedToTheirOrganisationsHomePagesAreAWallWhateverTheHeadingSays(string heading)
        => Assert.Equal(["ibm", "microsoft"], await BrandsClaimedAsync(Wall(heading, HomePages)));

    [Fact]
    public async Task AGridLinkedToTheSitesOwnGuidesIsNotAWall()
        => Assert.Empty(await BrandsClaimedAsync(Wall("",
            ("/docs/babbel/", "Babbel"), ("/docs/lyft/", "Lyft"), ("/docs/microsoft/", "Microsoft"), ("/docs/ibm/", "IBM"))));

    [Fact]
    public async Task AGridLinkedToTheVendorsProductAndDocsPagesIsNotAWall()
        => Assert.Empty(await BrandsClaimedAsync(Wall("",
            ("https://babbel.example/features/sync", "Babbel"), ("https://lyft.example/developers/api", "Lyft"),
            ("https://azure.microsoft.com/en-us/products/functions/", "Microsoft"), ("https://www.ibm.com/docs/en/cloud", "IBM"))));

    [Fact]
    public async Task TwoOrganisationsAreNotAWall()
        => Assert.Empty(await BrandsClaimedAsync(Wall("", ("https://www.microsoft.com/", "Microsoft"), ("https://www.ibm.com/", "IBM"))));

    [Fact]
    public async Task LinksToTheSitesOwnSponsorPagesDoNotMakeAWallOfOrganisations()
        => Assert.Empty(await BrandsClaimedAsync(Wall("",
            ("http://site.test/", "Babbel"), ("http://site.test/en", "Lyft"), ("http://www.site.test/", "Microsoft"), ("http://site.test/de", "IBM"))));

    [Theory]
    [InlineData("<h2>Integrations</h2>")]
    [InlineData("<h2>Deploy to your favourite cloud</h2>")]
    public async Task AnIncidentalHeadingStillSpeaksForAWallLinkedToHomePages(string heading)
        => Assert.Empty(await BrandsClaimedAsync(Wall(heading, HomePages)));

    [Fact]
    public async Task SocialProfilesAreNotHomePages()
        => Assert.Empty(await BrandsClaimedAsync(Wall("",
            ("https://twitter.com/acme", "Twitter"), ("https://www.linkedin.com/company/acme", "LinkedIn"),
            ("https://www.facebook.com/acme", "Facebook"), ("https://github.com/acme", "GitHub"))));
}
