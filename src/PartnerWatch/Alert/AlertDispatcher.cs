using Microsoft.Extensions.Logging;
using PartnerWatch.Store;
using PartnerWatch.Telemetry;

namespace PartnerWatch.Alert;

/// <summary>Result of one dispatch run: alerts delivered, and alerts whose delivery failed and will be retried.</summary>
public sealed record AlertDispatchResult(int Sent, int Failed)
{
    /// <summary>Webhook POSTs the receivers accepted in this run.</summary>
    public int WebhooksSent { get; init; }
    /// <summary>Webhook POSTs that failed in this run (to be retried, or given up for good).</summary>
    public int WebhooksFailed { get; init; }
}

/// <summary>
/// Drains the alert outbox: composes, sends and marks each due alert; a failed alert is retried later with exponential
/// backoff (1 min doubling to 1 h) while the others continue. Delivery is at-least-once: a crash between sending and
/// marking resends the same message with the same Message-ID.
/// Then the same for the webhook deliveries (one row per alert and webhook): a 2xx marks it sent, a 5xx/timeout is retried
/// on the same backoff, a 4xx or a refused address gives it up for good (visible in /status).
/// </summary>
public sealed partial class AlertDispatcher(
    IScanStore store,
    AlertComposer composer,
    IAlertSender sender,
    TimeProvider timeProvider,
    ILogger<AlertDispatcher> logger,
    WebhookSender? webhooks = null,
    Telemetry.PartnerWatchMetrics? metrics = null)
{
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

    internal const int BatchSize = 50;
    internal const int MaxBatchesPerRun = 20;

    // One run at a time per process: two overlapping runs would both see the same pending alert and send it twice.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<AlertDispatchResult> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Reminders and the digest are due by the clock; queueing them here makes every dispatch run (each minute and
            // after each scan, through BackgroundAlertDispatcher) the one place where time-driven alerts enter the outbox.
            await store.QueueDueAlertsAsync(cancellationToken);
            int sent = 0, failed = 0;
            var attempted = new HashSet<long>();
            for (var batch = 0; batch < MaxBatchesPerRun; batch++)
            {
                var pending = await store.GetPendingAlertsAsync(BatchSize, cancellationToken);
                // An alert whose bookkeeping failed would come back due at once; never try it twice in one run.
                var fresh = pending.Where(a => attempted.Add(a.Id)).ToList();
                foreach (var alert in fresh)
                {
                    if (await DeliverAsync(alert, cancellationToken))
                    {
                        sent++;
                    }
                    else
                    {
                        failed++;
                    }
                }

                if (pending.Count < BatchSize || fresh.Count == 0)
                {
                    break;
                }
            }

            var (webhooksSent, webhooksFailed) = webhooks is null ? (0, 0) : await DispatchWebhooksAsync(webhooks, cancellationToken);
            if (sent + failed + webhooksSent + webhooksFailed > 0)
            {
                LogDispatched(sent, failed, webhooksSent, webhooksFailed);
                metrics?.AlertsDispatched(sent, failed);
            }

            return new AlertDispatchResult(sent, failed) { WebhooksSent = webhooksSent, WebhooksFailed = webhooksFailed };
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(int Sent, int Failed)> DispatchWebhooksAsync(WebhookSender webhookSender, CancellationToken cancellationToken)
    {
        int sent = 0, failed = 0;
        var attempted = new HashSet<(long, string)>();
        // A receiver that is down would make every one of its deliveries wait for a timeout; one failure per run is enough
        // to know, and the rest keep their place in the queue for the next run.
        var down = new HashSet<string>(StringComparer.Ordinal);
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            var pending = await store.GetPendingDeliveriesAsync(BatchSize, cancellationToken);
            var fresh = pending.Where(d => !down.Contains(d.Sink) && attempted.Add((d.Alert.Id, d.Sink))).ToList();
            foreach (var delivery in fresh)
            {
                if (down.Contains(delivery.Sink))
                {
                    continue;
                }

                var outcome = await webhookSender.SendAsync(delivery, cancellationToken);
                var now = timeProvider.GetUtcNow();
                switch (outcome.Result)
                {
                    case WebhookResult.Delivered:
                        // Accepted by the receiver; record it even if shutdown begins now, or it would be POSTed again.
                        await store.MarkDeliverySentAsync(delivery.Alert.Id, delivery.Sink, now, CancellationToken.None);
                        LogWebhookDelivered(delivery.Alert.Id, delivery.Sink);
                        sent++;
                        break;
                    case WebhookResult.Rejected:
                        await store.MarkDeliveryAbandonedAsync(delivery.Alert.Id, delivery.Sink, outcome.Error ?? "rejected", now, CancellationToken.None);
                        LogWebhookRejected(delivery.Alert.Id, delivery.Sink, outcome.Error ?? "rejected");
                        failed++;
                        break;
                    default:
                        var delay = RetryDelay(delivery.Attempts);
                        if (outcome.RetryAfter is { } wait && wait > delay)
                        {
                            delay = wait < MaxRetryDelay ? wait : MaxRetryDelay;
                        }

                        await store.MarkDeliveryFailedAsync(delivery.Alert.Id, delivery.Sink, outcome.Error ?? "failed", now + delay, CancellationToken.None);
                        LogWebhookFailed(delivery.Alert.Id, delivery.Sink, delivery.Attempts + 1, outcome.Error ?? "failed", now + delay);
                        down.Add(delivery.Sink);
                        failed++;
                        break;
                }
            }

            if (pending.Count < BatchSize || fresh.Count == 0)
            {
                break;
            }
        }

        return (sent, failed);
    }

    /// <summary>Delay before the next attempt after <paramref name="previousAttempts"/> failures and one more.</summary>
    public static TimeSpan RetryDelay(int previousAttempts)
    {
        var doublings = Math.Clamp(previousAttempts, 0, 16);
        var delay = FirstRetryDelay * Math.Pow(2, doublings);
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }

    private async Task<bool> DeliverAsync(PendingAlert alert, CancellationToken cancellationToken)
    {
        try
        {
            var message = await composer.ComposeAsync(alert, cancellationToken);
            await sender.SendAsync(alert.Id, message, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var nextAttemptAt = timeProvider.GetUtcNow() + RetryDelay(alert.Attempts);
            LogDeliveryFailed(ex, alert.Id, alert.SiteId, alert.BrandId, alert.Attempts + 1, nextAttemptAt);
            await store.MarkAlertFailedAsync(alert.Id, $"{ex.GetType().Name}: {ex.Message}", nextAttemptAt, cancellationToken);
            return false;
        }

        // The message is out; record that even if shutdown begins now, or it would be sent again after restart.
        await store.MarkAlertSentAsync(alert.Id, timeProvider.GetUtcNow(), CancellationToken.None);
        LogDelivered(alert.Id, alert.SiteId, alert.BrandId);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} sent: {Site} shows {Brand}")]
    private partial void LogDelivered(long alertId, string site, string brand);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId} ({Site} shows {Brand}) could not be delivered (attempt {Attempt}); next attempt at {NextAttemptAt}")]
    private partial void LogDeliveryFailed(Exception exception, long alertId, string site, string brand, int attempt, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert outbox dispatched: {Sent} sent, {Failed} failed; webhooks {WebhooksSent} sent, {WebhooksFailed} failed")]
    private partial void LogDispatched(int sent, int failed, int webhooksSent, int webhooksFailed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} delivered to {Sink}")]
    private partial void LogWebhookDelivered(long alertId, string sink);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId} could not be delivered to {Sink} (attempt {Attempt}): {Reason}; next attempt at {NextAttemptAt}")]
    private partial void LogWebhookFailed(long alertId, string sink, int attempt, string reason, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert {AlertId} will not be delivered to {Sink}: {Reason}")]
    private partial void LogWebhookRejected(long alertId, string sink, string reason);
}
