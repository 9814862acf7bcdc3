using PartnerWatch.Domain;
using PartnerWatch.Config;

namespace PartnerWatch.Scan;

/// <summary>
/// Scans a list of sites once, in parallel up to the configured limit. Each site's full result is handed to the
/// caller as soon as that site finishes and then let go: the runner keeps only a <see cref="SiteTally"/> per site, so
/// memory does not grow with the number of sites (a 300-site scan used to hold every site's pages until the end).
/// </summary>
public sealed class ScanRunner(SiteScanner scanner, PartnerWatchOptions options, TimeProvider time, ILogger<ScanRunner> logger)
{
    /// <param name="onSite">
    /// Called with the site's index in <paramref name="sites"/> and its result once per site, in the order the sites finish, never twice at once (a caller may write to one stream
    /// without locking). An exception from it stops the scan.
    /// </param>
    /// <returns>The counts, one row per site in the order of <paramref name="sites"/>.</returns>
    public async Task<ScanTally> ScanAsync(
        IReadOnlyList<SiteOptions> sites,
        Func<int, SiteScanResult, CancellationToken, ValueTask> onSite,
        CancellationToken cancellationToken,
        IProgress<SiteScanResult>? progress = null)
    {
        var scannedAt = time.GetUtcNow();
        var tallies = new SiteTally[sites.Count];
        var done = 0;
        using var handOff = new SemaphoreSlim(1, 1);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, sites.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Fetch.MaxConcurrentSites, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var result = await scanner.ScanAsync(sites[index], token);
                tallies[index] = SiteTally.Of(result);
                await handOff.WaitAsync(token);
                try
                {
                    await onSite(index, result, token);
                }
                finally
                {
                    handOff.Release();
                }
                progress?.Report(result);
                var finished = Interlocked.Increment(ref done);
                logger.LogInformation("Progress: {Done}/{Total} sites scanned", finished, sites.Count);
            });
        return new ScanTally(scannedAt, tallies);
    }
}
