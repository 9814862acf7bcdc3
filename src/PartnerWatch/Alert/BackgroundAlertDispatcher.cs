namespace PartnerWatch.Alert;

/// <summary>
/// Delivers the alerts a scan queued, off the scan's worker: one loop per process runs
/// <see cref="AlertDispatcher.DispatchPendingAsync"/> whenever <see cref="AlertDispatchSignal"/> was rung. Before, every
/// scan composed and sent the whole pending outbox on its own scheduler worker (and waited for the dispatcher's gate
/// while another scan's run was under way), keeping that worker from starting the next due site. Nothing is lost if
/// the process stops between a ring and its run: the alerts are in the outbox, and the next run (a later scan, the
/// per-minute <c>AlertDeliveryJob</c>, or the next start) delivers them.
/// </summary>
public sealed partial class BackgroundAlertDispatcher(
    AlertDispatchSignal signal,
    AlertDispatcher dispatcher,
    ILogger<BackgroundAlertDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(stoppingToken);
                await dispatcher.DispatchPendingAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A store or sender failure must not end the loop; the alerts stay in the outbox for the next run.
                LogRunFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert delivery after a scan failed; the alerts stay queued for the next run")]
    private partial void LogRunFailed(Exception exception);
}
