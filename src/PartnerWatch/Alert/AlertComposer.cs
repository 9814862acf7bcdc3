using System.Globalization;
using System.Net;
using System.Text;
using MimeKit;
using PartnerWatch.Config;
using PartnerWatch.Scan;
using PartnerWatch.Store;

namespace PartnerWatch.Alert;

/// <summary>
/// Turns a pending alert into the e-mail sent to the brand-protection team. Everything that came from a scanned page
/// is untrusted: it is HTML-encoded, flattened to one line, shortened, and only http(s) URLs become links.
/// The message is a pure function of the alert (Date = alert creation, Message-ID stored with the alert),
/// so a resend after a crash is byte-for-byte the same message.
/// </summary>
public sealed class AlertComposer(PartnerWatchOptions options)
{
    internal const int MaxEvidenceShown = 20;
    internal const int MaxFieldLength = 500;

    public MimeMessage Compose(PendingAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var siteName = OneLine(SiteName(alert.SiteId), 200);
        var brandName = OneLine(BrandName(alert.BrandId), 200);

        var message = new MimeMessage
        {
            Subject = $"[PartnerWatch] Unverified partner claim: {siteName} shows {brandName}",
            Date = alert.CreatedAt,
            MessageId = alert.MessageId,
        };
        message.From.Add(ParseAddress(options.Smtp.From, "PartnerWatch:Smtp:From"));
        for (var i = 0; i < options.Smtp.To.Count; i++)
        {
            message.To.Add(ParseAddress(options.Smtp.To[i], $"PartnerWatch:Smtp:To:{i}"));
        }

        message.Headers.Add("X-PartnerWatch-Alert-Id", alert.Id.ToString(CultureInfo.InvariantCulture));
        message.Headers.Add("X-PartnerWatch-Site", OneLine(alert.SiteId, 200));
        message.Headers.Add("X-PartnerWatch-Brand", OneLine(alert.BrandId, 200));

        var body = new BodyBuilder
        {
            TextBody = ComposeText(alert, siteName, brandName),
            HtmlBody = ComposeHtml(alert, siteName, brandName),
        };
        message.Body = body.ToMessageBody();
        return message;
    }

    private static string ComposeText(PendingAlert alert, string siteName, string brandName)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{siteName} presents {brandName} as a partner, but {brandName} does not list it as a confirmed partner.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Site:        {siteName} ({OneLine(alert.SiteId, 200)})");
        text.AppendLine(CultureInfo.InvariantCulture, $"URL:         {OneLine(alert.SiteUrl, MaxFieldLength)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Brand:       {brandName} ({OneLine(alert.BrandId, 200)})");
        text.AppendLine(CultureInfo.InvariantCulture, $"Confidence:  {Confidence(alert.Confidence)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"First seen:  {Utc(alert.FirstSeenAt)}");
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

        return text.ToString();
    }

    private static string ComposeHtml(PendingAlert alert, string siteName, string brandName)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif\">");
        html.Append(CultureInfo.InvariantCulture, $"<p><b>{E(siteName)}</b> presents <b>{E(brandName)}</b> as a partner, but {E(brandName)} does not list it as a confirmed partner.</p>");
        html.Append("<table cellpadding=\"4\">");
        Row(html, "Site", $"{E(siteName)} ({E(OneLine(alert.SiteId, 200))})");
        Row(html, "URL", Link(alert.SiteUrl));
        Row(html, "Brand", $"{E(brandName)} ({E(OneLine(alert.BrandId, 200))})");
        Row(html, "Confidence", E(Confidence(alert.Confidence)));
        Row(html, "First seen", E(Utc(alert.FirstSeenAt)));
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

        html.Append("</body></html>");
        return html.ToString();
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

    private string SiteName(string siteId)
    {
        var name = options.Sites.FirstOrDefault(s => string.Equals(s.Id, siteId, StringComparison.OrdinalIgnoreCase))?.Name;
        return string.IsNullOrWhiteSpace(name) ? siteId : name;
    }

    private string BrandName(string brandId)
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

    private static string Confidence(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

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
