using PartnerWatch.Fetch;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Fetch;

/// <summary>
/// A small project site whose start page links no partner-like page at all, and whose header menu's "Community" page
/// lists the companies behind the project under a section heading ("Industry Partners") while its title says only
/// "Community" (session 9, round 2). Such a menu link is tried like a footer probe; a start page with any keyword link
/// never spends a fetch on its menu.
/// </summary>
public sealed class SiteCrawlerMenuProbeTests
{
    private static FixtureResponse Html(string body, string title = "Widgetry") =>
        FixtureResponse.Html($"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body>{body}</body></html>");

    private static string[] Paths(IEnumerable<CrawledPage> pages) => pages.Select(p => p.Url.AbsolutePath).ToArray();

    private const string Menu = """
        <nav role="navigation"><a href="/">Home</a> <a href="/start/">First steps</a> <a href="/gallery/">Gallery</a>
        <a href="/community/">Community</a> <a href="/events/">Events</a></nav>
        """;

    [Fact]
    public async Task AMenuCommunityPageWithAPartnerSectionIsScannedWhenTheStartPageNamesNoPartnerPage()
    {
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = Html($"{Menu}<main><h1>Widgetry measures widgets</h1></main>"),
            ["/community/"] = Html("<h1>Community</h1><h2>Contributors</h2><p>Many people.</p><h2>Companies we partner with</h2><img src=\"/img/a.png\">",
                "Community"),
        });
        await using var provider = FetchTestHost.Create();

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        Assert.Equal(["/", "/community/"], Paths(steps.Pages()));
        // Only the menu link named like a community page is tried: not "First steps", "Gallery" nor "Events".
        Assert.DoesNotContain("/start/", server.Requests);
        Assert.DoesNotContain("/gallery/", server.Requests);
        Assert.DoesNotContain("/events/", server.Requests);
        Assert.Empty(steps.Errors());
    }

    [Fact]
    public async Task AMenuCommunityPageWithoutAPartnerSectionIsFetchedButNotScanned()
    {
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = Html($"{Menu}<main><h1>Widgetry</h1></main>"),
            // "Technology" is a weaker word than partners: a section of that name does not make the page a partner page.
            ["/community/"] = Html("<h1>Community</h1><h2>Chat</h2><h2>Technology</h2><p>Meet-ups.</p>", "Community"),
        });
        await using var provider = FetchTestHost.Create();

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        Assert.Equal(["/"], Paths(steps.Pages()));
        Assert.Contains("/community/", server.Requests);
        Assert.Empty(steps.Errors());
    }

    [Fact]
    public async Task AStartPageWithAKeywordLinkNeverTriesItsMenuCommunityLink()
    {
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = Html($"{Menu}<main><h1>Widgetry</h1><a href=\"/about/\">About us</a></main>"),
            ["/about/"] = Html("<h1>About us</h1>"),
            ["/community/"] = Html("<h1>Community</h1><h2>Our partners</h2>", "Community"),
        });
        await using var provider = FetchTestHost.Create();

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        Assert.Equal(["/", "/about/"], Paths(steps.Pages()));
        Assert.DoesNotContain("/community/", server.Requests);
    }

    [Fact]
    public async Task AFooterProbeWhosePageHasASponsorsSectionIsScanned()
    {
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = Html("<main><h1>Widgetry</h1></main><footer><a href=\"/foundation/\">The Foundation</a></footer>"),
            ["/foundation/"] = Html("<h1>The Widgetry Foundation</h1><h2>Board</h2><h3>Our sponsors</h3>", "Foundation"),
        });
        await using var provider = FetchTestHost.Create();

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        Assert.Equal(["/", "/foundation/"], Paths(steps.Pages()));
    }
}
