using PartnerWatch.Fetch;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Fetch;

public sealed class SiteCrawlerTests
{
    private static FixtureResponse Html(string body, string head = "") =>
        FixtureResponse.Html($"<!DOCTYPE html><html><head><meta charset=\"utf-8\">{head}</head><body>{body}</body></html>");

    private static string[] Paths(IEnumerable<CrawledPage> pages) => pages.Select(p => Uri.UnescapeDataString(p.Url.AbsolutePath)).ToArray();

    [Fact]
    public async Task FindsChineseAndGermanPartnerPagesAndSkipsUnrelatedLinks()
    {
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = Html("""
                <a href="/合作伙伴/">合作伙伴</a>
                <a href="/de/seite-7">Partner</a>
                <a href="/blog">Blog</a>
                <a href="/careers">Careers</a>
                <a href="mailto:partners@example.com">Partners by mail</a>
                <a href="javascript:void(0)">Partners (script)</a>
                <a href="/partners.pdf">Partners (PDF)</a>
                """),
            ["/合作伙伴/"] = Html("<h1>合作伙伴</h1>"),
            ["/de/seite-7"] = Html("<h1>Unsere Partner</h1>"),
        });
        await using var provider = FetchTestHost.Create();

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        Assert.Empty(steps.Errors());
        Assert.Equal(new[] { "/", "/de/seite-7", "/合作伙伴/" }.Order(StringComparer.Ordinal), Paths(steps.Pages()).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(server.Requests, r => r is "/blog" or "/careers" or "/partners.pdf");
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task SponsorAndUserPagesLinkedFromTheMenuAreFetchedBeforeOtherPages()
    {
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/home/"] = Html("""
                <nav><ul>
                  <li><a href="../people/">People</a></li><li><a href="../publications/">Publications</a></li>
                  <li><a href="../sponsors/">Sponsors</a></li><li><a href="../zh-CN/user/">用户</a></li>
                </ul></nav>
                """),
            ["/sponsors/"] = Html("<h1>Sponsors and Collaborators</h1>"),
            ["/zh-CN/user/"] = Html("<h3>我们的用户</h3>"),
        });
        await using var provider = FetchTestHost.Create(configure: o => o.MaxPagesPerSite = 3);

        var steps = await provider.CrawlAsync(new Uri(server.BaseUri, "/home/"), FetchTestHost.Watchdog());

        Assert.Empty(steps.Errors());
        Assert.Equal(["/home/", "/sponsors/", "/zh-CN/user/"], server.Requests);
    }

    [Fact]
    public async Task PageCapIsRespectedAndStrongestCandidatesComeFirst()
    {
        var links = string.Concat(Enumerable.Range(1, 12).Select(i => $"<a href=\"/customers/{i}\">Customer story {i}</a>"));
        var routes = new Dictionary<string, FixtureResponse>
        {
            ["/"] = Html($"<a href=\"/company\">About us</a>{links}<a href=\"/partners\">Our partners</a>"),
        };
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>(routes)
        {
            ["/partners"] = Html("<h1>Partners</h1>"),
            ["/company"] = Html("<h1>About</h1>"),
        }.Concat(Enumerable.Range(1, 12).Select(i => KeyValuePair.Create($"/customers/{i}", Html("story")))).ToDictionary());
        await using var provider = FetchTestHost.Create(configure: o => o.MaxPagesPerSite = 4);

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        Assert.Equal(4, server.Requests.Count);
        Assert.Equal(["/", "/partners", "/customers/1", "/customers/2"], server.Requests);
        Assert.Equal(4, steps.Pages().Count);
    }

    [Fact]
    public async Task LinksToOtherSitesAreNeverRequested()
    {
        await using var other = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/partners"] = Html("<h1>Partners elsewhere</h1>"),
        });
        await using var site = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = Html($"""
                <a href="http://localhost:{other.Port}/partners">Partners (other host)</a>
                <a href="http://127.0.0.1:{other.Port}/partners">Partners (other port)</a>
                <a href="/partners">Partners</a>
                """),
            ["/partners"] = Html("<h1>Partners</h1>"),
        });
        await using var provider = FetchTestHost.Create();

        var steps = await provider.CrawlAsync(site.BaseUri, FetchTestHost.Watchdog());

        Assert.Equal(["/", "/partners"], Paths(steps.Pages()));
        Assert.Equal(0, other.Connections);
    }

    [Theory]
    [InlineData("https://example.com/", "https://example.com/partners", true)]
    [InlineData("https://www.example.com/", "http://example.com/partners", true)]
    [InlineData("https://example.com/", "https://WWW.EXAMPLE.COM/partners", true)]
    [InlineData("https://example.com/", "https://shop.example.com/partners", false)]
    [InlineData("https://example.com/", "https://example.com.evil.test/partners", false)]
    [InlineData("https://example.com/", "https://example.com:8443/partners", false)]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5000/partners", true)]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5001/partners", false)]
    public void SameSiteIgnoresOnlyALeadingWww(string start, string target, bool expected) =>
        Assert.Equal(expected, SiteCrawler.SameSite(new Uri(start), new Uri(target)));

    [Fact]
    public async Task BaseHrefAndRelativeLinksAreResolved()
    {
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = Html("<a href=\"company/index.html\">Company</a><a href=\"partners.html\">Partners</a>", head: "<base href=\"/sub/\">"),
            ["/sub/partners.html"] = Html("<a href=\"../clients/\">Clients</a>"),
            ["/clients/"] = Html("<h1>Clients</h1>"),
        });
        await using var provider = FetchTestHost.Create();

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        Assert.Equal(["/", "/sub/partners.html", "/clients/"], Paths(steps.Pages()));
        Assert.DoesNotContain("/partners.html", server.Requests);
    }

    [Fact]
    public async Task FollowsOneLevelFromPartnerPagesButNoDeeper()
    {
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = Html("<a href=\"/partners/\">Partners</a>"),
            ["/partners/"] = Html("<a href=\"technology\">Technology</a><a href=\"resellers\">Resellers</a><a href=\"/jobs\">Jobs</a>"),
            ["/partners/technology"] = Html("<a href=\"/partners/technology/cloud\">Cloud partners</a>"),
            ["/partners/resellers"] = Html("<h1>Resellers</h1>"),
            ["/partners/technology/cloud"] = Html("<h1>too deep</h1>"),
        });
        await using var provider = FetchTestHost.Create();

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        Assert.Equal(["/", "/partners/", "/partners/technology", "/partners/resellers"], Paths(steps.Pages()));
        Assert.DoesNotContain("/partners/technology/cloud", server.Requests);
        Assert.DoesNotContain("/jobs", server.Requests);
    }

    [Fact]
    public async Task RedirectIsFollowedAndTheFinalPageReportedOnce()
    {
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = Html("<a href=\"/partners\">Partners</a><a href=\"/partners/#top\">Our partners</a>"),
            ["/partners"] = FixtureResponse.Redirect("/partners/", 301),
            ["/partners/"] = Html("<h1>Partners</h1>"),
        });
        await using var provider = FetchTestHost.Create();

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        Assert.Empty(steps.Errors());
        Assert.Equal(["/", "/partners/"], Paths(steps.Pages()));
        Assert.Equal(1, server.Requests.Count(r => r == "/partners/"));
    }

    [Fact]
    public async Task RedirectLoopIsReportedAndTheCrawlGoesOn()
    {
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = Html("<a href=\"/partners\">Partners</a><a href=\"/customers\">Customers</a>"),
            ["/partners"] = FixtureResponse.Redirect("/partners-a"),
            ["/partners-a"] = FixtureResponse.Redirect("/partners"),
            ["/customers"] = Html("<h1>Customers</h1>"),
        });
        await using var provider = FetchTestHost.Create();

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        var error = Assert.Single(steps.Errors());
        Assert.Equal(server.Url("/partners").ToString(), error.Url);
        Assert.StartsWith("redirect loop at ", error.Message);
        Assert.Equal(["/", "/customers"], Paths(steps.Pages()));
    }

    [Fact]
    public async Task RedirectChainLongerThanTheCapIsCutOff()
    {
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = Html("<a href=\"/partners\">Partners</a>"),
            ["/partners"] = FixtureResponse.Redirect("/r1"),
            ["/r1"] = FixtureResponse.Redirect("/r2"),
            ["/r2"] = FixtureResponse.Redirect("/r3"),
            ["/r3"] = Html("<h1>finally</h1>"),
        });
        await using var provider = FetchTestHost.Create(configure: o => o.MaxRedirects = 2);

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        var error = Assert.Single(steps.Errors());
        Assert.StartsWith("more than 2 redirects", error.Message);
        Assert.Equal(["/", "/partners", "/r1", "/r2"], server.Requests);
    }

    [Fact]
    public async Task RedirectToAnotherSiteStopsWithAnError()
    {
        await using var other = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse> { ["/"] = Html("x") });
        await using var site = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = Html("<a href=\"/partners\">Partners</a>"),
            ["/partners"] = FixtureResponse.Redirect($"http://localhost:{other.Port}/"),
        });
        await using var provider = FetchTestHost.Create();

        var steps = await provider.CrawlAsync(site.BaseUri, FetchTestHost.Watchdog());

        var error = Assert.Single(steps.Errors());
        Assert.StartsWith("redirected to another site", error.Message);
        Assert.Equal(0, other.Connections);
    }

    [Fact]
    public async Task StartPageFailureEndsTheCrawl()
    {
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = new(500, "text/html", "<a href=\"/partners\">Partners</a>"u8.ToArray()),
            ["/partners"] = Html("<h1>Partners</h1>"),
        });
        await using var provider = FetchTestHost.Create(configure: o => o.MaxRetries = 0);

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        var step = Assert.Single(steps);
        Assert.Equal(new global::PartnerWatch.Domain.ScanError(server.BaseUri.ToString(), "HTTP 500"), step.Error);
        Assert.Equal(["/"], server.Requests);
    }

    [Fact]
    public async Task FailingPageIsReportedAndTheCrawlContinues()
    {
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = Html("<a href=\"/partners\">Partners</a><a href=\"/customers\">Customers</a><a href=\"/partners.png\">Partner logos</a><a href=\"/clients\">Clients</a>"),
            ["/customers"] = Html("<h1>Customers</h1>"),
            ["/clients"] = new(200, "application/pdf", "%PDF-1.4"u8.ToArray()),
        });
        await using var provider = FetchTestHost.Create();

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        var error = Assert.Single(steps.Errors());
        Assert.Equal(new global::PartnerWatch.Domain.ScanError(server.Url("/partners").ToString(), "HTTP 404"), error);
        Assert.Equal(["/", "/customers"], Paths(steps.Pages()));
        Assert.DoesNotContain("/partners.png", server.Requests);
    }

    [Fact]
    public async Task NonHtmlStartPageIsAnError()
    {
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = new(200, "application/json", "{}"u8.ToArray()),
        });
        await using var provider = FetchTestHost.Create();

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        Assert.Contains("not HTML", Assert.Single(steps.Errors()).Message);
    }

    [Fact]
    public async Task PageRecordsTheFinalUrlStatusAndParsedDocument()
    {
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = Html("<img src=\"img/logo.png\" alt=\"Contoso\">"),
        });
        await using var provider = FetchTestHost.Create();

        var page = Assert.Single((await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog())).Pages());

        Assert.Equal(server.BaseUri, page.Url);
        Assert.Equal(200, page.StatusCode);
        Assert.Equal(server.Url("/img/logo.png").ToString(), ((AngleSharp.Html.Dom.IHtmlImageElement)page.Document.QuerySelector("img")!).Source);
    }

    [Fact]
    public async Task MetaRefreshStartPageLeadsToTheRealHomePage()
    {
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = Html("", head: "<meta http-equiv=\"refresh\" content=\"0; url=/cn/index.html\">"),
            ["/cn/index.html"] = Html("<a href=\"/cn/partners.html\">合作伙伴</a>"),
            ["/cn/partners.html"] = Html("<h1>合作伙伴</h1>"),
        });
        await using var provider = FetchTestHost.Create();

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        Assert.Equal(["/", "/cn/index.html", "/cn/partners.html"], Paths(steps.Pages()));
    }
}
