namespace PartnerWatch.Domain;

/// <param name="Png">The page as rendered, marks outlined; null when no screenshot could be taken (<paramref name="Note"/> says why).</param>
public sealed record PageScreenshot(string PageUrl, DateTimeOffset TakenAt, byte[]? Png, string? Note)
{
    /// <summary>Where the outlined marks are in <see cref="Png"/> (pixels), first mark first; what an e-mail crops around.</summary>
    public IReadOnlyList<MarkBox> Marks { get; init; } = [];
}

/// <summary>A rectangle in a screenshot's pixels, around one outlined mark (outline included).</summary>
public sealed record MarkBox(int X, int Y, int Width, int Height);

/// <param name="Html">The body as fetched, or null when it was dropped to bound memory (the hash is still known).</param>
public sealed record FetchedPage(string Url, int StatusCode, DateTimeOffset FetchedAt, string Sha256, long Length, byte[]? Html)
{
    /// <summary>True when detection read the DOM after the page's scripts ran in a browser; <see cref="Html"/> is still as served.</summary>
    public bool Rendered { get; init; }

    /// <summary>The DOM detection read (UTF-8), when rendered and kept within the evidence budget.</summary>
    public byte[]? RenderedHtml { get; init; }
}

/// <param name="Bytes">The image as fetched, or null when not kept.</param>
public sealed record FetchedImage(string Url, string Sha256, string? ContentType, DateTimeOffset FetchedAt, byte[]? Bytes);
