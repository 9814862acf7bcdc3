namespace PartnerWatch.Alert;

// placeholder: replaced by the alert stage
public sealed class AlertDispatcher
{
    public Task DispatchPendingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
