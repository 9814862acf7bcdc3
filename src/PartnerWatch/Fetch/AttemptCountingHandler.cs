namespace PartnerWatch.Fetch;

/// <summary>Mutable per-request tally, carried in <see cref="HttpRequestMessage.Options"/>.</summary>
internal sealed class AttemptCounter
{
    public static readonly HttpRequestOptionsKey<AttemptCounter> Key = new("PartnerWatch.Fetch.Attempts");
    private int _count;
    public int Count => Volatile.Read(ref _count);
    public void Increment() => Interlocked.Increment(ref _count);
}

/// <summary>
/// Sits inside the resilience handler, so it sees every attempt the retry strategy makes; error messages then say
/// "HTTP 503 after 3 attempts" instead of guessing from the options.
/// </summary>
internal sealed class AttemptCountingHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(AttemptCounter.Key, out var counter)) counter.Increment();
        return base.SendAsync(request, cancellationToken);
    }
}
