using System.Globalization;
using PartnerWatch.Config;
using PartnerWatch.Store;

namespace PartnerWatch.Alert.Email;

/// <summary>
/// Says an alert in plain words: who shows which brand's logo or name, under which heading, on which page, and that
/// the brand does not list the site — no detector vocabulary, scores or internal numbers; each piece of evidence once.
/// </summary>
internal sealed class AlertEmailBuilder(PartnerWatchOptions options)
{
    private const int MaxSubjectPart = 120;

    public AlertEmailModel Build(PendingAlert alert, InlineImage? logo, InlineImage? screenshot, ScreenshotCrop? crop, bool hasAttachment)
    {
        if (alert.Kind == AlertKind.Digest)
        {
            return BuildDigest(alert);
        }

        var site = AlertText.OneLine(SiteName(alert.SiteId), MaxSubjectPart);
        var brand = AlertText.OneLine(BrandName(alert.BrandId), MaxSubjectPart);
        var summary = EvidenceSummary.Of(alert.Evidence);
        var primary = summary.Primary;
        var reason = primary is null ? null : ClaimReason.From(primary.Context, primary.Snippet, brand);
        var seen = $"{brand}'s {summary.Seen()}";
        var where = Join(reason?.Short, summary.Pages() is { Length: > 0 } pages ? "on " + pages : null);
        var shows = Join($"{site} shows {seen}", where);
        var evidence = summary.Groups.Take(AlertText.MaxEvidenceShown).Select(g => Line(g, brand)).ToList();

        var (heading, subject, opening, status) = alert.Kind switch
        {
            AlertKind.Reminder => ("Reminder", AlertText.Title(alert, site, brand),
                $"{Join($"{site} still shows {seen}", where)} (first seen {Date(alert.FirstSeenAt)}); {brand} does not list it as a partner.",
                "Nobody has acknowledged this claim yet. Acknowledge it in PartnerWatch to stop these reminders."),
            AlertKind.Withdrawn => ("Claim withdrawn", AlertText.Title(alert, site, brand),
                $"{site} no longer presents {brand} as a partner.",
                $"The claim was absent from consecutive successful scans{(alert.ResolvedAt is { } at ? " and was closed on " + Date(at) : "")}. Below is what it showed the last time it was seen."),
            AlertKind.Confirmed => ("Claim closed", AlertText.Title(alert, site, brand),
                $"{brand} now lists {site} as a confirmed partner; the claim is closed as confirmed.",
                "Nothing to do. Below is what the site showed."),
            _ => ("Unverified partner claim", $"[PartnerWatch] {shows}; {brand} does not list it as a partner",
                $"{shows}; {brand} does not list it as a partner.", null),
        };

        return new AlertEmailModel
        {
            Kind = alert.Kind.Name(),
            Heading = heading,
            Subject = AlertText.OneLine(subject, 400),
            Opening = opening,
            Status = status,
            Why = alert.Kind is AlertKind.NewClaim or AlertKind.Reminder ? reason?.Long : null,
            SiteName = site,
            SiteUrl = AlertText.OneLine(alert.SiteUrl, AlertText.MaxFieldLength),
            SiteHref = Href(alert.SiteUrl),
            BrandName = brand,
            Confidence = Confidence(alert.Confidence),
            FirstSeen = Date(alert.FirstSeenAt),
            LastSeen = alert.LastSeenAt is { } last && alert.Kind != AlertKind.NewClaim ? Date(last) : null,
            ClaimHref = alert.ClaimId is { } id ? Public($"claims/{Id(id)}") : null,
            Evidence = evidence,
            EvidenceNotShown = Math.Max(0, summary.Groups.Count - evidence.Count),
            Logo = logo,
            Screenshot = screenshot,
            ScreenshotMissing = screenshot is null ? crop?.Missing ?? "No screenshot is stored with this evidence." : null,
            ScreenshotPage = crop?.Item is { } shotItem ? EvidenceSummary.PathOf(shotItem.Url) : null,
            ScreenshotHref = crop?.Item is { Stored: true, Sha256: { } shot } ? EvidenceHref(alert, shot) : null,
            ManifestFile = alert.Manifest?.File,
            ManifestHref = alert.Manifest is { } manifest ? EvidenceHref(alert, manifest.File) : null,
            HasAttachment = hasAttachment,
        };
    }

    private AlertEmailModel BuildDigest(PendingAlert alert)
    {
        var lines = alert.DigestClaims.Take(AlertText.MaxDigestClaimsShown).Select(claim =>
        {
            var site = AlertText.OneLine(SiteName(claim.SiteId), MaxSubjectPart);
            var brand = AlertText.OneLine(BrandName(claim.BrandId), MaxSubjectPart);
            var summary = EvidenceSummary.Of(claim.Evidence);
            var reason = summary.Primary is { } primary ? ClaimReason.From(primary.Context, primary.Snippet, brand) : null;
            var pages = summary.Pages();
            return new DigestLine(
                Join($"{site} shows {brand}'s {summary.Seen()}", Join(reason?.Short, pages.Length > 0 ? "on " + pages : null)),
                AlertText.OneLine(claim.SiteUrl, AlertText.MaxFieldLength), Href(claim.SiteUrl), Confidence(claim.Confidence), Date(claim.FirstSeenAt),
                Public($"claims/{Id(claim.ClaimId)}"),
                summary.Groups.Take(3).Select(g => $"{g.Describe(brand)} on {EvidenceSummary.Paths(g.PageUrls)}").ToList());
        }).ToList();
        var count = alert.DigestClaims.Count;
        return new AlertEmailModel
        {
            Kind = alert.Kind.Name(),
            Heading = "Daily digest",
            Subject = AlertText.Title(alert, "", ""),
            Opening = count == 1
                ? "One site presents a brand as its partner without being on the brand's partner list:"
                : $"{count.ToString(CultureInfo.InvariantCulture)} sites present a brand as their partner without being on the brand's partner list:",
            SiteName = "",
            SiteUrl = "",
            BrandName = "",
            Confidence = "",
            FirstSeen = "",
            Digest = lines,
            DigestNotShown = Math.Max(0, count - lines.Count),
        };
    }

    private EvidenceLine Line(EvidenceGroup group, string brand)
    {
        var reason = ClaimReason.From(group.Context, group.Snippet, brand).Short;
        var quote = AlertText.OneLine(group.Snippet, 300);
        var what = group.Describe(brand);
        return new EvidenceLine(
            what,
            EvidenceSummary.Paths(group.PageUrls),
            AlertText.OneLine(group.PageUrl, AlertText.MaxFieldLength),
            Href(group.PageUrl),
            // The quote adds the page's words only when the description does not already say them (an image's label).
            quote.Length > 0 && reason?.Contains(quote, StringComparison.Ordinal) != true && !what.Contains(quote, StringComparison.Ordinal) ? quote : null,
            group.ImageUrl is { } image ? AlertText.OneLine(image, AlertText.MaxFieldLength) : null,
            Href(group.ImageUrl),
            reason is null ? null : char.ToUpperInvariant(reason[0]) + reason[1..]);
    }

    /// <summary>Confidence in words, for a reader who does not know the detector's scale.</summary>
    internal static string Confidence(double value) => value switch
    {
        >= 0.9 => "high",
        >= 0.7 => "medium",
        _ => "low — check the screenshot before acting",
    };

    internal static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>An evidence file in the console (sign-in needed; a browser has the cookie, so the link works when clicked).</summary>
    private string? EvidenceHref(PendingAlert alert, string file) =>
        alert.ClaimId is { } id ? Public($"console/claims/{Id(id)}/evidence/{Uri.EscapeDataString(file)}") : null;

    /// <summary>A page of the service, when <c>Alerts:PublicBaseUrl</c> says where it is reachable.</summary>
    private string? Public(string relative)
    {
        var configured = options.Alerts.PublicBaseUrl;
        return string.IsNullOrWhiteSpace(configured) || !Uri.TryCreate(configured.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri)
            ? null
            : new Uri(baseUri, relative).AbsoluteUri;
    }

    /// <summary>Only absolute http(s) URLs become links; anything else (javascript:, data:) is shown as text.</summary>
    internal static string? Href(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri.AbsoluteUri : null;

    internal string SiteName(string siteId)
    {
        var name = options.Sites.FirstOrDefault(s => string.Equals(s.Id, siteId, StringComparison.OrdinalIgnoreCase))?.Name;
        return string.IsNullOrWhiteSpace(name) ? siteId : name;
    }

    internal string BrandName(string brandId)
    {
        var name = options.Brands.FirstOrDefault(b => string.Equals(b.Id, brandId, StringComparison.OrdinalIgnoreCase))?.Name;
        return string.IsNullOrWhiteSpace(name) ? brandId : name;
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Join(string? first, string? second) =>
        string.IsNullOrEmpty(first) ? second ?? "" : string.IsNullOrEmpty(second) ? first : first + " " + second;
}
