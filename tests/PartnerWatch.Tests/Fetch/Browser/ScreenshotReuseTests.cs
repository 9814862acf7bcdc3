using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PartnerWatch.Config;
using PartnerWatch.Domain;
using PartnerWatch.Fetch;
using PartnerWatch.Fetch.Browser;
using PartnerWatch.Store;
using PartnerWatch.Tests.Infrastructure;
using PartnerWatch.Tests.Store;
using PartnerWatch.WebConsole;

namespace PartnerWatch.Tests.Fetch.Browser;

/// <summary>
/// A claim page whose HTML, matched images and marks did not change since its last stored screenshot is not loaded in
/// the browser again: the stored PNG (same hash) stands for this scan. The rule itself, and the whole path on a real
/// SQLite store, real evidence blobs and the real pooled Chromium.
/// </summary>
public sealed class ScreenshotReuseTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);
    private const string PageUrl = "https://helio.example/partners";
    private const string LogoUrl = "https://helio.example/img/acme.svg";

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static FetchedPage Page(string html) => new(PageUrl, 200, Now, Sha(html), html.Length, Encoding.UTF8.GetBytes(html));

    private static readonly PageMarks LogoMarks = new([LogoUrl], ["Acme"]);
    private static readonly FetchedImage[] Logo = [new(LogoUrl, Sha("logo v1"), "image/svg+xml", Now, null)];

    private static StoredScreenshot Stored(string html, DateTimeOffset? takenAt = null, IReadOnlyList<MarkBox>? marks = null, string note = "1280 px wide, 1 mark(s) outlined in red") =>
        new(PageUrl, takenAt ?? Now.AddHours(-6), Sha("png"), note, marks ?? [new MarkBox(33, 120, 134, 54)],
            Sha(html), null, LogoMarks, new Dictionary<string, string?> { [LogoUrl] = Sha("logo v1") });

    [Fact]
    public void AnUnchangedPageKeepsItsScreenshot()
    {
        Assert.Null(ScreenshotReuse.WhyRetake(Stored("<p>partners</p>"), Page("<p>partners</p>"), LogoMarks, Logo, Now));
    }

    [Fact]
    public void EachChangeThatAltersThePictureMeansANewScreenshot()
    {
        const string Html = "<p>partners</p>";
        Assert.Equal("the page's HTML changed", ScreenshotReuse.WhyRetake(Stored(Html), Page("<p>partners!</p>"), LogoMarks, Logo, Now));
        Assert.Equal("the marks to outline changed", ScreenshotReuse.WhyRetake(Stored(Html), Page(Html), LogoMarks with { Names = ["Acme", "Contoso"] }, Logo, Now));
        Assert.StartsWith("a matched image changed", ScreenshotReuse.WhyRetake(Stored(Html), Page(Html), LogoMarks,
            [Logo[0] with { Sha256 = Sha("logo v2") }], Now));
        Assert.StartsWith("the stored one is older than 7 days", ScreenshotReuse.WhyRetake(Stored(Html, takenAt: Now.AddDays(-8)), Page(Html), LogoMarks, Logo, Now));
        Assert.Equal("the page was not fetched by this scan", ScreenshotReuse.WhyRetake(Stored(Html), null, LogoMarks, Logo, Now));
        var rendered = Page(Html) with { Rendered = true, RenderedHtml = Encoding.UTF8.GetBytes("<p>partners</p><img alt=Acme>") };
        Assert.Equal("the rendered page changed", ScreenshotReuse.WhyRetake(Stored(Html), rendered, LogoMarks, Logo, Now));
    }

    [Fact]
    public void AMarkedScreenshotWithoutItsMarkPositionsIsRetakenForTheEmailCrop()
    {
        const string Html = "<p>partners</p>";
        Assert.Equal("the stored one has no mark positions", ScreenshotReuse.WhyRetake(Stored(Html, marks: []), Page(Html), LogoMarks, Logo, Now));
        // ...unless the mark was not found on the page, so there were none to keep.
        Assert.Null(ScreenshotReuse.WhyRetake(Stored(Html, marks: [], note: "1280 px wide; the mark was not found on the rendered page, nothing outlined"),
            Page(Html), LogoMarks, Logo, Now));
    }

    [Fact]
    public void AReusedScreenshotKeepsItsTimeMarksAndBytesAndSaysItWasNotRetaken()
    {
        var png = new byte[] { 1, 2, 3 };
        var reused = ScreenshotReuse.Reused(Stored("<p/>"), png);
        var again = ScreenshotReuse.Reused(Stored("<p/>", note: reused.Note!), png);

        Assert.Same(png, reused.Png);
        Assert.Equal(Now.AddHours(-6), reused.TakenAt);
        Assert.Equal([new MarkBox(33, 120, 134, 54)], reused.Marks);
        Assert.EndsWith(ScreenshotReuse.ReusedNote, reused.Note);
        Assert.Equal(reused.Note, again.Note);
    }

    [Fact]
    public async Task OnARealStoreAnUnchangedPageIsNotShotAgainAndAChangedOneIs()
    {
        Assert.True(ChromiumLocator.Find(null) is not null, "no chromium on PATH: apt-get install -y chromium to run the screenshot tests");
        var html = "<html><body><h1>Helio</h1><p>Our partners are listed on request.</p></body></html>";
        await using var site = await LoopbackHttpServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Volatile.Read(ref html));
        });
        await using var harness = await StoreHarness.StartAsync(o =>
        {
            o.Brands = [new BrandOptions { Id = "acme", Name = "Acme" }];
            o.Fetch.AllowPrivateNetworks = true;
        });
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(harness.Options);
        services.AddSingleton(TimeProvider.System);
        services.AddFetching();
        await using var provider = services.BuildServiceProvider();
        var history = new StoredScreenshotHistory(harness.Store,
            new ClaimReviewStore(StoreDialect.FromOptions(harness.Options, new DataDirectory(harness.DataPath)), harness.Store, harness.Clock),
            new LocalEvidenceBlobs(new DataDirectory(harness.DataPath)), harness.Options);
        var screenshots = new ClaimScreenshots(provider.GetRequiredService<BrowserPool>(), harness.Options, harness.Clock,
            NullLogger<ClaimScreenshots>.Instance, history);
        var pageUrl = site.Url("partners").AbsoluteUri;

        SiteScanResult Scan()
        {
            var now = harness.Clock.GetUtcNow();
            var body = Encoding.UTF8.GetBytes(Volatile.Read(ref html));
            // The claim names a logo file the page does not show: nothing to outline, so no mark positions are needed.
            return new SiteScanResult("sensenets", site.BaseUri.AbsoluteUri, 1, [],
                [new Claim("acme", ClaimStatus.Unverified, 0.9, [new Evidence(EvidenceKind.LogoImage, pageUrl, "matches logos/acme.svg", ImageUrl: site.Url("img/gone.png").AbsoluteUri)])])
            {
                StartedAt = now,
                FinishedAt = now,
                FetchedPages = [new FetchedPage(pageUrl, 200, now, Convert.ToHexStringLower(SHA256.HashData(body)), body.Length, body)],
                FetchedImages = [new FetchedImage(site.Url("img/gone.png").AbsoluteUri, Sha("gone"), "image/png", now, Encoding.UTF8.GetBytes("gone"))],
            };
        }

        var first = await screenshots.AttachAsync(Scan(), CancellationToken.None);
        var firstShot = Assert.Single(first.Screenshots);
        Assert.True(firstShot.Png is not null, firstShot.Note);
        Assert.Contains(ClaimScreenshots.NothingOutlined, firstShot.Note);
        await harness.Store.RecordScanAsync(first, CancellationToken.None);
        Assert.Equal(1, screenshots.Taken);

        harness.Clock.Advance(TimeSpan.FromHours(6));
        var second = await screenshots.AttachAsync(Scan(), CancellationToken.None);
        var secondShot = Assert.Single(second.Screenshots);
        Assert.Equal(1, screenshots.Taken);
        Assert.Equal(firstShot.Png, secondShot.Png);
        Assert.Equal(firstShot.TakenAt, secondShot.TakenAt);
        Assert.EndsWith(ScreenshotReuse.ReusedNote, secondShot.Note);
        await harness.Store.RecordScanAsync(second, CancellationToken.None);

        Volatile.Write(ref html, "<html><body><h1>Helio</h1><p>Our partners are listed below.</p><p>Acme</p></body></html>");
        harness.Clock.Advance(TimeSpan.FromHours(6));
        var third = await screenshots.AttachAsync(Scan(), CancellationToken.None);
        var thirdShot = Assert.Single(third.Screenshots);
        Assert.Equal(2, screenshots.Taken);
        Assert.NotEqual(firstShot.Png, thirdShot.Png);
        Assert.Contains("1 mark(s) outlined", thirdShot.Note);
    }
}
