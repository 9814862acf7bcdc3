using System.Text;
using PartnerWatch.Fetch;
using PartnerWatch.Tests.Infrastructure;
using static PartnerWatch.Tests.Detect.DetectionHarness;

namespace PartnerWatch.Tests.Fetch;

/// <summary>
/// First-party stylesheets and SVG sprite files a page links (session 8): the crawler reads them once per crawl, within
/// their own budget and size cap, and writes what draws logos into the parsed page, so that a sponsor wall painted by CSS
/// backgrounds or drawn from a sprite file is detected like one written in the page. Real loopback HTTP.
/// </summary>
public sealed class SiteCrawlerLinkedFilesTests
{
    private static FixtureResponse Html(string body, string head = "") =>
        FixtureResponse.Html($"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Acme</title>{head}</head><body>{body}</body></html>");

    private static FixtureResponse Css(string css) => new(200, "text/css", Encoding.UTF8.GetBytes(css));

    private static FixtureResponse Svg(string svg) => new(200, "image/svg+xml", Encoding.UTF8.GetBytes(svg));

    private const string Wall = "<section><h2>Our sponsors</h2><ul><li><a href=\"/go/1\"><span class=\"tile logo-redhat\"></span></a></li></ul></section>";

    [Fact]
    public async Task ASiteStylesheetsBackgroundRulesAreWrittenIntoThePageWithAbsoluteUrls()
    {
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = Html(Wall, "<link rel=\"stylesheet\" href=\"/assets/css/site.css\">"),
            ["/assets/css/site.css"] = Css("""
                @font-face { font-family: X; src: url(../fonts/x.woff2); }
                body { color: #222; }
                /* the wall */
                @media (min-width: 600px) { .logo-redhat { background-image: url("../img/s7.png"); width: 120px } }
                """),
        });
        await using var provider = FetchTestHost.Create();

        var page = Assert.Single((await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog())).Pages());

        var added = Assert.Single(page.Document.QuerySelectorAll($"style[{SiteCrawler.AddedFromAttribute}]"));
        Assert.Contains($"url(\"{new Uri(server.BaseUri, "/assets/img/s7.png").AbsoluteUri}\")", added.TextContent);
        Assert.DoesNotContain("woff2", added.TextContent);
        Assert.DoesNotContain("color", added.TextContent);
        // The evidence stays the page as served.
        Assert.DoesNotContain("s7.png", Encoding.UTF8.GetString(page.Html));
    }

    [Fact]
    public async Task ASponsorWallPaintedByALinkedStylesheetIsDetected()
    {
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = Html(Wall, "<link rel=\"stylesheet\" href=\"site.css\">"),
            ["/site.css"] = Css(".logo-redhat{background:url(img/s7.png) no-repeat;width:120px;height:40px}"),
        });
        await using var provider = FetchTestHost.Create();

        Assert.Equal(["redhat"], await BrandsOfCrawlAsync(provider, server.BaseUri));
    }

    [Fact]
    public async Task ASpriteFilesUsedSymbolsAreCopiedIntoThePageAndNameTheLogo()
    {
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = Html("<section><h2>Our sponsors</h2><ul><li><a href=\"/go/1\" title=\"\"><svg aria-hidden=\"true\"><use href=\"/static/icons.svg#s7\"></use></svg></a></li></ul></section>"),
            ["/static/icons.svg"] = Svg("""
                <?xml version="1.0" encoding="utf-8"?>
                <svg xmlns="http://www.w3.org/2000/svg"><symbol id="s7" viewBox="0 0 40 20"><title>Red Hat</title><rect width="36" height="16"/></symbol>
                <symbol id="unused" viewBox="0 0 4 4"><rect width="4" height="4"/></symbol></svg>
                """),
        });
        await using var provider = FetchTestHost.Create();

        var page = Assert.Single((await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog())).Pages());
        Assert.Equal("#s7", page.Document.QuerySelector("a use")!.GetAttribute("href"));
        Assert.Equal("symbol", page.Document.GetElementById("s7")?.LocalName);
        Assert.Null(page.Document.GetElementById("unused"));
        Assert.Equal(["redhat"], await BrandsOfCrawlAsync(provider, server.BaseUri));
    }

    [Fact]
    public async Task OneLevelOfImportsOfAFirstPartySheetIsRead()
    {
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = Html(Wall, "<link rel=\"stylesheet\" href=\"/css/main.css\">"),
            ["/css/main.css"] = Css("@import url(\"parts/sponsors.css\");\n@import 'parts/layout.css';\nbody { margin: 0 }"),
            ["/css/parts/sponsors.css"] = Css("@import 'deeper.css'; .logo-redhat { background-image: url(../../img/s7.png) }"),
            ["/css/parts/layout.css"] = Css("main { display: grid }"),
        });
        await using var provider = FetchTestHost.Create();

        Assert.Equal(["redhat"], await BrandsOfCrawlAsync(provider, server.BaseUri));
        // An import of an import is not followed.
        Assert.DoesNotContain(server.Requests, r => r.EndsWith("deeper.css", StringComparison.Ordinal));
        Assert.Contains("/css/parts/layout.css", server.Requests);
    }

    [Fact]
    public async Task AHostileSpriteFileCostsNothingButItself()
    {
        // Nesting far past the parser guard, a script and a link inside the symbol: the page is still scanned, nothing runs,
        // and the sprite's link does not lead the crawl.
        var deep = string.Concat(Enumerable.Repeat("<g>", 50_000));
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = Html("<h2>Our sponsors</h2><a href=\"/go/1\"><svg aria-hidden=\"true\"><use href=\"/icons.svg#s7\"></use></svg></a>"),
            ["/icons.svg"] = Svg($"<svg xmlns=\"http://www.w3.org/2000/svg\"><symbol id=\"s7\"><script>alert(1)</script><a href=\"/partners/\">partners</a>{deep}</symbol></svg>"),
            ["/partners/"] = Html("<h1>Partners</h1>"),
        });
        await using var provider = FetchTestHost.Create();

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        Assert.Empty(steps.Errors());
        Assert.Single(steps.Pages());
        Assert.Equal(["/", "/icons.svg"], server.Requests);
    }

    [Fact]
    public async Task AStylesheetSharedByEveryPageIsFetchedOnce()
    {
        const string head = "<link rel=\"stylesheet\" href=\"/site.css\">";
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = Html("<a href=\"/sponsors/\">Sponsors</a><a href=\"/partners/\">Partners</a>", head),
            ["/sponsors/"] = Html(Wall, head),
            ["/partners/"] = Html(Wall, head),
            ["/site.css"] = Css(".logo-redhat{background-image:url(/s7.png)}"),
        });
        await using var provider = FetchTestHost.Create();

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        Assert.Equal(3, steps.Pages().Count);
        Assert.Single(server.Requests, r => r == "/site.css");
    }

    [Fact]
    public async Task AnotherSitesStylesheetAnOversizedOneAndOnesBeyondTheBudgetAreNotRead()
    {
        await using var cdn = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/framework.css"] = Css(".logo-redhat{background-image:url(/s7.png)}"),
        });
        var huge = ".logo-redhat{background-image:url(/s7.png)}" + new string(' ', (int)SiteCrawler.MaxLinkedFileBytes);
        var sheets = string.Concat(Enumerable.Range(1, 3).Select(i => $"<link rel=\"stylesheet\" href=\"/s{i}.css\">"));
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = Html(Wall, $"<link rel=\"stylesheet\" href=\"{new Uri(cdn.BaseUri, "/framework.css").AbsoluteUri}\"><link rel=\"stylesheet\" href=\"/huge.css\">{sheets}"),
            ["/huge.css"] = Css(huge),
            ["/s1.css"] = Css(".a{background:url(/a.png)}"),
            ["/s2.css"] = Css(".b{background:url(/b.png)}"),
            ["/s3.css"] = Css(".c{background:url(/c.png)}"),
        });
        // Linked files have a budget of their own, as large as the page budget: here 2 (huge.css and s1.css).
        await using var provider = FetchTestHost.Create(configure: o => o.MaxPagesPerSite = 2);

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        Assert.Empty(cdn.Requests);
        Assert.Empty(steps.Errors());
        Assert.Equal(["/", "/huge.css", "/s1.css"], server.Requests);
        var added = Assert.Single(Assert.Single(steps.Pages()).Document.QuerySelectorAll($"style[{SiteCrawler.AddedFromAttribute}]"));
        Assert.Contains("/a.png", added.TextContent);
    }

    private static async Task<string[]> BrandsOfCrawlAsync(Microsoft.Extensions.DependencyInjection.ServiceProvider provider, Uri start)
    {
        var collector = Detector().BeginSite();
        foreach (var page in (await provider.CrawlAsync(start, FetchTestHost.Watchdog())).Pages())
        {
            await collector.AddPageAsync(page, CancellationToken.None);
        }
        return collector.Complete().Select(c => c.BrandId).Order(StringComparer.Ordinal).ToArray();
    }
}
