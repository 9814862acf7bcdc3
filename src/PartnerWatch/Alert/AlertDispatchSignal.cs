using System.Threading.Channels;

namespace PartnerWatch.Alert;

/// <summary>
/// Wakes the <see cref="BackgroundAlertDispatcher"/>: a recorded scan rings it instead of delivering alerts itself, so the
/// scheduler worker that ran the scan is free for the next site at once. Rings while a run is under way (or already
/// waiting) fold into one more run: the run reads the whole outbox, so one run after the last ring delivers everything
/// queued before it. Delivery itself stays the outbox's (lease, at-least-once); the signal only says "look now".
/// </summary>
public sealed class AlertDispatchSignal
{
    private readonly Channel<bool> _rings = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    /// <summary>Asks for a dispatch run soon; never blocks, never fails.</summary>
    public void Ring() => _rings.Writer.TryWrite(true);

    /// <summary>Waits for a ring and takes it (the rings before it included).</summary>
    internal async Task WaitAsync(CancellationToken cancellationToken) => await _rings.Reader.ReadAsync(cancellationToken);
}
