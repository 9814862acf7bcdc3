using System.Text;
using AngleSharp.Dom;

namespace PartnerWatch.Detect;

/// <summary>Facts about a page the scan needs everywhere: its base address, its topic, the block an element belongs to.</summary>
internal static class PageFacts
{
    public static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "p", "div", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer",
        "nav", "aside", "main", "blockquote", "figure", "figcaption", "caption", "table", "tr", "ul", "ol", "dl", "form", "body",
        "address", "pre", "button", "legend", "fieldset", "details", "summary",
    };

    public static IElement NearestBlock(IElement element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (BlockTags.Contains(e.LocalName))
            {
                return e;
            }
        }

        return element;
    }

    public static Uri BaseOf(Fetch.CrawledPage page)
    {
        var declared = page.Document.QuerySelector("base[href]")?.GetAttribute("href");
        return !string.IsNullOrWhiteSpace(declared) && Uri.TryCreate(page.Url, declared.Trim(), out var b) && b.Scheme is "http" or "https" ? b : page.Url;
    }

    public static string TopicOf(IDocument document)
    {
        var builder = new StringBuilder(TextNormalizer.Normalize(document.Title, 300));
        foreach (var heading in document.QuerySelectorAll("h1, h2").Take(20))
        {
            builder.Append(" | ").Append(TextNormalizer.Normalize(heading.TextContent, 200));
        }

        var description = document.QuerySelector("meta[name=description]")?.GetAttribute("content");
        builder.Append(" | ").Append(TextNormalizer.Normalize(description, 300));
        return builder.ToString();
    }
}
