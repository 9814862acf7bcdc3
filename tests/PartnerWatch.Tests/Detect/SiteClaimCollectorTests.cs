using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PartnerWatch.Config;
using PartnerWatch.Detect;
using PartnerWatch.Domain;
using PartnerWatch.Hosting;
using PartnerWatch.Scan;
using PartnerWatch.Tests.Detect.Logos;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Detect;

/// <summary>
/// The collector does no image work that cannot change a claim or its evidence: an image whose label names a company that
/// is no catalogue brand, or whose first appearance on the page is in a negative context, is neither downloaded nor
/// fingerprinted — every match of it would be dropped or score 0 — while the claims and their evidence stay as they were.
/// </summary>
public sealed class SiteClaimCollectorTests
{
    private static PartnerWatchOptions Options() => new()
    {
        Brands =
        [
            new BrandOptions { Id = "microsoft", Name = "Microsoft", Logos = [LogoFixtures.RefPath("microsoft", "microsoft.svg")] },
            new BrandOptions { Id = "linkedin", Name = "LinkedIn", Logos = [LogoFixtures.RefPath("linkedin", "linkedin-icon.svg")] },
        ],
        Fetch = { AllowPrivateNetworks = true, MaxRetries = 0 },
    };

    [Fact]
    public async Task ImagesNoMatchOfWhichCouldCountAreNotDownloaded()
    {
        using var logo = LogoVariants.Render(LogoFixtures.RefPath("microsoft", "microsoft.svg"), 160);
        var png = LogoVariants.Png(logo);
        // Every image shows Microsoft's logo; only the ones whose match can count are fetched.
        await using var server = await LoopbackHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = FixtureResponse.Html("""
                <html><body><h1>Acme Vision</h1>
                <header><span>Follow us</span> <a href="https://www.linkedin.com/company/acme"><img src="/img/social.png"></a></header>
                <section class="partners"><h2>Partners</h2><ul>
                <li><img src="/img/opaque.png" alt=""></li>
                <li><img src="/img/named.png" alt="Microsoft"></li>
                <li><img src="/img/other.png" alt="Gradle logo"></li>
                <li><img src="/img/social.png" alt=""></li>
                </ul></section>
                </body></html>
                """),
            ["/img/opaque.png"] = new(200, "image/png", png),
            ["/img/named.png"] = new(200, "image/png", png),
            ["/img/other.png"] = new(200, "image/png", png),
            ["/img/social.png"] = new(200, "image/png", png),
        });
        await using var provider = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddPartnerWatchPipeline(Options()).BuildServiceProvider();

        var result = await provider.GetRequiredService<SiteScanner>()
            .ScanAsync(new SiteOptions { Id = "acme", Url = server.BaseUri.ToString() }, CancellationToken.None);

        Assert.Contains("/img/opaque.png", server.Requests);
        Assert.Contains("/img/named.png", server.Requests);
        // "Gradle logo": the page says whose logo it is, so a pixel match to Microsoft would be dropped.
        Assert.DoesNotContain("/img/other.png", server.Requests);
        // Shown first as a social icon: the match would score 0 whatever the second place says.
        Assert.DoesNotContain("/img/social.png", server.Requests);
        var claim = Assert.Single(result.Claims);
        Assert.Equal("microsoft", claim.Brand);
        Assert.Equal(["named.png", "opaque.png"], claim.Evidence.Where(e => e.Kind == EvidenceKind.LogoImage)
            .Select(e => e.ImageUrl![(e.ImageUrl!.LastIndexOf('/') + 1)..]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Gradle logo", true)]
    [InlineData("SF Express logo", true)]
    [InlineData("第四范式", true)]
    [InlineData("smartthings.png", true)]
    [InlineData("Acme Vision team at the office", true)]
    [InlineData("Microsoft Azure", false)]
    [InlineData("microsoft-logo.png", false)]
    [InlineData("AWS", false)]
    [InlineData("华为云", false)]
    [InlineData("Our partners", false)]
    [InlineData("sponsor logo", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void ALabelThatNamesNoCatalogueBrandContradictsAMatchToEveryBrand(string? label, bool namesNoBrand)
    {
        var scanner = new PageSignalScanner(new BrandMatcher(DetectionHarness.Brands), new ContextLexicon());

        Assert.Equal(namesNoBrand, scanner.LabelNamesNoCatalogueBrand(label));
        // What makes skipping safe: whenever it says so, the collector would drop a match to any brand.
        if (namesNoBrand)
            Assert.All(DetectionHarness.Brands, b => Assert.True(scanner.LabelNamesAnotherCompany(label, b.Id), b.Id));
        else
            Assert.Contains(DetectionHarness.Brands.Select(b => b.Id), id => !scanner.LabelNamesAnotherCompany(label, id));
    }
}
