using Microsoft.Extensions.Diagnostics.HealthChecks;
using PartnerWatch.Schedule;
using PartnerWatch.Store;

namespace PartnerWatch.Status.Health;

/// <summary>Readiness: the database answers and its schema is current.</summary>
public sealed class DatabaseHealthCheck(IScanStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await store.PingAsync(cancellationToken)
            ? HealthCheckResult.Healthy("database answers")
            : new HealthCheckResult(context.Registration.FailureStatus, "database unavailable");
}

/// <summary>Readiness: the scheduler runs, so sites get scanned.</summary>
public sealed class SchedulerHealthCheck(ScanSchedule schedule) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await schedule.IsRunningAsync(cancellationToken)
            ? HealthCheckResult.Healthy("scheduler running")
            : new HealthCheckResult(context.Registration.FailureStatus, "scheduler not running");
}

/// <summary>
/// The alert outbox: degraded (still ready, 200) when an alert has waited longer than <see cref="MaxAge"/> or a delivery
/// failed: the service works, but someone is not being told. Not a reason to take the instance out of rotation.
/// </summary>
public sealed class OutboxHealthCheck(IScanStore store, TimeProvider time) : IHealthCheck
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = await store.GetStatusAsync(cancellationToken);
        var data = new Dictionary<string, object>
        {
            ["pending"] = status.PendingAlerts,
            ["failedDeliveries"] = status.FailedDeliveries,
        };
        var age = status.OldestPendingAlertAt is { } oldest ? time.GetUtcNow() - oldest : TimeSpan.Zero;
        if (status.OldestPendingAlertAt is not null)
            data["oldestPendingAgeSeconds"] = (long)age.TotalSeconds;
        if (status.FailedDeliveries > 0)
            return HealthCheckResult.Degraded($"{status.FailedDeliveries} alerts failed to deliver; last error: {status.LastDeliveryError}", data: data);
        if (age > MaxAge)
            return HealthCheckResult.Degraded($"oldest undelivered alert waits since {status.OldestPendingAlertAt:u}", data: data);
        return HealthCheckResult.Healthy($"{status.PendingAlerts} alerts pending", data);
    }
}
