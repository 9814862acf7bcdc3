using PartnerWatch.Config;
using PartnerWatch.Domain;

namespace PartnerWatch.Compare;

/// <summary>
/// Decides whether a brand has confirmed a site as its partner: an entry of the brand's confirmed list (inline
/// <c>ConfirmedPartners</c> merged with <c>ConfirmedPartnerSources</c>, as currently loaded) is the site's id, or a domain the
/// site's host equals or is a subdomain of.
/// </summary>
public sealed class PartnerListComparer(ConfirmedPartnerLists lists)
{
    /// <summary>A comparer over the inline lists only (no sources loaded).</summary>
    public PartnerListComparer(PartnerWatchOptions options) : this(new ConfirmedPartnerLists(options))
    {
    }

    public ClaimStatus StatusOf(string brandId, SiteOptions site)
    {
        ArgumentNullException.ThrowIfNull(site);
        // One snapshot for the whole decision, even if a refresh swaps the lists meanwhile.
        var entries = lists.Current.EntriesOf(brandId);
        if (entries.Count == 0)
            return ClaimStatus.Unverified;

        var host = Uri.TryCreate(site.Url, UriKind.Absolute, out var url) ? url.IdnHost.TrimEnd('.') : "";
        foreach (var raw in entries)
        {
            var entry = raw.Trim().TrimEnd('.');
            if (entry.Length == 0) continue;
            if (string.Equals(entry, site.Id, StringComparison.OrdinalIgnoreCase))
                return ClaimStatus.Confirmed;
            if (host.Length > 0 && IsSameOrSubdomain(host, entry))
                return ClaimStatus.Confirmed;
        }
        return ClaimStatus.Unverified;
    }

    private static bool IsSameOrSubdomain(string host, string domain) =>
        host.Equals(domain, StringComparison.OrdinalIgnoreCase)
        || host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase);
}
