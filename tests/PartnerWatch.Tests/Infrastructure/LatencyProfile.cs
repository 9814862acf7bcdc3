using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace PartnerWatch.Tests.Infrastructure;

/// <summary>
/// Makes a <see cref="LoopbackHttpServer"/> answer like the web instead of instantly: a delay before the first byte,
/// a body that arrives in pieces, and now and then a 503 or a response that never comes (the client's timeout ends it).
/// Every draw is a hash of (<see cref="Seed"/>, path and query, how many times that path was asked before), so a test
/// run sees the same answers in the same places however the requests interleave.
/// </summary>
public sealed record LatencyProfile
{
    /// <summary>Shortest wait before the status line.</summary>
    public TimeSpan MinDelay { get; init; }

    /// <summary>Longest wait before the status line (drawn evenly between <see cref="MinDelay"/> and this).</summary>
    public TimeSpan MaxDelay { get; init; }

    /// <summary>How long the body takes to arrive after the headers, written in <see cref="BodyChunks"/> pieces.</summary>
    public TimeSpan BodyDuration { get; init; }

    public int BodyChunks { get; init; } = 4;

    /// <summary>Share of responses (0–1) answered <c>503 Service Unavailable</c> after the delay.</summary>
    public double ServerErrorRate { get; init; }

    /// <summary>Share of responses (0–1) that never come: the server holds the request until the client gives up.</summary>
    public double TimeoutRate { get; init; }

    /// <summary>Longest a "never comes" response is held (the client's attempt timeout should be shorter).</summary>
    public TimeSpan HangFor { get; init; } = TimeSpan.FromSeconds(60);

    public int Seed { get; init; }

    /// <summary>Every response waits exactly <paramref name="delay"/> and streams its body over <paramref name="body"/>; no faults.</summary>
    public static LatencyProfile Fixed(TimeSpan delay, TimeSpan body = default) =>
        new() { MinDelay = delay, MaxDelay = delay, BodyDuration = body };

    /// <summary>
    /// An ordinary slow-ish web server: 150–700 ms to the first byte, 200 ms of body, 5 % answered 503 and 2 % never
    /// answered. Fetch retries (with a short attempt timeout in the test) get through, as they do on the web.
    /// </summary>
    public static LatencyProfile Web(int seed) => new()
    {
        MinDelay = TimeSpan.FromMilliseconds(150),
        MaxDelay = TimeSpan.FromMilliseconds(700),
        BodyDuration = TimeSpan.FromMilliseconds(200),
        ServerErrorRate = 0.05,
        TimeoutRate = 0.02,
        Seed = seed,
    };

    /// <summary>What the server does for the <paramref name="nth"/> request (1-based) of <paramref name="pathAndQuery"/>.</summary>
    public Answer Decide(string pathAndQuery, int nth)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{Seed}|{pathAndQuery}|{nth}"));
        var delayDraw = Fraction(hash, 0);
        var faultDraw = Fraction(hash, 8);
        var delay = MinDelay + (MaxDelay - MinDelay) * delayDraw;
        var fault = faultDraw < TimeoutRate ? Fault.Timeout
            : faultDraw < TimeoutRate + ServerErrorRate ? Fault.ServerError
            : Fault.None;
        return new Answer(delay, fault);
    }

    /// <summary>Wraps <paramref name="inner"/> so that every answer it gives comes as this profile says.</summary>
    public RequestDelegate Wrap(RequestDelegate inner)
    {
        var counts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        return async context =>
        {
            var key = context.Request.Path + context.Request.QueryString;
            var answer = Decide(key, counts.AddOrUpdate(key, 1, (_, n) => n + 1));
            var aborted = context.RequestAborted;
            try
            {
                await Task.Delay(answer.Delay, aborted);
                if (answer.Fault == Fault.Timeout)
                {
                    await Task.Delay(HangFor, aborted);
                    return;
                }
                if (answer.Fault == Fault.ServerError)
                {
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    return;
                }

                // The inner handler writes to a buffer, so the body can then be dribbled out as a slow server would.
                var original = context.Response.Body;
                using var buffer = new MemoryStream();
                context.Response.Body = buffer;
                try
                {
                    await inner(context);
                }
                finally
                {
                    context.Response.Body = original;
                }
                var bytes = buffer.ToArray();
                context.Response.ContentLength = bytes.Length;
                var chunks = Math.Max(1, Math.Min(BodyChunks, bytes.Length));
                var pause = BodyDuration / chunks;
                var size = (bytes.Length + chunks - 1) / Math.Max(1, chunks);
                for (var offset = 0; offset < bytes.Length; offset += size)
                {
                    await original.WriteAsync(bytes.AsMemory(offset, Math.Min(size, bytes.Length - offset)), aborted);
                    await original.FlushAsync(aborted);
                    if (pause > TimeSpan.Zero) await Task.Delay(pause, aborted);
                }
            }
            catch (OperationCanceledException) when (aborted.IsCancellationRequested)
            {
                // The client gave up (its timeout, or the test ended): nothing more to send.
            }
        };
    }

    private static double Fraction(byte[] hash, int offset) => BitConverter.ToUInt64(hash, offset) / (ulong.MaxValue + 1.0);

    public enum Fault { None, ServerError, Timeout }

    public readonly record struct Answer(TimeSpan Delay, Fault Fault);
}
