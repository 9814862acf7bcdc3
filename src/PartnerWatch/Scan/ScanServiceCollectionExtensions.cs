
namespace PartnerWatch.Scan;

public static class ScanServiceCollectionExtensions
{
    /// <summary>The orchestration around the stages: one site scan, a run over many sites, and the monitor the scheduler calls.</summary>
    public static IServiceCollection AddScanning(this IServiceCollection services)
    {
        services.AddSingleton<ScanConcurrencyLimiter>();
        services.AddSingleton<SiteScanner>();
        services.AddSingleton<ScanRunner>();
        services.AddSingleton<SiteMonitor>();
        return services;
    }
}
