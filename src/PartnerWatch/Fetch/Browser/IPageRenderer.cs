namespace PartnerWatch.Fetch.Browser;

/// <summary>Gets a page's DOM after its scripts ran (the browser edge of the fetch stage).</summary>
public interface IPageRenderer
{
    /// <summary>True when a browser was found and rendering is not switched off (<c>Fetch:Browser:Mode</c>).</summary>
    bool IsAvailable { get; }

    /// <summary>
    /// Loads <paramref name="url"/> in a fresh incognito page of the pooled headless browser and returns the serialized DOM.
    /// Throws <see cref="RenderFailedException"/> when the page cannot be rendered (timeout, refused, browser crash).
    /// </summary>
    Task<RenderedDom> RenderAsync(Uri url, CancellationToken cancellationToken);
}

/// <summary>The DOM as serialized by the browser; <see cref="Truncated"/> when it was cut at <c>Fetch:MaxBodyBytes</c>.</summary>
public sealed record RenderedDom(Uri Url, string Html, bool Truncated, TimeSpan Elapsed);

/// <summary>A render that produced no DOM; the message says why, for a <see cref="Domain.ScanError"/>.</summary>
public sealed class RenderFailedException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The page did not finish within <c>Fetch:Browser:Timeout</c> (the browser that hung is replaced).</summary>
    public bool TimedOut { get; init; }
}
