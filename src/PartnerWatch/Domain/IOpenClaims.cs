namespace PartnerWatch.Domain;

/// <summary>
/// The open claims, as the compare stage needs them when the confirmed partner lists change: which are open, and closing
/// those the lists now confirm. Declared here so Compare does not reach into the store; the store implements it.
/// </summary>
public interface IOpenClaims
{
    /// <summary>Open claims (acknowledged or not), at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<OpenClaimRef>> ListOpenClaimsAsync(int max, CancellationToken cancellationToken);

    /// <summary>Closes the given claims as confirmed (those no longer open are skipped), telling whoever was alerted. Returns how many closed.</summary>
    Task<int> CloseClaimsAsConfirmedAsync(IReadOnlyCollection<long> claimIds, CancellationToken cancellationToken);
}

public sealed record OpenClaimRef(long Id, string SiteId, string SiteUrl, string BrandId);
