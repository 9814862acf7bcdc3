using System.Globalization;
using System.Text.RegularExpressions;
using PartnerWatch.Domain;

namespace PartnerWatch.Alert.Email;

/// <summary>
/// The detector's evidence said once per thing seen: a logo found by its pixels, named by its alt text and wrapped in a
/// link to the brand is one logo, not three lines. Groups by page and image (hash, else URL); text and links without an
/// image group by page and the words quoted.
/// </summary>
internal sealed partial class EvidenceSummary
{
    private EvidenceSummary(IReadOnlyList<EvidenceGroup> groups) => Groups = groups;

    /// <summary>Strongest first: a pixel-matched logo, a named logo, the name in text, a link.</summary>
    public IReadOnlyList<EvidenceGroup> Groups { get; }

    public EvidenceGroup? Primary => Groups.Count > 0 ? Groups[0] : null;

    public static EvidenceSummary Of(IEnumerable<Evidence> evidence) => new(evidence
        .GroupBy(Key, StringComparer.Ordinal)
        .Select(g => new EvidenceGroup(g.ToList()))
        .OrderBy(g => g.Rank)
        .ToList());

    /// <summary>"logo and name", "logo, name and a link", "name": what the site shows of the brand, over all pages.</summary>
    public string Seen()
    {
        var seen = new List<string>();
        if (Groups.Any(g => g.HasLogo)) seen.Add("logo");
        if (Groups.Any(g => g.Has(EvidenceKind.Text))) seen.Add("name");
        if (Groups.Any(g => g.Has(EvidenceKind.Link))) seen.Add(seen.Count == 0 ? "link" : "a link");
        return seen.Count switch
        {
            0 => "name",
            1 => seen[0],
            _ => string.Join(", ", seen.Take(seen.Count - 1)) + " and " + seen[^1],
        };
    }

    /// <summary>The page paths the evidence is on: "/partners.html", "/partners.html and 2 other pages".</summary>
    public string Pages()
    {
        var pages = Groups.SelectMany(g => g.PageUrls).Distinct(StringComparer.Ordinal).ToList();
        return Paths(pages);
    }

    /// <summary>"/partners.html", "/ and /partners.html", "/partners.html and 2 other pages".</summary>
    public static string Paths(IReadOnlyList<string> pages) => pages.Count switch
    {
        0 => "",
        1 => PathOf(pages[0]),
        2 => $"{PathOf(pages[0])} and {PathOf(pages[1])}",
        _ => $"{PathOf(pages[0])} and {pages.Count - 1} other pages",
    };

    /// <summary>The page as a reader recognises it: its path and query, or the URL when it is not one.</summary>
    public static string PathOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? AlertText.OneLine(uri.PathAndQuery, 120) : AlertText.OneLine(url, 120);

    // One image is one thing seen, on however many pages and by however many signals (pixels, alt text, a wrapping link).
    private static string Key(Evidence e)
    {
        if (!string.IsNullOrEmpty(e.ImageUrl)) return $"image:{e.ImageUrl}";
        if (!string.IsNullOrEmpty(e.ImageSha256)) return $"image:{e.ImageSha256}";
        return $"{AlertText.OneLine(e.PageUrl, 2000)}\n{e.Kind}:{AlertText.OneLine(e.Snippet, 300)}";
    }

    /// <summary>How closely the image matched the brand's logo, from the matcher's detail ("distance 0/256 (threshold 24)").</summary>
    internal static string MatchQuality(string detail)
    {
        var match = Distance().Match(detail);
        if (!match.Success) return "matches";
        var distance = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        var threshold = match.Groups["t"].Success ? int.Parse(match.Groups["t"].Value, CultureInfo.InvariantCulture) : 24;
        return distance == 0 ? "is identical to" : distance * 2 <= threshold ? "closely matches" : "resembles";
    }

    /// <summary>The host a link points to, from "link to microsoft.com (microsoft.com, Microsoft)".</summary>
    internal static string? LinkTarget(string detail)
    {
        var match = LinkTo().Match(detail);
        return match.Success ? match.Groups["host"].Value : null;
    }

    /// <summary>The label an image carries, from "alt \"Microsoft\" names Microsoft" or "file name \"ms-logo\" names Microsoft".</summary>
    internal static (string Source, string Label)? Label(string detail)
    {
        var match = Labelled().Match(detail);
        return match.Success ? (match.Groups["source"].Value, match.Groups["label"].Value) : null;
    }

    [GeneratedRegex(@"distance (?<d>\d+)/\d+(?: \(threshold (?<t>\d+)\))?", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Distance();

    [GeneratedRegex(@"\b(?:linked logo|link(?: in a script's logo list)?) to (?<host>[^\s(]+)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LinkTo();

    [GeneratedRegex("^(?<source>alt|title|aria-label|file name|label|[a-z-]+) \"(?<label>[^\"]*)\" names ", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Labelled();
}

/// <summary>The evidence items that describe one thing seen on one page.</summary>
internal sealed record EvidenceGroup(IReadOnlyList<Evidence> Items)
{
    /// <summary>The page of the strongest signal first.</summary>
    public string PageUrl => Items.OrderBy(i => i.Kind).First().PageUrl;
    public IReadOnlyList<string> PageUrls => Items.OrderBy(i => i.Kind).Select(i => i.PageUrl).Distinct(StringComparer.Ordinal).ToList();
    public string? ImageUrl => Items.Select(i => i.ImageUrl).FirstOrDefault(u => !string.IsNullOrWhiteSpace(u));
    public string? ImageSha256 => Items.Select(i => i.ImageSha256).FirstOrDefault(u => !string.IsNullOrWhiteSpace(u));
    public bool HasLogo => Has(EvidenceKind.LogoImage) || Has(EvidenceKind.LogoText);
    public bool Has(EvidenceKind kind) => Items.Any(i => i.Kind == kind);

    public int Rank => Has(EvidenceKind.LogoImage) ? 0 : Has(EvidenceKind.LogoText) ? 1 : Has(EvidenceKind.Text) ? 2 : 3;

    /// <summary>The context that makes it a claim: that of the strongest item that has one.</summary>
    public string? Context => Items.OrderBy(i => i.Kind).Where(i => i.PageUrl == PageUrl).Concat(Items).Select(i => i.Context).FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));

    /// <summary>The page's own words around it (a sentence), when the detector kept them.</summary>
    public string? Snippet => Items.OrderByDescending(i => i.Kind == EvidenceKind.Text).Select(i => i.Snippet).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s));

    /// <summary>"Microsoft's logo (identical to Microsoft's own logo), labelled "Microsoft", linking to microsoft.com".</summary>
    public string Describe(string brandName)
    {
        var parts = new List<string>();
        if (Items.FirstOrDefault(i => i.Kind == EvidenceKind.LogoImage) is { } pixels)
        {
            parts.Add($"{brandName}'s logo (the image {EvidenceSummary.MatchQuality(pixels.Detail)} {brandName}'s own logo)");
        }

        foreach (var named in Items.Where(i => i.Kind == EvidenceKind.LogoText))
        {
            var label = EvidenceSummary.Label(named.Detail);
            var phrase = label is { Source: "file name" } file ? $"in an image file named \"{AlertText.OneLine(file.Label, 80)}\""
                : label is { } l ? $"labelled \"{AlertText.OneLine(l.Label, 80)}\""
                : "named in the image's label";
            parts.Add(parts.Count == 0 ? $"{brandName}'s logo, {phrase}" : phrase);
        }

        if (Has(EvidenceKind.Text) && parts.Count == 0)
        {
            parts.Add($"{brandName}'s name in the text");
        }

        foreach (var target in Items.Where(i => i.Kind == EvidenceKind.Link).Select(i => EvidenceSummary.LinkTarget(i.Detail)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var where = target is null ? $"{brandName}'s website" : AlertText.OneLine(target, 100);
            parts.Add(parts.Count == 0 ? $"a link to {where}" : $"linking to {where}");
        }

        var text = string.Join(", ", parts.Distinct(StringComparer.Ordinal));
        return text.Length == 0 ? $"{brandName}'s name" : char.ToUpperInvariant(text[0]) + text[1..];
    }
}
