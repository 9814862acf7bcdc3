using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PartnerWatch.Status.Health;

/// <summary>
/// <c>/healthz</c>: liveness (the process answers; no check runs). <c>/readyz</c>: readiness — database and scheduler
/// (503 when either fails) and the alert outbox (degraded, still 200). Both answer JSON naming each check.
/// </summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddPartnerWatchHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", HealthStatus.Unhealthy, [Ready])
            .AddCheck<SchedulerHealthCheck>("scheduler", HealthStatus.Unhealthy, [Ready])
            .AddCheck<OutboxHealthCheck>("outbox", HealthStatus.Degraded, [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapPartnerWatchHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJsonAsync });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteJsonAsync });
        return app;
    }

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data.Count > 0 ? e.Value.Data : null }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, HealthJson), context.RequestAborted);
    }

    private static readonly JsonSerializerOptions HealthJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
