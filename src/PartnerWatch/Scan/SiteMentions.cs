using System.Collections.Concurrent;
using PartnerWatch.Detect;

namespace PartnerWatch.Scan;

/// <summary>
/// Hands each site's mentions (the brands seen but not claimed, <see cref="SiteClaimCollector.Mentions"/>) from
/// <see cref="SiteScanner"/> to whoever writes the site's result. Registered only by <c>scan --mentions</c>: when it is
/// absent the scanner does not record mentions at all. The domain's <c>SiteScanResult</c> (the service's stored and
/// documented record) stays as it is; an entry lives from the end of a site's scan until the writer takes it.
/// </summary>
public sealed class SiteMentions
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<SiteMention>> _bySite = new(StringComparer.OrdinalIgnoreCase);

    internal void Put(string siteId, IReadOnlyList<SiteMention> mentions) => _bySite[siteId] = mentions;

    /// <summary>The mentions of <paramref name="siteId"/>'s last scan, removed from here (empty when the site had none or failed).</summary>
    public IReadOnlyList<SiteMention> Take(string siteId) => _bySite.TryRemove(siteId, out var mentions) ? mentions : [];
}
