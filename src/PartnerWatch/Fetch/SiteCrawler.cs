namespace PartnerWatch.Fetch;

/// <summary>
/// Fetches a site's start page and the same-site pages likely to show partners, within the page cap.
/// </summary>
public sealed class SiteCrawler
{
    public IAsyncEnumerable<CrawlStep> CrawlAsync(Uri start, CancellationToken cancellationToken)
        => throw new NotImplementedException("fetch stage: being built");
}
