using PartnerWatch.Detect;
using static PartnerWatch.Tests.Detect.DetectionHarness;

namespace PartnerWatch.Tests.Detect.Logos;

/// <summary>
/// Logos the page names without an alt text (issue 10, session 7): by a file name that agrees with the company its link
/// goes to (<c>dockyard.png</c> → <c>dockyard.com</c>), by a file name that names a catalogue brand, by
/// <c>aria-labelledby</c>. A pixel match to another brand on such an image is the matcher's error, not a claim; a
/// logo named only by <c>aria-labelledby</c> is read with its section's context.
/// </summary>
public sealed class PageNamedLogoTests
{
    /// <summary>A matcher that takes every image for the Meta logo, as a loose reference does on small tiles.</summary>
    private sealed class EverythingIsMeta : ILogoImageMatcher
    {
        public ValueTask<IReadOnlyList<LogoImageMatch>> MatchAsync(IReadOnlyList<LogoImageCandidate> images, CancellationToken cancellationToken)
            => ValueTask.FromResult<IReadOnlyList<LogoImageMatch>>(images.Select(i => new LogoImageMatch("meta", i.ImageUrl, "tile 3 of 15 matches refs/meta.svg, distance 15/256")).ToList());
    }

    private static async Task<string[]> ClaimedWithPixelsAsync(string body)
    {
        var collector = Detector(imageMatchers: [new EverythingIsMeta()]).BeginSite();
        var html = $"<!DOCTYPE html><html><head><title>Acme</title></head><body>{body}</body></html>";
        await collector.AddPageAsync(await ParseAsync(new Uri("http://site.test/sponsors/"), System.Text.Encoding.UTF8.GetBytes(html), "utf-8"), CancellationToken.None);
        return collector.Complete().Select(c => c.BrandId).Order(StringComparer.Ordinal).ToArray();
    }

    [Theory]
    [InlineData("https://dockyard.com/ember-consulting", "images/dockyard.png", "")]
    [InlineData("https://www.foresightmining.com/", "img/logos/foresight.png", "Logo")]
    [InlineData("https://www.neen.it/", "img/supporters/neen.png", "")]
    [InlineData("https://www.freepik-company.co.uk/", "img/freepik_company-logo-white.svg", "")]
    public async Task AFileNameThatAgreesWithTheLinkedCompanyOutweighsAPixelMatchToAnotherBrand(string href, string src, string alt)
        => Assert.Empty(await ClaimedWithPixelsAsync($"<h2>Sponsors</h2><ul><li><a href=\"{href}\"><img src=\"{src}\" alt=\"{alt}\"></a></li></ul>"));

    [Theory]
    [InlineData("https://example.org/", "images/dockyard.png")]  // the link names another company: nothing says whose logo it is
    [InlineData("https://dockyard.com/", "images/sponsor-3.png")] // the file name says nothing
    [InlineData("https://www.meta.com/", "images/meta-logo.png")] // both name the matched brand
    [InlineData("https://dockyard.com/", "images/do.png")]        // two letters agree by chance only
    public async Task WithoutTwoAgreeingNamesThePixelMatchStands(string href, string src)
        => Assert.Equal(["meta"], await ClaimedWithPixelsAsync($"<h2>Sponsors</h2><ul><li><a href=\"{href}\"><img src=\"{src}\" alt=\"\"></a></li></ul>"));

    [Fact]
    public async Task AFileNameThatNamesACatalogueBrandOutweighsATileMatchToAnother()
        => Assert.Equal(["huawei"], await ClaimedWithPixelsAsync("<h2>合作伙伴</h2><ul><li><a href=\"https://www.huaweicloud.com/intl/en-us/product/ucs.html\"><img src=\"img/supporters/huawei.png\"></a></li></ul>"));

    [Fact]
    public async Task AnInlineLogoNamedByAriaLabelledbyIsReadInItsSection()
    {
        // The <title> sits inside a group, so only aria-labelledby ties it to the picture.
        const string logo = "<a href=\"https://vendor.example/\"><svg role=\"img\" aria-labelledby=\"rh-title\" viewBox=\"0 0 10 10\"><g><title id=\"rh-title\">Red Hat</title><path d=\"M0 0h10v10z\"/></g></svg></a>";

        Assert.Equal(["redhat"], await BrandsClaimedAsync($"<section><h2>Our sponsors</h2><div class=\"wall\">{logo}</div></section>"));
        Assert.Empty(await BrandsClaimedAsync($"<section><h2>Release notes</h2><div>{logo}</div></section>"));
    }

    [Fact]
    public async Task ASpriteLogoLabelledByItsSymbolTitleIsNamed()
    {
        // The sheet's <title> is drawing, not prose (the walk does not read inside <svg>): aria-labelledby is the only name.
        const string sheet = "<svg style=\"display:none\"><symbol id=\"s7\" viewBox=\"0 0 10 10\"><title id=\"t7\">Cisco</title><path d=\"M0 0h10v10z\"/></symbol></svg>";
        const string logo = "<svg role=\"img\" class=\"partner\" aria-labelledby=\"t7\"><use href=\"#s7\"/></svg>";

        Assert.Equal(["cisco"], await BrandsClaimedAsync($"{sheet}<h2>Partners</h2><ul><li>{logo}</li></ul>"));
    }

    [Fact]
    public async Task ALinkLabelWrittenAsACodeIdentifierIsReadAsItsWords()
    {
        // go.dev's grid: each logo's only name is the link's aria-label "View CaseStudy of …" (a component's identifier).
        const string card = "<li><a href=\"https://stories.example/ms\" aria-label=\"View CaseStudy of Microsoft, (opens in new window)\"><img src=\"images/logos/ms_light.svg\" alt=\"\"></a></li>";

        Assert.Equal(["microsoft"], await BrandsClaimedAsync($"<section><ul class=\"grid\">{card}</ul></section>"));
        Assert.Empty(await BrandsClaimedAsync("<section><ul class=\"grid\"><li><a href=\"https://stories.example/ms\" aria-label=\"View NewsItem of Microsoft\"><img src=\"images/logos/ms_light.svg\" alt=\"\"></a></li></ul></section>"));
    }
}
