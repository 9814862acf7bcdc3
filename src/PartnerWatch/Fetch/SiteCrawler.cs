using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Logging;
using PartnerWatch.Config;
using PartnerWatch.Fetch.Browser;
using PartnerWatch.Domain;
using PartnerWatch.Telemetry;

namespace PartnerWatch.Fetch;

/// <summary>
/// Fetches a site's start page and the same-site pages likely to show partners, within the page cap.
/// Candidates are ranked by keywords in link text and URL (<see cref="PartnerPageKeywords"/>), best first;
/// pages found from the start page may add their own partner-like links (depth ≤ 2).
/// A page that builds its content with scripts is rendered in a headless browser (<c>Fetch:Browser</c>) and the
/// rendered DOM replaces the static parse, for detection and for finding links.
/// </summary>
public sealed partial class SiteCrawler(
    WebFetcher fetcher, IPageRenderer renderer, PartnerWatchOptions options, TimeProvider time, ILogger<SiteCrawler> logger,
    Robots.RobotsTxtCache robots, RememberedPages remembered, Telemetry.PartnerWatchMetrics? metrics = null)
{
    private const int MaxDepth = 2;
    /// <summary>Bounds the work spent on a page with a huge number of links.</summary>
    private const int MaxLinksPerPage = 2000;

    private static readonly HashSet<string> NonHtmlExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".pdf", ".zip", ".gz", ".tgz", ".rar", ".7z", ".exe", ".dmg", ".msi", ".apk", ".iso",
        ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".csv", ".txt", ".rtf",
        ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".ico", ".bmp", ".tif", ".tiff", ".avif",
        ".mp3", ".mp4", ".m4a", ".mov", ".avi", ".webm", ".wav", ".ogg",
        ".css", ".js", ".json", ".xml", ".rss", ".atom", ".woff", ".woff2", ".ttf", ".eot",
    };

    /// <param name="Probe">A footer link without partner words, fetched only with budget the keyword links left (<see cref="FooterProbes"/>).</param>
    private sealed record Candidate(Uri Url, int Score, int Depth, int Order, bool Probe = false);

    public IAsyncEnumerable<CrawlStep> CrawlAsync(Uri start, CancellationToken cancellationToken) =>
        CrawlAsync(start, CrawlOptions.Default, cancellationToken);

    /// <summary>
    /// Crawls from <paramref name="start"/>. Pages robots.txt disallows are not fetched (a disallowed start page is an
    /// error step that says so) unless <see cref="CrawlOptions.IgnoreRobots"/>.
    /// </summary>
    public async IAsyncEnumerable<CrawlStep> CrawlAsync(Uri start, CrawlOptions crawl,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(crawl);
        var fetch = options.Fetch;
        var startUrl = WebFetcher.WithoutFragment(start);
        var seen = new HashSet<Uri> { startUrl };
        var pages = new HashSet<Uri>();
        var queue = new List<Candidate>();
        var order = 0;
        var fetched = 0;
        using var context = BrowsingContext.New(Configuration.Default);
        var linked = new LinkedFiles(Math.Max(1, fetch.MaxPagesPerSite));

        var candidate = new Candidate(startUrl, int.MaxValue, 0, order++);
        while (candidate is not null && fetched < Math.Max(1, fetch.MaxPagesPerSite))
        {
            if (!crawl.IgnoreRobots && await RobotsRefusalAsync(candidate.Url, cancellationToken).ConfigureAwait(false) is { } refusal)
            {
                // A page the site asks robots not to fetch is not fetched and not counted; without the start page there is no scan.
                LogDisallowed(candidate.Url, refusal.Rule);
                if (candidate.Url == startUrl)
                {
                    // robots.txt unreachable: its failure ("host not found: …", "HTTP 503 …") is what the operator needs to read.
                    yield return new CrawlStep(null, new ScanError(candidate.Url.ToString(), refusal.Failure
                        ?? $"not fetched: robots.txt disallows it ({refusal.Rule}); set the site's IgnoreRobots only if its owner agrees"));
                    yield break;
                }
                candidate = TakeBest(queue);
                continue;
            }

            fetched++;
            var outcome = await FetchPageAsync(startUrl, candidate.Url, context, crawl, linked, cancellationToken).ConfigureAwait(false);
            if (candidate.Probe && outcome.Unchanged is null && (outcome.Page is not { } probed || !FooterProbes.TitledAsPartnerPage(probed.Document)))
            {
                // A footer page whose title and first heading carry no partner word is not scanned, and a broken footer
                // link is the site's business, not a scan error: the probe only spent budget the keyword links left.
                LogProbeDropped(candidate.Url);
                outcome.Page?.Document.Dispose();
                if (outcome.Url is { } probedUrl) seen.Add(probedUrl);
                candidate = TakeBest(queue);
                continue;
            }
            // Two links can redirect to one page; report it once.
            if (outcome.Url is { } fetchedUrl && !pages.Add(fetchedUrl))
            {
                outcome.Page?.Document.Dispose();
                outcome = new PageOutcome(null, []);
            }
            foreach (var step in outcome.Steps) yield return step;

            if (outcome.Url is not { } pageUrl)
            {
                if (candidate.Depth == 0 && pages.Count == 0) yield break; // nothing to crawl from
            }
            else
            {
                seen.Add(pageUrl);
                queue.RemoveAll(c => c.Url == pageUrl);
                var (refresh, links) = outcome.Page is { } page ? (page.RefreshTarget, page.Links) : (outcome.Unchanged!.RefreshTarget, outcome.Unchanged.Links);
                if (candidate.Depth < MaxDepth)
                    foreach (var link in PartnerLinks(refresh, links, startUrl, candidate))
                        if (seen.Add(link.Url)) queue.Add(link with { Order = order++ });
                // The crawler owns the parsed page: consumers use it during their step, links are read after it.
                outcome.Page?.Document.Dispose();
            }

            candidate = TakeBest(queue);
        }
        LogCrawled(startUrl, fetched);
    }

    private static Candidate? TakeBest(List<Candidate> queue)
    {
        if (queue.Count == 0) return null;
        var best = queue
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Depth)
            .ThenBy(c => c.Order)
            .First();
        queue.Remove(best);
        return best;
    }

    private sealed record PageOutcome(CrawledPage? Page, IReadOnlyList<CrawlStep> Steps, RememberedPage? Unchanged = null)
    {
        public Uri? Url => Page?.Url ?? Unchanged?.Url;
    }

    /// <summary>Null when robots.txt lets us fetch <paramref name="url"/>, else the deciding rule and where it came from.</summary>
    private async Task<(string Rule, string? Failure)?> RobotsRefusalAsync(Uri url, CancellationToken cancellationToken)
    {
        var rules = await robots.RulesForAsync(url, fetcher, cancellationToken).ConfigureAwait(false);
        return rules.Allows(url, out var rule) ? null : ($"{rule}; {rules.Source}", rules.Failure);
    }

    private async Task<PageOutcome> FetchPageAsync(Uri startUrl, Uri url, IBrowsingContext context, CrawlOptions crawl, LinkedFiles linked, CancellationToken cancellationToken)
    {
        var fetch = options.Fetch;
        var generation = fetch.ConditionalRequests && fetch.Browser.Mode != BrowserMode.Always ? crawl.Generation : null;
        var rules = new WebFetcher.FetchRules(fetch.MaxBodyBytes, TruncateOverCap: true)
        {
            MayRedirectTo = target => SameSite(startUrl, target),
            AcceptsContentType = IsHtmlContentType,
            Remembered = generation is null ? null : hop => remembered.Find(generation, hop),
        };
        try
        {
            var resource = await fetcher.FetchAsync(url, rules, cancellationToken).ConfigureAwait(false);
            if (resource.NotModified)
            {
                if (remembered.Find(generation!, resource.Url) is { } unchanged)
                {
                    LogNotModified(resource.Url);
                    return new(null, [new(null, null) { Unchanged = unchanged }, .. unchanged.Notes.Select(n => new CrawlStep(null, new ScanError(url.ToString(), n)))], unchanged);
                }
                // Forgotten between the request and now (the cache is shared): ask again without validators.
                resource = await fetcher.FetchAsync(url, rules with { Remembered = null }, cancellationToken).ConfigureAwait(false);
            }
            var decoded = HtmlDecoder.Decode(resource.Body, resource.Charset);
            var text = decoded.Text;
            var safeLength = HtmlNestingGuard.SafeLength(text);
            if (safeLength < text.Length) text = text[..safeLength];
            var document = await ParseAsync(context, resource.Url, text, cancellationToken).ConfigureAwait(false);
            var fetchedAt = time.GetUtcNow();
            List<CrawlStep> notes = [];
            if (safeLength < decoded.Text.Length)
                notes.Add(new(null, new ScanError(url.ToString(), $"elements nested more than {HtmlNestingGuard.MaxDepth} deep; page cut there")));
            if (resource.Truncated)
                notes.Add(new(null, new ScanError(url.ToString(), $"body larger than {fetch.MaxBodyBytes} bytes, truncated")));

            byte[]? renderedHtml = null;
            if (ShouldRender(document))
            {
                if (await RenderAsync(context, resource.Url, notes, cancellationToken).ConfigureAwait(false) is var (dom, html))
                {
                    document.Dispose();
                    document = dom;
                    renderedHtml = html;
                }
            }
            var (refresh, links) = ReadLinks(document, resource.Url);
            // After the links are read: what a stylesheet or sprite file holds draws logos, it does not lead the crawl.
            await AddLinkedFilesAsync(document, startUrl, linked, crawl, cancellationToken).ConfigureAwait(false);
            var page = new CrawledPage(resource.Url, resource.StatusCode, fetchedAt, document, resource.Body, decoded.Charset, renderedHtml)
            {
                ETag = resource.ETag,
                LastModified = resource.LastModified,
                Links = links,
                RefreshTarget = refresh,
                Notes = notes.Select(n => n.Error!.Message).ToList(),
                RememberAs = renderedHtml is null && (resource.ETag is not null || resource.LastModified is not null) ? generation : null,
            };
            return new(page, [new(page, null), .. notes]);
        }
        catch (FetchFailedException e)
        {
            return new(null, [new(null, new ScanError(url.ToString(), e.Message))]);
        }
        catch (Exception e) when (e is not OperationCanceledException and not WebFetcher.UnwantedContentException)
        {
            // A bug or a pathological page must cost one page, not the whole scan.
            LogUnexpected(e, url);
            return new(null, [new(null, new ScanError(url.ToString(), $"unexpected error: {e.Message}"))]);
        }
        catch (WebFetcher.UnwantedContentException e)
        {
            LogSkipped(e.Url, e.Message);
            // The start page must be HTML for the scan to mean anything; other non-HTML links are just skipped.
            return new(null, url == startUrl ? [new(null, new ScanError(url.ToString(), e.Message))] : []);
        }
    }

    private bool ShouldRender(IDocument document) => options.Fetch.Browser.Mode switch
    {
        BrowserMode.Never => false,
        BrowserMode.Always => renderer.IsAvailable,
        _ => renderer.IsAvailable && ScriptBuiltPage.Looks(document),
    };

    /// <summary>
    /// The DOM after scripts ran, parsed and as serialized (UTF-8), or null (with a note in <paramref name="notes"/>)
    /// when the static parse must do.
    /// </summary>
    private async Task<(IDocument Document, byte[] Html)?> RenderAsync(IBrowsingContext context, Uri url, List<CrawlStep> notes, CancellationToken cancellationToken)
    {
        try
        {
            var dom = await renderer.RenderAsync(url, cancellationToken).ConfigureAwait(false);
            var html = dom.Html;
            var safeLength = HtmlNestingGuard.SafeLength(html);
            if (safeLength < html.Length)
            {
                html = html[..safeLength];
                notes.Add(new(null, new ScanError(url.ToString(), $"rendered page: elements nested more than {HtmlNestingGuard.MaxDepth} deep; page cut there")));
            }
            if (dom.Truncated)
                notes.Add(new(null, new ScanError(url.ToString(), $"rendered page larger than {options.Fetch.MaxBodyBytes} bytes, truncated")));
            LogRendered(url, dom.Elapsed);
            metrics?.BrowserRendered();
            return (await ParseAsync(context, url, html, cancellationToken).ConfigureAwait(false), System.Text.Encoding.UTF8.GetBytes(html));
        }
        catch (RenderFailedException e)
        {
            notes.Add(new(null, new ScanError(url.ToString(), $"not rendered: {e.Message}; the page was analysed as served")));
            return null;
        }
    }

    private static async Task<IDocument> ParseAsync(IBrowsingContext context, Uri url, string html, CancellationToken cancellationToken)
    {
        // The text is already decoded; declaring UTF-8 keeps AngleSharp from re-interpreting it after a <meta charset>.
        // The address makes relative URLs (img src, a href, <base href>) resolve against the page.
        var document = await context.OpenAsync(
            response => response.Content(html).Address(url).Header("Content-Type", "text/html; charset=utf-8"),
            cancellationToken).ConfigureAwait(false);
        return document;
    }

    private static IEnumerable<Candidate> PartnerLinks(Uri? refresh, IReadOnlyList<PageLink> links, Uri startUrl, Candidate parent)
    {
        // Some start pages are only a <meta http-equiv="refresh"> to the real home page; follow it first.
        if (parent.Depth == 0 && refresh is not null && SameSite(startUrl, refresh))
            yield return new Candidate(refresh, int.MaxValue - 1, 0, 0);

        var probes = 0;
        // A start page whose links name no partner-like page at all: only then are its menu's "Community" links tried.
        var namesNoPartnerPage = !links.Any(l => l.Score > 0);
        foreach (var link in links)
        {
            if (!SameSite(startUrl, link.Target)) continue;
            var score = link.Score;
            if (FooterProbes.IsProbe(link))
            {
                // Only the start page's footer, and only a few: a probe costs a fetch whatever the page turns out to be.
                if (parent.Depth == 0)
                {
                    if (FooterProbes.IsMenuProbe(link) && !namesNoPartnerPage) continue;
                    if (probes++ < FooterProbes.MaxPerSite) yield return new Candidate(link.Target, 0, 1, 0, Probe: true);
                    continue;
                }
                score = 0; // on a deeper page it is an ordinary link (followed only when under a partner page)
            }
            // Sub-pages of a partner page (e.g. /partners/technology) are worth a look even without keywords.
            if (score == 0 && parent.Depth > 0 && parent.Score > 0 && link.UnderPage)
                score = 1;
            if (score > 0) yield return new Candidate(link.Target, score, parent.Depth + 1, 0);
        }
    }

    /// <summary>
    /// The page's links that may ever become candidates (same-site HTML links with partner keywords, or under the page),
    /// read once from the DOM so that a page answered 304 next time can be crawled from without its bytes.
    /// </summary>
    private static (Uri? Refresh, IReadOnlyList<PageLink> Links) ReadLinks(IDocument document, Uri pageUrl)
    {
        var links = new List<PageLink>();
        var footer = new List<PageLink>();
        var menu = new List<PageLink>();
        var pagePath = pageUrl.AbsolutePath.TrimEnd('/') + "/";
        foreach (var anchor in document.QuerySelectorAll("a[href], area[href]").Take(MaxLinksPerPage))
        {
            if (!TryResolve(document, anchor.GetAttribute("href"), out var target)) continue;
            if (!SameSite(pageUrl, target) || LooksNonHtml(target)) continue;

            var text = string.Join(' ', anchor.TextContent, anchor.GetAttribute("title"), anchor.GetAttribute("aria-label"),
                (anchor as IHtmlAnchorElement)?.QuerySelector("img")?.GetAttribute("alt"));
            var score = PartnerPageKeywords.Score(text) * 2 + PartnerPageKeywords.Score(Uri.UnescapeDataString(target.AbsolutePath));
            var underPage = target.AbsolutePath.StartsWith(pagePath, StringComparison.Ordinal);
            if (score == 0 && target != pageUrl && FooterProbes.IsFooterProbe(anchor, text, target)) footer.Add(FooterProbes.Link(target, underPage));
            else if (score == 0 && target != pageUrl && FooterProbes.IsMenuProbe(anchor, text, target)) menu.Add(FooterProbes.MenuLink(target, underPage));
            else if (score > 0 || underPage) links.Add(new PageLink(target, score, underPage));
        }
        // Footer probes go last, in the footer's order, then menu probes.
        links.AddRange(footer.DistinctBy(l => l.Target));
        links.AddRange(menu.DistinctBy(l => l.Target).Where(m => links.All(l => l.Target != m.Target)));
        return (MetaRefreshTarget(document), links);
    }

    private static Uri? MetaRefreshTarget(IDocument document)
    {
        foreach (var meta in document.QuerySelectorAll("meta[http-equiv]"))
        {
            if (!string.Equals(meta.GetAttribute("http-equiv")?.Trim(), "refresh", StringComparison.OrdinalIgnoreCase)) continue;
            var content = meta.GetAttribute("content") ?? "";
            var at = content.IndexOf("url=", StringComparison.OrdinalIgnoreCase);
            if (at < 0) continue;
            var href = content[(at + 4)..].Trim().Trim('"', '\'');
            if (TryResolve(document, href, out var target)) return target;
        }
        return null;
    }

    private static bool TryResolve(IDocument document, string? href, out Uri target)
    {
        target = null!;
        href = href?.Trim();
        if (string.IsNullOrEmpty(href) || href.StartsWith('#')) return false;
        // document.BaseUri honours <base href>; AngleSharp resolves it against the page address.
        var baseUrl = Uri.TryCreate(document.BaseUri, UriKind.Absolute, out var b) ? b : null;
        if (baseUrl is null || !Uri.TryCreate(baseUrl, href, out var resolved)) return false;
        if (resolved.Scheme != Uri.UriSchemeHttp && resolved.Scheme != Uri.UriSchemeHttps) return false;
        target = WebFetcher.WithoutFragment(resolved);
        return true;
    }

    /// <summary>Same host ignoring a leading <c>www.</c>; ports must match unless both are the scheme defaults.</summary>
    internal static bool SameSite(Uri start, Uri target)
    {
        static string Host(Uri u) => u.IdnHost.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? u.IdnHost[4..] : u.IdnHost;
        if (!string.Equals(Host(start), Host(target), StringComparison.OrdinalIgnoreCase)) return false;
        return (start.IsDefaultPort && target.IsDefaultPort) || start.Port == target.Port;
    }

    private static bool LooksNonHtml(Uri url) => NonHtmlExtensions.Contains(Path.GetExtension(url.AbsolutePath));

    private static bool IsHtmlContentType(string? mediaType) =>
        mediaType is null
        || mediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)
        || mediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unexpected error while fetching {Url}")]
    private partial void LogUnexpected(Exception exception, Uri url);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rendered {Url} in a browser in {Elapsed}")]
    private partial void LogRendered(Uri url, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Skipped {Url}: {Reason}")]
    private partial void LogSkipped(Uri url, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Not fetching {Url}: robots.txt disallows it ({Rule})")]
    private partial void LogDisallowed(Uri url, string rule);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Url} not modified (304): its earlier findings stand")]
    private partial void LogNotModified(Uri url);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Footer page {Url} not scanned: its title and first heading name no partner page")]
    private partial void LogProbeDropped(Uri url);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Crawled {Site}: {Pages} fetches")]
    private partial void LogCrawled(Uri site, int pages);
}
