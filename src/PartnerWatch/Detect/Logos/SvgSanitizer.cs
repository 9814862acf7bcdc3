using System.Xml;
using System.Xml.Linq;
using SkiaSharp;

namespace PartnerWatch.Detect.Logos;

/// <summary>
/// Turns untrusted SVG markup into a self-contained document before Svg.Skia sees it: no DTD or entities (XXE,
/// billion laughs), no external references (images, &lt;use&gt;, stylesheets, fonts — they would be SSRF and
/// unbounded fetches), no scripts, bounded size and element count, embedded raster images within a pixel cap.
/// </summary>
internal static class SvgSanitizer
{
    public const int MaxElements = 20_000;
    public const long MaxEmbeddedImagePixels = 4_000_000;
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    public static string? Sanitize(string markup, int maxChars, out string? rejectReason)
    {
        rejectReason = null;
        if (markup.Length > maxChars)
        {
            rejectReason = $"SVG is larger than {maxChars} characters";
            return null;
        }
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Ignore, // a doctype is common in SVG files; its entities are never expanded
                XmlResolver = null,
                MaxCharactersInDocument = maxChars,
                MaxCharactersFromEntities = 0,
                IgnoreProcessingInstructions = true, // <?xml-stylesheet href=…?>
                IgnoreComments = true,
            };
            using var reader = XmlReader.Create(new StringReader(markup), settings);
            document = XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException e)
        {
            rejectReason = $"SVG is not well-formed XML: {e.Message}";
            return null;
        }
        var root = document.Root;
        if (root is null || root.Name.LocalName != "svg")
        {
            rejectReason = "the XML root element is not <svg>";
            return null;
        }
        var elements = root.DescendantsAndSelf().ToList();
        if (elements.Count > MaxElements)
        {
            rejectReason = $"SVG has more than {MaxElements} elements";
            return null;
        }
        if (ExpansionProblem(root, elements) is { } expansion)
        {
            rejectReason = expansion;
            return null;
        }
        foreach (var element in elements)
        {
            if (element.Parent is null && element != root) continue; // already removed with an ancestor
            var name = element.Name.LocalName;
            if (name is "script" or "foreignObject" or "iframe" or "audio" or "video")
            {
                element.Remove();
                continue;
            }
            foreach (var attribute in element.Attributes().ToList())
            {
                var local = attribute.Name.LocalName;
                if (local.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    attribute.Remove();
                }
                else if (local == "href" && (attribute.Name.Namespace == XLink || attribute.Name.Namespace == XNamespace.None))
                {
                    if (!IsAllowedReference(attribute.Value)) attribute.Remove();
                }
                else if (ContainsExternalUrl(attribute.Value))
                {
                    attribute.Remove();
                }
            }
            if (name == "style" && (element.Value.Contains("@import", StringComparison.OrdinalIgnoreCase) || ContainsExternalUrl(element.Value)))
            {
                element.Value = StripExternalUrls(element.Value);
            }
        }
        return root.ToString(SaveOptions.DisableFormatting);
    }

    public const int MaxDepth = 256;

    /// <summary>
    /// Rejects SVGs that would render far more than they contain: &lt;use&gt; copies its target, and uses inside used
    /// targets multiply (a 3 KB file of 12 levels × 10 uses is 10^12 elements and hangs the renderer). A used target may
    /// not itself contain a &lt;use&gt;, and all uses together may copy at most <see cref="MaxElements"/> elements.
    /// Deep nesting is refused too, since rendering recurses per level.
    /// </summary>
    private static string? ExpansionProblem(XElement root, List<XElement> elements)
    {
        var byId = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var element in elements)
            if (element.Attribute("id")?.Value is { Length: > 0 } id) byId.TryAdd(id, element);

        // Subtree sizes and depths without recursion (post-order over the document order list).
        var size = new Dictionary<XElement, int>(elements.Count);
        var containsUse = new HashSet<XElement>();
        for (var i = elements.Count - 1; i >= 0; i--)
        {
            var element = elements[i];
            var total = 1;
            foreach (var child in element.Elements())
            {
                total += size[child];
                if (containsUse.Contains(child)) containsUse.Add(element);
            }
            if (element.Name.LocalName == "use") containsUse.Add(element);
            size[element] = total;
        }
        foreach (var element in elements)
        {
            var depth = 0;
            for (var e = element; e is not null && depth <= MaxDepth; e = e.Parent) depth++;
            if (depth > MaxDepth) return $"SVG elements nest deeper than {MaxDepth} levels";
        }

        long copied = 0;
        foreach (var use in elements.Where(e => e.Name.LocalName == "use"))
        {
            var href = (use.Attribute(XLink + "href") ?? use.Attribute("href"))?.Value.Trim();
            if (href is null || !href.StartsWith('#') || !byId.TryGetValue(href[1..], out var target)) continue;
            if (containsUse.Contains(target)) return "SVG <use> refers to content that itself contains <use> (exponential expansion)";
            copied += size[target];
            if (copied > MaxElements) return $"SVG <use> references copy more than {MaxElements} elements";
        }
        return null;
    }

    private static bool IsAllowedReference(string value)
    {
        var v = value.Trim();
        if (v.StartsWith('#')) return true;
        if (!v.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase)) return false;
        return EmbeddedImageIsSmall(v);
    }

    // Svg.Skia decodes embedded rasters itself, without our pixel cap; a 100-byte PNG can declare 10^10 pixels.
    private static bool EmbeddedImageIsSmall(string dataUri)
    {
        if (dataUri.StartsWith("data:image/svg", StringComparison.OrdinalIgnoreCase)) return false; // no nesting
        var comma = dataUri.IndexOf(',');
        if (comma < 0 || !dataUri.AsSpan(0, comma).EndsWith(";base64", StringComparison.OrdinalIgnoreCase)) return false;
        byte[] bytes;
        try { bytes = Convert.FromBase64String(dataUri[(comma + 1)..].Trim()); }
        catch (FormatException) { return false; }
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        return codec is not null && (long)codec.Info.Width * codec.Info.Height <= MaxEmbeddedImagePixels;
    }

    private static bool ContainsExternalUrl(string value)
    {
        var at = value.IndexOf("url(", StringComparison.OrdinalIgnoreCase);
        while (at >= 0)
        {
            var rest = value.AsSpan(at + 4).TrimStart().TrimStart("'\"").TrimStart();
            if (!rest.StartsWith("#")) return true;
            at = value.IndexOf("url(", at + 4, StringComparison.OrdinalIgnoreCase);
        }
        return false;
    }

    private static string StripExternalUrls(string css)
    {
        var lines = css.Split(';');
        return string.Join(';', lines.Where(l => !l.Contains("@import", StringComparison.OrdinalIgnoreCase) && !ContainsExternalUrl(l)));
    }
}
