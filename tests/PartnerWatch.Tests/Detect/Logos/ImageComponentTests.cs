using PartnerWatch.Detect;
using static PartnerWatch.Tests.Detect.DetectionHarness;

namespace PartnerWatch.Tests.Detect.Logos;

/// <summary>
/// Pictures drawn by elements that are not <c>&lt;img&gt;</c> (session 9, issue 10 class A): AMP's <c>&lt;amp-img&gt;</c>, a
/// framework's image component, a site's own custom element pointing at a logo file (often a symbol of it,
/// <c>logo.svg#mark</c>). Served pages carry them as written; the scanner reads their name attributes like an alt and
/// their source like an image's, so a sponsor wall built of them is read like one built of <c>&lt;img&gt;</c>.
/// </summary>
public sealed class ImageComponentTests
{
    /// <summary>Records what the image stage is handed, and matches nothing.</summary>
    private sealed class RecordingMatcher : ILogoImageMatcher
    {
        public List<LogoImageCandidate> Seen { get; } = [];

        public ValueTask<IReadOnlyList<LogoImageMatch>> MatchAsync(IReadOnlyList<LogoImageCandidate> images, CancellationToken cancellationToken)
        {
            Seen.AddRange(images);
            return ValueTask.FromResult<IReadOnlyList<LogoImageMatch>>([]);
        }
    }

    private static async Task<List<LogoImageCandidate>> ImagesHandedOverAsync(string body)
    {
        var matcher = new RecordingMatcher();
        var collector = Detector(imageMatchers: [matcher]).BeginSite();
        var html = $"<!DOCTYPE html><html><head><title>Acme</title></head><body>{body}</body></html>";
        await collector.AddPageAsync(await ParseAsync(new Uri("http://site.test/sponsors/"), System.Text.Encoding.UTF8.GetBytes(html), "utf-8"), CancellationToken.None);
        collector.Complete();
        return matcher.Seen;
    }

    [Theory]
    [InlineData("<amp-img src=\"/media/4411.png\" alt=\"IBM\" width=\"120\" height=\"40\" layout=\"fixed\"></amp-img>")]
    [InlineData("<amp-img src=\"/cdn/image?id=77\" alt=\"IBM\" width=\"120\" height=\"40\"></amp-img>")]
    [InlineData("<nuxt-img src=\"/img/c1.webp\" alt=\"IBM\"></nuxt-img>")]
    [InlineData("<wall-logo label=\"IBM\" href=\"/assets/brands/b7.svg#mark\"></wall-logo>")]
    [InlineData("<brand-mark aria-label=\"IBM\" src=\"/assets/brands/b7.svg\"></brand-mark>")]
    [InlineData("<lazy-svg title=\"IBM\" href=\"/assets/brands/b7.svg#logo\"></lazy-svg>")]
    [InlineData("<wall-logo label=\"Sponsor\" href=\"/assets/brands/ibm.svg#logo\"></wall-logo>")]
    [InlineData("<ion-img srcset=\"/assets/ibm-logo@2x.png 2x\"></ion-img>")]
    public async Task ALogoDrawnByAnImageComponentOnASponsorWallIsClaimed(string logo)
        => Assert.Equal(["ibm"], await BrandsClaimedAsync($"<h2>Our sponsors</h2><div class=\"grid\"><a href=\"https://example.org/tool\">{logo}</a></div>"));

    [Theory]
    [InlineData("<amp-img src=\"/media/4411.png\" alt=\"IBM\" width=\"120\" height=\"40\"></amp-img>")]
    [InlineData("<wall-logo label=\"IBM\" href=\"/assets/brands/b7.svg#mark\"></wall-logo>")]
    public async Task TheSameComponentInAnInstallGuideIsNotAClaim(string logo)
        => Assert.Empty(await BrandsClaimedAsync($"<h2>Deploy to your cloud</h2><p>Choose a target and follow the steps.</p><div>{logo}</div>"));

    [Theory]
    // A custom element that links to a page, not to a picture: its label is a button's, not a logo's name.
    [InlineData("<nav-item label=\"IBM\" href=\"/partners/ibm\"></nav-item>")]
    // A custom element without any source is a widget, whatever it is called.
    [InlineData("<vendor-card label=\"IBM\"></vendor-card>")]
    // An SVG namespace element with a hyphen (<font-face>) is drawing, not a component.
    [InlineData("<svg><font-face font-family=\"IBM\"></font-face></svg>")]
    public async Task ACustomElementThatIsNoPictureNamesNothing(string markup)
        => Assert.Empty(await BrandsClaimedAsync($"<h2>Our sponsors</h2><div class=\"grid\">{markup}</div>"));

    [Fact]
    public async Task TheComponentsFileGoesToTheImageStageWithoutItsFragmentAndWithItsName()
    {
        var images = await ImagesHandedOverAsync(
            "<h2>Who uses it</h2><div class=\"logos\"><a href=\"https://example.org/app\"><wall-logo label=\"Cisco\" href=\"logos/c.svg#logo\"></wall-logo></a>" +
            "<amp-img src=\"https://cdn.example.net/p/881.png\" alt=\"Red Hat\" width=\"90\" height=\"30\"></amp-img></div>");

        var component = Assert.Single(images, i => i.ImageUrl.AbsolutePath == "/sponsors/logos/c.svg");
        Assert.Equal("", component.ImageUrl.Fragment);
        Assert.Equal("Cisco", component.Label);
        Assert.False(component.NegativeContext);
        var amp = Assert.Single(images, i => i.ImageUrl.Host == "cdn.example.net");
        Assert.Equal("Red Hat", amp.Label);
    }

    [Fact]
    public async Task AnInPageSymbolReferenceIsNoFileToFetch()
        => Assert.DoesNotContain(await ImagesHandedOverAsync("<h2>Sponsors</h2><icon-mark label=\"Cisco\" href=\"#cisco\"></icon-mark>"),
            i => i.ImageUrl.AbsolutePath.EndsWith("/sponsors/", StringComparison.Ordinal));
}
