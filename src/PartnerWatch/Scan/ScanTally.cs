using PartnerWatch.Domain;

namespace PartnerWatch.Scan;

/// <summary>
/// What a finished <c>scan</c> still knows about each site once its result has been written out: counts and the first
/// error only, so a scan of many sites does not hold their claims, pages or images until the end.
/// </summary>
public sealed record SiteTally(
    string Site, int PagesScanned, int Unverified, int Confirmed, int Errors, string? FirstError,
    DateTimeOffset StartedAt, DateTimeOffset FinishedAt)
{
    /// <summary>True when the start page could not be fetched (see <see cref="SiteScanResult.Failed"/>).</summary>
    public bool Failed => PagesScanned == 0;

    public static SiteTally Of(SiteScanResult result) => new(
        result.Site,
        result.PagesScanned,
        result.Claims.Count(c => c.Status == ClaimStatus.Unverified),
        result.Claims.Count(c => c.Status == ClaimStatus.Confirmed),
        result.Errors.Count,
        result.Errors.Count > 0 ? result.Errors[0].Message : null,
        result.StartedAt,
        result.FinishedAt);
}

/// <summary>The counts of one <c>scan</c> run, one row per site in the configured order.</summary>
public sealed record ScanTally(DateTimeOffset ScannedAt, IReadOnlyList<SiteTally> Sites)
{
    public bool HasUnverifiedClaims => Sites.Any(s => s.Unverified > 0);

    public int UnverifiedClaims => Sites.Sum(s => s.Unverified);

    public int FailedSites => Sites.Count(s => s.Failed);
}
