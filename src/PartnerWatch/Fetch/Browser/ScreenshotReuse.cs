using System.Security.Cryptography;
using PartnerWatch.Domain;

namespace PartnerWatch.Fetch.Browser;

/// <summary>
/// The screenshots already stored as evidence, as far as deciding whether a page must be shot again needs them. The
/// service reads them from the evidence store; without one (the <c>scan</c> command) every claim page is shot.
/// </summary>
public interface IScreenshotHistory
{
    /// <summary>The newest stored screenshot of each claim page of <paramref name="siteId"/>, by page URL.</summary>
    Task<IReadOnlyDictionary<string, StoredScreenshot>> LastShotsAsync(string siteId, CancellationToken cancellationToken);

    /// <summary>The PNG stored under <paramref name="sha256"/>, or null when it is gone (pruned).</summary>
    Task<byte[]?> ReadAsync(string sha256, CancellationToken cancellationToken);
}

/// <summary>A stored screenshot and what it was a picture of.</summary>
/// <param name="PageSha256">SHA-256 of the page's HTML as served when it was shot.</param>
/// <param name="RenderedSha256">SHA-256 of the rendered DOM detection read, when the page was built by scripts.</param>
/// <param name="MarkedFor">What was to be outlined (the claims' matched images and brand names on that page).</param>
/// <param name="ImageSha256">Hashes of the matched images then, by URL (null when unknown).</param>
public sealed record StoredScreenshot(
    string PageUrl, DateTimeOffset TakenAt, string Sha256, string? Note, IReadOnlyList<MarkBox> Marks,
    string? PageSha256, string? RenderedSha256, PageMarks MarkedFor, IReadOnlyDictionary<string, string?> ImageSha256);

/// <summary>
/// When a claim page need not be shot again: the stored picture still shows what a visitor sees now, as far as the scan
/// can tell. Same HTML (and rendered DOM), same matched images, same marks to outline, the stored PNG still readable, and
/// not older than <see cref="MaxAge"/>: style sheets and images the claim does not name are not hashed by the scan, so
/// a page restyled without an HTML change is shot afresh at least weekly.
/// </summary>
public static class ScreenshotReuse
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(7);

    /// <summary>Why <paramref name="previous"/> cannot stand for the page now; null when it can be reused.</summary>
    public static string? WhyRetake(StoredScreenshot previous, FetchedPage? page, PageMarks marks, IReadOnlyList<FetchedImage> images, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(marks);
        if (now - previous.TakenAt > MaxAge) return $"the stored one is older than {MaxAge.TotalDays:0} days";
        if (page is null) return "the page was not fetched by this scan";
        if (previous.PageSha256 is null || !string.Equals(previous.PageSha256, page.Sha256, StringComparison.OrdinalIgnoreCase))
            return "the page's HTML changed";
        var rendered = page.RenderedHtml is { } dom ? Convert.ToHexStringLower(SHA256.HashData(dom)) : null;
        if (page.Rendered && rendered is null) return "the rendered page was not kept, so it cannot be compared";
        if (!string.Equals(rendered, previous.RenderedSha256, StringComparison.OrdinalIgnoreCase)) return "the rendered page changed";
        if (!SameSet(marks.ImageUrls, previous.MarkedFor.ImageUrls, StringComparer.Ordinal) || !SameSet(marks.Names, previous.MarkedFor.Names, StringComparer.OrdinalIgnoreCase))
            return "the marks to outline changed";
        foreach (var url in marks.ImageUrls)
        {
            var current = images.FirstOrDefault(i => string.Equals(i.Url, url, StringComparison.Ordinal))?.Sha256;
            if (current is null || !previous.ImageSha256.TryGetValue(url, out var then) || !string.Equals(current, then, StringComparison.OrdinalIgnoreCase))
                return "a matched image changed (or its hash is unknown)";
        }
        // The e-mail crops around the first mark: a marked picture is only reusable with its marks' boxes.
        if (previous.Marks.Count == 0 && previous.Note?.Contains(ClaimScreenshots.NothingOutlined, StringComparison.Ordinal) != true)
            return "the stored one has no mark positions";
        return null;
    }

    /// <summary>The stored picture as this scan's screenshot: same bytes (so the same hash), taken when it was taken.</summary>
    public static PageScreenshot Reused(StoredScreenshot previous, byte[] png) =>
        new(previous.PageUrl, previous.TakenAt, png, previous.Note?.Contains(ReusedNote, StringComparison.Ordinal) == true ? previous.Note : $"{previous.Note}; {ReusedNote}")
        {
            Marks = previous.Marks,
        };

    public const string ReusedNote = "not retaken: page, matched images and marks unchanged since";

    private static bool SameSet(IEnumerable<string> a, IEnumerable<string> b, StringComparer comparer) =>
        new HashSet<string>(a, comparer).SetEquals(b);
}
