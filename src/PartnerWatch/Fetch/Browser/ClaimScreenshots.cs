using Microsoft.Extensions.Logging;
using PartnerWatch.Config;
using PartnerWatch.Domain;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace PartnerWatch.Fetch.Browser;

/// <summary>
/// Screenshot evidence: each page that carries a claim, as a visitor sees it (viewport <see cref="ViewportWidth"/> px,
/// height capped at <see cref="MaxHeight"/> px around the first mark), with the claimed logo or name outlined in red.
/// Taken on the pooled browser after the scan and before it is recorded, so the PNG is stored with the scan's evidence
/// and its SHA-256 is in the manifest. Without a browser, or when a page cannot be shot, the evidence says why; the
/// claim is recorded and alerted all the same.
/// </summary>
public sealed partial class ClaimScreenshots
{
    public const int ViewportWidth = 1280;
    public const int ViewportHeight = 800;
    public const int MaxHeight = 3000;
    /// <summary>Pages shot per site scan; a site with claims on many pages gets the first ones (by evidence order).</summary>
    public const int MaxPagesPerScan = 4;

    /// <summary>In the note of a screenshot on which the mark was not found (so it has no mark positions, rightly).</summary>
    public const string NothingOutlined = "nothing outlined";

    private readonly BrowserPool _pool;
    private readonly PartnerWatchOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ClaimScreenshots> _logger;
    private readonly IScreenshotHistory? _history;
    private int _taken;

    internal ClaimScreenshots(BrowserPool pool, PartnerWatchOptions options, TimeProvider time, ILogger<ClaimScreenshots> logger, IScreenshotHistory? history = null)
    {
        _pool = pool;
        _options = options;
        _time = time;
        _logger = logger;
        _history = history;
    }

    /// <summary>Browser shots taken so far (tests prove an unchanged page is not shot again).</summary>
    internal int Taken => Volatile.Read(ref _taken);

    /// <summary>The result with <see cref="SiteScanResult.Screenshots"/> of its claim pages (or the reason there are none).</summary>
    public async Task<SiteScanResult> AttachAsync(SiteScanResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var pages = (result.Claims ?? [])
            .SelectMany(c => (c.Evidence ?? []).Select(e => (Claim: c, Evidence: e)))
            .GroupBy(x => x.Evidence.PageUrl, StringComparer.Ordinal)
            .Take(MaxPagesPerScan)
            .ToList();
        if (pages.Count == 0) return result;

        var previous = await LastShotsAsync(result.Site, cancellationToken).ConfigureAwait(false);
        var shots = new List<PageScreenshot>();
        foreach (var page in pages)
        {
            var marks = Marks(page.Select(x => x.Evidence), page.Select(x => x.Claim.Brand).Distinct(StringComparer.Ordinal), _options.Brands);
            if (previous.TryGetValue(page.Key, out var last) && await ReuseAsync(last, result, marks, cancellationToken).ConfigureAwait(false) is { } reused)
            {
                shots.Add(reused);
                continue;
            }
            try
            {
                shots.Add(await ShootAsync(page.Key, marks, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Evidence is worth a lot, the alert more: whatever went wrong with the browser, the claim is recorded.
                LogFailed(page.Key, e.Message);
                shots.Add(new PageScreenshot(page.Key, _time.GetUtcNow(), null, "no screenshot: " + FirstLine(e.Message)));
            }
        }

        return result with { Screenshots = shots };
    }

    private async Task<IReadOnlyDictionary<string, StoredScreenshot>> LastShotsAsync(string siteId, CancellationToken cancellationToken)
    {
        if (_history is null) return new Dictionary<string, StoredScreenshot>();
        try
        {
            return await _history.LastShotsAsync(siteId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Reuse saves a browser page; without the history every page is simply shot.
            LogHistoryFailed(siteId, e.Message);
            return new Dictionary<string, StoredScreenshot>();
        }
    }

    /// <summary>The stored screenshot as this scan's, when nothing it shows has changed; else null (and why, in the log).</summary>
    private async Task<PageScreenshot?> ReuseAsync(StoredScreenshot last, SiteScanResult result, PageMarks marks, CancellationToken cancellationToken)
    {
        var page = (result.FetchedPages ?? []).FirstOrDefault(p => SameUrl(p.Url, last.PageUrl));
        var why = ScreenshotReuse.WhyRetake(last, page, marks, result.FetchedImages ?? [], _time.GetUtcNow());
        if (why is null)
        {
            try
            {
                if (await _history!.ReadAsync(last.Sha256, cancellationToken).ConfigureAwait(false) is { } png)
                {
                    LogReused(last.PageUrl, last.Sha256, last.TakenAt);
                    return ScreenshotReuse.Reused(last, png);
                }
                why = "the stored one is no longer in the evidence store";
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                why = "the stored one could not be read: " + e.Message;
            }
        }
        LogRetaking(last.PageUrl, why);
        return null;
    }

    private static bool SameUrl(string a, string b) =>
        string.Equals(a, b, StringComparison.Ordinal)
        || (Uri.TryCreate(a, UriKind.Absolute, out var x) && Uri.TryCreate(b, UriKind.Absolute, out var y)
            && x.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped) == y.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped));

    /// <summary>Loads <paramref name="pageUrl"/>, outlines the marks and returns the PNG, or the reason there is none.</summary>
    public async Task<PageScreenshot> ShootAsync(string pageUrl, PageMarks marks, CancellationToken cancellationToken)
    {
        var takenAt = _time.GetUtcNow();
        if (_pool.Unavailable is { } unavailable)
            return new PageScreenshot(pageUrl, takenAt, null, "no screenshot: " + unavailable);
        if (!Uri.TryCreate(pageUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            return new PageScreenshot(pageUrl, takenAt, null, "no screenshot: not an http(s) page");

        try
        {
            var (png, outlined, loaded, boxes) = await _pool.UseAsync(async (page, token) =>
            {
                await page.SetViewportAsync(new ViewPortOptions { Width = ViewportWidth, Height = ViewportHeight }).ConfigureAwait(false);
                // Half the budget for loading: a page whose last image or script never arrives is shot as it stands.
                var loadBudget = _options.Fetch.Browser.Timeout / 2;
                var complete = true;
                try
                {
                    await page.GoToAsync(url.AbsoluteUri, new NavigationOptions
                    {
                        WaitUntil = [WaitUntilNavigation.Load],
                        Timeout = (int)Math.Min(int.MaxValue, loadBudget.TotalMilliseconds),
                    }).WaitAsync(token).ConfigureAwait(false);
                }
                catch (Exception e) when (IsLoadTimeout(e) && !token.IsCancellationRequested)
                {
                    complete = false;
                }
                if (GuardedForwardProxy.RefusalIn(await page.GetContentAsync().WaitAsync(token).ConfigureAwait(false)) is { } refusal)
                    throw new RenderFailedException($"browser could not load the page: {refusal}");
                var box = await page.EvaluateFunctionAsync<MarkedArea>(OutlineScript, marks.ImageUrls, marks.Names, MaxHeight).WaitAsync(token).ConfigureAwait(false);
                var bytes = await page.ScreenshotDataAsync(new ScreenshotOptions
                {
                    Type = ScreenshotType.Png,
                    CaptureBeyondViewport = true,
                    Clip = new Clip { X = 0, Y = box.Top, Width = ViewportWidth, Height = Math.Max(1, box.Height) },
                }).WaitAsync(token).ConfigureAwait(false);
                return (bytes, box.Outlined, complete, box.Boxes);
            }, cancellationToken).ConfigureAwait(false);

            var note = outlined > 0
                ? $"{ViewportWidth} px wide, {outlined} mark(s) outlined in red"
                : $"{ViewportWidth} px wide; the mark was not found on the rendered page, {NothingOutlined}";
            if (!loaded) note += $"; the page was still loading after {WebFetcher.Seconds(_options.Fetch.Browser.Timeout / 2)}";
            Interlocked.Increment(ref _taken);
            LogShot(pageUrl, png.Length, outlined);
            return new PageScreenshot(pageUrl, takenAt, png, note)
            {
                Marks = boxes.Select(b => new MarkBox(b.X, b.Y, Math.Min(b.Width, ViewportWidth - b.X), b.Height)).Where(b => b.Width > 0 && b.Height > 0).ToList(),
            };
        }
        catch (RenderFailedException e)
        {
            LogFailed(pageUrl, e.Message);
            return new PageScreenshot(pageUrl, takenAt, null, "no screenshot: " + e.Message);
        }
        catch (Exception e) when (e is PuppeteerException or TimeoutException or NavigationException && !cancellationToken.IsCancellationRequested)
        {
            LogFailed(pageUrl, e.Message);
            return new PageScreenshot(pageUrl, takenAt, null, "no screenshot: " + FirstLine(e.Message));
        }
    }

    /// <summary>What to outline on a page: the matched images, and the brand's names where text was the evidence.</summary>
    internal static PageMarks Marks(IEnumerable<Evidence> evidence, IEnumerable<string> brandIds, IReadOnlyList<BrandOptions> brands)
    {
        var list = evidence.ToList();
        var images = list.Where(e => e.ImageUrl is not null).Select(e => e.ImageUrl!).Distinct(StringComparer.Ordinal).Take(20).ToArray();
        var names = brandIds
            .Select(id => brands.FirstOrDefault(b => string.Equals(b.Id, id, StringComparison.OrdinalIgnoreCase)))
            .Where(b => b is not null)
            .SelectMany(b => new[] { b!.Name }.Concat(b.Aliases))
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(n => n.Length)
            .Take(20)
            .ToArray();
        return new PageMarks(images, names);
    }

    /// <summary>A navigation that ran out of time (the page itself answered, something on it did not finish).</summary>
    private static bool IsLoadTimeout(Exception e) =>
        e is TimeoutException || e.InnerException is TimeoutException
        || (e is NavigationException && e.Message.Contains("Timeout", StringComparison.OrdinalIgnoreCase));

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    /// <summary>
    /// Outlines matched images (by resolved URL), then elements whose alt/title/aria-label or own text names the brand,
    /// at most 8 marks; returns the band of the page to capture: from the top, or around the first mark when the page is
    /// taller than the cap. Runs in the scanned page, so it only reads and sets styles.
    /// </summary>
    private const string OutlineScript = """
        (imageUrls, names, maxHeight) => {
          const wanted = new Set(imageUrls);
          const lower = names.map(n => n.toLowerCase());
          const marked = [];
          const mark = el => {
            if (!el || marked.includes(el) || marked.length >= 8) return;
            const r = el.getBoundingClientRect();
            if (r.width < 2 || r.height < 2) return;
            el.style.setProperty('outline', '4px solid #e0001b', 'important');
            el.style.setProperty('outline-offset', '3px', 'important');
            marked.push(el);
          };
          for (const img of document.querySelectorAll('img, image, input[type=image]')) {
            const src = img.currentSrc || img.src || (img.href && img.href.baseVal) || '';
            if (wanted.has(src)) mark(img);
          }
          if (marked.length === 0) {
            for (const el of document.querySelectorAll('img[alt], svg[aria-label], [title], [aria-label]')) {
              const label = ((el.getAttribute('alt') || '') + ' ' + (el.getAttribute('title') || '') + ' ' + (el.getAttribute('aria-label') || '')).toLowerCase();
              if (lower.some(n => label.includes(n))) mark(el);
            }
          }
          if (marked.length === 0) {
            const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
            while (walker.nextNode() && marked.length < 4) {
              const text = walker.currentNode.nodeValue.toLowerCase();
              if (lower.some(n => text.includes(n))) mark(walker.currentNode.parentElement);
            }
          }
          const doc = document.scrollingElement || document.documentElement;
          const total = Math.max(doc.scrollHeight, document.body ? document.body.scrollHeight : 0, window.innerHeight);
          let top = 0;
          if (total > maxHeight && marked.length > 0) {
            const first = marked[0].getBoundingClientRect().top + window.scrollY;
            top = Math.max(0, Math.min(total - maxHeight, first - 200));
          }
          const height = Math.floor(Math.min(total, maxHeight));
          // Each mark's box in the screenshot's pixels (outline and its offset included), for the e-mail's crop.
          // Layout positions are fractional: round outwards, and one pixel more for the outline's anti-aliased edge.
          const boxes = marked.map(el => {
            const r = el.getBoundingClientRect();
            const x = Math.max(0, Math.floor(r.left + window.scrollX - 8));
            const y = Math.max(0, Math.floor(r.top + window.scrollY - 8 - top));
            const right = Math.ceil(r.right + window.scrollX + 8);
            const bottom = Math.ceil(r.bottom + window.scrollY + 8 - top);
            return { x, y, width: right - x, height: Math.min(bottom, height) - y };
          }).filter(b => b.y < height && b.height > 0);
          return { top: Math.floor(top), height, outlined: marked.length, boxes };
        }
        """;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Screenshot of {PageUrl}: {Bytes} bytes, {Marks} marks outlined")]
    private partial void LogShot(string pageUrl, int bytes, int marks);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Screenshot of {PageUrl} not retaken: unchanged since {TakenAt}, stored as {Sha256}")]
    private partial void LogReused(string pageUrl, string sha256, DateTimeOffset takenAt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Screenshot of {PageUrl} taken again: {Reason}")]
    private partial void LogRetaking(string pageUrl, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored screenshots of {Site} could not be read, so every claim page is shot: {Reason}")]
    private partial void LogHistoryFailed(string site, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No screenshot of {PageUrl}: {Reason}")]
    private partial void LogFailed(string pageUrl, string reason);

    internal sealed class MarkedArea
    {
        [System.Text.Json.Serialization.JsonPropertyName("top")] public int Top { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("height")] public int Height { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("outlined")] public int Outlined { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("boxes")] public List<MarkedBox> Boxes { get; set; } = [];
    }

    internal sealed class MarkedBox
    {
        [System.Text.Json.Serialization.JsonPropertyName("x")] public int X { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("y")] public int Y { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("width")] public int Width { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("height")] public int Height { get; set; }
    }
}

/// <param name="ImageUrls">Absolute URLs of matched images.</param>
/// <param name="Names">The brand's name and aliases, longest first.</param>
public sealed record PageMarks(IReadOnlyList<string> ImageUrls, IReadOnlyList<string> Names);
