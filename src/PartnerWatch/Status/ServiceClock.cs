namespace PartnerWatch.Status;

/// <summary>When this process started, for <c>/status</c> uptime.</summary>
public sealed class ServiceClock(TimeProvider time)
{
    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();

    public TimeSpan Uptime => time.GetUtcNow() - StartedAt;
}
