using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PartnerWatch.Config;
using PartnerWatch.Domain;
using PartnerWatch.Hosting;
using PartnerWatch.Scan;
using PartnerWatch.Tests.Detect.Logos;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Detect;

/// <summary>
/// A small logo is recognised by the detail check (its drawing correlated with the nearest references). The collector
/// tells the matcher which brands an image's label lets count, and the matcher skips the correlations of an image none
/// of whose nearest references is such a brand. A user sees the same claims: the small logo labelled with its own
/// brand is evidence, the same pixels labelled as another company are not.
/// </summary>
public sealed class ScopedDetailCheckTests
{
    private static PartnerWatchOptions Options() => new()
    {
        Brands =
        [
            new BrandOptions { Id = "microsoft", Name = "Microsoft", Logos = [LogoFixtures.RefPath("microsoft", "microsoft.svg")] },
            new BrandOptions { Id = "linkedin", Name = "LinkedIn", Logos = [LogoFixtures.RefPath("linkedin", "linkedin-icon.svg")] },
            new BrandOptions { Id = "ibm", Name = "IBM", Logos = [LogoFixtures.RefPath("ibm", "ibm.svg")] },
        ],
        Fetch = { AllowPrivateNetworks = true, MaxRetries = 0 },
    };

    [Fact]
    public async Task ASmallLogoCountsUnderItsOwnNameAndNotUnderAnotherCompanys()
    {
        var small = LogoVariants.Make(LogoFixtures.RefPath("microsoft", "microsoft.svg"), "size:32");
        await using var server = await LoopbackHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = FixtureResponse.Html("""
                <html><body><h1>Acme Vision</h1>
                <section class="partners"><h2>Our partners</h2><ul>
                <li><img src="/img/ours.png" alt="Microsoft"></li>
                <li><img src="/img/theirs.png" alt="IBM"></li>
                </ul></section>
                </body></html>
                """),
            ["/img/ours.png"] = new(200, "image/png", small),
            ["/img/theirs.png"] = new(200, "image/png", small),
        });
        await using var provider = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddPartnerWatchPipeline(Options()).BuildServiceProvider();

        var result = await provider.GetRequiredService<SiteScanner>()
            .ScanAsync(new SiteOptions { Id = "acme", Url = server.BaseUri.ToString() }, CancellationToken.None);

        var logoEvidence = result.Claims.SelectMany(c => c.Evidence.Where(e => e.Kind == EvidenceKind.LogoImage).Select(e => (c.Brand, File: e.ImageUrl![(e.ImageUrl!.LastIndexOf('/') + 1)..]))).ToList();
        // The pixels are Microsoft's: under its own name they are evidence for Microsoft ...
        Assert.Contains(("microsoft", "ours.png"), logoEvidence);
        // ... and under IBM's name they are nobody's logo (the site says whose logo it is; the pixels disagree).
        Assert.DoesNotContain(logoEvidence, e => e.File == "theirs.png");
    }
}
