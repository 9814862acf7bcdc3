using PartnerWatch.Config;

namespace PartnerWatch.Scan;

/// <summary>
/// Bounds how many sites are scanned at once across the whole process (CLI runs and scheduled jobs alike),
/// from <c>Fetch:MaxConcurrentSites</c>.
/// </summary>
public sealed class ScanConcurrencyLimiter(PartnerWatchOptions options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Fetch.MaxConcurrentSites, options.Fetch.MaxConcurrentSites);

    public async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        return new Slot(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                slots.Release();
        }
    }
}
