using System.Net;
using AngleSharp;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PartnerWatch.Config;
using PartnerWatch.Fetch;
using PartnerWatch.Fetch.Browser;
using PartnerWatch.Hosting;
using PartnerWatch.Domain;
using PartnerWatch.Scan;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Fetch.Browser;

/// <summary>
/// Real headless Chromium against real loopback servers. These tests fail (they do not skip) when no browser is
/// installed: CI installs chromium (.ci/run), and a missing browser would silently lose JavaScript-built partner lists.
/// One class, so the browser tests run one after the other on a small machine.
/// </summary>
public sealed class BrowserRenderingTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly IPAddress SecondLoopback = IPAddress.Parse("127.0.0.2");

    /// <summary>Like helio-vision in the eval kit: the partner logos exist only once the inline script has run.</summary>
    private const string ScriptBuiltPartners = """
        <!DOCTYPE html><html><head><title>Helio Vision</title></head><body>
        <header><a href="/">Helio Vision</a></header>
        <main><h1>Helio Vision</h1><p>Smart cameras for retail analytics</p>
        <section><h2>Partners</h2><div id="pl" class="logos"></div></section>
        <script>var P=[["NVIDIA","img/p1.png"],["Qualcomm","img/p2.png"]];var d=document.getElementById("pl");
        P.forEach(function(p){d.insertAdjacentHTML("beforeend","<img alt=\""+p[0]+"\" src=\""+p[1]+"\">")});</script>
        </main></body></html>
        """;

    private static string RequireChromium()
    {
        var found = ChromiumLocator.Find(null);
        Assert.True(found is not null,
            $"no browser on PATH ({string.Join(", ", ChromiumLocator.CandidateNames)}): install it (apt-get install -y chromium) to run the browser tests");
        return found!;
    }

    private static PartnerWatchOptions Options(bool allowPrivateNetworks = true, Action<BrowserOptions>? browser = null)
    {
        var options = new PartnerWatchOptions
        {
            Brands =
            [
                new BrandOptions { Id = "nvidia", Name = "NVIDIA", Domains = ["nvidia.com"] },
                new BrandOptions { Id = "qualcomm", Name = "Qualcomm", Domains = ["qualcomm.com"] },
            ],
            Fetch = { AllowPrivateNetworks = allowPrivateNetworks, MaxRetries = 0 },
        };
        browser?.Invoke(options.Fetch.Browser);
        return options;
    }

    private static ServiceProvider Pipeline(PartnerWatchOptions options) =>
        new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddPartnerWatchPipeline(options).BuildServiceProvider();

    private static ServiceProvider FetchOnly(PartnerWatchOptions options, IAddressPolicy? policy = null)
    {
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(options);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        services.AddSingleton(TimeProvider.System);
        if (policy is not null) services.AddSingleton(policy);
        services.AddFetching();
        return services.BuildServiceProvider();
    }

    private static Task<SiteScanResult> ScanAsync(ServiceProvider provider, Uri url) =>
        provider.GetRequiredService<SiteScanner>().ScanAsync(new SiteOptions { Id = "helio", Url = url.ToString() }, FetchTestHost.Watchdog());

    [Fact]
    public async Task ScriptBuiltPartnerListIsDetectedWithTheDefaultConfiguration()
    {
        RequireChromium();
        await using var server = await LoopbackHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = FixtureResponse.Html(ScriptBuiltPartners),
        });
        await using var provider = Pipeline(Options());

        var result = await ScanAsync(provider, server.BaseUri);

        Assert.Empty(result.Errors);
        Assert.Equal(["nvidia", "qualcomm"], result.Claims.Select(c => c.Brand).ToArray());
        Assert.All(result.Claims, c => Assert.Contains(c.Evidence, e => e.Kind == EvidenceKind.LogoText && e.Detail.EndsWith(SiteScanner.RenderedNote)));
        // The evidence keeps the page as served (no NVIDIA in it), marked as rendered.
        var page = Assert.Single(result.FetchedPages);
        Assert.True(page.Rendered);
        Assert.Equal(ScriptBuiltPartners, System.Text.Encoding.UTF8.GetString(page.Html!));
        // ...and what detection read: the DOM with the logos the script inserted.
        Assert.Contains("alt=\"NVIDIA\"", System.Text.Encoding.UTF8.GetString(page.RenderedHtml!));
    }

    [Fact]
    public async Task WithRenderingOffTheScriptBuiltListIsNotSeen()
    {
        await using var server = await LoopbackHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = FixtureResponse.Html(ScriptBuiltPartners),
        });
        await using var provider = Pipeline(Options(browser: b => b.Mode = BrowserMode.Never));

        var result = await ScanAsync(provider, server.BaseUri);

        Assert.Empty(result.Claims);
        Assert.False(Assert.Single(result.FetchedPages).Rendered);
    }

    [Fact]
    public async Task PageThatNeverFinishesIsCutByTheTimeoutAndTheScanCompletes()
    {
        RequireChromium();
        await using var server = await LoopbackHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = FixtureResponse.Html("""
                <html><body><h2>Our partners</h2><ul><li><img src="q.png" alt="Qualcomm"></li></ul><div id="x"></div>
                <script>document.getElementById("x").innerHTML = "spinning"; for (;;) {}</script></body></html>
                """),
        });
        await using var provider = Pipeline(Options(browser: b => b.Timeout = TimeSpan.FromSeconds(3)));

        var result = await ScanAsync(provider, server.BaseUri);

        var error = Assert.Single(result.Errors);
        Assert.Equal("not rendered: render timed out after 3 s; browser stopped; the page was analysed as served", error.Message);
        // The page still counts, analysed as served.
        Assert.Equal(1, result.PagesScanned);
        Assert.False(Assert.Single(result.FetchedPages).Rendered);
        Assert.Equal("qualcomm", Assert.Single(result.Claims).Brand);
        // Only this pool's profiles: other tests (and the corpus scorer's processes) run browsers at the same time.
        var made = provider.GetRequiredService<BrowserPool>().ProfilesMade;
        Assert.NotEmpty(made);
        Assert.All(made, profile => Assert.False(Directory.Exists(profile), $"{profile} outlived its browser"));
    }

    /// <summary>Treats 127.0.0.2 as private and everything else as public.</summary>
    private sealed class SecondLoopbackIsPrivatePolicy : IAddressPolicy
    {
        public string? RefusalReason(IPAddress address) => address.Equals(SecondLoopback) ? "a test-private address" : null;
    }

    private static async Task<(BoundHttpServer Secret, LoopbackHttpServer Page)> StartLeakFixtureAsync()
    {
        var secret = await BoundHttpServer.StartAsync(SecondLoopback, async context =>
        {
            context.Response.Headers.AccessControlAllowOrigin = "*";
            await context.Response.WriteAsync("INTERNAL-SECRET");
        });
        var page = await LoopbackHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = FixtureResponse.Html($$"""
                <html><body><h1>Partners</h1><div id="out"></div>
                <script>
                fetch("{{secret.Url("metadata")}}").then(function (r) { return r.text(); })
                  .then(function (t) { document.getElementById("out").innerHTML = "<p id='leak'>" + t + "</p>"; })
                  .catch(function () { document.getElementById("out").innerHTML = "<p id='blocked'>blocked</p>"; });
                </script></body></html>
                """),
        });
        return (secret, page);
    }

    [Fact]
    public async Task BrowserRequestToAPrivateAddressIsRefusedByTheProxy()
    {
        RequireChromium();
        var (secret, page) = await StartLeakFixtureAsync();
        await using var _ = secret;
        await using var __ = page;
        await using var provider = FetchOnly(Options(allowPrivateNetworks: false), new SecondLoopbackIsPrivatePolicy());
        var renderer = provider.GetRequiredService<ChromiumRenderer>();

        var dom = await renderer.RenderAsync(page.BaseUri, FetchTestHost.Watchdog());

        Assert.Contains("id=\"blocked\"", dom.Html);
        Assert.DoesNotContain("INTERNAL-SECRET", dom.Html);
        Assert.Equal(0, secret.Connections);
        Assert.True(renderer.RefusedRequests >= 1);
    }

    [Fact]
    public async Task BrowserRequestToAPrivateAddressGoesThroughWhenAllowed()
    {
        RequireChromium();
        var (secret, page) = await StartLeakFixtureAsync();
        await using var _ = secret;
        await using var __ = page;
        await using var provider = FetchOnly(Options(allowPrivateNetworks: true));
        var renderer = provider.GetRequiredService<ChromiumRenderer>();

        var dom = await renderer.RenderAsync(page.BaseUri, FetchTestHost.Watchdog());

        Assert.Contains("INTERNAL-SECRET", dom.Html);
        Assert.True(secret.Connections >= 1);
        Assert.Equal(0, renderer.RefusedRequests);
    }

    [Fact]
    public async Task DefaultOptionsKeepTheBrowserOffLoopback()
    {
        RequireChromium();
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = FixtureResponse.Html(ScriptBuiltPartners),
        });
        await using var provider = FetchOnly(Options(allowPrivateNetworks: false));
        var renderer = provider.GetRequiredService<ChromiumRenderer>();

        var failure = await Assert.ThrowsAsync<RenderFailedException>(() => renderer.RenderAsync(server.BaseUri, FetchTestHost.Watchdog()));

        Assert.Equal("browser could not load the page: refused: 127.0.0.1 is a loopback address; set PartnerWatch:Fetch:AllowPrivateNetworks=true to allow", failure.Message);
        // Chromium would go straight to localhost without "<-loopback>" in the bypass list.
        Assert.Equal(0, server.Connections);
        Assert.True(renderer.RefusedRequests >= 1);
    }

    [Fact]
    public async Task HttpsTunnelToAPrivateAddressIsRefused()
    {
        RequireChromium();
        await using var server = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse> { ["/"] = FixtureResponse.Html("hi") });
        await using var provider = FetchOnly(Options(allowPrivateNetworks: false));
        var renderer = provider.GetRequiredService<ChromiumRenderer>();
        var https = new UriBuilder(server.BaseUri) { Scheme = "https" }.Uri;

        var failure = await Assert.ThrowsAsync<RenderFailedException>(() => renderer.RenderAsync(https, FetchTestHost.Watchdog()));

        Assert.Equal("browser could not load the page (net::ERR_TUNNEL_CONNECTION_FAILED)", failure.Message);
        Assert.Equal(0, server.Connections);
        Assert.True(renderer.RefusedRequests >= 1);
    }

    [Fact]
    public async Task AutoModeStartsTheBrowserOnlyForTheScriptBuiltPage()
    {
        RequireChromium();
        var text = string.Concat(Enumerable.Repeat("We build smart cameras for retail analytics and ship working software. ", 5));
        await using var server = await LoopbackHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = FixtureResponse.Html($"""
                <html><head><script src="/analytics.js"></script></head><body><h1>Helio</h1><p>{text}</p>
                <a href="/partners">Partners</a></body></html>
                """),
            ["/partners"] = FixtureResponse.Html(ScriptBuiltPartners),
        });
        await using var provider = FetchOnly(Options());
        var renderer = provider.GetRequiredService<ChromiumRenderer>();

        var steps = new List<CrawlStep>();
        var launchesAfter = new List<int>();
        await foreach (var step in provider.GetRequiredService<SiteCrawler>().CrawlAsync(server.BaseUri, FetchTestHost.Watchdog()))
        {
            steps.Add(step);
            if (step.Page is not null) launchesAfter.Add(renderer.Launches);
        }

        Assert.Empty(steps.Errors());
        Assert.Equal([false, true], steps.Pages().Select(p => p.Rendered).ToArray());
        Assert.Equal([0, 1], launchesAfter.ToArray());
    }

    [Fact]
    public async Task MissingBrowserInAutoModeWarnsOnceAndUsesThePageAsServed()
    {
        await using var server = await LoopbackHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = FixtureResponse.Html("""<html><body><a href="/partners">Partners</a><div id="x"></div><script>x.innerHTML = "hi";</script></body></html>"""),
            ["/partners"] = FixtureResponse.Html(ScriptBuiltPartners),
        });
        var logs = new RecordingLoggerProvider();
        await using var provider = FetchTestHost.Create(
            configure: f => f.Browser.ExecutablePath = Path.Combine(Path.GetTempPath(), "no-such-dir", "chromium"), logs: logs);

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        Assert.Empty(steps.Errors());
        Assert.Equal([false, false], steps.Pages().Select(p => p.Rendered).ToArray());
        Assert.Equal(0, provider.GetRequiredService<ChromiumRenderer>().Launches);
        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.StartsWith("No browser found", warning.Template);
    }

    /// <summary>
    /// The measurement behind docs/console.md: script-built pages rendered per minute on the pooled browser vs a new
    /// Chromium per page. Prints figures, asserts only that every page rendered; run with PARTNERWATCH_MEASURE_RENDERS=1.
    /// </summary>
    [Fact]
    public async Task MeasureRendersPerMinutePooledVersusANewBrowserPerPage()
    {
        if (Environment.GetEnvironmentVariable("PARTNERWATCH_MEASURE_RENDERS") != "1") return;
        RequireChromium();
        const int Pages = 20;
        await using var server = await LoopbackHttpServer.StartAsync(new Dictionary<string, FixtureResponse> { ["/"] = FixtureResponse.Html(ScriptBuiltPartners) });
        var options = Options();
        await using var provider = FetchOnly(options);
        foreach (var perBrowser in new[] { 200, 1 })
        {
            await using var pool = new BrowserPool(options, provider.GetRequiredService<GuardedConnector>(), TimeProvider.System,
                Microsoft.Extensions.Logging.Abstractions.NullLogger<BrowserPool>.Instance, perBrowser);
            var renderer = new ChromiumRenderer(pool, options, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<ChromiumRenderer>.Instance);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < Pages; i++)
                Assert.Contains("alt=\"NVIDIA\"", (await renderer.RenderAsync(new Uri(server.BaseUri, "/?p=" + i), FetchTestHost.Watchdog())).Html);
            watch.Stop();
            output.WriteLine($"{(perBrowser == 1 ? "new Chromium per page" : "one pooled Chromium")}: {Pages} renders in {watch.Elapsed.TotalSeconds:0.0} s = {Pages / watch.Elapsed.TotalMinutes:0} pages/min, {pool.Launches} browser starts");
        }
    }

    [Theory]
    [InlineData("<html><body><p>plain</p></body></html>", false)]
    [InlineData("<html><body><div id=app></div><script src=app.js></script></body></html>", true)]
    [InlineData("<html><body><div id=x></div><script>document.getElementById('x').innerHTML = '<img alt=Cisco>';</script></body></html>", true)]
    [InlineData("<html><body><script type=\"application/ld+json\">{\"a\":\"document.write\"}</script></body></html>", false)]
    public async Task ScriptBuiltPageHeuristic(string html, bool expected)
    {
        var padded = html.Replace("<p>plain</p>", "<p>" + new string('x', 300) + "</p>", StringComparison.Ordinal);
        using var context = BrowsingContext.New(Configuration.Default);
        using var document = await context.OpenAsync(r => r.Content(padded));

        Assert.Equal(expected, ScriptBuiltPage.Looks(document));
    }

    [Fact]
    public async Task LongTextPageWithoutDomWritingScriptsIsNotScriptBuilt()
    {
        var text = new string('x', 400);
        using var context = BrowsingContext.New(Configuration.Default);
        using var document = await context.OpenAsync(r => r.Content(
            $"<html><head><script src=jquery.js></script><script>window.dataLayer = [];</script></head><body><p>{text}</p></body></html>"));

        Assert.False(ScriptBuiltPage.Looks(document));
    }

    [Fact]
    public void AlwaysModeWithoutABrowserIsAConfigurationError()
    {
        var options = Options(browser: b => { b.Mode = BrowserMode.Always; b.ExecutablePath = "/nonexistent/chromium"; });

        var problems = new PartnerWatchOptionsValidator().Check(options);

        Assert.Contains(problems, p => p.ToString().Contains("PartnerWatch:Fetch:Browser:ExecutablePath", StringComparison.Ordinal));
    }

    [Fact]
    public void BadBrowserValuesInTheConfigFileNameTheirKeys()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "partnerwatch.json");
        File.WriteAllText(path, """
            { "PartnerWatch": { "Sites": [ { "Id": "a", "Url": "https://a.example/" } ],
              "Fetch": { "Browser": { "Mode": "Sometimes", "Timeout": "soon", "Headles": true } } } }
            """);

        var problems = ConfigurationLoader.Load(path).Problems.Select(p => p.ToString()).ToList();

        Assert.Contains("PartnerWatch:Fetch:Browser:Mode: 'Sometimes' is not one of Auto, Always, Never", problems);
        Assert.Contains(problems, p => p.StartsWith("PartnerWatch:Fetch:Browser:Timeout: 'soon' is not a duration", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("PartnerWatch:Fetch:Browser:Headles: unknown key", StringComparison.Ordinal));
    }

    [Fact]
    public void BrowserLimitsAreValidatedByKey()
    {
        var options = Options(browser: b => { b.Timeout = TimeSpan.Zero; b.MaxConcurrent = 0; });

        var problems = new PartnerWatchOptionsValidator().Check(options).Select(p => p.ToString()).ToList();

        Assert.Contains(problems, p => p.Contains("PartnerWatch:Fetch:Browser:Timeout", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("PartnerWatch:Fetch:Browser:MaxConcurrent", StringComparison.Ordinal));
    }
}
