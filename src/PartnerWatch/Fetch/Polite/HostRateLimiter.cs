using System.Threading.RateLimiting;
using PartnerWatch.Config;

namespace PartnerWatch.Fetch;

/// <summary>
/// <c>Fetch:PerHostRequestsPerSecond</c>: one token bucket per host (scheme, host and port) holding a single token,
/// refilled every 1/rate seconds, so a host sees at most about <c>rate × window + 1</c> requests in any window, whatever
/// the number of sites or scans running. Requests wait their turn in order. The partitioned limiter drops a host's
/// bucket once it has been idle for a few seconds, so memory follows the hosts in use, not every host ever fetched.
/// Loopback hosts are not paced unless <c>Fetch:PaceLoopback</c> says so.
/// </summary>
public sealed class HostRateLimiter : IDisposable
{
    /// <summary>Requests that may wait for one host; past that a fetch fails rather than queue without bound.</summary>
    internal const int MaxQueuedPerHost = 10_000;

    private readonly PartitionedRateLimiter<string>? _limiter;
    private readonly bool _paceLoopback;

    public HostRateLimiter(PartnerWatchOptions options)
    {
        _paceLoopback = options.Fetch.PaceLoopback;
        var rate = options.Fetch.PerHostRequestsPerSecond;
        if (!(rate > 0)) return;
        var period = TimeSpan.FromSeconds(1 / rate);
        _limiter = PartitionedRateLimiter.Create<string, string>(host => RateLimitPartition.GetTokenBucketLimiter(host, _ =>
            new TokenBucketRateLimiterOptions
            {
                TokenLimit = 1,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = period,
                AutoReplenishment = true,
                QueueLimit = MaxQueuedPerHost,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));
    }

    /// <summary>Waits until <paramref name="url"/>'s host may be sent another request.</summary>
    public async ValueTask WaitTurnAsync(Uri url, CancellationToken cancellationToken)
    {
        if (_limiter is null || (url.IsLoopback && !_paceLoopback)) return;
        using var lease = await _limiter.AcquireAsync(url.GetLeftPart(UriPartial.Authority).ToLowerInvariant(), 1, cancellationToken)
            .ConfigureAwait(false);
        if (!lease.IsAcquired)
            throw new FetchFailedException(url, $"more than {MaxQueuedPerHost} requests waiting for {url.Authority} (Fetch:PerHostRequestsPerSecond)");
    }

    public void Dispose() => _limiter?.Dispose();
}
