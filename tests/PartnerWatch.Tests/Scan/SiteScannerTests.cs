using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PartnerWatch.Config;
using PartnerWatch.Hosting;
using PartnerWatch.Domain;
using PartnerWatch.Scan;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Scan;

/// <summary>crawl → detect → compare for one site, through the real registrations and a loopback site.</summary>
public sealed class SiteScannerTests
{
    private static PartnerWatchOptions Options() => new()
    {
        Brands = [new BrandOptions { Id = "cisco", Name = "Cisco", Domains = ["cisco.com"] }],
        Fetch = { AllowPrivateNetworks = true, MaxRetries = 0 },
    };

    private static ServiceProvider Provider(PartnerWatchOptions options) =>
        new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddPartnerWatchPipeline(options).BuildServiceProvider();

    [Fact]
    public async Task ClaimOnAPageLinkedFromTheStartPageIsFound()
    {
        await using var server = await LoopbackHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = FixtureResponse.Html("""<html><body><nav><a href="/partner.html">Partner</a></nav><h1>Kessler</h1></body></html>"""),
            ["/partner.html"] = FixtureResponse.Html("""<html><body><h1>Unsere Partner</h1><ul><li><img src="a.png" alt="Cisco"></li></ul></body></html>"""),
        });
        var options = Options();
        await using var provider = Provider(options);

        var result = await provider.GetRequiredService<SiteScanner>()
            .ScanAsync(new SiteOptions { Id = "kessler", Url = server.BaseUri.ToString() }, CancellationToken.None);

        Assert.Equal(2, result.PagesScanned);
        var claim = Assert.Single(result.Claims);
        Assert.Equal("cisco", claim.Brand);
        Assert.Equal(ClaimStatus.Unverified, claim.Status);
        Assert.Contains(claim.Evidence, e => e.PageUrl.EndsWith("/partner.html"));
    }

    [Fact]
    public async Task UnreachableStartPageGivesAnErrorAndNoClaims()
    {
        await using var server = await LoopbackHttpServer.StartAsync(async ctx => { ctx.Response.StatusCode = 503; await Task.CompletedTask; });
        await using var provider = Provider(Options());

        var result = await provider.GetRequiredService<SiteScanner>()
            .ScanAsync(new SiteOptions { Id = "down", Url = server.BaseUri.ToString() }, CancellationToken.None);

        Assert.True(result.Failed);
        Assert.Contains("503", Assert.Single(result.Errors).Message);
        Assert.Empty(result.Claims);
    }
}
