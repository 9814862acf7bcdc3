using PartnerWatch.Config;
using PartnerWatch.Domain;
using PartnerWatch.Fetch.Browser;
using PartnerWatch.Store;

namespace PartnerWatch.WebConsole;

/// <summary>
/// The screenshots a site's claims already have, read from the evidence the store keeps (claims → newest manifest →
/// its page, image and screenshot items; the bytes through <see cref="IEvidenceBlobs"/>), so a scheduled scan can keep
/// a picture of a page that did not change instead of loading it in the browser again. Read only, through the
/// store's existing read APIs.
/// </summary>
internal sealed class StoredScreenshotHistory(IScanStore store, ClaimReviewStore reviews, IEvidenceBlobs blobs, PartnerWatchOptions options) : IScreenshotHistory
{
    /// <summary>Claims of one site looked at, newest sighting first (a site with more has them spread over older scans).</summary>
    private const int MaxClaims = 50;

    public async Task<IReadOnlyDictionary<string, StoredScreenshot>> LastShotsAsync(string siteId, CancellationToken cancellationToken)
    {
        var claims = (await reviews.QueryClaimsAsync(new ClaimQuery(null, null, siteId, null, null, null, 1, MaxClaims), cancellationToken)).Items;
        var latest = new List<(long ClaimId, string Brand, EvidenceManifestRecord Manifest)>();
        foreach (var claim in claims)
        {
            var manifests = await store.GetEvidenceManifestsAsync(claim.Id, cancellationToken);
            if (manifests.Count > 0) latest.Add((claim.Id, claim.BrandId, manifests[0]));
        }

        var shots = new Dictionary<string, StoredScreenshot>(StringComparer.Ordinal);
        // Newest scan first: the picture that counts is the last one stored for the page.
        foreach (var scan in latest.GroupBy(l => l.Manifest.ScanId).OrderByDescending(g => g.Key))
        {
            var items = scan.SelectMany(l => l.Manifest.Items).ToList();
            foreach (var shot in items.Where(i => i is { Kind: "screenshot", Stored: true, Sha256: not null }))
            {
                if (shots.ContainsKey(shot.Url)) continue;
                var key = Normalize(shot.Url);
                var page = items.FirstOrDefault(i => i.Kind == "page" && Normalize(i.Url) == key);
                var rendered = items.FirstOrDefault(i => i.Kind == "rendered-page" && Normalize(i.Url) == key);

                // What that scan had to outline on the page: the evidence of the claims it saw there.
                var evidence = new List<Evidence>();
                var brands = new List<string>();
                foreach (var (claimId, brand, _) in scan)
                {
                    var record = await store.GetClaimAsync(claimId, cancellationToken);
                    var here = (record?.Evidence ?? []).Where(e => Normalize(e.PageUrl) == key).ToList();
                    if (here.Count == 0) continue;
                    evidence.AddRange(here);
                    brands.Add(brand);
                }

                var images = new Dictionary<string, string?>(StringComparer.Ordinal);
                foreach (var image in items.Where(i => i.Kind == "image")) images.TryAdd(image.Url, image.Sha256);
                shots[shot.Url] = new StoredScreenshot(
                    shot.Url, shot.FetchedAt ?? scan.First().Manifest.CreatedAt, shot.Sha256!, shot.Note, shot.Marks ?? [],
                    page?.Sha256, rendered?.Sha256, ClaimScreenshots.Marks(evidence, brands.Distinct(StringComparer.Ordinal), options.Brands), images);
            }
        }
        return shots;
    }

    public Task<byte[]?> ReadAsync(string sha256, CancellationToken cancellationToken) => blobs.ReadAsync(sha256, cancellationToken);

    /// <summary>As the store keys evidence items by URL (scheme, host, path and query; no fragment).</summary>
    private static string Normalize(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped) : url ?? "";
}
