using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.Extensions.Logging;

namespace PartnerWatch.Fetch;

/// <summary>
/// The first-party files a page draws its logos from without naming them in its markup: stylesheets linked with
/// <c>&lt;link rel="stylesheet"&gt;</c> (a sponsor wall of <c>&lt;span class="logo-acme"&gt;</c> whose pictures are CSS
/// backgrounds) and SVG sprite files (<c>&lt;svg&gt;&lt;use href="/sponsor-icons.svg#acme"&gt;</c>). They are fetched once per
/// crawl, same-site only, within their own budget and size cap, and written into the parsed page — a stylesheet's
/// background rules as a <c>&lt;style&gt;</c> block with absolute URLs, a sprite's used symbols as a hidden inline
/// <c>&lt;svg&gt;</c> the <c>&lt;use&gt;</c> then points into — so detection reads them like the page's own markup. The bytes
/// kept as evidence stay the page as served.
/// </summary>
public sealed partial class SiteCrawler
{
    /// <summary>Stylesheets and sprite files read per page (the first ones in document order).</summary>
    internal const int MaxLinkedFilesPerPage = 4;
    /// <summary>A stylesheet or sprite file larger than this is not read (framework bundles; a sprite of logos is small).</summary>
    internal const long MaxLinkedFileBytes = 512 * 1024;
    /// <summary>Background rules kept from one stylesheet; the rest is layout, fonts and colours.</summary>
    internal const int MaxKeptCssChars = 100_000;
    private const int MaxUsesPerPage = 500;
    private const int MaxSymbolChars = 100_000;

    /// <summary>Attribute that marks what the crawler added to a page, with the file it came from.</summary>
    internal const string AddedFromAttribute = "data-partnerwatch-from";

    /// <summary>
    /// The linked files of one crawl: each fetched at most once (a site-wide stylesheet serves every page), at most
    /// <paramref name="budget"/> fetches in all, so linked files never take a page's place in <c>Fetch:MaxPagesPerSite</c>.
    /// </summary>
    private sealed class LinkedFiles(int budget)
    {
        public Dictionary<Uri, string?> Texts { get; } = new();
        public int Remaining { get; set; } = budget;
    }

    private async Task AddLinkedFilesAsync(IDocument document, Uri startUrl, LinkedFiles files, CrawlOptions crawl, CancellationToken cancellationToken)
    {
        if (files.Remaining <= 0 && files.Texts.Count == 0) return;
        var baseUrl = Uri.TryCreate(document.BaseUri, UriKind.Absolute, out var b) ? b : null;
        if (baseUrl is null) return;

        var sheets = new Queue<(Uri Url, bool Imported)>(StyleSheetsOf(document, baseUrl, startUrl).Take(MaxLinkedFilesPerPage).Select(u => (u, false)));
        var read = 0;
        while (sheets.TryDequeue(out var next) && read++ < MaxLinkedFilesPerPage)
        {
            var sheet = next.Url;
            if (await TextOfAsync(sheet, startUrl, IsCss, files, crawl, cancellationToken).ConfigureAwait(false) is not { } css) continue;
            if (!next.Imported)
            {
                // A site's main sheet often only @imports its parts; one level of them is read, same-site, in the same caps.
                foreach (var imported in ImportsOf(css, sheet).Where(u => SameSite(startUrl, u)).Take(MaxLinkedFilesPerPage)) sheets.Enqueue((imported, true));
            }
            var kept = BackgroundRules(css, sheet);
            if (kept.Length == 0) continue;
            var style = document.CreateElement("style");
            style.SetAttribute(AddedFromAttribute, sheet.AbsoluteUri);
            style.TextContent = kept;
            (document.Head ?? document.DocumentElement)?.AppendChild(style);
        }

        var uses = SpriteUsesOf(document, baseUrl, startUrl);
        foreach (var (file, users) in uses.Take(MaxLinkedFilesPerPage))
        {
            if (await TextOfAsync(file, startUrl, IsSvg, files, crawl, cancellationToken).ConfigureAwait(false) is not { } svg) continue;
            AddSymbols(document, file, svg, users);
        }
    }

    private static IEnumerable<Uri> StyleSheetsOf(IDocument document, Uri baseUrl, Uri startUrl)
    {
        var seen = new HashSet<Uri>();
        foreach (var link in document.QuerySelectorAll("link[href]"))
        {
            var rel = (link.GetAttribute("rel") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!rel.Contains("stylesheet", StringComparer.OrdinalIgnoreCase) || rel.Contains("alternate", StringComparer.OrdinalIgnoreCase)) continue;
            if ((link.GetAttribute("media") ?? "").Trim().Equals("print", StringComparison.OrdinalIgnoreCase)) continue;
            if (!Uri.TryCreate(baseUrl, link.GetAttribute("href")!.Trim(), out var url) || url.Scheme is not ("http" or "https")) continue;
            url = WebFetcher.WithoutFragment(url);
            // First-party only: a CDN's framework stylesheet draws no partner of this site.
            if (SameSite(startUrl, url) && seen.Add(url)) yield return url;
        }
    }

    /// <summary>The <c>&lt;use&gt;</c> elements that draw a symbol of a same-site sprite file, by file.</summary>
    private static List<(Uri File, List<(IElement Use, string Id)> Users)> SpriteUsesOf(IDocument document, Uri baseUrl, Uri startUrl)
    {
        var byFile = new List<(Uri File, List<(IElement Use, string Id)> Users)>();
        foreach (var use in document.QuerySelectorAll("use").Take(MaxUsesPerPage))
        {
            var href = HrefOf(use);
            var hash = href?.IndexOf('#') ?? -1;
            if (hash <= 0 || hash == href!.Length - 1) continue; // "#id" is in the page already
            if (!Uri.TryCreate(baseUrl, href[..hash].Trim(), out var file) || file.Scheme is not ("http" or "https") || !SameSite(startUrl, file)) continue;
            file = WebFetcher.WithoutFragment(file);
            var id = Uri.UnescapeDataString(href[(hash + 1)..]);
            var entry = byFile.FindIndex(f => f.File == file);
            if (entry < 0)
            {
                byFile.Add((file, []));
                entry = byFile.Count - 1;
            }
            byFile[entry].Users.Add((use, id));
        }
        return byFile;
    }

    private static string? HrefOf(IElement use) =>
        use.GetAttribute("href") ?? use.GetAttribute("xlink:href") ?? use.GetAttribute("http://www.w3.org/1999/xlink", "href");

    /// <summary>
    /// Copies the symbols the page uses from a sprite file into one hidden inline <c>&lt;svg&gt;</c> and points each
    /// <c>&lt;use&gt;</c> at its copy. An id the page already has is left alone (the page's element wins, as it would not
    /// in a browser, but a page never relies on that).
    /// </summary>
    private static void AddSymbols(IDocument document, Uri file, string svg, List<(IElement Use, string Id)> users)
    {
        var holder = document.CreateElement("div");
        var markup = XmlPrologue().Replace(svg, "");
        // The same nesting guard as pages: a hostile sprite file must not make the parser recurse without end.
        holder.InnerHtml = markup[..HtmlNestingGuard.SafeLength(markup)];
        var copies = new StringBuilder();
        var copied = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (use, id) in users)
        {
            if (!copied.TryGetValue(id, out var ok))
            {
                ok = false;
                var symbol = holder.QuerySelectorAll("[id]").FirstOrDefault(e => e.Id == id && e.Closest("svg") is not null);
                if (symbol is not null && document.GetElementById(id) is null && copies.Length + symbol.OuterHtml.Length <= MaxSymbolChars)
                {
                    copies.Append(symbol.OuterHtml);
                    ok = true;
                }
                copied[id] = ok;
            }
            if (!ok) continue;
            use.RemoveAttribute("http://www.w3.org/1999/xlink", "href");
            use.RemoveAttribute("xlink:href");
            use.SetAttribute("href", "#" + id);
        }
        if (copies.Length == 0) return;
        var container = document.CreateElement("div");
        container.SetAttribute(AddedFromAttribute, file.AbsoluteUri);
        container.SetAttribute("hidden", "");
        container.InnerHtml = $"<svg aria-hidden=\"true\" style=\"display:none\">{copies}</svg>";
        (document.Body ?? document.DocumentElement)?.AppendChild(container);
    }

    private async Task<string?> TextOfAsync(Uri url, Uri startUrl, Func<string?, bool> accepts, LinkedFiles files, CrawlOptions crawl, CancellationToken cancellationToken)
    {
        if (files.Texts.TryGetValue(url, out var known)) return known;
        if (files.Remaining <= 0) return null;
        files.Remaining--;
        string? text = null;
        try
        {
            if (crawl.IgnoreRobots || await RobotsRefusalAsync(url, cancellationToken).ConfigureAwait(false) is null)
            {
                var rules = new WebFetcher.FetchRules(Math.Min(MaxLinkedFileBytes, options.Fetch.MaxBodyBytes), TruncateOverCap: false)
                {
                    MayRedirectTo = target => SameSite(startUrl, target),
                    AcceptsContentType = accepts,
                };
                var resource = await fetcher.FetchAsync(url, rules, cancellationToken).ConfigureAwait(false);
                text = HtmlDecoder.Decode(resource.Body, resource.Charset).Text;
            }
        }
        catch (Exception e) when (e is FetchFailedException or WebFetcher.UnwantedContentException)
        {
            LogLinkedFileSkipped(url, e.Message);
        }
        files.Texts[url] = text;
        return text;
    }

    /// <summary>
    /// The rules of a stylesheet that set a background image, with their URLs made absolute against the sheet (a sheet's
    /// relative URLs are relative to the sheet, not to the page it is written into); fonts and data: URIs are left out.
    /// </summary>
    internal static string BackgroundRules(string css, Uri sheetUrl)
    {
        var kept = new StringBuilder();
        foreach (Match rule in CssRule().Matches(CssComment().Replace(css, "")))
        {
            var selectors = rule.Groups["selectors"].Value.Trim();
            var body = rule.Groups["body"].Value;
            if (selectors.Length == 0 || !BackgroundWithUrl().IsMatch(body)) continue;
            var absolute = CssUrl().Replace(body, m =>
            {
                var value = m.Groups["url"].Value.Trim();
                if (value.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || !Uri.TryCreate(sheetUrl, value, out var url) || url.Scheme is not ("http" or "https"))
                    return "none";
                return $"url(\"{url.AbsoluteUri.Replace("\"", "%22", StringComparison.Ordinal)}\")";
            });
            if (kept.Length + selectors.Length + absolute.Length + 3 > MaxKeptCssChars) break;
            kept.Append(selectors).Append('{').Append(absolute).Append("}\n");
        }
        return kept.ToString();
    }

    private static IEnumerable<Uri> ImportsOf(string css, Uri sheetUrl)
    {
        foreach (Match m in CssImport().Matches(CssComment().Replace(css, "")))
        {
            var value = m.Groups["url"].Value.Trim();
            if (Uri.TryCreate(sheetUrl, value, out var url) && url.Scheme is "http" or "https") yield return WebFetcher.WithoutFragment(url);
        }
    }

    private static bool IsCss(string? mediaType) =>
        mediaType is null || mediaType.Equals("text/css", StringComparison.OrdinalIgnoreCase) || mediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase);

    private static bool IsSvg(string? mediaType) =>
        mediaType is null || mediaType.Equals("image/svg+xml", StringComparison.OrdinalIgnoreCase) ||
        mediaType.Equals("text/xml", StringComparison.OrdinalIgnoreCase) || mediaType.Equals("application/xml", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline, matchTimeoutMilliseconds: 2000)]
    private static partial Regex CssComment();

    // Innermost "selectors { body }": @media blocks yield their rules; @font-face and other at-rules are not selectors.
    [GeneratedRegex(@"(?<selectors>[^{}@;]+)\{(?<body>[^{}]*)\}", RegexOptions.None, matchTimeoutMilliseconds: 2000)]
    private static partial Regex CssRule();

    [GeneratedRegex(@"background(?:-image)?\s*:[^;}]*url\(", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BackgroundWithUrl();

    [GeneratedRegex(@"url\(\s*(?<q>['""]?)(?<url>[^'"")]*?)\k<q>\s*\)", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CssUrl();

    [GeneratedRegex(@"@import\s+(?:url\(\s*)?(?<q>['""]?)(?<url>[^'"")\s;]+)\k<q>", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CssImport();

    [GeneratedRegex(@"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex XmlPrologue();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Linked file {Url} not read: {Reason}")]
    private partial void LogLinkedFileSkipped(Uri url, string reason);
}
