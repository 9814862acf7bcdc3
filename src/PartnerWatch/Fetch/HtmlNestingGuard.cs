namespace PartnerWatch.Fetch;

/// <summary>
/// Cuts a page where its elements nest deeper than browsers go. HTML parsing gets quadratically slower with depth: a
/// 1 MB page of 100,000 nested &lt;div&gt;s takes over a minute of CPU, and a hostile site could hold a scan slot for
/// hours. A cheap tag count before parsing finds the point to cut; real pages stay far below the limit.
/// </summary>
internal static class HtmlNestingGuard
{
    /// <summary>Chromium's own nesting limit for the HTML parser.</summary>
    public const int MaxDepth = 512;

    // Elements that never open a level (void) or whose end tag is commonly left out (a long list of <li> without </li>
    // would otherwise look deep); the parser closes those implicitly, so they do not build depth.
    private static readonly HashSet<string> NonNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "caption",
        "rb", "rt", "rtc", "rp", "html", "head", "body", "!doctype",
    };

    /// <summary>Returns the length of the prefix that stays within <see cref="MaxDepth"/> (the whole text when it does).</summary>
    public static int SafeLength(string html)
    {
        var depth = 0;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length) break;
            if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                if (end < 0) break;
                i = end + 3;
                continue;
            }

            var closing = html[lt + 1] == '/';
            var nameStart = closing ? lt + 2 : lt + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or '!' or ':'))
                nameEnd++;
            if (nameEnd == nameStart)
            {
                i = lt + 1; // a '<' in text
                continue;
            }

            var gt = html.IndexOf('>', nameEnd);
            if (gt < 0) break;
            var name = html.AsSpan(nameStart, nameEnd - nameStart).ToString();
            var selfClosing = html[gt - 1] == '/';
            i = gt + 1;

            if (closing)
            {
                if (!NonNesting.Contains(name) && depth > 0) depth--;
                continue;
            }
            if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase))
            {
                // Raw text: tags inside do not count.
                var end = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                if (end < 0) break;
                i = end;
                continue;
            }
            if (selfClosing || NonNesting.Contains(name)) continue;
            if (++depth > MaxDepth) return lt;
        }
        return html.Length;
    }
}
