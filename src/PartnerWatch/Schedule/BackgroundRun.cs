namespace PartnerWatch.Schedule;

/// <summary>
/// How every scheduled job runs its work: cancelled by shutdown as well as by Quartz, a cancellation is a clean stop,
/// and a failure is logged instead of breaking the trigger, so the next run tries again.
/// </summary>
internal static class BackgroundRun
{
    public static async Task RunAsync(
        CancellationToken jobToken, IHostApplicationLifetime lifetime, ILogger logger, string failure, Func<CancellationToken, Task> work)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(jobToken, lifetime.ApplicationStopping);
        try
        {
            await work(linked.Token);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "{Failure}", failure);
        }
    }
}
