using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using PartnerWatch.Config;

namespace PartnerWatch.Detect.Logos;

/// <summary>
/// Finds every image a parsed page shows — <c>&lt;img&gt;</c> (src, srcset, lazy-loading attributes),
/// <c>&lt;picture&gt;&lt;source&gt;</c>, CSS backgrounds in <c>style</c> attributes and <c>&lt;style&gt;</c> blocks,
/// inline <c>&lt;svg&gt;</c>, and <c>&lt;object&gt;</c>/<c>&lt;embed&gt;</c> SVGs — and drops the obvious non-logos
/// (1×1 trackers, images declared photo-sized) before anything is downloaded. Stateless and thread-safe.
/// </summary>
public sealed partial class ImageCandidateExtractor(long maxInlineBytes)
{
    /// <summary>Images declared wider or taller than this are photos or banners, not partner logos.</summary>
    public const int MaxDeclaredSide = 1200;
    /// <summary>For <c>w</c> descriptors, the largest candidate up to this width is taken (logos are shown small).</summary>
    public const int PreferredSrcsetWidth = 400;
    private const int MaxRules = 2_000;
    private const int MaxElementsPerRule = 200;
    private const int MaxCandidates = 2_000;

    private static readonly string[] LazyAttributes =
        ["data-src", "data-original", "data-lazy-src", "data-lazy", "data-url", "data-echo", "data-orig-src", "data-hi-res-src", "data-img", "data-image"];
    private static readonly string[] LazySrcsetAttributes = ["data-srcset", "data-lazy-srcset", "data-original-set"];

    public ImageCandidateExtractor(PartnerWatchOptions options) : this(options.Fetch.MaxImageBytes) { }

    public IReadOnlyList<ImageCandidate> Extract(IDocument document, Uri pageUrl)
    {
        var baseUri = BaseUri(document, pageUrl);
        var found = new List<ImageCandidate>();
        var seen = new HashSet<(IElement, string)>();
        void Add(ImageCandidate? candidate)
        {
            if (candidate is null || found.Count >= MaxCandidates) return;
            var key = candidate.Url?.AbsoluteUri ?? candidate.SvgMarkup ?? Convert.ToBase64String(candidate.InlineBytes ?? []);
            if (seen.Add((candidate.Element, key))) found.Add(candidate);
        }

        foreach (var img in document.QuerySelectorAll("img"))
        {
            if (IsTracker(img) || IsDeclaredHuge(img)) continue;
            Add(FromImg(img, baseUri));
        }
        foreach (var element in document.QuerySelectorAll("[style]"))
        {
            var style = element.GetAttribute("style") ?? "";
            foreach (var url in BackgroundUrls(style)) Add(FromUrl(element, ImageSource.StyleAttribute, SpriteRegion.Annotate(url, style), baseUri));
        }
        foreach (var style in document.QuerySelectorAll("style"))
        {
            foreach (var candidate in FromStyleSheet(style.TextContent, baseUri, document)) Add(candidate);
        }
        foreach (var svg in document.QuerySelectorAll("svg"))
        {
            if (svg.ParentElement?.Closest("svg") is not null || IsTracker(svg)) continue; // nested <svg> is part of its parent
            Add(new ImageCandidate(svg, ImageSource.InlineSvg, SvgMarkup: InlineSvgMarkup(svg, document)));
        }
        foreach (var obj in document.QuerySelectorAll("object[data]"))
        {
            if (IsSvgReference(obj.GetAttribute("type"), obj.GetAttribute("data"))) Add(FromUrl(obj, ImageSource.Object, obj.GetAttribute("data"), baseUri));
        }
        foreach (var embed in document.QuerySelectorAll("embed[src]"))
        {
            if (IsSvgReference(embed.GetAttribute("type"), embed.GetAttribute("src"))) Add(FromUrl(embed, ImageSource.Embed, embed.GetAttribute("src"), baseUri));
        }
        return found;
    }

    /// <summary>
    /// Background images of a stylesheet (a <c>&lt;style&gt;</c> block, or an external stylesheet the caller fetched,
    /// with its own URL as <paramref name="baseUri"/>), attributed to the elements its selectors match.
    /// </summary>
    public IReadOnlyList<ImageCandidate> FromStyleSheet(string css, Uri baseUri, IDocument document)
    {
        var result = new List<ImageCandidate>();
        var parsed = CssRule().Matches(CssComment().Replace(css, "")).Take(MaxRules)
            .Select(r => (Selectors: r.Groups["selectors"].Value, Body: r.Groups["body"].Value)).ToList();
        var declared = SpriteDeclarations(parsed, document);
        foreach (var (selectors, body) in parsed)
        {
            var urls = BackgroundUrls(body).ToList();
            if (urls.Count == 0) continue;
            foreach (var selector in selectors.Split(','))
            {
                foreach (var element in Matching(document, selector).Take(MaxElementsPerRule))
                {
                    foreach (var url in urls)
                    {
                        // A sprite sheet shown through a sized element: the URL names the part it shows (#xywh=…).
                        var shown = declared.TryGetValue(element, out var declarations) ? SpriteRegion.Annotate(url, declarations + ";" + element.GetAttribute("style")) : url;
                        if (FromUrl(element, ImageSource.StyleSheet, shown, baseUri) is { } candidate) result.Add(candidate);
                    }
                }
            }
        }
        return result;
    }

    /// <summary>
    /// Each element's declarations that can place a sprite (background position, width, height, background size), from
    /// every rule that matches it, in source order: a sheet's URL, its size and each logo's position usually sit in
    /// different rules (<c>.logo { background: url(sheet.png) }</c>, <c>.logo-acme { background-position: -120px 0 }</c>).
    /// </summary>
    private static Dictionary<IElement, string> SpriteDeclarations(List<(string Selectors, string Body)> rules, IDocument document)
    {
        var declared = new Dictionary<IElement, System.Text.StringBuilder>();
        foreach (var (selectors, body) in rules)
        {
            if (!SpriteCue().IsMatch(body)) continue;
            foreach (var selector in selectors.Split(','))
            {
                foreach (var element in Matching(document, selector).Take(MaxElementsPerRule))
                {
                    if (!declared.TryGetValue(element, out var text)) declared[element] = text = new System.Text.StringBuilder();
                    if (text.Length < 8_000) text.Append(body).Append(';');
                }
            }
        }
        return declared.ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
    }

    // Pseudo-elements (::before/::after) and state pseudo-classes draw on the element itself; drop them to match it.
    private static IEnumerable<IElement> Matching(IDocument document, string selector)
    {
        var simple = PseudoPart().Replace(selector.Trim(), "").Trim();
        if (simple.Length == 0 || simple.StartsWith('@')) return [];
        try
        {
            return document.QuerySelectorAll(simple);
        }
        catch (Exception e) when (e is DomException or ArgumentException or InvalidOperationException)
        {
            return []; // selectors AngleSharp cannot parse are skipped, not fatal
        }
    }

    private ImageCandidate? FromImg(IElement img, Uri baseUri)
    {
        foreach (var attribute in LazyAttributes)
        {
            if (img.GetAttribute(attribute) is { Length: > 0 } lazy && !IsPlaceholder(lazy)) return FromUrl(img, ImageSource.LazyAttribute, lazy, baseUri);
        }
        foreach (var attribute in LazySrcsetAttributes)
        {
            if (PickFromSrcset(img.GetAttribute(attribute)) is { } lazySet) return FromUrl(img, ImageSource.LazyAttribute, lazySet, baseUri);
        }
        if (img.ParentElement is { LocalName: "picture" } picture)
        {
            foreach (var source in picture.Children.Where(c => c.LocalName == "source"))
            {
                if (IsUndecodableType(source.GetAttribute("type"))) continue;
                var set = PickFromSrcset(source.GetAttribute("srcset")) ?? PickFromSrcset(source.GetAttribute("data-srcset"));
                if (set is not null) return FromUrl(img, ImageSource.Picture, set, baseUri);
            }
        }
        if (PickFromSrcset(img.GetAttribute("srcset")) is { } fromSet) return FromUrl(img, ImageSource.Srcset, fromSet, baseUri);
        var src = img.GetAttribute("src");
        return string.IsNullOrWhiteSpace(src) || IsPlaceholder(src) ? null : FromUrl(img, ImageSource.Img, src, baseUri);
    }

    private ImageCandidate? FromUrl(IElement element, ImageSource source, string? raw, Uri baseUri)
    {
        var value = raw?.Trim();
        if (string.IsNullOrEmpty(value)) return null;
        if (value.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            var (bytes, isSvg) = DecodeDataUri(value, maxInlineBytes);
            if (bytes is null || bytes.Length < 64) return null; // spacer GIFs and broken URIs
            return isSvg
                ? new ImageCandidate(element, source, SvgMarkup: Encoding.UTF8.GetString(bytes))
                : new ImageCandidate(element, source, InlineBytes: bytes);
        }
        if (!Uri.TryCreate(baseUri, value, out var url) || url.Scheme is not ("http" or "https")) return null;
        return new ImageCandidate(element, source, Url: url);
    }

    /// <summary>The candidate a browser would plausibly show at logo size: the largest ≤ 400w, else the smallest; for density descriptors the 1x.</summary>
    public static string? PickFromSrcset(string? srcset)
    {
        if (string.IsNullOrWhiteSpace(srcset)) return null;
        var entries = new List<(string Url, double Width, double Density)>();
        foreach (var part in SrcsetEntry().Matches(srcset).Cast<Match>())
        {
            var url = part.Groups["url"].Value;
            var descriptor = part.Groups["descriptor"].Value.Trim();
            double width = 0, density = 1;
            if (descriptor.EndsWith('w') && double.TryParse(descriptor[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var w)) width = w;
            else if (descriptor.EndsWith('x') && double.TryParse(descriptor[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)) density = x;
            if (url.Length > 0 && !IsPlaceholder(url)) entries.Add((url, width, density));
        }
        if (entries.Count == 0) return null;
        var widths = entries.Where(e => e.Width > 0).ToList();
        if (widths.Count > 0)
        {
            var fitting = widths.Where(e => e.Width <= PreferredSrcsetWidth).ToList();
            return fitting.Count > 0 ? fitting.MaxBy(e => e.Width).Url : widths.MinBy(e => e.Width).Url;
        }
        return entries.OrderBy(e => Math.Abs(e.Density - 1)).First().Url;
    }

    private static IEnumerable<string> BackgroundUrls(string declarations)
    {
        foreach (Match declaration in BackgroundDeclaration().Matches(declarations))
        {
            foreach (Match url in CssUrl().Matches(declaration.Groups["value"].Value)) yield return url.Groups["url"].Value.Trim();
        }
    }

    private static bool IsTracker(IElement element) =>
        DeclaredSize(element, "width") is <= 2 || DeclaredSize(element, "height") is <= 2;

    private static bool IsDeclaredHuge(IElement element) =>
        DeclaredSize(element, "width") > MaxDeclaredSide || DeclaredSize(element, "height") > MaxDeclaredSide;

    private static int? DeclaredSize(IElement element, string attribute)
    {
        var value = element.GetAttribute(attribute)?.Trim().TrimEnd('x').TrimEnd('p');
        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) ? size : null;
    }

    private static bool IsPlaceholder(string url) =>
        url.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && url.Length < 200 // a 1×1 GIF/PNG or empty SVG
        || url.Contains("blank.gif", StringComparison.OrdinalIgnoreCase)
        || url.Contains("spacer.gif", StringComparison.OrdinalIgnoreCase)
        || url.Contains("placeholder", StringComparison.OrdinalIgnoreCase);

    private static bool IsUndecodableType(string? type) =>
        type is not null && (type.Contains("avif", StringComparison.OrdinalIgnoreCase) || type.Contains("jxl", StringComparison.OrdinalIgnoreCase));

    private static bool IsSvgReference(string? type, string? url) =>
        type?.Contains("svg", StringComparison.OrdinalIgnoreCase) == true
        || (type is null && url is not null && Path.GetExtension(url.Split('?', '#')[0]).Equals(".svg", StringComparison.OrdinalIgnoreCase));

    private static Uri BaseUri(IDocument document, Uri pageUrl)
    {
        var href = document.QuerySelector("base[href]")?.GetAttribute("href");
        return href is not null && Uri.TryCreate(pageUrl, href.Trim(), out var resolved) && resolved.Scheme is "http" or "https" ? resolved : pageUrl;
    }

    private static (byte[]? Bytes, bool IsSvg) DecodeDataUri(string uri, long maxBytes)
    {
        var comma = uri.IndexOf(',');
        if (comma < 0) return (null, false);
        var header = uri[5..comma];
        var isSvg = header.Contains("svg", StringComparison.OrdinalIgnoreCase);
        var payload = uri[(comma + 1)..];
        if (payload.Length > maxBytes * 4 / 3 + 4) return (null, isSvg);
        try
        {
            var bytes = header.EndsWith(";base64", StringComparison.OrdinalIgnoreCase)
                ? Convert.FromBase64String(payload.Trim())
                : Encoding.UTF8.GetBytes(Uri.UnescapeDataString(payload));
            return bytes.Length > maxBytes ? (null, isSvg) : (bytes, isSvg);
        }
        catch (FormatException)
        {
            return (null, isSvg);
        }
    }

    /// <summary>
    /// The outer markup of an inline SVG as a standalone XML document: HTML parsing drops the namespace
    /// declarations, and icon sprites draw <c>&lt;use href="#id"&gt;</c> symbols defined elsewhere in the page.
    /// </summary>
    internal static string InlineSvgMarkup(IElement svg, IDocument document)
    {
        var markup = svg.OuterHtml;
        var defs = new StringBuilder();
        string? symbolViewBox = null;
        foreach (var use in svg.QuerySelectorAll("use"))
        {
            var href = use.GetAttribute("href") ?? use.GetAttribute("xlink:href") ?? use.GetAttribute("http://www.w3.org/1999/xlink", "href");
            if (href is null || !href.StartsWith('#')) continue;
            var target = svg.QuerySelector(href) ?? (document.GetElementById(href[1..]) is { } t && t.Closest("svg") is not null ? t : null);
            if (target is null) continue;
            if (!svg.Contains(target)) defs.Append(target.OuterHtml);
            symbolViewBox ??= target.LocalName == "symbol" ? target.GetAttribute("viewBox") : null;
        }
        var openEnd = markup.IndexOf('>');
        if (openEnd < 0) return markup;
        var open = markup[..openEnd];
        if (open.EndsWith('/')) return markup;
        var extra = new StringBuilder();
        if (!open.Contains("xmlns=", StringComparison.Ordinal)) extra.Append(" xmlns=\"http://www.w3.org/2000/svg\"");
        // A sprite icon sized by the page's CSS (<svg class="logo"><use href="#acme"/></svg>) has neither a size nor a
        // viewBox of its own, and rendered as a 2 × 1 px sliver: the symbol's viewBox is the drawing's box.
        if (symbolViewBox is not null && !HasSvgAttribute(svg, "viewBox") && !HasSvgAttribute(svg, "width") && !HasSvgAttribute(svg, "height"))
        {
            extra.Append(" viewBox=\"").Append(System.Net.WebUtility.HtmlEncode(symbolViewBox)).Append('"');
        }
        if (markup.Contains("xlink:", StringComparison.Ordinal) && !open.Contains("xmlns:xlink", StringComparison.Ordinal)) extra.Append(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"");
        var inner = defs.Length > 0 ? $"<defs>{defs}</defs>" : "";
        return open + extra + ">" + inner + markup[(openEnd + 1)..];
    }

    private static bool HasSvgAttribute(IElement svg, string name) =>
        svg.Attributes.Any(a => string.Equals(a.LocalName, name, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex CssComment();

    // "selectors { body }" without nesting; @media blocks yield their inner rules because the outer "{" is skipped.
    [GeneratedRegex(@"(?<selectors>[^{}@;]+)\{(?<body>[^{}]*)\}", RegexOptions.None, matchTimeoutMilliseconds: 2000)]
    private static partial Regex CssRule();

    [GeneratedRegex(@"background(?:-image)?\s*:(?<value>[^;}]*)", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BackgroundDeclaration();

    [GeneratedRegex(@"url\(\s*(?<q>['""]?)(?<url>.*?)\k<q>\s*\)", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CssUrl();

    [GeneratedRegex(@"(?<![\w-])(?:background(?:-position|-size)?|width|height)\s*:", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SpriteCue();

    [GeneratedRegex(@"::?(?:before|after|hover|focus|active|visited|link|first-child|last-child|focus-visible|focus-within)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PseudoPart();

    [GeneratedRegex(@"\s*(?<url>[^\s,][^\s]*?)(?:\s+(?<descriptor>[\d.]+[wx]))?\s*(?:,|$)")]
    private static partial Regex SrcsetEntry();
}
