using PartnerWatch.Domain;

namespace PartnerWatch.Scan;

/// <summary>The document <c>scan --json</c> prints (see interface.md "scan --json output").</summary>
public sealed record ScanReport(DateTimeOffset ScannedAt, IReadOnlyList<SiteScanResult> Sites)
{
    public bool HasUnverifiedClaims => Sites.Any(s => s.Claims.Any(c => c.Status == ClaimStatus.Unverified));
}
