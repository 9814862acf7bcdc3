using Microsoft.Extensions.Options;
using PartnerWatch.Alert;
using PartnerWatch.Compare;
using PartnerWatch.Config;
using PartnerWatch.Detect;
using PartnerWatch.Detect.Logos;
using PartnerWatch.Fetch;
using PartnerWatch.Status.Metrics;
using PartnerWatch.Scan;
using PartnerWatch.Store;
using PartnerWatch.Telemetry;

namespace PartnerWatch.Hosting;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// The stages every command shares, in the order data flows through them:
    /// config → fetch → detect → compare → store → alert. The service adds schedule and status on top (see ServeCommand).
    /// </summary>
    public static IServiceCollection AddPartnerWatchPipeline(this IServiceCollection services, PartnerWatchOptions options) =>
        services
            .AddPartnerWatchConfig(options)
            .AddFetching()
            .AddDetection()
            .AddLogoMatching()
            .AddComparison()
            .AddScanning()
            .AddStorage()
            .AddAlerting();

    private static IServiceCollection AddPartnerWatchConfig(this IServiceCollection services, PartnerWatchOptions options)
    {
        // Validated (with every problem listed) before any host is built; see ConfigurationLoader.
        services.AddSingleton(Options.Create(options));
        services.AddSingleton(options);
        services.AddSingleton<IValidateOptions<PartnerWatchOptions>, PartnerWatchOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddPartnerWatchMetrics();  // instruments the stages record to; exported by the service at /metrics
        return services;
    }
}
