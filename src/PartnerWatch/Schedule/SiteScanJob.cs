using PartnerWatch.Config;
using PartnerWatch.Scan;
using Quartz;

namespace PartnerWatch.Schedule;

/// <summary>
/// The scheduled scan of one site. One job per site (keyed by site id) and <see cref="DisallowConcurrentExecutionAttribute"/>
/// make sure a site is never scanned twice at once; a slow scan delays the next one instead of overlapping it.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SiteScanJob(
    SiteMonitor monitor,
    PartnerWatchOptions options,
    IHostApplicationLifetime lifetime,
    ILogger<SiteScanJob> logger) : IJob
{
    public const string SiteIdKey = "siteId";
    public const string Group = "site-scans";

    public static JobKey KeyFor(string siteId) => new(siteId, Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var siteId = context.MergedJobDataMap.GetString(SiteIdKey);
        var site = options.Sites.FirstOrDefault(s => string.Equals(s.Id, siteId, StringComparison.OrdinalIgnoreCase));
        if (site is null)
        {
            logger.LogWarning("Scheduled scan for unknown site {Site} skipped", siteId);
            return;
        }

        // Shutdown cancels a running scan cleanly: nothing of a cancelled scan is recorded, so no half results.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        try
        {
            await monitor.RunOnceAsync(site, linked.Token);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            logger.LogInformation("Scan of {Site} cancelled by shutdown", site.Id);
        }
        catch (Exception ex)
        {
            // A storage or delivery failure must not kill the trigger; the next run tries again.
            logger.LogError(ex, "Scheduled scan of {Site} failed", site.Id);
        }
    }
}
