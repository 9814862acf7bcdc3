using System.Text.Json.Serialization;

namespace PartnerWatch.Domain;

/// <summary>What one scan of one site found: the claims, and the pages, images and screenshots behind them.</summary>
public sealed record SiteScanResult(
    string Site,
    string Url,
    int PagesScanned,
    IReadOnlyList<ScanError> Errors,
    IReadOnlyList<Claim> Claims)
{
    [JsonIgnore] public DateTimeOffset StartedAt { get; init; }
    [JsonIgnore] public DateTimeOffset FinishedAt { get; init; }

    /// <summary>The node that ran the scan (its scheduler instance id) when the service runs it; null for <c>scan</c>.</summary>
    [JsonIgnore] public string? ScannedBy { get; init; }

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

public sealed record ScanError(string Url, string Message);
