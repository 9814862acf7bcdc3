using System.Collections.Concurrent;
using PartnerWatch.Config;

namespace PartnerWatch.Scan;

/// <summary>
/// The one place that bounds how many sites are scanned at once across the whole process (scheduled jobs, the API's
/// "scan now" and CLI runs alike), from <c>Fetch:MaxConcurrentSites</c>. A caller that finds every slot taken waits
/// its turn (first come, first served); it is never turned away. The limiter also knows which sites are being
/// scanned right now and how long a scan takes on average, for <c>/status</c> and the backlog warning.
/// </summary>
public sealed class ScanConcurrencyLimiter(PartnerWatchOptions options, TimeProvider time) : IDisposable
{
    /// <summary>Weight of the newest scan in <see cref="AverageScanTime"/>: about the last twenty scans count.</summary>
    private const double AverageWeight = 0.1;

    private readonly SemaphoreSlim _slots = new(options.Fetch.MaxConcurrentSites, options.Fetch.MaxConcurrentSites);
    private readonly ConcurrentDictionary<string, int> _scanning = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _averageLock = new();
    private double _averageSeconds;
    private int _waiting;

    public int Concurrency { get; } = options.Fetch.MaxConcurrentSites;

    /// <summary>Scans waiting for a slot now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Moving average of how long a slot was held (one scan), or null before the first scan finished.</summary>
    public TimeSpan? AverageScanTime
    {
        get
        {
            lock (_averageLock)
                return _averageSeconds > 0 ? TimeSpan.FromSeconds(_averageSeconds) : null;
        }
    }

    /// <summary>True while a scan of <paramref name="siteId"/> holds a slot.</summary>
    public bool IsScanning(string siteId) => _scanning.TryGetValue(siteId, out var n) && n > 0;

    /// <summary>Waits for a slot to scan <paramref name="siteId"/>; dispose the result to give the slot back.</summary>
    public async Task<IDisposable> AcquireAsync(string siteId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await _slots.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
        _scanning.AddOrUpdate(siteId, 1, (_, n) => n + 1);
        return new Slot(this, siteId, time.GetTimestamp());
    }

    public void Dispose() => _slots.Dispose();

    private void Release(string siteId, long startedTimestamp)
    {
        var seconds = time.GetElapsedTime(startedTimestamp).TotalSeconds;
        lock (_averageLock)
            _averageSeconds = _averageSeconds <= 0 ? seconds : _averageSeconds + AverageWeight * (seconds - _averageSeconds);
        _scanning.AddOrUpdate(siteId, 0, (_, n) => Math.Max(0, n - 1));
        // Only sites being scanned are kept: an entry per site ever scanned (sites removed by a reload included) would
        // grow for the life of the service. Removed only while still 0, so a scan that started meanwhile keeps its entry.
        _scanning.TryRemove(KeyValuePair.Create(siteId, 0));
        _slots.Release();
    }

    private sealed class Slot(ScanConcurrencyLimiter limiter, string siteId, long startedTimestamp) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                limiter.Release(siteId, startedTimestamp);
        }
    }
}
