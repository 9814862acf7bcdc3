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
