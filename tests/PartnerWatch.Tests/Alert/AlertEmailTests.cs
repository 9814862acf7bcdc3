using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MimeKit;
using PartnerWatch.Config;
using PartnerWatch.Domain;
using PartnerWatch.Tests.Store;
using SkiaSharp;

namespace PartnerWatch.Tests.Alert;

/// <summary>
/// The e-mail as the brand-protection team receives it, from a scan recorded in a real store with real evidence bytes
/// (an SVG logo, a screenshot with a red mark) and delivered through the outbox: what a reader sees and forwards.
/// </summary>
public sealed partial class AlertEmailTests
{
    private const string PageUrl = "https://dongfang.example/partners.html";
    private const string LogoUrl = "https://dongfang.example/img/p3.svg";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly SKColor MarkRed = new(0xe0, 0x00, 0x1b);
    private static readonly byte[] Html = Encoding.UTF8.GetBytes("<html><body><h2>合作伙伴</h2><img src=\"/img/p3.svg\" alt=\"Microsoft\"><p>战略合作伙伴：微软</p></body></html>");
    private static readonly byte[] Svg = Encoding.UTF8.GetBytes(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"46\" height=\"46\" viewBox=\"0 0 46 46\"><rect width=\"21\" height=\"21\" fill=\"#f25022\"/>" +
        "<rect x=\"25\" width=\"21\" height=\"21\" fill=\"#7fba00\"/><rect y=\"25\" width=\"21\" height=\"21\" fill=\"#00a4ef\"/><rect x=\"25\" y=\"25\" width=\"21\" height=\"21\" fill=\"#ffb900\"/></svg>");
    private static readonly MarkBox Mark = new(96, 896, 228, 98);

    [Fact]
    public async Task ReaderSeesWhoShowsWhatWhereAndWhyWithTheLogoAsPngAndNoProgramLanguage()
    {
        await using var harness = await StartAsync();
        await harness.Store.RecordScanAsync(Scan(harness, Screenshot(harness)), None);

        var message = await DispatchAsync(harness);
        var claim = Assert.Single(await harness.Store.ListClaimsAsync(null, 10, None));

        Assert.Equal("[PartnerWatch] 东方视云科技 shows Microsoft's logo, name and a link under \"合作伙伴\" (Partners) on /partners.html; Microsoft does not list it as a partner",
            message.Subject);
        var html = message.HtmlBody!;
        var visible = WebUtility.HtmlDecode(Tags().Replace(html, " "));
        var text = message.TextBody!;
        foreach (var body in new[] { visible, text })
        {
            Assert.Contains("It is shown under the heading \"合作伙伴\" (Partners)", body);
            Assert.Contains("Microsoft's logo (the image is identical to Microsoft's own logo), labelled \"Microsoft\", linking to www.microsoft.com", body);
            Assert.Contains("战略合作伙伴：微软", body);
            Assert.Contains("Confidence", body);
            Assert.Contains("high", body);
            foreach (var programLanguage in new[] { "logo-image", "logo-text", "distance", "threshold", "score", "Claim 1", "Alert 1", "0.97" })
            {
                Assert.DoesNotContain(programLanguage, body);
            }

            Assert.DoesNotMatch(Sha256Hex(), body);
            // The logo was seen three ways (pixels, alt text, a link around it): one line.
            Assert.Single(Regex.Matches(body, Regex.Escape(LogoUrl)));
        }

        Assert.Contains($"href=\"https://partnerwatch.example.org/claims/{claim.Id}\"", html);
        Assert.Contains($"Open the claim in PartnerWatch: https://partnerwatch.example.org/claims/{claim.Id}", text);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(message.BodyParts, p => p.ContentType.MimeType.Contains("svg", StringComparison.OrdinalIgnoreCase));

        var logo = Part(message, "logo");
        Assert.Equal("image/png", logo.ContentType.MimeType);
        Assert.Contains($"cid:{logo.ContentId}", html);
        using var logoBitmap = SKBitmap.Decode(await BytesAsync(logo));
        Assert.True(logoBitmap.Width >= 46, "the 46 px SVG is drawn at least at its own size");
        Assert.Contains(Pixels(logoBitmap), c => c.Red > 200 && c.Green < 120 && c.Blue < 80 && c.Alpha == 255);
    }

    [Fact]
    public async Task ScreenshotCropIsABoundedPngAroundTheMarkTakenFromTheStoredScreenshot()
    {
        await using var harness = await StartAsync();
        var screenshot = Screenshot(harness);
        await harness.Store.RecordScanAsync(Scan(harness, screenshot), None);

        var message = await DispatchAsync(harness);

        var crop = Part(message, "screenshot");
        Assert.Equal("image/png", crop.ContentType.MimeType);
        Assert.Contains($"cid:{crop.ContentId}", message.HtmlBody);
        using var full = SKBitmap.Decode(screenshot.Png);
        using var cropped = SKBitmap.Decode(await BytesAsync(crop));
        Assert.True(cropped.Width < full.Width && cropped.Height < full.Height, $"crop {cropped.Width}x{cropped.Height} of {full.Width}x{full.Height}");
        Assert.True(cropped.Width <= 800 && cropped.Height <= 500, $"crop {cropped.Width}x{cropped.Height}");
        Assert.Contains(Pixels(cropped), c => c == MarkRed);
        // Taken around the mark: the grey band drawn 600 px above it on the page is not in the crop.
        Assert.DoesNotContain(Pixels(cropped), c => c == new SKColor(0x80, 0x80, 0x80));
    }

    [Fact]
    public async Task HashesAreInTheAttachedManifestNotInTheBody()
    {
        await using var harness = await StartAsync();
        var screenshot = Screenshot(harness);
        await harness.Store.RecordScanAsync(Scan(harness, screenshot), None);

        var message = await DispatchAsync(harness);
        var claim = Assert.Single(await harness.Store.ListClaimsAsync(null, 10, None));
        var stored = Assert.Single(await harness.Store.GetEvidenceManifestsAsync(claim.Id, None));

        var attachment = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("manifest.json", attachment.FileName);
        using var json = JsonDocument.Parse(await BytesAsync(attachment));
        Assert.Equal(stored.Sha256, json.RootElement.GetProperty("manifest").GetProperty("sha256").GetString());
        var hashes = json.RootElement.GetProperty("files").EnumerateArray().Select(f => f.TryGetProperty("sha256", out var h) ? h.GetString() : null).ToList();
        Assert.Contains(Hash(Html), hashes);
        Assert.Contains(Hash(Svg), hashes);
        Assert.Contains(Hash(screenshot.Png!), hashes);
        Assert.DoesNotContain(Hash(Html), message.TextBody);
        Assert.DoesNotContain(stored.Sha256, message.TextBody);
        Assert.Contains($"https://partnerwatch.example.org/console/claims/{claim.Id}/evidence/{stored.File}", message.TextBody);
    }

    [Fact]
    public async Task WithoutAScreenshotTheMailSaysWhy()
    {
        await using var harness = await StartAsync();
        var none = new PageScreenshot(PageUrl, harness.Clock.GetUtcNow(), null, "no browser: Fetch:Browser:Enabled is false");
        await harness.Store.RecordScanAsync(Scan(harness, none), None);

        var message = await DispatchAsync(harness);

        Assert.DoesNotContain(message.BodyParts, p => p.ContentType.MediaType == "image" && p.ContentId?.StartsWith("screenshot", StringComparison.Ordinal) == true);
        Assert.Contains("No screenshot: no browser: Fetch:Browser:Enabled is false", message.TextBody);
        Assert.Contains("no browser: Fetch:Browser:Enabled is false", WebUtility.HtmlDecode(message.HtmlBody));
        Assert.Equal("image/png", Part(message, "logo").ContentType.MimeType);
    }

    private static Task<StoreHarness> StartAsync() => StoreHarness.StartAsync(o =>
    {
        o.Sites = [new SiteOptions { Id = "dongfang", Name = "东方视云科技", Url = "https://dongfang.example/" }];
        o.Alerts.PublicBaseUrl = "https://partnerwatch.example.org/";
    });

    private static async Task<MimeMessage> DispatchAsync(StoreHarness harness)
    {
        Assert.Equal(1, (await harness.Dispatcher.DispatchPendingAsync(None)).Sent);
        return await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(harness.OutboxPath, "*.eml")));
    }

    /// <summary>What the detector reports for the SenseNets pattern: the logo by its pixels, its alt text and a link around it, and the name in a sentence.</summary>
    private static SiteScanResult Scan(StoreHarness harness, PageScreenshot screenshot)
    {
        var now = harness.Clock.GetUtcNow();
        const string heading = "heading \"合作伙伴\"";
        return new SiteScanResult("dongfang", "https://dongfang.example/", 1, [],
            [new Claim("microsoft", ClaimStatus.Unverified, 0.97,
            [
                new Evidence(EvidenceKind.LogoImage, PageUrl, "matches logos/microsoft.svg, distance 0/256 (threshold 24); score 0.95", LogoUrl, null, heading, Hash(Svg)),
                new Evidence(EvidenceKind.LogoText, PageUrl, "alt \"Microsoft\" names Microsoft; score 0.80", LogoUrl, "Microsoft", heading),
                new Evidence(EvidenceKind.Link, PageUrl, "linked logo to www.microsoft.com (microsoft.com, Microsoft); score 0.60", LogoUrl, null, heading),
                new Evidence(EvidenceKind.Text, PageUrl, "text names Microsoft (\"微软\"); score 0.70", null, "战略合作伙伴：微软", heading),
            ])])
        {
            StartedAt = now,
            FinishedAt = now,
            FetchedPages = [new FetchedPage(PageUrl, 200, now, Hash(Html), Html.Length, Html)],
            FetchedImages = [new FetchedImage(LogoUrl, Hash(Svg), "image/svg+xml", now, Svg)],
            Screenshots = [screenshot],
        };
    }

    /// <summary>A 1,280 × 2,000 page: a grey band near the top, and far below it the logo outlined in #e0001b as the browser stage draws it.</summary>
    private static PageScreenshot Screenshot(StoreHarness harness)
    {
        using var bitmap = new SKBitmap(1280, 2000);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var grey = new SKPaint { Color = new SKColor(0x80, 0x80, 0x80) };
            canvas.DrawRect(0, 200, 1280, 40, grey);
            using var red = new SKPaint { Color = MarkRed, Style = SKPaintStyle.Stroke, StrokeWidth = 4 };
            canvas.DrawRect(Mark.X + 2, Mark.Y + 2, Mark.Width - 4, Mark.Height - 4, red);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return new PageScreenshot(PageUrl, harness.Clock.GetUtcNow(), data.ToArray(), "1280 px wide, 1 mark(s) outlined in red") { Marks = [Mark] };
    }

    private static MimePart Part(MimeMessage message, string contentIdPrefix) =>
        Assert.Single(message.BodyParts.OfType<MimePart>(), p => p.ContentId?.StartsWith(contentIdPrefix + "-", StringComparison.Ordinal) == true);

    private static async Task<byte[]> BytesAsync(MimePart part)
    {
        using var stream = new MemoryStream();
        await part.Content!.DecodeToAsync(stream);
        return stream.ToArray();
    }

    private static IEnumerable<SKColor> Pixels(SKBitmap bitmap)
    {
        for (var y = 0; y < bitmap.Height; y++)
        for (var x = 0; x < bitmap.Width; x++)
            yield return bitmap.GetPixel(x, y);
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("[0-9a-f]{64}")]
    private static partial Regex Sha256Hex();
}
