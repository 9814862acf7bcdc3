using System.Text.Json.Serialization;

namespace PartnerWatch.Scan;

/// <summary>The document <c>scan --json</c> prints (see interface.md "scan --json output").</summary>
public sealed record ScanReport(DateTimeOffset ScannedAt, IReadOnlyList<SiteScanResult> Sites)
{
    public bool HasUnverifiedClaims => Sites.Any(s => s.Claims.Any(c => c.Status == ClaimStatus.Unverified));
}

public sealed record SiteScanResult(
    string Site,
    string Url,
    int PagesScanned,
    IReadOnlyList<ScanError> Errors,
    IReadOnlyList<Claim> Claims)
{
    [JsonIgnore] public DateTimeOffset StartedAt { get; init; }
    [JsonIgnore] public DateTimeOffset FinishedAt { get; init; }

    /// <summary>True when the start page could not be fetched: the scan says nothing about claims.</summary>
    [JsonIgnore] public bool Failed => PagesScanned == 0;

    /// <summary>Every page fetched by this scan, with its hash and (within a memory budget) its bytes as fetched, for evidence.</summary>
    [JsonIgnore] public IReadOnlyList<FetchedPage> FetchedPages { get; init; } = [];

    /// <summary>
    /// Images fetched by this scan (hook for the image matcher): their bytes are stored as evidence when a claim's
    /// evidence names their URL or hash.
    /// </summary>
    [JsonIgnore] public IReadOnlyList<FetchedImage> FetchedImages { get; init; } = [];

    /// <summary>Screenshots of the pages that carry claims, or why none was taken; stored as evidence (Fetch/Browser).</summary>
    [JsonIgnore] public IReadOnlyList<PageScreenshot> Screenshots { get; init; } = [];
}

/// <param name="Png">The page as rendered, marks outlined; null when no screenshot could be taken (<paramref name="Note"/> says why).</param>
public sealed record PageScreenshot(string PageUrl, DateTimeOffset TakenAt, byte[]? Png, string? Note);

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

public sealed record ScanError(string Url, string Message);

public sealed record Claim(string Brand, ClaimStatus Status, double Confidence, IReadOnlyList<Evidence> Evidence);

[JsonConverter(typeof(JsonStringEnumConverter<ClaimStatus>))]
public enum ClaimStatus
{
    [JsonStringEnumMemberName("unverified")] Unverified,
    [JsonStringEnumMemberName("confirmed")] Confirmed,
}

[JsonConverter(typeof(JsonStringEnumConverter<EvidenceKind>))]
public enum EvidenceKind
{
    /// <summary>Image content matched a reference logo.</summary>
    [JsonStringEnumMemberName("logo-image")] LogoImage,
    /// <summary>alt/title/aria-label or file name of an image or inline SVG names the brand.</summary>
    [JsonStringEnumMemberName("logo-text")] LogoText,
    /// <summary>The name in the page text.</summary>
    [JsonStringEnumMemberName("text")] Text,
    /// <summary>A link to one of the brand's domains.</summary>
    [JsonStringEnumMemberName("link")] Link,
}

/// <summary>One signal that backs a claim: where it was seen and why it counts.</summary>
public sealed record Evidence(
    EvidenceKind Kind,
    string PageUrl,
    string Detail,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ImageUrl = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Snippet = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Context = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ImageSha256 = null);
