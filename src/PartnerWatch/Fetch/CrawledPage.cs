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
}

/// <summary>One step of a crawl: a page, or an error for a URL that could not be fetched.</summary>
public sealed record CrawlStep(CrawledPage? Page, Domain.ScanError? Error);
