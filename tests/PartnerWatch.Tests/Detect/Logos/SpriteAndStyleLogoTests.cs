using PartnerWatch.Detect;
using static PartnerWatch.Tests.Detect.DetectionHarness;

namespace PartnerWatch.Tests.Detect.Logos;

/// <summary>
/// Logos a page draws without an <c>&lt;img&gt;</c> (session 8): an inline <c>&lt;svg&gt;</c> named only by its id or class,
/// a sprite symbol drawn by an <c>aria-hidden</c> icon that is all its link shows, a symbol named by its own
/// <c>&lt;title&gt;</c> or a <c>&lt;title&gt;</c> inside the drawing's group, a raster file wrapped by <c>&lt;svg&gt;&lt;image&gt;</c>,
/// an empty element a stylesheet paints whose class names the brand, a <c>&lt;button&gt;</c> labelled over one picture; and the pixels of a <c>&lt;use href="#symbol"&gt;</c> logo reaching the image matcher.
/// </summary>
public sealed class SpriteAndStyleLogoTests
{
    private const string Box = "<rect width=\"36\" height=\"16\"/>";

    [Theory]
    [InlineData("<a href=\"/go/1\"><svg id=\"redhat-logo\" viewBox=\"0 0 40 20\">" + Box + "</svg></a>")]
    [InlineData("<a href=\"/go/1\"><svg class=\"sponsor-logo logo--redhat\" viewBox=\"0 0 40 20\">" + Box + "</svg></a>")]
    [InlineData("<a href=\"/go/1\"><svg aria-hidden=\"true\" viewBox=\"0 0 40 20\"><use href=\"#redhat\"></use></svg></a>")]
    [InlineData("<a href=\"/go/1\"><svg aria-hidden=\"true\" viewBox=\"0 0 40 20\"><use href=\"#s7\"></use></svg></a>")]
    [InlineData("<button type=\"button\" aria-label=\"Red Hat\"><img src=\"/img/s7.png\" alt=\"\"></button>")]
    [InlineData("<a href=\"/go/1\"><span class=\"tile logo-redhat\"></span></a>")]
    [InlineData("<a href=\"/go/1\"><svg viewBox=\"0 0 40 20\"><image href=\"/img/redhat-logo.png\" width=\"40\" height=\"20\"/></svg></a>")]
    [InlineData("<a href=\"/go/1\"><svg viewBox=\"0 0 40 20\"><g id=\"Layer_1\"><title>Red Hat</title>" + Box + "</g></svg></a>")]
    [InlineData("<a href=\"/go/1\" data-bs-original-title=\"Red Hat\" data-bs-toggle=\"tooltip\"><img src=\"/img/s7.png\" alt=\"\"></a>")]
    [InlineData("<a href=\"/go/1\" data-tippy-content=\"Red Hat\"><img src=\"/img/s7.png\" alt=\"\"></a>")]
    public async Task ALogoNamedOnlyByItsMarkupIsClaimedOnASponsorWall(string logo)
        => Assert.Equal(["redhat"], await BrandsClaimedAsync(Wall("Our sponsors", logo)));

    [Theory]
    [InlineData("<a href=\"/go/1\"><svg class=\"sponsor-logo logo--redhat\" viewBox=\"0 0 40 20\">" + Box + "</svg></a>")]
    [InlineData("<a href=\"/go/1\"><svg aria-hidden=\"true\" viewBox=\"0 0 40 20\"><use href=\"#s7\"></use></svg></a>")]
    [InlineData("<a href=\"/go/1\"><span class=\"tile logo-redhat\"></span></a>")]
    public async Task TheSameMarkupUnderAnInstallHeadingIsNotAClaim(string logo)
        => Assert.Empty(await BrandsClaimedAsync(Wall("Install on your platform", logo)));

    [Theory]
    // A UI icon beside the words of its link says what the link does, not whose logo the site shows.
    [InlineData("<a href=\"/join\"><svg aria-hidden=\"true\"><use href=\"#redhat\"></use></svg> Become a sponsor</a>")]
    [InlineData("<a href=\"/go/1\"><svg class=\"icon icon-redhat\" viewBox=\"0 0 40 20\">" + Box + "</svg></a>")]
    // A styled element with words of its own is not a picture.
    [InlineData("<a href=\"/go/1\"><span class=\"tile logo-redhat\">Become a sponsor</span></a>")]
    public async Task IconsAndWordedElementsNameNoLogo(string logo)
        => Assert.Empty(await BrandsClaimedAsync(Wall("Our sponsors", logo)));

    [Fact]
    public async Task TheSymbolOfAUseLogoReachesTheImageMatcher()
    {
        // The page's hidden sprite defines the drawing; the visible <svg> only points at it.
        var matcher = new SeesDrawing("M1 1h30v9H1z", "redhat");
        var collector = Detector(imageMatchers: [matcher]).BeginSite();
        var html = "<!DOCTYPE html><html><head><title>Acme</title></head><body>"
                   + "<svg style=\"display:none\"><symbol id=\"s9\" viewBox=\"0 0 40 20\"><path d=\"M1 1h30v9H1z\"/></symbol></svg>"
                   + Wall("Our sponsors", "<a href=\"https://vendor.example/\"><svg aria-hidden=\"true\" width=\"120\" height=\"60\"><use href=\"#s9\"></use></svg></a>")
                   + "</body></html>";
        await collector.AddPageAsync(await ParseAsync(new Uri("http://site.test/sponsors/"), System.Text.Encoding.UTF8.GetBytes(html), "utf-8"), CancellationToken.None);

        Assert.Equal(["redhat"], collector.Complete().Select(c => c.BrandId));
    }

    private static string Wall(string heading, string logo) =>
        "<svg style=\"display:none\"><symbol id=\"redhat\" viewBox=\"0 0 40 20\">" + Box + "</symbol>"
        + "<symbol id=\"s7\" viewBox=\"0 0 40 20\"><title>Red Hat</title>" + Box + "</symbol></svg>"
        + "<style>.logo-redhat{background-image:url(/img/s7.png);width:120px;height:40px;display:block}</style>"
        + $"<section><h2>{heading}</h2><ul class=\"wall\"><li>{logo}</li></ul></section>";

    /// <summary>A matcher that knows one drawing: the inline SVG it is handed must carry that path to be matched.</summary>
    private sealed class SeesDrawing(string path, string brandId) : ILogoImageMatcher
    {
        public ValueTask<IReadOnlyList<LogoImageMatch>> MatchAsync(IReadOnlyList<LogoImageCandidate> images, CancellationToken cancellationToken)
            => ValueTask.FromResult<IReadOnlyList<LogoImageMatch>>(images
                .Where(i => i.InlineSvg is { } svg && svg.Contains(path, StringComparison.Ordinal) && svg.Contains("<use", StringComparison.Ordinal))
                .Select(i => new LogoImageMatch(brandId, i.ImageUrl, "inline svg matches the reference, distance 3/256")).ToList());
    }
}
