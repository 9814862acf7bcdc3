using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace PartnerWatch.Detect;

/// <summary>
/// Logo lists kept in an inline script and drawn by the page's own code (<c>[{ "link": "https://www.cloudflare.com/",
/// "logo": "cloudflare.png" }, …]</c>): without a browser the names are only in the script's string literals. A script
/// counts as a list when it holds at least <see cref="MinImages"/> image paths; its image file names and link targets are
/// then read like those of a logo wall at the script's place in the page.
/// </summary>
internal static class ScriptListedLogos
{
    /// <summary>Fewer image paths than this is a script's own artwork (icons, a spinner), not a list of logos.</summary>
    public const int MinImages = 3;

    private const int MaxScriptChars = 500_000;
    private const int MaxEntries = 400;

    private static readonly Regex ImageLiteral = new(
        @"[""'`]([^""'`\s<>]{1,300}\.(?:png|svg|jpe?g|gif|webp|avif))(?:\?[^""'`\s]*)?[""'`]",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));

    private static readonly Regex UrlLiteral = new(@"[""'`](https?://[^""'`\s<>]{1,500})[""'`]",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));

    /// <summary>Image paths and link targets of an inline script that lists logos, or nothing.</summary>
    public static (IReadOnlyList<string> Images, IReadOnlyList<string> Links) Read(IElement script)
    {
        if (script.HasAttribute("src") || script.GetAttribute("type") is { } type && !IsJavaScriptOrJson(type))
        {
            return ([], []);
        }

        var code = script.TextContent;
        if (code.Length is 0 or > MaxScriptChars)
        {
            return ([], []);
        }

        try
        {
            var images = ImageLiteral.Matches(code).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).Take(MaxEntries).ToList();
            if (images.Count < MinImages)
            {
                return ([], []);
            }

            var links = UrlLiteral.Matches(code).Select(m => m.Groups[1].Value)
                .Where(u => !ImageLiteral.IsMatch($"\"{u}\"")).Distinct(StringComparer.Ordinal).Take(MaxEntries).ToList();
            return (images, links);
        }
        catch (RegexMatchTimeoutException)
        {
            return ([], []);
        }
    }

    private static bool IsJavaScriptOrJson(string type)
    {
        var t = type.Trim().ToLowerInvariant();
        return t.Length == 0 || t.Contains("javascript", StringComparison.Ordinal) || t.Contains("json", StringComparison.Ordinal) || t == "module";
    }
}
