using System.Globalization;
using System.Net;
using System.Text;
using MimeKit;
using PartnerWatch.Config;
using PartnerWatch.Domain;
using PartnerWatch.Store;

namespace PartnerWatch.Alert;

/// <summary>
/// Turns a pending alert into the e-mail sent to the brand-protection team. Everything that came from a scanned page
/// is untrusted: it is HTML-encoded, flattened to one line, shortened, and only http(s) URLs become links.
/// The message is a pure function of the alert (Date = alert creation, Message-ID stored with the alert),
/// so a resend after a crash is byte-for-byte the same message.
/// </summary>
public sealed class AlertComposer(PartnerWatchOptions options, DataDirectory? dataDirectory = null)
{
    internal const int MaxEvidenceShown = 20;
    internal const int MaxFieldLength = 500;
    internal const int MaxDigestClaimsShown = 200;
    /// <summary>Matched logos larger than this are linked, not embedded.</summary>
    internal const long MaxInlineImageBytes = 512 * 1024;

    public MimeMessage Compose(PendingAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var siteName = OneLine(SiteName(alert.SiteId), 200);
        var brandName = OneLine(BrandName(alert.BrandId), 200);

        var message = new MimeMessage
        {
            Subject = Subject(alert, siteName, brandName),
            Date = alert.CreatedAt,
            MessageId = alert.MessageId,
        };
        message.From.Add(ParseAddress(options.Smtp.From, "PartnerWatch:Smtp:From"));
        for (var i = 0; i < options.Smtp.To.Count; i++)
        {
            message.To.Add(ParseAddress(options.Smtp.To[i], $"PartnerWatch:Smtp:To:{i}"));
        }

        // Follow-ups (reminder, withdrawn, confirmed) thread under the alert that opened the case.
        if (!string.IsNullOrEmpty(alert.ThreadMessageId))
        {
            message.InReplyTo = alert.ThreadMessageId;
            message.References.Add(alert.ThreadMessageId);
        }

        message.Headers.Add("X-PartnerWatch-Alert-Id", alert.Id.ToString(CultureInfo.InvariantCulture));
        message.Headers.Add("X-PartnerWatch-Kind", RelationalScanStore.KindName(alert.Kind));
        if (alert.Kind != AlertKind.Digest)
        {
            message.Headers.Add("X-PartnerWatch-Site", OneLine(alert.SiteId, 200));
            message.Headers.Add("X-PartnerWatch-Brand", OneLine(alert.BrandId, 200));
        }

        var body = new BodyBuilder();
        if (alert.Kind == AlertKind.Digest)
        {
            body.TextBody = ComposeDigestText(alert);
            body.HtmlBody = ComposeDigestHtml(alert);
        }
        else
        {
            var logo = InlineLogo(alert, body);
            body.TextBody = ComposeText(alert, siteName, brandName);
            body.HtmlBody = ComposeHtml(alert, siteName, brandName, logo);
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    internal static string Subject(PendingAlert alert, string siteName, string brandName) => alert.Kind switch
    {
        AlertKind.Reminder => $"[PartnerWatch] Reminder: {siteName} still shows {brandName} (open since {alert.FirstSeenAt.UtcDateTime:yyyy-MM-dd})",
        AlertKind.Withdrawn => $"[PartnerWatch] Claim withdrawn: {siteName} no longer shows {brandName}",
        AlertKind.Confirmed => $"[PartnerWatch] Claim closed: {brandName} now confirms {siteName} as a partner",
        AlertKind.Digest => $"[PartnerWatch] Daily digest: {alert.DigestClaims.Count} new unverified partner claim{(alert.DigestClaims.Count == 1 ? "" : "s")}",
        _ => $"[PartnerWatch] Unverified partner claim: {siteName} shows {brandName}",
    };

    internal static string Lead(PendingAlert alert, string siteName, string brandName) => alert.Kind switch
    {
        AlertKind.Reminder => $"{siteName} still presents {brandName} as a partner, first seen {Utc(alert.FirstSeenAt)}, and nobody has acknowledged the claim yet.",
        AlertKind.Withdrawn => $"{siteName} no longer presents {brandName} as a partner: the claim was absent from consecutive successful scans{(alert.ResolvedAt is { } at ? " and was resolved at " + Utc(at) : "")}.",
        AlertKind.Confirmed => $"{brandName} now lists {siteName} as a confirmed partner; the claim is closed as confirmed.",
        _ => $"{siteName} presents {brandName} as a partner, but {brandName} does not list it as a confirmed partner.",
    };

    private string ComposeText(PendingAlert alert, string siteName, string brandName)
    {
        var text = new StringBuilder();
        text.AppendLine(Lead(alert, siteName, brandName));
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Site:        {siteName} ({OneLine(alert.SiteId, 200)})");
        text.AppendLine(CultureInfo.InvariantCulture, $"URL:         {OneLine(alert.SiteUrl, MaxFieldLength)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Brand:       {brandName} ({OneLine(alert.BrandId, 200)})");
        text.AppendLine(CultureInfo.InvariantCulture, $"Confidence:  {Confidence(alert.Confidence)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"First seen:  {Utc(alert.FirstSeenAt)}");
        if (alert.LastSeenAt is { } lastSeen && alert.Kind != AlertKind.NewClaim)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Last seen:   {Utc(lastSeen)}");
        }

        if (alert.ClaimId is { } claimId)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Claim:       {claimId}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Alert:       {alert.Id}");
        text.AppendLine();
        text.AppendLine("Evidence:");
        var number = 0;
        foreach (var evidence in alert.Evidence.Take(MaxEvidenceShown))
        {
            number++;
            text.AppendLine(CultureInfo.InvariantCulture, $"{number}. {Kind(evidence.Kind)} on {OneLine(evidence.PageUrl, MaxFieldLength)}");
            if (!string.IsNullOrWhiteSpace(evidence.ImageUrl))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"   Image:   {OneLine(evidence.ImageUrl, MaxFieldLength)}");
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"   Detail:  {OneLine(evidence.Detail, MaxFieldLength)}");
            if (!string.IsNullOrWhiteSpace(evidence.Snippet))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"   Snippet: \"{OneLine(evidence.Snippet, MaxFieldLength)}\"");
            }
        }

        if (number == 0)
        {
            text.AppendLine("(none stored)");
        }
        else if (alert.Evidence.Count > number)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"... and {alert.Evidence.Count - number} more.");
        }

        if (alert.Manifest is { } manifest)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Stored evidence (scan {manifest.ScanId}, SHA-256):");
            text.AppendLine(CultureInfo.InvariantCulture, $"   manifest {manifest.File}  {manifest.Sha256}");
            foreach (var item in manifest.Items.Take(MaxEvidenceShown))
            {
                var fetched = item.FetchedAt is { } at ? $", fetched {Utc(at)}" : "";
                var status = item.HttpStatus is { } code ? $", HTTP {code}" : "";
                text.AppendLine(CultureInfo.InvariantCulture, $"   {item.Kind} {OneLine(item.Url, MaxFieldLength)}{status}{fetched}");
                text.AppendLine(CultureInfo.InvariantCulture, $"      sha256 {item.Sha256 ?? "(not fetched)"}{(item.Stored ? "" : " (not stored)")}");
            }

            if (EvidenceLink(alert, manifest.File) is { } link)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"   {link}");
            }
        }

        return text.ToString();
    }

    private string ComposeHtml(PendingAlert alert, string siteName, string brandName, string? logoContentId)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif\">");
        html.Append(CultureInfo.InvariantCulture, $"<p>{E(Lead(alert, siteName, brandName))}</p>");
        if (logoContentId is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><img src=\"cid:{E(logoContentId)}\" alt=\"matched logo as shown on the site\" style=\"max-width:240px;max-height:120px\"></p>");
        }

        html.Append("<table cellpadding=\"4\">");
        Row(html, "Site", $"{E(siteName)} ({E(OneLine(alert.SiteId, 200))})");
        Row(html, "URL", Link(alert.SiteUrl));
        Row(html, "Brand", $"{E(brandName)} ({E(OneLine(alert.BrandId, 200))})");
        Row(html, "Confidence", E(Confidence(alert.Confidence)));
        Row(html, "First seen", E(Utc(alert.FirstSeenAt)));
        if (alert.LastSeenAt is { } lastSeen && alert.Kind != AlertKind.NewClaim)
        {
            Row(html, "Last seen", E(Utc(lastSeen)));
        }

        if (alert.ClaimId is { } claimId)
        {
            Row(html, "Claim", E(claimId.ToString(CultureInfo.InvariantCulture)));
        }

        Row(html, "Alert", E(alert.Id.ToString(CultureInfo.InvariantCulture)));
        html.Append("</table><h3>Evidence</h3>");

        var shown = alert.Evidence.Take(MaxEvidenceShown).ToList();
        if (shown.Count == 0)
        {
            html.Append("<p>(none stored)</p>");
        }
        else
        {
            html.Append("<ol>");
            foreach (var evidence in shown)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li><b>{E(Kind(evidence.Kind))}</b> on {Link(evidence.PageUrl)}<br>");
                if (!string.IsNullOrWhiteSpace(evidence.ImageUrl))
                {
                    html.Append(CultureInfo.InvariantCulture, $"Image: {Link(evidence.ImageUrl)}<br>");
                }

                html.Append(CultureInfo.InvariantCulture, $"Detail: {E(OneLine(evidence.Detail, MaxFieldLength))}");
                if (!string.IsNullOrWhiteSpace(evidence.Snippet))
                {
                    html.Append(CultureInfo.InvariantCulture, $"<br>Snippet: <q>{E(OneLine(evidence.Snippet, MaxFieldLength))}</q>");
                }

                html.Append("</li>");
            }

            html.Append("</ol>");
            if (alert.Evidence.Count > shown.Count)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p>... and {alert.Evidence.Count - shown.Count} more.</p>");
            }
        }

        if (alert.Manifest is { } manifest)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3>Stored evidence (scan {manifest.ScanId})</h3><table cellpadding=\"4\">");
            Row(html, "manifest", $"{E(manifest.File)}<br><code>{E(manifest.Sha256)}</code>");
            foreach (var item in manifest.Items.Take(MaxEvidenceShown))
            {
                var status = item.HttpStatus is { } code ? $", HTTP {code}" : "";
                var fetched = item.FetchedAt is { } at ? $", fetched {Utc(at)}" : "";
                Row(html, item.Kind, $"{Link(item.Url)}{E(status + fetched)}<br><code>{E(item.Sha256 ?? "(not fetched)")}</code>{(item.Stored ? "" : " (not stored)")}");
            }

            html.Append("</table>");
            if (EvidenceLink(alert, manifest.File) is { } link)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p>Evidence on the service: {Link(link)}</p>");
            }
        }

        html.Append("</body></html>");
        return html.ToString();
    }

    private string ComposeDigestText(PendingAlert alert)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"New unverified partner claims ({alert.DigestClaims.Count}):");
        text.AppendLine();
        foreach (var claim in alert.DigestClaims.Take(MaxDigestClaimsShown))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"- {OneLine(SiteName(claim.SiteId), 200)} shows {OneLine(BrandName(claim.BrandId), 200)} (confidence {Confidence(claim.Confidence)}, first seen {Utc(claim.FirstSeenAt)}, claim {claim.ClaimId})");
            text.AppendLine(CultureInfo.InvariantCulture, $"  {OneLine(claim.SiteUrl, MaxFieldLength)}");
            foreach (var evidence in claim.Evidence.Take(3))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {Kind(evidence.Kind)} on {OneLine(evidence.PageUrl, MaxFieldLength)}: {OneLine(evidence.Detail, 200)}");
            }
        }

        if (alert.DigestClaims.Count > MaxDigestClaimsShown)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"... and {alert.DigestClaims.Count - MaxDigestClaimsShown} more.");
        }

        return text.ToString();
    }

    private string ComposeDigestHtml(PendingAlert alert)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif\">");
        html.Append(CultureInfo.InvariantCulture, $"<p>New unverified partner claims ({alert.DigestClaims.Count}):</p><ul>");
        foreach (var claim in alert.DigestClaims.Take(MaxDigestClaimsShown))
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<li><b>{E(OneLine(SiteName(claim.SiteId), 200))}</b> shows <b>{E(OneLine(BrandName(claim.BrandId), 200))}</b> — {Link(claim.SiteUrl)}, confidence {E(Confidence(claim.Confidence))}, first seen {E(Utc(claim.FirstSeenAt))}, claim {claim.ClaimId}<ul>");
            foreach (var evidence in claim.Evidence.Take(3))
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{E(Kind(evidence.Kind))} on {Link(evidence.PageUrl)}: {E(OneLine(evidence.Detail, 200))}</li>");
            }

            html.Append("</ul></li>");
        }

        html.Append("</ul>");
        if (alert.DigestClaims.Count > MaxDigestClaimsShown)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>... and {alert.DigestClaims.Count - MaxDigestClaimsShown} more.</p>");
        }

        html.Append("</body></html>");
        return html.ToString();
    }

    /// <summary>Embeds the first stored matched image (content-addressed, so a resend embeds the same bytes); returns its Content-ID.</summary>
    private string? InlineLogo(PendingAlert alert, BodyBuilder body)
    {
        if (dataDirectory is null || alert.Manifest is not { } manifest)
        {
            return null;
        }

        var image = manifest.Items.FirstOrDefault(i => i.Kind == "image" && i.Stored && EvidenceFiles.IsSha256(i.Sha256) && i.Bytes <= MaxInlineImageBytes);
        if (image is null)
        {
            return null;
        }

        var path = Path.Combine(dataDirectory.Evidence, "blobs", image.Sha256!);
        try
        {
            var bytes = File.ReadAllBytes(path);
            var type = ContentType.TryParse(image.ContentType ?? "", out var parsed) && parsed.MediaType == "image" ? parsed : new ContentType("application", "octet-stream");
            var resource = body.LinkedResources.Add("logo-" + image.Sha256![..16], bytes, type);
            resource.ContentId = $"{image.Sha256![..32]}@partnerwatch.local";
            return resource.ContentId;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Link to a file of the claim's evidence on the service, when <c>Alerts:PublicBaseUrl</c> is set.</summary>
    internal string? EvidenceLink(PendingAlert alert, string file)
    {
        if (alert.ClaimId is not { } claimId || string.IsNullOrWhiteSpace(options.Alerts.PublicBaseUrl)
            || !Uri.TryCreate(options.Alerts.PublicBaseUrl.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri))
        {
            return null;
        }

        return new Uri(baseUri, $"api/claims/{claimId.ToString(CultureInfo.InvariantCulture)}/evidence/{Uri.EscapeDataString(file)}").AbsoluteUri;
    }

    private static void Row(StringBuilder html, string label, string encodedValue) =>
        html.Append(CultureInfo.InvariantCulture, $"<tr><th align=\"left\">{E(label)}</th><td>{encodedValue}</td></tr>");

    /// <summary>Only absolute http(s) URLs become links; anything else (javascript:, data:) is shown as text.</summary>
    private static string Link(string? url)
    {
        var text = OneLine(url, MaxFieldLength);
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? $"<a href=\"{E(uri.AbsoluteUri)}\">{E(text)}</a>"
            : E(text);
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);

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

    private static MailboxAddress ParseAddress(string? value, string key) =>
        MailboxAddress.TryParse(value ?? "", out var address)
            ? address
            : throw new InvalidOperationException($"{key} '{OneLine(value, 200)}' is not an e-mail address.");

    internal static string Kind(EvidenceKind kind) => kind switch
    {
        EvidenceKind.LogoImage => "logo-image",
        EvidenceKind.LogoText => "logo-text",
        EvidenceKind.Text => "text",
        EvidenceKind.Link => "link",
        _ => kind.ToString(),
    };

    internal static string Confidence(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    internal static string Utc(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Collapses line breaks and other control characters (which could forge lines or headers) and shortens.</summary>
    internal static string OneLine(string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var builder = new StringBuilder(Math.Min(value.Length, maxLength + 1));
        var lastWasSpace = false;
        foreach (var c in value)
        {
            var space = char.IsWhiteSpace(c) || char.IsControl(c);
            if (space && lastWasSpace)
            {
                continue;
            }

            if (builder.Length >= maxLength)
            {
                builder.Append('…');
                break;
            }

            builder.Append(space ? ' ' : c);
            lastWasSpace = space;
        }

        return builder.ToString().Trim();
    }
}
