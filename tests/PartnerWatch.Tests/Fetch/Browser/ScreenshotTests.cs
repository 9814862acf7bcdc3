using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PartnerWatch.Config;
using PartnerWatch.Fetch;
using PartnerWatch.Fetch.Browser;
using PartnerWatch.Tests.Infrastructure;
using SkiaSharp;
using Xunit.Abstractions;

namespace PartnerWatch.Tests.Fetch.Browser;

/// <summary>
/// Screenshot evidence on the pooled browser (real Chromium, real loopback pages): one process serves many pages, the
/// claimed logo is outlined, a crashed browser is replaced, the SSRF guard holds, and without a browser the evidence
/// says why. Fails (does not skip) without Chromium, like the other browser tests.
/// </summary>
public sealed class ScreenshotTests(ITestOutputHelper output)
{
    private const string LogoSvg = """<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="40" height="40" fill="#0a64c8"/><text x="46" y="28" font-size="18">Acme</text></svg>""";

    private static async Task<LoopbackHttpServer> StartSiteAsync(int pages = 1)
    {
        var routes = new Dictionary<string, FixtureResponse> { ["/img/acme.svg"] = new(200, "image/svg+xml", System.Text.Encoding.UTF8.GetBytes(LogoSvg)) };
        for (var i = 0; i < pages; i++)
        {
            routes[$"/p{i}.html"] = FixtureResponse.Html($"""
                <!doctype html><html><body style="margin:0;font-family:sans-serif">
                <h1>Helio Systems, page {i}</h1><p>{string.Concat(Enumerable.Repeat("We build things. ", 40))}</p>
                <h2>Our partners</h2><div style="margin:40px"><img src="/img/acme.svg" alt="Acme" width="120" height="40"></div>
                </body></html>
                """);
        }

        return await LoopbackHttpServer.StartAsync(routes);
    }

    private static PartnerWatchOptions Options(bool allowPrivateNetworks = true, BrowserMode mode = BrowserMode.Auto) => new()
    {
        Brands = [new BrandOptions { Id = "acme", Name = "Acme" }],
        Fetch = { AllowPrivateNetworks = allowPrivateNetworks, MaxRetries = 0, Browser = { Mode = mode } },
    };

    private static ServiceProvider Services(PartnerWatchOptions options)
    {
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(options);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        services.AddSingleton(TimeProvider.System);
        services.AddFetching();
        return services.BuildServiceProvider();
    }

    private static void RequireChromium() =>
        Assert.True(ChromiumLocator.Find(null) is not null, "no chromium on PATH: apt-get install -y chromium to run the screenshot tests");

    private static PageMarks Marks(LoopbackHttpServer site) => new([site.Url("img/acme.svg").AbsoluteUri], ["Acme"]);

    /// <summary>Pixels of the outline colour (#e0001b): the mark was drawn around the logo.</summary>
    private static int OutlinePixels(SKBitmap bitmap)
    {
        var count = 0;
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red > 200 && c.Green < 40 && c.Blue > 10 && c.Blue < 60) count++;
            }
        return count;
    }

    [Fact]
    public async Task OnePooledBrowserShootsManyPagesAt1280PixelsWithTheLogoOutlined()
    {
        RequireChromium();
        await using var site = await StartSiteAsync(pages: 3);
        await using var services = Services(Options());
        var pool = services.GetRequiredService<BrowserPool>();
        var screenshots = services.GetRequiredService<ClaimScreenshots>();

        for (var i = 0; i < 3; i++)
        {
            var shot = await screenshots.ShootAsync(site.Url($"p{i}.html").AbsoluteUri, Marks(site), CancellationToken.None);
            Assert.True(shot.Png is not null, shot.Note);
            using var bitmap = SKBitmap.Decode(shot.Png);
            Assert.Equal(ClaimScreenshots.ViewportWidth, bitmap.Width);
            Assert.InRange(OutlinePixels(bitmap), 200, 20_000);
            Assert.Contains("1 mark(s) outlined", shot.Note);
        }

        Assert.Equal(1, pool.Launches);
    }

    [Fact]
    public async Task TheMarkBoxLiesOverTheRedOutlineAndTheLogoInThePng()
    {
        RequireChromium();
        await using var site = await StartSiteAsync();
        await using var services = Services(Options());

        var shot = await services.GetRequiredService<ClaimScreenshots>().ShootAsync(site.Url("p0.html").AbsoluteUri, Marks(site), CancellationToken.None);

        Assert.True(shot.Png is not null, shot.Note);
        var box = Assert.Single(shot.Marks);
        using var bitmap = SKBitmap.Decode(shot.Png);
        // The box is the logo (120 × 40 px) plus the outline and its offset on every side.
        Assert.InRange(box.Width, 134, 150);
        Assert.InRange(box.Height, 54, 70);
        Assert.True(box.X + box.Width <= bitmap.Width && box.Y + box.Height <= bitmap.Height, $"box {box} outside the {bitmap.Width}×{bitmap.Height} PNG");
        // Nearly every red outline pixel is inside the box (the e-mail's crop around it shows the whole mark)...
        var total = OutlinePixels(bitmap);
        using var inside = new SKBitmap();
        Assert.True(bitmap.ExtractSubset(inside, new SKRectI(box.X, box.Y, box.X + box.Width, box.Y + box.Height)));
        Assert.True(total >= 200, $"only {total} outline pixels");
        Assert.True(OutlinePixels(inside) >= total * 0.95, $"{OutlinePixels(inside)} of {total} outline pixels inside {box}");
        // ...and the logo's blue square sits just inside the outline's top-left corner.
        var logo = bitmap.GetPixel(box.X + 8 + 12, box.Y + 8 + 12);
        Assert.True(logo.Blue > 150 && logo.Red < 60, $"expected the logo's blue at the box's corner, found {logo}");
    }

    [Fact]
    public async Task ACrashedBrowserIsReplacedAndTheNextPageIsShot()
    {
        RequireChromium();
        await using var site = await StartSiteAsync();
        await using var services = Services(Options());
        var pool = services.GetRequiredService<BrowserPool>();
        var screenshots = services.GetRequiredService<ClaimScreenshots>();
        Assert.NotNull((await screenshots.ShootAsync(site.Url("p0.html").AbsoluteUri, Marks(site), CancellationToken.None)).Png);

        var pid = pool.CurrentProcessId;
        Assert.NotNull(pid);
        using (var process = Process.GetProcessById(pid.Value))
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var after = await screenshots.ShootAsync(site.Url("p0.html").AbsoluteUri, Marks(site), CancellationToken.None);
        Assert.True(after.Png is not null, after.Note);
        Assert.Equal(2, pool.Launches);
    }

    [Fact]
    public async Task TheBrowserGoesThroughTheSsrfGuardAndALoopbackPageIsRefusedWhenNotAllowed()
    {
        RequireChromium();
        await using var site = await StartSiteAsync();
        await using var services = Services(Options(allowPrivateNetworks: false));
        var shot = await services.GetRequiredService<ClaimScreenshots>().ShootAsync(site.Url("p0.html").AbsoluteUri, Marks(site), CancellationToken.None);

        Assert.Null(shot.Png);
        Assert.StartsWith("no screenshot: browser could not load the page", shot.Note);
        Assert.DoesNotContain(site.Requests, r => r.Contains("p0.html", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APageWhoseImageNeverArrivesIsShotAsItStandsAndTheNoteSaysSo()
    {
        RequireChromium();
        await using var site = await LoopbackHttpServer.StartAsync(async context =>
        {
            if (context.Request.Path == "/slow.png")
            {
                // Never answers: the page's load event never fires.
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync("<html><body><h2>Partners</h2><p>Acme is our partner</p><img src=\"/slow.png\"></body></html>");
        });
        var options = Options();
        options.Fetch.Browser.Timeout = TimeSpan.FromSeconds(8);
        await using var services = Services(options);

        var shot = await services.GetRequiredService<ClaimScreenshots>().ShootAsync(site.Url("p.html").AbsoluteUri, new PageMarks([], ["Acme"]), CancellationToken.None);

        Assert.True(shot.Png is not null, shot.Note);
        Assert.Contains("1 mark(s) outlined", shot.Note);
        Assert.Contains("still loading", shot.Note);
    }

    [Fact]
    public async Task ABrowserThatCannotStartGivesANoteSayingWhy()
    {
        var options = Options();
        options.Fetch.Browser.ExecutablePath = "/bin/false";
        await using var services = Services(options);

        var shot = await services.GetRequiredService<ClaimScreenshots>().ShootAsync("http://127.0.0.1:9/partners", new PageMarks([], ["Acme"]), CancellationToken.None);

        Assert.Null(shot.Png);
        Assert.StartsWith("no screenshot: could not start /bin/false", shot.Note);
    }

    [Fact]
    public async Task WithoutABrowserTheEvidenceSaysWhyThereIsNoScreenshot()
    {
        await using var services = Services(Options(mode: BrowserMode.Never));
        var shot = await services.GetRequiredService<ClaimScreenshots>().ShootAsync("http://127.0.0.1:9/partners", new PageMarks([], ["Acme"]), CancellationToken.None);

        Assert.Null(shot.Png);
        Assert.Equal("no screenshot: browser switched off (Fetch:Browser:Mode = Never)", shot.Note);
    }

    /// <summary>
    /// The measurement behind docs/console.md (pooled browser vs a new Chromium per page). It prints figures and asserts
    /// only that every page was shot; run with PARTNERWATCH_MEASURE_SCREENSHOTS=1.
    /// </summary>
    [Fact]
    public async Task MeasurePagesPerMinutePooledVersusANewBrowserPerPage()
    {
        if (Environment.GetEnvironmentVariable("PARTNERWATCH_MEASURE_SCREENSHOTS") != "1") return;
        RequireChromium();
        const int Pages = 20;
        await using var site = await StartSiteAsync(Pages);
        var options = Options();
        await using var services = Services(options);
        foreach (var perBrowser in new[] { 200, 1 })
        {
            await using var pool = new BrowserPool(options, services.GetRequiredService<GuardedConnector>(), TimeProvider.System, NullLogger<BrowserPool>.Instance, perBrowser);
            var screenshots = new ClaimScreenshots(pool, options, TimeProvider.System, NullLogger<ClaimScreenshots>.Instance);
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < Pages; i++)
                Assert.NotNull((await screenshots.ShootAsync(site.Url($"p{i}.html").AbsoluteUri, Marks(site), CancellationToken.None)).Png);
            watch.Stop();
            output.WriteLine($"{(perBrowser == 1 ? "new Chromium per page" : "one pooled Chromium")}: {Pages} pages in {watch.Elapsed.TotalSeconds:0.0} s = {Pages / watch.Elapsed.TotalMinutes:0} pages/min, {pool.Launches} browser starts");
        }
    }
}
