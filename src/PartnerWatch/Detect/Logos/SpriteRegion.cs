using System.Globalization;
using System.Text.RegularExpressions;
using SkiaSharp;

namespace PartnerWatch.Detect.Logos;

/// <summary>
/// A CSS sprite: one image (a sheet of logos) shown through an element of a fixed size, with
/// <c>background-position</c> choosing which part of the sheet shows. The part is carried on the image URL as a W3C
/// media fragment, <c>sheet.png#xywh=120,0,120,40</c> (CSS pixels; <c>&amp;bgsize=W</c> when <c>background-size</c>
/// scales the sheet), so that it travels with the candidate through the detect stage, names the evidence exactly,
/// and is never sent to the server (a fragment stays in the browser). The matcher downloads the sheet once and
/// fingerprints only the part.
/// </summary>
public readonly partial record struct SpriteRegion(double X, double Y, double Width, double Height, double? SheetWidth = null)
{
    private const string FragmentKey = "xywh=";

    /// <summary>
    /// The image URL with the part of the sheet that <paramref name="declarations"/> (the element's CSS declarations in
    /// cascade order, later ones winning) show, or the URL unchanged when they do not make a sprite: a background
    /// position in pixels and the element's width and height in pixels are all needed.
    /// </summary>
    public static string Annotate(string url, string declarations)
    {
        if (url.Contains('#', StringComparison.Ordinal) || FromDeclarations(declarations) is not { } region) return url;
        return url + "#" + region.ToFragment();
    }

    public static SpriteRegion? FromDeclarations(string declarations)
    {
        if (declarations.Length > 20_000) declarations = declarations[..20_000];
        var width = Last(PixelWidth(), declarations);
        var height = Last(PixelHeight(), declarations);
        if (width is not > 0 || height is not > 0) return null;
        double? x = null, y = null;
        foreach (Match m in PositionDeclaration().Matches(declarations))
        {
            // Later declarations win; a position we cannot place (percentages, keywords) cancels an earlier one.
            var value = CssUrlPart().Replace(m.Groups["value"].Value, " ");
            if (PixelPair().Match(value) is { Success: true } pair)
            {
                x = Pixels(pair.Groups["x"].Value);
                y = Pixels(pair.Groups["y"].Value);
            }
            else if (m.Groups["name"].Value.Equals("background-position", StringComparison.OrdinalIgnoreCase))
            {
                x = y = null;
            }
        }
        if (x is not { } px || y is not { } py || px > 0 || py > 0) return null;
        var sheet = Last(SizeWidth(), declarations);
        // 0 - 0 would print as "-0".
        return new SpriteRegion(px == 0 ? 0 : -px, py == 0 ? 0 : -py, width.Value, height.Value, sheet is > 0 ? sheet : null);
    }

    /// <summary>The sprite part named by <paramref name="url"/>'s fragment, if it has one.</summary>
    public static SpriteRegion? FromUrl(Uri url)
    {
        var fragment = url.IsAbsoluteUri ? url.Fragment : "";
        var at = fragment.IndexOf(FragmentKey, StringComparison.Ordinal);
        if (at < 0) return null;
        var parts = fragment[(at + FragmentKey.Length)..].Split('&');
        var numbers = parts[0].Split(',');
        if (numbers.Length != 4 || !numbers.All(n => double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out _))) return null;
        var v = numbers.Select(n => double.Parse(n, CultureInfo.InvariantCulture)).ToArray();
        double? sheet = parts.Skip(1).Where(p => p.StartsWith("bgsize=", StringComparison.Ordinal))
            .Select(p => double.TryParse(p[7..], NumberStyles.Float, CultureInfo.InvariantCulture, out var w) ? w : (double?)null).FirstOrDefault();
        return v[2] > 0 && v[3] > 0 && v[0] >= 0 && v[1] >= 0 ? new SpriteRegion(v[0], v[1], v[2], v[3], sheet) : null;
    }

    /// <summary>The URL without its fragment: what is downloaded.</summary>
    public static Uri Sheet(Uri url) => url.IsAbsoluteUri && url.Fragment.Length > 0 ? new Uri(url.GetLeftPart(UriPartial.Query)) : url;

    public string ToFragment() => string.Create(CultureInfo.InvariantCulture,
        $"{FragmentKey}{X:0.##},{Y:0.##},{Width:0.##},{Height:0.##}{(SheetWidth is { } w ? $"&bgsize={w:0.##}" : "")}");

    /// <summary>The part in the sheet's own pixels (a scaled sheet: by its natural width over the CSS size), clipped to it; null when nothing of it is left.</summary>
    public SKRectI? InSheet(int sheetWidth, int sheetHeight)
    {
        var scale = SheetWidth is { } w ? sheetWidth / w : 1.0;
        var left = (int)Math.Round(X * scale);
        var top = (int)Math.Round(Y * scale);
        var right = Math.Min(sheetWidth, (int)Math.Round((X + Width) * scale));
        var bottom = Math.Min(sheetHeight, (int)Math.Round((Y + Height) * scale));
        return right - left >= 4 && bottom - top >= 4 ? new SKRectI(left, top, right, bottom) : null;
    }

    private static double? Last(Regex pattern, string declarations)
    {
        double? value = null;
        foreach (Match m in pattern.Matches(declarations)) value = Pixels(m.Groups["v"].Value);
        return value;
    }

    private static double Pixels(string token)
    {
        var number = token.EndsWith("px", StringComparison.OrdinalIgnoreCase) ? token[..^2] : token;
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
    }

    // "width" but not "max-width", "border-width" or "line-width".
    [GeneratedRegex(@"(?<![\w-])width\s*:\s*(?<v>\d+(?:\.\d+)?px)", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PixelWidth();

    [GeneratedRegex(@"(?<![\w-])height\s*:\s*(?<v>\d+(?:\.\d+)?px)", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PixelHeight();

    [GeneratedRegex(@"(?<![\w-])(?<name>background-position|background)\s*:(?<value>[^;}]*)", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PositionDeclaration();

    [GeneratedRegex(@"url\([^)]*\)", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CssUrlPart();

    // Two lengths in a row, each pixels or a bare 0; not a size after "/" in the shorthand.
    [GeneratedRegex(@"(?<![/\w.-])(?<x>-?\d+(?:\.\d+)?px|0)\s+(?<y>-?\d+(?:\.\d+)?px|0)(?![\w%.])", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PixelPair();

    [GeneratedRegex(@"(?<![\w-])background-size\s*:\s*(?<v>\d+(?:\.\d+)?px)", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SizeWidth();
}
