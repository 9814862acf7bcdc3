using OpenTelemetry.Metrics;
using PartnerWatch.Telemetry;

namespace PartnerWatch.Status.Metrics;

public static class MetricsServiceCollectionExtensions
{
    /// <summary>The instruments every command records to (the CLI's progress display listens to them too).</summary>
    public static IServiceCollection AddPartnerWatchMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<PartnerWatchMetrics>();
        return services;
    }

    /// <summary>The service's <c>/metrics</c>: OpenTelemetry's Prometheus exporter over PartnerWatch's meter and ASP.NET Core's.</summary>
    public static IServiceCollection AddPrometheusMetrics(this IServiceCollection services)
    {
        services.AddSingleton<StoreGauges>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(PartnerWatchMetrics.MeterName)
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }

    public static WebApplication MapPrometheusMetrics(this WebApplication app)
    {
        var gauges = app.Services.GetRequiredService<StoreGauges>();
        // Database-backed gauges are read right before the exporter collects, so a scrape sees current values.
        app.Use(async (context, next) =>
        {
            if (context.Request.Path == "/metrics")
                await gauges.RefreshAsync(context.RequestAborted);
            await next(context);
        });
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
