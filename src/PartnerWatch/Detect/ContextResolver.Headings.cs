using AngleSharp.Dom;

namespace PartnerWatch.Detect;

/// <summary>Section headings not written as h1–h6: a title class of a CSS framework, a paragraph bold from end to end.</summary>
internal sealed partial class ContextResolver
{
    private const int MaxBoldLineChars = 120;

    /// <summary>
    /// A BEM or utility class whose element part names a title (<c>section-title</c>, <c>block__title</c>,
    /// <c>c-section_headline</c>): CSS frameworks and page builders name a heading by its role, not by its tag.
    /// </summary>
    private static bool NamesATitle(string token)
        => token.Split(['-', '_'], StringSplitOptions.RemoveEmptyEntries)
            .Any(part => part.Equals("title", StringComparison.OrdinalIgnoreCase) || part.Equals("headline", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A paragraph bold from end to end (<c>&lt;p&gt;&lt;strong&gt;Companies that sponsor Acme&lt;/strong&gt;&lt;/p&gt;</c>), as
    /// Markdown and page builders write a heading: one line, no full stop, every letter inside one <c>b</c>/<c>strong</c>.
    /// A paragraph only partly bold is prose that stresses a phrase.
    /// </summary>
    private static bool IsBoldLine(IElement e)
    {
        if (e.LocalName is not ("p" or "div") || e.ChildElementCount != 1)
        {
            return false;
        }

        var text = e.TextContent.Trim();
        if (text.Length is 0 or > MaxBoldLineChars || text.EndsWith('.'))
        {
            return false;
        }

        for (var inner = e.FirstElementChild; inner is not null; inner = inner.ChildElementCount == 1 ? inner.FirstElementChild : null)
        {
            if (inner.TextContent.Trim().Length != text.Length)
            {
                return false;
            }

            if (inner.LocalName is "b" or "strong")
            {
                return true;
            }
        }

        return false;
    }
}
