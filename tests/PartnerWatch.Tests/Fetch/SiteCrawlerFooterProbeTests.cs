using PartnerWatch.Fetch;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Fetch;

/// <summary>
/// A sponsors page linked from the start page's footer under a name without partner words ("Open Source"): the crawl
/// tries a few footer links with budget the keyword links left, and scans a tried page only when its title or first
/// heading names a partner, sponsor or customer page (session 9, issue 10 class B).
/// </summary>
public sealed class SiteCrawlerFooterProbeTests
{
    private static FixtureResponse Html(string body, string title = "Acme") =>
        FixtureResponse.Html($"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body>{body}</body></html>");

    private static string[] Paths(IEnumerable<CrawledPage> pages) => pages.Select(p => p.Url.AbsolutePath).ToArray();

    private const string Footer = """
        <footer>
          <div><h2>About</h2><a href="/plan/">Our plan</a> <a href="/team/">Our team</a></div>
          <div><h2>Legal</h2><a href="/terms/">Terms of Service</a> <a href="/privacy/">Privacy</a> <a href="/open-source/">Open Source</a> <a href="/contact/">Contact us</a></div>
        </footer>
        """;

    [Fact]
    public async Task AFooterPageTitledForItsSponsorsIsScannedAndLegalPagesAreNotRequested()
    {
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = Html($"<main><h1>The foundation</h1></main>{Footer}"),
            ["/open-source/"] = Html("<h1>Open Source &amp; Sponsors</h1>", "Open Source & Sponsors | Acme"),
            ["/plan/"] = Html("<h1>Our plan</h1>"),
            ["/team/"] = Html("<h1>Our team</h1>"),
        });
        await using var provider = FetchTestHost.Create();

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        Assert.Equal(["/", "/open-source/"], Paths(steps.Pages()));
        // Only the link named like a backers' page is tried: not the legal pages, not "Our plan" or "Our team".
        Assert.Equal(["/", "/open-source/"], server.Requests);
        Assert.Empty(steps.Errors());
    }

    [Fact]
    public async Task ATriedFooterPageWithoutPartnerWordsInItsTitleIsNotScannedAndABrokenOneIsNoError()
    {
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = Html("<footer><a href=\"/community/\">Community</a> <a href=\"/foundation/\">The Foundation</a></footer>"),
            ["/community/"] = Html("<h1>Join the community</h1><p>Meet-ups and chat rooms.</p>"),
        });
        await using var provider = FetchTestHost.Create();

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        Assert.Equal(["/"], Paths(steps.Pages()));
        Assert.Equal(["/", "/community/", "/foundation/"], server.Requests);
        Assert.Empty(steps.Errors());
    }

    [Fact]
    public async Task KeywordLinksComeFirstAndAFullBudgetLeavesNoProbe()
    {
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = Html($"<nav><a href=\"/partners/\">Partners</a> <a href=\"/customers/\">Customers</a></nav>{Footer}"),
            ["/partners/"] = Html("<h1>Partners</h1>"),
            ["/customers/"] = Html("<h1>Customers</h1>"),
            ["/open-source/"] = Html("<h1>Open Source &amp; Sponsors</h1>"),
        });
        await using var provider = FetchTestHost.Create(configure: o => o.MaxPagesPerSite = 3);

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        Assert.Equal(["/", "/partners/", "/customers/"], server.Requests);
    }

    [Fact]
    public async Task AHeaderMenuAndPlainFooterLinksAreNeverTriedAndProbesAreCapped()
    {
        // A company's mega menu of product pages, and a footer of many organisational pages.
        var menu = string.Concat(Enumerable.Range(1, 40).Select(i => $"<li><a href=\"/products/p{i}\">Product {i}</a></li>"));
        var footer = string.Concat(Enumerable.Range(1, 10).Select(i => $"<a href=\"/company/page-{i}\">Community group {i}</a> ")) +
                     "<a href=\"/story/\">Our story</a>";
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = Html($"<header><nav><ul>{menu}</ul></nav></header><main><h1>Acme</h1></main><footer>{footer}</footer>"),
        });
        await using var provider = FetchTestHost.Create();

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        Assert.DoesNotContain(server.Requests, r => r.StartsWith("/products/", StringComparison.Ordinal));
        Assert.Equal(["/", "/company/page-1", "/company/page-2", "/company/page-3"], server.Requests);
        Assert.DoesNotContain("/story/", server.Requests);
        Assert.Equal(["/"], Paths(steps.Pages()));
    }
}
