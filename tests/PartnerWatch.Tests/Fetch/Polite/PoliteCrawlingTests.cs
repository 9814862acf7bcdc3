using Microsoft.AspNetCore.Http;
using PartnerWatch.Fetch;

namespace PartnerWatch.Tests.Fetch.Polite;

/// <summary>robots.txt and the per-host rate limit, as the site owner sees them in the access log.</summary>
public sealed class PoliteCrawlingTests
{
    private static string Page(string body) => $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>{body}</body></html>";

    private static Dictionary<string, string> SiteWithPrivatePartnerPage() => new()
    {
        ["/"] = Page("""<h1>Kessler</h1><a href="/partners/">Partners</a><a href="/internal/partners">Partner portal</a>"""),
        ["/partners/"] = Page("<h1>Our partners</h1>"),
        ["/internal/partners"] = Page("<h1>Partner portal</h1>"),
    };

    [Fact]
    public async Task APageRobotsTxtDisallowsIsNeverRequested()
    {
        await using var site = await PoliteSite.StartAsync(SiteWithPrivatePartnerPage());
        site.Robots = "User-agent: *\nDisallow: /internal/\n";
        await using var provider = FetchTestHost.Create();

        var steps = await provider.CrawlAsync(site.BaseUri, FetchTestHost.Watchdog(), new CrawlOptions());

        Assert.Empty(steps.Errors());
        Assert.Equal(["/", "/partners/"], steps.Pages().Select(p => p.Url.AbsolutePath).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(site.Seen, r => r.Path.StartsWith("/internal", StringComparison.Ordinal));
        // Read once for the whole crawl, before the first page.
        Assert.Equal("/robots.txt", site.Seen[0].Path);
        Assert.Single(site.Seen, r => r.Path == "/robots.txt");
    }

    [Fact]
    public async Task TheSiteOverrideFetchesWhatRobotsTxtDisallows()
    {
        await using var site = await PoliteSite.StartAsync(SiteWithPrivatePartnerPage());
        site.Robots = "User-agent: *\nDisallow: /internal/\n";
        await using var provider = FetchTestHost.Create();

        var steps = await provider.CrawlAsync(site.BaseUri, FetchTestHost.Watchdog(), new CrawlOptions(IgnoreRobots: true));

        Assert.Contains(steps.Pages(), p => p.Url.AbsolutePath == "/internal/partners");
        Assert.DoesNotContain(site.Seen, r => r.Path == "/robots.txt");
    }

    [Fact]
    public async Task ADisallowedStartPageIsAnErrorThatSaysSoAndNothingIsFetched()
    {
        await using var site = await PoliteSite.StartAsync(SiteWithPrivatePartnerPage());
        site.Robots = "User-agent: PartnerWatch\nDisallow: /\n\nUser-agent: *\nAllow: /\n";
        await using var provider = FetchTestHost.Create();

        var steps = await provider.CrawlAsync(site.BaseUri, FetchTestHost.Watchdog(), new CrawlOptions());

        Assert.Empty(steps.Pages());
        var error = Assert.Single(steps.Errors());
        Assert.Contains("robots.txt disallows it (Disallow: /", error.Message);
        Assert.Equal(["/robots.txt"], site.Seen.Select(r => r.Path));
    }

    [Fact]
    public async Task RobotsTxtAnsweringWithAServerErrorMeansNothingIsFetched()
    {
        await using var server = await Infrastructure.LoopbackHttpServer.StartAsync(async context =>
        {
            context.Response.StatusCode = context.Request.Path == "/robots.txt" ? 503 : 200;
            await context.Response.WriteAsync(Page("<h1>Home</h1>"));
        });
        await using var provider = FetchTestHost.Create(configure: o => o.MaxRetries = 0);

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog(), new CrawlOptions());

        Assert.Empty(steps.Pages());
        Assert.StartsWith("robots.txt unreachable (HTTP 503)", Assert.Single(steps.Errors()).Message);
        Assert.Equal(["/robots.txt"], server.Requests);
    }

    [Fact]
    public async Task TwoSitesOnOneHostTogetherStayWithinTheHostsRequestRate()
    {
        const double rate = 4;
        var pages = new Dictionary<string, string>();
        foreach (var site in new[] { "a", "b" })
        {
            pages[$"/{site}/"] = Page(string.Concat(Enumerable.Range(1, 5).Select(i => $"<a href=\"/{site}/partners-{i}\">Partners {i}</a>")));
            for (var i = 1; i <= 5; i++) pages[$"/{site}/partners-{i}"] = Page($"<h1>Partners {i}</h1>");
        }
        await using var host = await PoliteSite.StartAsync(pages);
        await using var provider = FetchTestHost.Create(configure: o => { o.PerHostRequestsPerSecond = rate; o.PaceLoopback = true; });

        // Two sites crawled at the same time, as the service does with Fetch:MaxConcurrentSites = 2.
        var crawls = await Task.WhenAll(
            provider.CrawlAsync(host.Url("/a/"), FetchTestHost.Watchdog(), new CrawlOptions()),
            provider.CrawlAsync(host.Url("/b/"), FetchTestHost.Watchdog(), new CrawlOptions()));

        Assert.All(crawls, steps => Assert.Equal(6, steps.Pages().Count));
        var times = host.Seen.Select(r => r.At).Order().ToList();
        Assert.Equal(13, times.Count); // robots.txt once, 12 pages
        // The server's own clock: in any one-second window at most rate + 1 requests (a token bucket of one token
        // refilled every 1/rate s lets a request through right after a refill). Unpaced, all 13 arrive within a second.
        var busiest = times.Max(t => times.Count(u => u >= t && u < t.AddSeconds(1)));
        Assert.True(busiest <= rate + 1, $"{busiest} requests within one second at a limit of {rate}/s");
    }

    [Fact]
    public async Task SitesOnThisMachineAreNotPacedUnlessAsked()
    {
        // One request every 10 s if it applied: the 6 pages and robots.txt would take a minute. Loopback is the
        // operator's own (fixtures, the demo, an evaluation corpus serving every site from one port).
        var pages = new Dictionary<string, string> { ["/a/"] = Page(string.Concat(Enumerable.Range(1, 5).Select(i => $"<a href=\"/a/partners-{i}\">Partners {i}</a>"))) };
        for (var i = 1; i <= 5; i++) pages[$"/a/partners-{i}"] = Page($"<h1>Partners {i}</h1>");
        await using var host = await PoliteSite.StartAsync(pages);
        await using var provider = FetchTestHost.Create(configure: o => o.PerHostRequestsPerSecond = 0.1);

        var steps = await provider.CrawlAsync(host.Url("/a/"), FetchTestHost.Watchdog(), new CrawlOptions());

        Assert.Equal(6, steps.Pages().Count);
        var times = host.Seen.Select(r => r.At).Order().ToList();
        Assert.True(times[^1] - times[0] < TimeSpan.FromSeconds(10), $"requests spread over {times[^1] - times[0]}: loopback was paced");
    }
}
