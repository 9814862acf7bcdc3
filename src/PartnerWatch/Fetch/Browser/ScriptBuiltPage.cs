using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace PartnerWatch.Fetch.Browser;

/// <summary>
/// Decides, from the HTML as served, whether a page probably builds its content with JavaScript and is worth a browser
/// render in <c>Auto</c> mode. Rendering costs a browser start per page, so plain pages must never pay it: a page
/// qualifies only when it has scripts AND either an inline script writes to the DOM or the body has almost no text
/// (an application shell such as <c>&lt;div id="app"&gt;&lt;/div&gt;</c>).
/// </summary>
public static partial class ScriptBuiltPage
{
    /// <summary>Visible text below which a page with scripts is taken for an application shell.</summary>
    internal const int ShellTextChars = 200;
    private const int MaxInlineScriptChars = 512 * 1024;

    [GeneratedRegex(@"\.innerHTML\s*[+]?=|\.outerHTML\s*=|insertAdjacentHTML|insertAdjacentElement|document\.write|\.appendChild\s*\(|\.append\s*\(|\.prepend\s*\(|\.replaceChildren\s*\(|\.insertBefore\s*\(|createElement\s*\(|\bReactDOM\b|createRoot\s*\(|\bnew\s+Vue\b|createApp\s*\(",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DomWriting();

    /// <summary>True when <paramref name="document"/> (the static parse) looks built by scripts.</summary>
    public static bool Looks(IDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var scripts = document.QuerySelectorAll("script").Where(IsJavaScript).ToList();
        if (scripts.Count == 0) return false;
        if (VisibleTextLength(document) < ShellTextChars) return true;

        var inline = 0;
        foreach (var script in scripts)
        {
            if (script.HasAttribute("src")) continue;
            var code = script.TextContent;
            if (inline + code.Length > MaxInlineScriptChars) code = code[..Math.Max(0, MaxInlineScriptChars - inline)];
            inline += code.Length;
            try
            {
                if (DomWriting().IsMatch(code)) return true;
            }
            catch (RegexMatchTimeoutException)
            {
                return true; // a script too odd to scan is as likely as any to build the page
            }
            if (inline >= MaxInlineScriptChars) break;
        }
        return false;
    }

    private static bool IsJavaScript(IElement script)
    {
        var type = script.GetAttribute("type")?.Trim();
        return string.IsNullOrEmpty(type)
            || type.Equals("module", StringComparison.OrdinalIgnoreCase)
            || type.Contains("javascript", StringComparison.OrdinalIgnoreCase)
            || type.Contains("ecmascript", StringComparison.OrdinalIgnoreCase);
    }

    private static int VisibleTextLength(IDocument document)
    {
        if (document.Body is not { } body) return 0;
        var length = 0;
        foreach (var node in body.Descendants<IText>())
        {
            if (node.ParentElement?.LocalName is "script" or "style" or "noscript" or "template") continue;
            foreach (var c in node.Data) if (!char.IsWhiteSpace(c)) length++;
            if (length >= ShellTextChars) break;
        }
        return length;
    }
}
