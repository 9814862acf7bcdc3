using AngleSharp.Dom;

namespace PartnerWatch.Fetch;

/// <summary>
/// A same-site HTML page as fetched and parsed; <see cref="Html"/> keeps the bytes as received for evidence.
/// The crawler owns <see cref="Document"/>: it is valid while the consumer handles this step and disposed after.
/// When <see cref="Rendered"/> is true, <see cref="Document"/> is the DOM after the page's scripts ran in a browser,
/// while <see cref="Html"/> stays the bytes as served and <see cref="RenderedHtml"/> holds that DOM serialized (UTF-8):
/// the evidence of what a visitor saw.
/// </summary>
public sealed record CrawledPage(Uri Url, int StatusCode, DateTimeOffset FetchedAt, IDocument Document, byte[] Html, string Charset, byte[]? RenderedHtml = null)
{
    public bool Rendered => RenderedHtml is not null;

    /// <summary>The validators the server sent (<c>ETag</c>, <c>Last-Modified</c>), for a conditional request next time.</summary>
    public string? ETag { get; init; }
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>The same-site links the crawl may follow from this page, and its meta-refresh target.</summary>
    public IReadOnlyList<PageLink> Links { get; init; } = [];
    public Uri? RefreshTarget { get; init; }

    /// <summary>Problems noted while reading the page (truncated, cut at a nesting depth), also reported as error steps.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// The detection setup the crawl ran under (see <see cref="CrawlOptions.Generation"/>) when the page may be remembered
    /// for conditional requests: served (not rendered) and with a validator. Null: do not remember it.
    /// </summary>
    public string? RememberAs { get; init; }
}

/// <summary>
/// One step of a crawl: a page, or an error for a URL that could not be fetched, or (<see cref="Unchanged"/>) a page
/// the server answered 304 for: not downloaded, its earlier findings stand.
/// </summary>
public sealed record CrawlStep(CrawledPage? Page, Domain.ScanError? Error)
{
    public RememberedPage? Unchanged { get; init; }
}

/// <param name="IgnoreRobots">Fetch without reading robots.txt (<c>Sites[i]:IgnoreRobots</c>).</param>
/// <param name="Generation">
/// Names the detection setup the findings of this crawl belong to; when set (and <c>Fetch:ConditionalRequests</c>), pages
/// remembered under it are asked for conditionally. Null: every page is downloaded in full.
/// </param>
public sealed record CrawlOptions(bool IgnoreRobots = false, string? Generation = null)
{
    public static CrawlOptions Default { get; } = new();
}
