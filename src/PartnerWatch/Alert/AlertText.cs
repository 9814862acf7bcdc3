using System.Globalization;
using System.Text;
using PartnerWatch.Domain;
using PartnerWatch.Store;

namespace PartnerWatch.Alert;

/// <summary>
/// Text helpers shared by the e-mail and the webhook payloads: one-line flattening of untrusted page text, UTC times,
/// and the webhook title and summary (the webhook document's <c>title</c>/<c>summary</c> are a contract, kept as they were).
/// </summary>
internal static class AlertText
{
    internal const int MaxEvidenceShown = 20;
    internal const int MaxFieldLength = 500;
    internal const int MaxDigestClaimsShown = 200;

    /// <summary>The webhook <c>title</c> (without the <c>PartnerWatch:</c> prefix the sink adds) and the old e-mail subject.</summary>
    internal static string Title(PendingAlert alert, string siteName, string brandName) => alert.Kind switch
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
