using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace PartnerWatch.Detect;

/// <summary>
/// Where an element's image comes from (<c>src</c>, lazy attributes, <c>srcset</c>, <c>picture&gt;source</c>,
/// <c>object data</c>, <c>style</c> backgrounds) and what its address says by itself: store/social/sign-in artwork,
/// or a folder that holds a site's partner logos (<c>/images/sponsors/</c>, <c>/img/users/</c>).
/// </summary>
internal static class ImageSources
{
    private static readonly Regex ImageNameNegative = new(
        @"app[-_]?store|google[-_]?play|play[-_]?store|badge|social|share|sign[-_]?in|log[-_]?in|paypal|payment",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));

    private static readonly Regex CssUrl = new(@"url\(\s*['""]?([^'"")\s]{1,2000})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));

    /// <summary>
    /// Folder names (split at '-', '_', camel case) of a site's partner-logo directory. A badge of the site's own
    /// partner status (<c>aws-partner-badge.png</c>) is named after the partnership, so "partner" in the name wins
    /// over "badge" there.
    /// </summary>
    private static readonly HashSet<string> PartnerFolderWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "partner", "partners", "sponsor", "sponsors", "supporter", "supporters", "backers", "donors", "funders", "customer", "customers",
        "client", "clients", "user", "users", "adopters", "companies", "members", "kunden", "partenaires", "referenzen",
        "hezuo", "huoban", "kehu", "cooperation", "cooperate", "alliance", "alliances",
    };

    public static IEnumerable<string> Of(IElement element, string tag)
    {
        if (Logos.ImageElements.IsImageElement(element))
        {
            foreach (var source in Logos.ImageElements.SourcesOf(element))
            {
                yield return source;
            }
        }
        else if (tag is "img" or "input")
        {
            foreach (var name in new[] { "src", "data-src", "data-lazy-src", "data-original" })
            {
                if (element.GetAttribute(name) is { Length: > 0 } value)
                {
                    yield return value.Trim();
                }
            }

            if (FirstSrcset(element.GetAttribute("srcset") ?? element.GetAttribute("data-srcset") ?? element.GetAttribute("data-lazy-srcset")) is { } first)
            {
                yield return first;
            }
        }
        else if (tag == "picture")
        {
            foreach (var source in element.Children.Where(c => c.LocalName == "source"))
            {
                if (FirstSrcset(source.GetAttribute("srcset")) is { } first)
                {
                    yield return first;
                }
            }
        }
        else if (tag == "image")
        {
            // <svg><image href="acme.png"/></svg>: a raster logo wrapped in an SVG (a fixed size, a clip, a border).
            if ((element.GetAttribute("href") ?? element.GetAttribute("xlink:href") ?? element.GetAttribute("http://www.w3.org/1999/xlink", "href")) is { Length: > 0 } href &&
                !href.TrimStart().StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                yield return href.Trim();
            }
        }
        else if (tag is "object" or "embed")
        {
            if ((element.GetAttribute("data") ?? element.GetAttribute("src")) is { Length: > 0 } data)
            {
                yield return data.Trim();
            }
        }

        if (element.GetAttribute("style") is { Length: > 0 } style && style.Contains("url(", StringComparison.OrdinalIgnoreCase))
        {
            foreach (Match m in CssUrl.Matches(style.Length > 4000 ? style[..4000] : style))
            {
                yield return Logos.SpriteRegion.Annotate(m.Groups[1].Value, style);
            }
        }
    }

    /// <summary>Store, social, sign-in and payment artwork recognised by its file path, or null.</summary>
    public static Cue? NegativeName(Uri url)
    {
        var path = url.AbsolutePath;
        if (ImageNameNegative.Match(path) is not { Success: true } m)
        {
            return null;
        }

        // "aws-partner-badge.png", "certified-partner-badge.svg": the badge is the claim, not a store badge.
        if (m.Value.Equals("badge", StringComparison.OrdinalIgnoreCase) && IsPartnerBadge(url))
        {
            return null;
        }

        return m.Value.Contains("social", StringComparison.OrdinalIgnoreCase) || m.Value.Contains("share", StringComparison.OrdinalIgnoreCase)
            ? new Cue(CueKind.Social, m.Value)
            : new Cue(CueKind.AppStore, m.Value);
    }

    /// <summary>The folder of the image when its name says it holds partner/sponsor/customer logos, else null.</summary>
    public static string? PartnerFolder(Uri url)
    {
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = segments.Length - 2; i >= 0 && i >= segments.Length - 4; i--)
        {
            if (Words(Uri.UnescapeDataString(segments[i])).Any(PartnerFolderWords.Contains))
            {
                return "/" + string.Join('/', segments[..(i + 1)]) + "/";
            }
        }

        return null;
    }

    /// <summary>A badge of partner status, certification or membership named so in its file name.</summary>
    public static bool IsPartnerBadge(Uri url)
    {
        var path = url.AbsolutePath;
        var name = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
        return Words(name).Any(w => w.Equals("partner", StringComparison.OrdinalIgnoreCase) || w.Equals("certified", StringComparison.OrdinalIgnoreCase) ||
                                    w.Equals("member", StringComparison.OrdinalIgnoreCase) || w.Equals("certification", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// True when the image's file name and the host its link goes to name the same company (<c>dockyard.png</c> linked
    /// to <c>dockyard.com/ember-consulting</c>, <c>foresight.png</c> to <c>foresightmining.com</c>): two namings by the
    /// page that agree say whose logo it is, without an alt text.
    /// </summary>
    public static bool FileAgreesWithHost(Uri image, Uri? link)
    {
        if (link is null || link.HostNameType != UriHostNameType.Dns)
        {
            return false;
        }

        // The registrable name: "www.foresightmining.com" → "foresightmining", "neen.it" → "neen", "example.co.uk" → "example".
        var domain = RegistrableDomain.Of(link.IdnHost.ToLowerInvariant());
        var dotAt = domain.IndexOf('.');
        if (dotAt < 0)
        {
            return false;
        }

        var host = domain[..dotAt].Replace("-", "", StringComparison.Ordinal);
        var path = image.AbsolutePath;
        var name = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
        var dot = name.LastIndexOf('.');
        var words = Words(dot > 0 ? name[..dot] : name).Select(w => w.ToLowerInvariant()).Where(w => !FileNameFiller.Contains(w)).ToList();
        if (host.Length < 3 || words.Count == 0)
        {
            return false;
        }

        var joined = string.Concat(words);
        return joined == host || joined.Length >= 4 && host.StartsWith(joined, StringComparison.Ordinal) ||
               words[0].Length >= 4 && host.StartsWith(words[0], StringComparison.Ordinal);
    }

    /// <summary>Words a logo's file name adds to the company's name (<c>acme-logo-white.png</c>).</summary>
    private static readonly HashSet<string> FileNameFiller = new(StringComparer.Ordinal)
    {
        "logo", "logos", "icon", "white", "black", "dark", "light", "color", "colour", "mono", "small", "large", "full", "horizontal",
        "vertical", "wordmark", "mark", "transparent", "new", "sponsor", "partner", "img", "image", "px", "x",
    };

    /// <summary>Words of a path segment: split at punctuation and digits and at lower→upper case changes (userLogos).</summary>
    internal static IEnumerable<string> Words(string segment)
    {
        var start = -1;
        for (var i = 0; i <= segment.Length; i++)
        {
            var c = i < segment.Length ? segment[i] : '\0';
            var boundary = i == segment.Length || !char.IsLetter(c) || (i > 0 && char.IsUpper(c) && char.IsLower(segment[i - 1]));
            if (boundary && start >= 0)
            {
                yield return segment[start..i];
                start = -1;
            }

            if (i < segment.Length && char.IsLetter(c) && start < 0)
            {
                start = i;
            }
        }
    }

    private static string? FirstSrcset(string? srcset)
    {
        if (string.IsNullOrWhiteSpace(srcset))
        {
            return null;
        }

        var first = srcset.Split(',', 2)[0].Trim();
        var space = first.IndexOf(' ');
        return space > 0 ? first[..space] : first.Length > 0 ? first : null;
    }

    /// <summary>
    /// A wrapper that names the one logo inside it (<c>&lt;figure title="Red Hat"&gt;</c>, <c>&lt;li aria-label="Red Hat"&gt;</c>,
    /// a card <c>&lt;div&gt;</c>): it has a <c>title</c> or <c>aria-label</c>, holds one picture and no text of its own, so its
    /// label is the logo's name. A menu item with a link text is not one (its text names what it is). A <c>&lt;button&gt;</c>
    /// that opens a sponsor's card (<c>&lt;button aria-label="Acme"&gt;&lt;img&gt;</c>) is one too.
    /// </summary>
    public static bool IsLabelledWrapper(IElement element)
    {
        if (element.LocalName is not ("figure" or "li" or "div" or "span" or "picture" or "section" or "button") ||
            !(element.HasAttribute("title") || element.HasAttribute("aria-label") || element.HasAttribute("aria-labelledby")) || element.ChildElementCount is 0 or > 3)
        {
            return false;
        }

        var pictures = element.QuerySelectorAll("img, svg, picture, object, [role=img]");
        return pictures.Length is > 0 and <= 2 && string.IsNullOrWhiteSpace(element.TextContent.Replace("\u00A0", " ", StringComparison.Ordinal));
    }
}
