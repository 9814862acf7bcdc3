using AngleSharp.Dom;

namespace PartnerWatch.Detect.Logos;

/// <summary>
/// Elements that stand for a picture without being an <c>&lt;img&gt;</c>: AMP's and the frameworks' image components
/// (<c>&lt;amp-img src alt&gt;</c>, <c>&lt;nuxt-img&gt;</c>, <c>&lt;ion-img&gt;</c>) and a site's own custom elements
/// (<c>&lt;lazy-svg label="Cisco" href="logos/cisco.svg#logo"&gt;</c>) that point at an image file. The page serves them
/// as written; a script draws the picture later, so the scanner must read them as the images they become.
/// </summary>
internal static class ImageElements
{
    /// <summary>
    /// Image components of AMP, Nuxt, Ionic and lazy-loading libraries: their <c>src</c> is an image even when its
    /// address has no image extension (a CDN's <c>/photo?id=…</c>).
    /// </summary>
    private static readonly HashSet<string> KnownImageTags = new(StringComparer.Ordinal)
    {
        "amp-img", "amp-anim", "nuxt-img", "nuxt-picture", "ion-img", "lazy-img", "lazy-image", "lazy-svg", "x-image", "g-image",
    };

    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".bmp", ".ico",
    };

    /// <summary>Attributes that hold the picture's address, in the order a component reads them.</summary>
    private static readonly string[] SourceAttributes = ["src", "data-src", "href", "xlink:href", "data-href"];

    /// <summary>
    /// True for a known image component with a source, or a custom element (a hyphen in its tag name) whose source is
    /// an image file. A custom element that links to a page (<c>&lt;my-card href="/about"&gt;</c>) is not a picture.
    /// </summary>
    public static bool IsImageElement(IElement element)
    {
        var tag = element.LocalName;
        if (!tag.Contains('-', StringComparison.Ordinal) || element.NamespaceUri is { } ns && ns != AngleSharp.Dom.NamespaceNames.HtmlUri)
        {
            return false;
        }

        var known = KnownImageTags.Contains(tag);
        foreach (var source in SourcesOf(element))
        {
            if (known || HasImageExtension(source))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The component's picture addresses, fragment removed: <c>cisco.svg#logo</c> draws the symbol <c>#logo</c> of the
    /// file <c>cisco.svg</c>, and the file is what is fetched and what its name says. An in-page <c>#id</c> is no file.
    /// </summary>
    public static IEnumerable<string> SourcesOf(IElement element)
    {
        foreach (var name in SourceAttributes)
        {
            if (WithoutFragment(element.GetAttribute(name)) is { } value)
            {
                yield return value;
            }
        }

        if (WithoutFragment(FirstOfSrcset(element.GetAttribute("srcset") ?? element.GetAttribute("data-srcset"))) is { } first)
        {
            yield return first;
        }
    }

    private static string? WithoutFragment(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text) || text.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || text.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var hash = text.IndexOf('#', StringComparison.Ordinal);
        return hash switch
        {
            0 => null,
            > 0 => text[..hash],
            _ => text,
        };
    }

    private static bool HasImageExtension(string source)
    {
        var path = source;
        var query = path.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            path = path[..query];
        }

        return ImageExtensions.Contains(Path.GetExtension(path));
    }

    private static string? FirstOfSrcset(string? srcset)
    {
        if (string.IsNullOrWhiteSpace(srcset))
        {
            return null;
        }

        var first = srcset.Split(',', 2)[0].Trim();
        var space = first.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? first[..space] : first.Length > 0 ? first : null;
    }
}
