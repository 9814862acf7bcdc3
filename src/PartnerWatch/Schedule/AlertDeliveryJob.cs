using PartnerWatch.Alert;
using Quartz;

namespace PartnerWatch.Schedule;

/// <summary>Retries alerts that could not be delivered yet (SMTP down, disk full), on their backoff schedule.</summary>
[DisallowConcurrentExecution]
public sealed class AlertDeliveryJob(AlertDispatcher dispatcher, IHostApplicationLifetime lifetime, ILogger<AlertDeliveryJob> logger) : IJob
{
    public static readonly JobKey Key = new("alert-delivery", "alerts");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await BackgroundRun.RunAsync(cancellationToken, lifetime, logger, "Alert delivery run failed", token => dispatcher.DispatchPendingAsync(token));
}
