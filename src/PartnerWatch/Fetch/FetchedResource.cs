namespace PartnerWatch.Fetch;

/// <summary>
/// A response body read through the guarded client. <see cref="Url"/> is the final URL after redirects;
/// <see cref="Truncated"/> is true when the body was cut off at the byte cap (pages only; resources over the cap are rejected).
/// </summary>
public sealed record FetchedResource(
    Uri Url,
    int StatusCode,
    string? ContentType,
    string? Charset,
    byte[] Body,
    bool Truncated = false)
{
    /// <summary>The response's <c>ETag</c> as sent (weak or strong), for a conditional request next time.</summary>
    public string? ETag { get; init; }

    /// <summary>The response's <c>Last-Modified</c>, for a conditional request next time.</summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>
    /// True when the server answered 304 to the validators of <see cref="RememberedPage"/>: <see cref="Body"/> is empty
    /// and <see cref="Url"/> is the URL those validators belong to.
    /// </summary>
    public bool NotModified { get; init; }
}

/// <summary>A fetch that produced no usable body; <see cref="Exception.Message"/> says why, for a <see cref="Domain.ScanError"/>.</summary>
public sealed class FetchFailedException(Uri url, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The HTTP status when the failure was a non-2xx answer (robots.txt: 4xx means "no rules").</summary>
    public int? StatusCode { get; init; }

    /// <summary>The URL originally asked for (not the redirect hop that failed).</summary>
    public Uri Url { get; } = url;
}
