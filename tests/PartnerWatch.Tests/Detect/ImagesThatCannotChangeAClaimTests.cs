using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PartnerWatch.Config;
using PartnerWatch.Detect;
using PartnerWatch.Domain;
using PartnerWatch.Hosting;
using PartnerWatch.Scan;
using PartnerWatch.Tests.Detect.Logos;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Detect;

/// <summary>
/// Images whose pixels could not change any claim are not downloaded (session 9): one outside every partner context
/// (a pixel match there could only be a brand's best score when the brand stays below the threshold anyway), and one
/// whose label names a brand the same page already claims at the cap. Images whose pixels could still raise a claim
/// are fetched as before.
/// </summary>
public sealed class ImagesThatCannotChangeAClaimTests
{
    private static PartnerWatchOptions Options(bool? matchEveryLogo = false) => new()
    {
        Detection = { MatchEveryLogo = matchEveryLogo },
        Brands =
        [
            new BrandOptions { Id = "microsoft", Name = "Microsoft", Domains = ["microsoft.com"], Logos = [LogoFixtures.RefPath("microsoft", "microsoft.svg")] },
            new BrandOptions { Id = "linkedin", Name = "LinkedIn", Logos = [LogoFixtures.RefPath("linkedin", "linkedin-icon.svg")] },
        ],
        Fetch = { AllowPrivateNetworks = true, MaxRetries = 0 },
    };

    private static Task<(SiteScanResult Result, IReadOnlyCollection<string> Requests)> ScanAsync(string html, params string[] images)
        => ScanAsync(Options(), html, images);

    private static async Task<(SiteScanResult Result, IReadOnlyCollection<string> Requests)> ScanAsync(PartnerWatchOptions options, string html, params string[] images)
    {
        using var logo = LogoVariants.Render(LogoFixtures.RefPath("microsoft", "microsoft.svg"), 160);
        var png = LogoVariants.Png(logo);
        var responses = new Dictionary<string, FixtureResponse> { ["/"] = FixtureResponse.Html(html) };
        foreach (var image in images) responses[image] = new(200, "image/png", png);
        await using var server = await LoopbackHttpServer.StartAsync(responses);
        await using var provider = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddPartnerWatchPipeline(options).BuildServiceProvider();
        var result = await provider.GetRequiredService<SiteScanner>()
            .ScanAsync(new SiteOptions { Id = "acme", Url = server.BaseUri.ToString() }, CancellationToken.None);
        return (result, server.Requests.ToList());
    }

    [Fact]
    public async Task APartnerCardWhoseWordsAlreadyReachTheCapIsNotDownloaded()
    {
        // Alt text, a link to the brand's domain and the caption all name Microsoft in a partner list: 0.9 + two more
        // kinds is the cap, and a pixel match could add neither a better score nor a kind that changes it.
        var (result, requests) = await ScanAsync("""
            <html><body><h1>Acme Vision</h1>
            <section class="partners"><h2>Our partners</h2><ul>
            <li><a href="https://www.microsoft.com/"><img src="/img/card.png" alt="Microsoft"></a><p>Microsoft, our cloud partner.</p></li>
            <li><img src="/img/bare.png" alt="Microsoft"></li>
            </ul></section>
            </body></html>
            """, "/img/card.png", "/img/bare.png");

        Assert.DoesNotContain("/img/card.png", requests);
        var claim = Assert.Single(result.Claims);
        Assert.Equal("microsoft", claim.Brand);
        Assert.Equal(0.99, claim.Confidence);
        // The cap is the page's, not the card's: the second image's brand is capped too, so it is skipped as well.
        Assert.DoesNotContain("/img/bare.png", requests);
        Assert.Contains(claim.Evidence, e => e.Kind == EvidenceKind.LogoText && e.ImageUrl!.EndsWith("/img/card.png", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATeamThatAsksForEveryLogoGetsThePixelEvidenceOfACappedCard()
    {
        // Detection:MatchEveryLogo: the same capped partner card is downloaded and matched, so the claim carries a
        // logo-image line for it; the claim itself is the same.
        var (result, requests) = await ScanAsync(Options(matchEveryLogo: true), """
            <html><body><h1>Acme Vision</h1>
            <section class="partners"><h2>Our partners</h2><ul>
            <li><a href="https://www.microsoft.com/"><img src="/img/card.png" alt="Microsoft"></a><p>Microsoft, our cloud partner.</p></li>
            </ul></section>
            </body></html>
            """, "/img/card.png");

        Assert.Contains("/img/card.png", requests);
        var claim = Assert.Single(result.Claims);
        Assert.Equal(0.99, claim.Confidence);
        Assert.Contains(claim.Evidence, e => e.Kind == EvidenceKind.LogoImage && e.ImageUrl!.EndsWith("/img/card.png", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhereEvidenceIsKeptEveryLogoIsMatchedUnlessTheTeamSaysOtherwise()
    {
        // The service leaves Detection:MatchEveryLogo unset: its alerts show the matched logo, so the capped card is
        // fetched and matched (a one-shot scan without --store sets it false, see ScanCommand).
        var (result, requests) = await ScanAsync(Options(matchEveryLogo: null), """
            <html><body><h1>Acme Vision</h1>
            <section class="partners"><h2>Our partners</h2><ul>
            <li><a href="https://www.microsoft.com/"><img src="/img/card.png" alt="Microsoft"></a><p>Microsoft, our cloud partner.</p></li>
            </ul></section>
            </body></html>
            """, "/img/card.png");

        Assert.Contains("/img/card.png", requests);
        Assert.Contains(Assert.Single(result.Claims).Evidence, e => e.Kind == EvidenceKind.LogoImage);
    }

    [Fact]
    public async Task ALabelledImageWhosePixelsCouldRaiseTheClaimIsStillDownloaded()
    {
        // Only the alt text names Microsoft (0.9): a pixel match adds a better score and a kind.
        var (result, requests) = await ScanAsync("""
            <html><body><h1>Acme Vision</h1>
            <section class="partners"><h2>Our partners</h2><ul><li><img src="/img/named.png" alt="Microsoft"></li></ul></section>
            </body></html>
            """, "/img/named.png");

        Assert.Contains("/img/named.png", requests);
        var claim = Assert.Single(result.Claims);
        Assert.Equal(0.99, claim.Confidence);
        Assert.Contains(claim.Evidence, e => e.Kind == EvidenceKind.LogoImage);
    }

    [Fact]
    public async Task AnImageOutsideEveryPartnerContextIsNotDownloaded()
    {
        // No partner word on the page: a match would score 0.95 × 0.3 and count no kind, too little to claim with any
        // other cue; the same picture in a partner section is fetched and claimed.
        var (plain, plainRequests) = await ScanAsync("""
            <html><body><h1>Acme Vision</h1><p>We build cameras for warehouses.</p><div><img src="/img/plain.png"></div></body></html>
            """, "/img/plain.png");
        var (wall, wallRequests) = await ScanAsync("""
            <html><body><h1>Acme Vision</h1><section class="partners"><h2>Our partners</h2><div><img src="/img/plain.png"></div></section></body></html>
            """, "/img/plain.png");

        Assert.DoesNotContain("/img/plain.png", plainRequests);
        Assert.Empty(plain.Claims);
        Assert.Contains("/img/plain.png", wallRequests);
        Assert.Equal("microsoft", Assert.Single(wall.Claims).Brand);
    }

    [Fact]
    public void ABrandsConfidenceKeepsEveryKindWhenItsSignalsAreTrimmed()
    {
        // One link in a weaker context, then 70 captions in a partner list: the link's kind still earns its bonus
        // although its score is below every caption's and the list is trimmed, as it would with fewer captions.
        var collector = new SiteClaimCollector(new PageSignalScanner(new BrandMatcher(DetectionHarness.Brands), new ContextLexicon()), [], 0.5, NullLogger.Instance);
        var page = new Uri("https://acme.example/partners/");
        var strong = new ContextVerdict(ContextStrength.Strong, "partner list");
        var signals = Enumerable.Range(0, 70)
            .Select(i => new BrandSignal("microsoft", EvidenceKind.Text, BrandSignal.TextWeight, $"text {i}", page, null, null, strong))
            .Prepend(new BrandSignal("microsoft", EvidenceKind.Link, BrandSignal.LinkWeight, "link", page, null, null, new ContextVerdict(ContextStrength.Page, "partners page")))
            .ToList();

        collector.AddFindings(new PageFindings(signals, []));

        Assert.Equal(0.9, Assert.Single(collector.Complete()).Confidence);
    }
}
