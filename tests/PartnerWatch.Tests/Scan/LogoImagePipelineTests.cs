using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PartnerWatch.Config;
using PartnerWatch.Hosting;
using PartnerWatch.Domain;
using PartnerWatch.Scan;
using PartnerWatch.Tests.Detect.Logos;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Scan;

/// <summary>
/// Logos recognised by their pixels through the whole pipeline: an opaque file name with no alt text under a partner
/// heading is a claim; the same logo as a social icon is not, and is not even downloaded.
/// </summary>
public sealed class LogoImagePipelineTests
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
    public async Task OpaqueLogoImageUnderPartnersIsAClaimButTheSocialIconIsNotFetched()
    {
        using var logo = LogoVariants.Render(LogoFixtures.RefPath("microsoft", "microsoft.svg"), 160);
        using var icon = LogoVariants.Render(LogoFixtures.RefPath("linkedin", "linkedin-icon.svg"), 32);
        var logoPng = LogoVariants.Png(logo);
        await using var server = await LoopbackHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = FixtureResponse.Html("""
                <html><body><h1>Acme Vision</h1>
                <section class="partners"><h2>合作伙伴</h2><ul><li><img src="/upload/2019/a8f3c1.png"></li></ul></section>
                <footer><span>Follow us</span> <a href="https://www.linkedin.com/company/acme"><img src="/s/i1.png"></a></footer>
                </body></html>
                """),
            ["/upload/2019/a8f3c1.png"] = new(200, "application/octet-stream", logoPng), // wrong type on purpose
            ["/s/i1.png"] = new(200, "image/png", LogoVariants.Png(icon)),
        });
        await using var provider = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddPartnerWatchPipeline(Options()).BuildServiceProvider();

        var result = await provider.GetRequiredService<SiteScanner>()
            .ScanAsync(new SiteOptions { Id = "acme", Url = server.BaseUri.ToString() }, CancellationToken.None);

        var claim = Assert.Single(result.Claims);
        Assert.Equal("microsoft", claim.Brand);
        var evidence = Assert.Single(claim.Evidence, e => e.Kind == EvidenceKind.LogoImage);
        Assert.EndsWith("/upload/2019/a8f3c1.png", evidence.ImageUrl);
        Assert.Contains("microsoft.svg", evidence.Detail);
        Assert.DoesNotContain("/s/i1.png", server.Requests);

        // The matched image is kept for the evidence store, named by its SHA-256.
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(logoPng));
        Assert.Equal(sha, evidence.ImageSha256);
        var kept = Assert.Single(result.FetchedImages);
        Assert.Equal(sha, kept.Sha256);
        Assert.Equal(logoPng, kept.Bytes);
    }
}
