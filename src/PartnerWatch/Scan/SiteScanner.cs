using System.Text.RegularExpressions;
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
/// <see cref="ScanError"/> entries. Every request of the scan carries the site's fetch settings (language, proxy); a page
/// the server answers 304 for adds what the last full fetch of it found (<see cref="RememberedPages"/>), so the result
/// equals a full scan's. Page bytes are kept in the result only for pages a claim's evidence names and this scan
/// downloaded; a page answered 304 is named by its hash (the evidence store has its bytes from the earlier scan).
/// </summary>
public sealed partial class SiteScanner(
    SiteCrawler crawler,
    ClaimDetector detector,
    PartnerListComparer comparer,
    ScanConcurrencyLimiter limiter,
    TimeProvider time,
    ILogger<SiteScanner> logger,
    PartnerWatchOptions options,
    FetchScope fetchScope,
    RememberedPages remembered,
    Telemetry.PartnerWatchMetrics? metrics = null,
    SiteMentions? mentions = null)
{
    /// <summary>Page bytes one scan keeps for evidence; pages past it keep only their hash.</summary>
    internal const long MaxRetainedEvidenceBytes = 16 * 1024 * 1024;

    /// <summary>Appended to the detail of evidence seen on a page rendered in a browser (its stored HTML is as served).</summary>
    internal const string RenderedNote = "; seen after the page's scripts ran (browser render)";

    public async Task<SiteScanResult> ScanAsync(SiteOptions site, CancellationToken cancellationToken)
    {
        using var slot = await limiter.AcquireAsync(site.Id, cancellationToken);
        using var settings = fetchScope.Enter(FetchSettings.For(site, options.Fetch));
        if (site.IgnoreRobots) LogIgnoringRobots(site.Id);
        var crawl = new CrawlOptions(site.IgnoreRobots, DetectionGeneration());
        var unchanged = 0;
        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        var errors = new List<ScanError>();
        var pages = 0;
        var collector = detector.BeginSite(recordMentions: mentions is not null);
        var fetched = new List<FetchedPage>();
        var renderedUrls = new HashSet<string>(StringComparer.Ordinal);
        long retainedBytes = 0;

        try
        {
            await foreach (var step in crawler.CrawlAsync(new Uri(site.Url), crawl, cancellationToken))
            {
                if (step.Error is { } error)
                    errors.Add(error);
                if (step.Unchanged is { } same && same.Findings is PageFindings findings)
                {
                    // 304: the bytes and findings of the last full fetch stand; only the time of this visit is new. The
                    // bytes themselves are named by their hash: the evidence store holds them from the scan that fetched them.
                    pages++;
                    unchanged++;
                    fetched.Add(new FetchedPage(same.Url.AbsoluteUri, same.StatusCode, time.GetUtcNow(), same.Sha256, same.Length, null));
                    collector.AddFindings(findings);
                }
                if (step.Page is { } page)
                {
                    pages++;
                    // Bytes kept for evidence (not the parsed DOM), within a per-scan budget; beyond it only the hash.
                    var keep = retainedBytes + page.Html.LongLength <= MaxRetainedEvidenceBytes;
                    if (keep) retainedBytes += page.Html.LongLength;
                    var keepRendered = page.RenderedHtml is { } dom && retainedBytes + dom.LongLength <= MaxRetainedEvidenceBytes;
                    if (keepRendered) retainedBytes += page.RenderedHtml!.LongLength;
                    var sha256 = Convert.ToHexStringLower(SHA256.HashData(page.Html));
                    fetched.Add(new FetchedPage(page.Url.AbsoluteUri, page.StatusCode, page.FetchedAt, sha256, page.Html.LongLength, keep ? page.Html : null)
                    {
                        Rendered = page.Rendered,
                        RenderedHtml = keepRendered ? page.RenderedHtml : null,
                    });
                    if (page.Rendered) renderedUrls.Add(page.Url.AbsoluteUri);
                    PageFindings? found;
                    try
                    {
                        found = await collector.AddPageAsync(page, cancellationToken);
                    }
                    catch (Exception ex) when (ex is not RegexMatchTimeoutException and not OperationCanceledException)
                    {
                        // A defect in one page's detection (once: an exception from inside the regex engine) costs that
                        // page's findings, not the claims of the site's other pages.
                        logger.LogError(ex, "Detection on {Url} of {Site} failed; the page's findings are skipped", page.Url, site.Id);
                        errors.Add(new ScanError(page.Url.AbsoluteUri, "detection failed: " + ex.GetType().Name));
                        continue;
                    }
                    catch (RegexMatchTimeoutException ex)
                    {
                        // A pattern that outran its time limit (a starved thread on a loaded machine, or a hostile page)
                        // costs this page's findings, not the claims of the site's other pages.
                        // The pattern itself can be tens of kilobytes (a keyword alternation): only its start goes into the log.
                        var pattern = ex.Pattern is { Length: > 120 } whole ? whole[..120] + "…" : ex.Pattern;
                        logger.LogWarning("Detection on {Url} of {Site} ran out of time ({Timeout}) in pattern {Pattern}; the page's findings are skipped",
                            page.Url, site.Id, ex.MatchTimeout, pattern);
                        errors.Add(new ScanError(page.Url.AbsoluteUri, $"detection timed out after {ex.MatchTimeout.TotalSeconds:0.#} s in one pattern"));
                        continue;
                    }
                    if (page.RememberAs is { } generation)
                        remembered.Remember(generation, new RememberedPage(page.Url, page.StatusCode, page.ETag, page.LastModified, sha256,
                            page.Html.LongLength, page.RefreshTarget, page.Links, page.Notes, found, time.GetUtcNow()));
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

        mentions?.Put(site.Id, pages == 0 ? [] : collector.Mentions());

        var elapsed = time.GetElapsedTime(started);
        logger.LogInformation(
            "Scanned {Site}: {Pages} pages ({Unchanged} unchanged), {Claims} claims ({Unverified} unverified), {Errors} errors in {Elapsed}",
            site.Id, pages, unchanged, claims.Count, claims.Count(c => c.Status == ClaimStatus.Unverified), errors.Count, elapsed);

        var result = new SiteScanResult(site.Id, site.Url, pages, errors, claims)
        {
            StartedAt = startedAt,
            FinishedAt = time.GetUtcNow(),
            FetchedPages = KeepBytesOfEvidencePages(fetched, claims),
            FetchedImages = collector.MatchedImages,
        };
        metrics?.ScanFinished(result, elapsed);
        return result;
    }

    /// <summary>
    /// Page bytes are kept for the evidence store, which writes only the pages a claim's evidence names; the others keep
    /// their hash and length, so a site without claims holds no HTML once scanned.
    /// </summary>
    private static List<FetchedPage> KeepBytesOfEvidencePages(List<FetchedPage> fetched, IReadOnlyList<Claim> claims)
    {
        var named = claims.SelectMany(c => c.Evidence ?? []).Select(e => Key(e.PageUrl)).ToHashSet(StringComparer.Ordinal);
        return fetched.Select(p => named.Contains(Key(p.Url)) || (p.Html is null && p.RenderedHtml is null) ? p : p with { Html = null, RenderedHtml = null }).ToList();

        // The store matches pages to evidence by this spelling of the URL.
        static string Key(string url) =>
            Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped) : url;
    }

    /// <summary>
    /// Names the detection setup (brands, threshold, pixel evidence for every logo): findings remembered for a page are reused only under the same one.
    /// Reference logo files are named, not hashed: a changed file is picked up when the page is next fetched in full
    /// (<c>Fetch:PageCacheMaxAge</c>) or the service restarts.
    /// </summary>
    private string DetectionGeneration() =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { options.Brands, options.Detection.ClaimThreshold, options.Detection.MatchEveryLogo })))[..16];

    [LoggerMessage(Level = LogLevel.Information, Message = "Scanning {Site} without reading robots.txt (its IgnoreRobots is set)")]
    private partial void LogIgnoringRobots(string site);

    private static IReadOnlyList<Evidence> NoteRendered(IReadOnlyList<Evidence> evidence, HashSet<string> renderedUrls) =>
        renderedUrls.Count == 0
            ? evidence
            : evidence.Select(e => renderedUrls.Contains(e.PageUrl) ? e with { Detail = e.Detail + RenderedNote } : e).ToList();
}
