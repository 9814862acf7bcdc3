using System.Buffers;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using PartnerWatch.Config;
using Polly.CircuitBreaker;
using Polly.Timeout;
using PartnerWatch.Telemetry;

namespace PartnerWatch.Fetch;

/// <summary>
/// The one HTTP client of the fetch stage: address-guarded connections, retries, timeouts, manual redirects
/// (each hop a fresh guarded request) and byte caps on every body it reads.
/// </summary>
public sealed partial class WebFetcher(
    HttpClient http, PartnerWatchOptions options, TimeProvider time, ILogger<WebFetcher> logger, FetchScope scope, HostRateLimiter hostLimiter,
    Telemetry.PartnerWatchMetrics? metrics = null)
{
    private FetchOptions Fetch => options.Fetch;

    /// <summary>
    /// Fetches <paramref name="url"/> (any site, e.g. an image on a CDN) and reads at most <paramref name="maxBytes"/>;
    /// a larger body, a non-2xx status or any network failure throws <see cref="FetchFailedException"/>.
    /// </summary>
    public Task<FetchedResource> GetResourceAsync(Uri url, long maxBytes, CancellationToken cancellationToken) =>
        FetchAsync(url, new FetchRules(maxBytes, TruncateOverCap: false), cancellationToken);

    /// <summary>How one fetch treats redirects, content types and oversized bodies.</summary>
    internal sealed record FetchRules(long MaxBytes, bool TruncateOverCap)
    {
        /// <summary>Redirect targets allowed; null allows any http(s) URL.</summary>
        public Func<Uri, bool>? MayRedirectTo { get; init; }
        /// <summary>Content types whose body is read; others throw <see cref="UnwantedContentException"/> before the body is read.</summary>
        public Func<string?, bool>? AcceptsContentType { get; init; }
        /// <summary>
        /// The page remembered for a hop's URL, whose validators are sent (<c>If-None-Match</c>, <c>If-Modified-Since</c>);
        /// a 304 then returns a <see cref="FetchedResource.NotModified"/> resource instead of the body.
        /// </summary>
        public Func<Uri, RememberedPage?>? Remembered { get; init; }
        /// <summary>A 4xx answer is an expected outcome (robots.txt: 404 means "no rules"): logged at debug, not counted as an error.</summary>
        public bool ClientErrorIsAnswer { get; init; }
    }

    /// <summary>The response was fine but not of a wanted type (e.g. a PDF where HTML was expected).</summary>
    internal sealed class UnwantedContentException(Uri url, string? contentType)
        : Exception($"not HTML ({contentType ?? "no content type"})")
    {
        public Uri Url { get; } = url;
    }

    internal async Task<FetchedResource> FetchAsync(Uri url, FetchRules rules, CancellationToken cancellationToken)
    {
        // Waiting for the host's turn (Fetch:PerHostRequestsPerSecond) is not part of the request's own time budget.
        await hostLimiter.WaitTurnAsync(url, cancellationToken).ConfigureAwait(false);
        var started = time.GetTimestamp();
        using var timeout = new CancellationTokenSource(Fetch.TotalTimeout > TimeSpan.Zero ? Fetch.TotalTimeout : Timeout.InfiniteTimeSpan, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var result = await FetchCoreAsync(url, rules, linked.Token).ConfigureAwait(false);
            LogFetched(result.Url, result.StatusCode, result.Body.Length, time.GetElapsedTime(started));
            metrics?.Fetched(result);
            return result;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            var failure = new FetchFailedException(url, $"timed out after {Seconds(Fetch.TotalTimeout)}");
            LogFailed(url, failure.Message);
            metrics?.FetchFailed(failure);
            throw failure;
        }
        catch (FetchFailedException failure) when (rules.ClientErrorIsAnswer && failure.StatusCode is >= 400 and < 500)
        {
            LogClientErrorAnswer(url, failure.StatusCode.Value);
            throw;
        }
        catch (FetchFailedException failure)
        {
            LogFailed(url, failure.Message);
            metrics?.FetchFailed(failure);
            throw;
        }
    }

    private async Task<FetchedResource> FetchCoreAsync(Uri url, FetchRules rules, CancellationToken cancellationToken)
    {
        var current = url;
        var visited = new HashSet<Uri> { url };
        for (var hop = 0; ; hop++)
        {
            if (current.Scheme != Uri.UriSchemeHttp && current.Scheme != Uri.UriSchemeHttps)
                throw new FetchFailedException(url, $"unsupported scheme {current.Scheme}{Via(url, current)}");

            if (hop > 0) await hostLimiter.WaitTurnAsync(current, cancellationToken).ConfigureAwait(false);
            var remembered = rules.Remembered?.Invoke(current);
            var (response, attempts) = await SendAsync(url, current, remembered, cancellationToken).ConfigureAwait(false);
            using (response)
            {
                var status = (int)response.StatusCode;
                if (status == 304 && remembered is not null)
                    return new FetchedResource(current, status, "text/html", null, []) { NotModified = true };
                if (status is 301 or 302 or 303 or 307 or 308)
                {
                    current = NextHop(url, current, response.Headers.Location, hop, visited, rules);
                    continue;
                }
                if (status is < 200 or > 299)
                    throw new FetchFailedException(url, DescribeStatus(response, attempts) + Via(url, current)) { StatusCode = status };

                var contentType = response.Content.Headers.ContentType;
                if (rules.AcceptsContentType is { } accepts && !accepts(contentType?.MediaType))
                    throw new UnwantedContentException(current, contentType?.MediaType);

                var (body, truncated) = await ReadBodyAsync(url, current, response, rules, cancellationToken).ConfigureAwait(false);
                return new FetchedResource(current, status, contentType?.MediaType, contentType?.CharSet, body, truncated)
                {
                    ETag = response.Headers.ETag?.ToString(),
                    LastModified = response.Content.Headers.LastModified,
                };
            }
        }
    }

    private Uri NextHop(Uri url, Uri current, Uri? location, int hop, HashSet<Uri> visited, FetchRules rules)
    {
        if (location is null)
            throw new FetchFailedException(url, $"redirect without a Location header{Via(url, current)}");
        var next = location.IsAbsoluteUri ? location : new Uri(current, location);
        next = WithoutFragment(next);
        if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
            throw new FetchFailedException(url, $"redirect to unsupported scheme {next.Scheme}");
        if (hop >= Fetch.MaxRedirects)
            throw new FetchFailedException(url, $"more than {Fetch.MaxRedirects} redirects (last to {next})");
        if (!visited.Add(next))
            throw new FetchFailedException(url, $"redirect loop at {next}");
        if (rules.MayRedirectTo is { } allowed && !allowed(next))
            throw new FetchFailedException(url, $"redirected to another site: {next}");
        return next;
    }

    private async Task<(HttpResponseMessage Response, int Attempts)> SendAsync(Uri url, Uri current, RememberedPage? remembered, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, current);
        var settings = scope.Current;
        request.Headers.TryAddWithoutValidation("Accept-Language", settings.AcceptLanguage);
        if (settings.Proxy is { } proxy) request.Options.Set(SharedFetchHandler.ProxyKey, proxy);
        if (remembered?.ETag is { } etag && System.Net.Http.Headers.EntityTagHeaderValue.TryParse(etag, out var tag))
            request.Headers.IfNoneMatch.Add(tag);
        if (remembered?.LastModified is { } lastModified)
            request.Headers.IfModifiedSince = lastModified;
        var attempts = new AttemptCounter();
        request.Options.Set(AttemptCounter.Key, attempts);
        try
        {
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            return (response, attempts.Count);
        }
        catch (Exception e) when (Describe(e, attempts.Count, current) is { } reason)
        {
            throw new FetchFailedException(url, reason + Via(url, current), e);
        }
    }

    private async Task<(byte[] Body, bool Truncated)> ReadBodyAsync(
        Uri url, Uri current, HttpResponseMessage response, FetchRules rules, CancellationToken cancellationToken)
    {
        var cap = Math.Clamp(rules.MaxBytes, 0, Array.MaxLength - 1);
        var declared = response.Content.Headers.ContentLength;
        if (declared > cap && !rules.TruncateOverCap)
            throw new FetchFailedException(url, $"body larger than {cap} bytes ({declared} declared), not read{Via(url, current)}");

        // Read one byte past the cap to tell "exactly at the cap" from "over it" without trusting Content-Length.
        var limit = cap + 1;
        // A body is kept as one array of its exact length. When the server declares the length (nearly always), that
        // array is the read buffer: no second copy of every page and image (a large-object-heap array each, issue 12).
        // Otherwise, or when the declaration was wrong, the body grows in a pooled buffer and is copied out once.
        byte[]? exact = declared is { } size && size > 0 && size <= cap ? new byte[size] : null;
        byte[]? pooled = exact is null ? ArrayPool<byte>.Shared.Rent((int)Math.Min(limit, 64 * 1024)) : null;
        var length = 0;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            while (length < limit)
            {
                var buffer = exact ?? pooled!;
                if (length == buffer.Length)
                {
                    // Full: the exact array when more arrives than was declared (probed with one byte), else the pool buffer.
                    if (exact is not null)
                    {
                        var probe = new byte[1];
                        if (await stream.ReadAsync(probe, cancellationToken).ConfigureAwait(false) == 0) break;
                        pooled = ArrayPool<byte>.Shared.Rent((int)Math.Min(limit, (long)exact.Length * 2));
                        exact.CopyTo(pooled, 0);
                        pooled[length++] = probe[0];
                        exact = null;
                        continue;
                    }
                    var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min(limit, (long)buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(grown);
                    ArrayPool<byte>.Shared.Return(buffer);
                    pooled = buffer = grown;
                }
                var read = await stream.ReadAsync(buffer.AsMemory(length, (int)Math.Min(buffer.Length - length, limit - length)), cancellationToken)
                    .ConfigureAwait(false);
                if (read == 0) break;
                length += read;
            }

            var truncated = length > cap;
            if (truncated && !rules.TruncateOverCap)
                throw new FetchFailedException(url, $"body larger than {cap} bytes, not read{Via(url, current)}");
            var kept = (int)Math.Min(length, cap);
            return (exact is not null && kept == exact.Length ? exact : (exact ?? pooled!).AsSpan(0, kept).ToArray(), truncated);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw new FetchFailedException(url, $"connection lost while reading the body: {e.Message}{Via(url, current)}", e);
        }
        finally
        {
            if (pooled is not null) ArrayPool<byte>.Shared.Return(pooled);
        }
    }

    private string DescribeStatus(HttpResponseMessage response, int attempts)
    {
        var message = $"HTTP {(int)response.StatusCode}{AfterAttempts(attempts)}";
        if (FetchServiceCollectionExtensions.RetryAfter(response, time) is { } wait && wait > Fetch.MaxRetryAfter)
            message += $"; Retry-After {Seconds(TimeSpan.FromSeconds(Math.Round(wait.TotalSeconds)))} exceeds the {Seconds(Fetch.MaxRetryAfter)} limit, not retried";
        return message;
    }

    /// <summary>An error message for a failed send, or null for exceptions that must propagate (caller cancellation).</summary>
    private string? Describe(Exception exception, int attempts, Uri current)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is AddressRefusedException refused) return refused.Message;

        return exception switch
        {
            TimeoutRejectedException timeout when attempts > 1 && timeout.Timeout == Fetch.AttemptTimeout
                => $"timed out after {Seconds(timeout.Timeout)} on each of {attempts} attempts",
            TimeoutRejectedException timeout => $"timed out after {Seconds(timeout.Timeout)}",
            BrokenCircuitException => $"not tried: too many recent failures at {current.Authority} (circuit open)",
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => $"host not found: {current.Host}",
            HttpRequestException http => $"connection failed: {http.Message}{AfterAttempts(attempts)}",
            IOException io => $"connection failed: {io.Message}{AfterAttempts(attempts)}",
            _ => null,
        };
    }

    private static string AfterAttempts(int attempts) => attempts > 1 ? $" after {attempts} attempts" : "";

    private static string Via(Uri url, Uri current) => current == url ? "" : $" (at redirect target {current})";

    internal static string Seconds(TimeSpan span) =>
        span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    internal static Uri WithoutFragment(Uri uri) =>
        string.IsNullOrEmpty(uri.Fragment) ? uri : new UriBuilder(uri) { Fragment = "" }.Uri;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Fetched {Url} ({Status}, {Bytes} bytes) in {Elapsed}")]
    private partial void LogFetched(Uri url, int status, int bytes, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Fetched {Url}: HTTP {Status}")]
    private partial void LogClientErrorAnswer(Uri url, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fetch of {Url} failed: {Reason}")]
    private partial void LogFailed(Uri url, string reason);
}
