
namespace PartnerWatch.Scan;

public static class ScanServiceCollectionExtensions
{
    /// <summary>The orchestration around the stages: one site scan, a run over many sites, and the monitor the scheduler calls.</summary>
    public static IServiceCollection AddScanning(this IServiceCollection services)
    {
        services.AddSingleton<ScanConcurrencyLimiter>();
        // Transient: SiteCrawler holds a typed HttpClient, which must not be captured by a singleton
        // (its handler is rotated by IHttpClientFactory).
        services.AddTransient<SiteScanner>();
        services.AddTransient<ScanRunner>();
        services.AddTransient<SiteMonitor>();
        // Alerts queued by a scan are delivered off the scan's worker, by one loop per process (runs only in a host: serve).
        services.AddSingleton<Alert.AlertDispatchSignal>();
        services.AddHostedService<Alert.BackgroundAlertDispatcher>();
        return services;
    }
}
