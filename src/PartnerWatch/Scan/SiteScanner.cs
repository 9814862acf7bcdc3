using PartnerWatch.Domain;
using System.Security.Cryptography;
using System.Diagnostics;
using PartnerWatch.Compare;
using PartnerWatch.Config;
using PartnerWatch.Detect;
using PartnerWatch.Fetch;
using PartnerWatch.Telemetry;

namespace PartnerWatch.Scan;

/// <summary>
/// One scan of one site: crawl → detect → compare. Pages are analysed as they arrive and released at once, so memory
/// stays bounded by one page, whatever the size of the site list. Never throws for a broken site: failures become
/// <see cref="ScanError"/> entries.
/// </summary>
public sealed class SiteScanner(
    SiteCrawler crawler,
    ClaimDetector detector,
    PartnerListComparer comparer,
    ScanConcurrencyLimiter limiter,
    TimeProvider time,
    ILogger<SiteScanner> logger,
    Telemetry.PartnerWatchMetrics? metrics = null)
{
    /// <summary>Page bytes one scan keeps for evidence; pages past it keep only their hash.</summary>
    internal const long MaxRetainedEvidenceBytes = 16 * 1024 * 1024;

    /// <summary>Appended to the detail of evidence seen on a page rendered in a browser (its stored HTML is as served).</summary>
    internal const string RenderedNote = "; seen after the page's scripts ran (browser render)";

    public async Task<SiteScanResult> ScanAsync(SiteOptions site, CancellationToken cancellationToken)
    {
        using var slot = await limiter.AcquireAsync(site.Id, cancellationToken);
        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        var errors = new List<ScanError>();
        var pages = 0;
        var collector = detector.BeginSite();
        var fetched = new List<FetchedPage>();
        var renderedUrls = new HashSet<string>(StringComparer.Ordinal);
        long retainedBytes = 0;

        try
        {
            await foreach (var step in crawler.CrawlAsync(new Uri(site.Url), cancellationToken))
            {
                if (step.Error is { } error)
                    errors.Add(error);
                if (step.Page is { } page)
                {
                    pages++;
                    // Bytes kept for evidence (not the parsed DOM), within a per-scan budget; beyond it only the hash.
                    var keep = retainedBytes + page.Html.LongLength <= MaxRetainedEvidenceBytes;
                    if (keep) retainedBytes += page.Html.LongLength;
                    var keepRendered = page.RenderedHtml is { } dom && retainedBytes + dom.LongLength <= MaxRetainedEvidenceBytes;
                    if (keepRendered) retainedBytes += page.RenderedHtml!.LongLength;
                    fetched.Add(new FetchedPage(page.Url.AbsoluteUri, page.StatusCode, page.FetchedAt,
                        Convert.ToHexStringLower(SHA256.HashData(page.Html)), page.Html.LongLength, keep ? page.Html : null)
                    {
                        Rendered = page.Rendered,
                        RenderedHtml = keepRendered ? page.RenderedHtml : null,
                    });
                    if (page.Rendered) renderedUrls.Add(page.Url.AbsoluteUri);
                    await collector.AddPageAsync(page, cancellationToken);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A defect or hostile input in one site must not stop the scan of the others.
            logger.LogError(ex, "Scan of {Site} failed after {Pages} pages", site.Id, pages);
            errors.Add(new ScanError(site.Url, "scan failed: " + ex.Message));
        }

        IReadOnlyList<Claim> claims = pages == 0
            ? []
            : collector.Complete()
                .Select(c => new Claim(c.BrandId, comparer.StatusOf(c.BrandId, site), Math.Round(c.Confidence, 2), NoteRendered(c.Evidence, renderedUrls)))
                .OrderBy(c => c.Brand, StringComparer.Ordinal)
                .ToList();

        var elapsed = time.GetElapsedTime(started);
        logger.LogInformation(
            "Scanned {Site}: {Pages} pages, {Claims} claims ({Unverified} unverified), {Errors} errors in {Elapsed}",
            site.Id, pages, claims.Count, claims.Count(c => c.Status == ClaimStatus.Unverified), errors.Count, elapsed);

        var result = new SiteScanResult(site.Id, site.Url, pages, errors, claims)
        {
            StartedAt = startedAt,
            FinishedAt = time.GetUtcNow(),
            FetchedPages = fetched,
            FetchedImages = collector.MatchedImages,
        };
        metrics?.ScanFinished(result, elapsed);
        return result;
    }

    private static IReadOnlyList<Evidence> NoteRendered(IReadOnlyList<Evidence> evidence, HashSet<string> renderedUrls) =>
        renderedUrls.Count == 0
            ? evidence
            : evidence.Select(e => renderedUrls.Contains(e.PageUrl) ? e with { Detail = e.Detail + RenderedNote } : e).ToList();
}
