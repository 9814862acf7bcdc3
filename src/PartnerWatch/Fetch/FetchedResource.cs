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
    bool Truncated = false);

/// <summary>A fetch that produced no usable body; <see cref="Exception.Message"/> says why, for a <see cref="Domain.ScanError"/>.</summary>
public sealed class FetchFailedException(Uri url, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The URL originally asked for (not the redirect hop that failed).</summary>
    public Uri Url { get; } = url;
}
