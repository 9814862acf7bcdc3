using PartnerWatch.Domain;
using PartnerWatch.Config;

namespace PartnerWatch.Scan;

/// <summary>Scans a list of sites once, in parallel up to the configured limit, keeping the configured order.</summary>
public sealed class ScanRunner(SiteScanner scanner, PartnerWatchOptions options, TimeProvider time, ILogger<ScanRunner> logger)
{
    public async Task<ScanReport> ScanAsync(
        IReadOnlyList<SiteOptions> sites, CancellationToken cancellationToken, IProgress<SiteScanResult>? progress = null)
    {
        var scannedAt = time.GetUtcNow();
        var results = new SiteScanResult[sites.Count];
        var done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, sites.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Fetch.MaxConcurrentSites, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                results[index] = await scanner.ScanAsync(sites[index], token);
                progress?.Report(results[index]);
                var finished = Interlocked.Increment(ref done);
                logger.LogInformation("Progress: {Done}/{Total} sites scanned", finished, sites.Count);
            });
        return new ScanReport(scannedAt, results);
    }
}
