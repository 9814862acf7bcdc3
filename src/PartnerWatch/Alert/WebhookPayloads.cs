using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PartnerWatch.Domain;
using PartnerWatch.Store;

namespace PartnerWatch.Alert;

/// <summary>
/// The bodies POSTed to webhooks: PartnerWatch's own <c>json</c> document, a Slack incoming-webhook message and a
/// Microsoft Teams Adaptive Card message (see docs/alerts.md). Like the e-mail, a body is a pure function of the stored
/// alert, so a retry sends the same bytes. Text from scanned pages is untrusted: flattened to one line, shortened, escaped
/// for the target's markup, and only http(s) URLs become links.
/// </summary>
public sealed class WebhookPayloads(AlertComposer composer)
{
    public const string JsonSchema = "partnerwatch.alert.v1";

    internal const int MaxChatEvidence = 5;
    internal const int MaxChatDigestClaims = 20;
    private const int MaxSlackSectionText = 2900;
    private const int MaxSlackHeader = 150;

    private static readonly JsonSerializerOptions Serializer = new() { WriteIndented = false };

    /// <summary>The UTF-8 body for <paramref name="format"/> (<c>json</c>, <c>slack</c> or <c>teams</c>, any case).</summary>
    public byte[] Compose(string format, PendingAlert alert, string deliveryId)
    {
        ArgumentNullException.ThrowIfNull(alert);
        JsonNode body = (format ?? "").ToLowerInvariant() switch
        {
            "slack" => Slack(alert),
            "teams" => Teams(alert),
            "json" or "" => Document(alert, deliveryId),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "must be json, slack or teams"),
        };
        return JsonSerializer.SerializeToUtf8Bytes(body, Serializer);
    }

    /// <summary>Stable across retries and restarts: the alert's Message-ID without the domain (<c>alert-12.9f3a…</c>).</summary>
    public static string DeliveryId(PendingAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var at = alert.MessageId.IndexOf('@', StringComparison.Ordinal);
        return at > 0 ? alert.MessageId[..at] : alert.MessageId;
    }

    // ---- json ---------------------------------------------------------------------------------------------------

    private JsonObject Document(PendingAlert alert, string deliveryId)
    {
        var digest = alert.Kind == AlertKind.Digest;
        var (status, lifecycle) = StatusOf(alert.Kind);
        var document = new JsonObject
        {
            ["schema"] = JsonSchema,
            ["deliveryId"] = deliveryId,
            ["alertId"] = alert.Id,
            ["kind"] = alert.Kind.Name(),
            ["createdAt"] = AlertText.Utc(alert.CreatedAt),
            ["title"] = Title(alert),
            ["summary"] = digest ? Title(alert) : Lead(alert),
        };

        if (!digest)
        {
            document["claimId"] = alert.ClaimId;
            document["site"] = Site(alert.SiteId, alert.SiteUrl);
            document["brand"] = Brand(alert.BrandId);
            document["status"] = status;
            document["lifecycle"] = lifecycle;
            document["confidence"] = Math.Round(alert.Confidence, 4);
            document["firstSeenAt"] = AlertText.Utc(alert.FirstSeenAt);
            document["lastSeenAt"] = alert.LastSeenAt is { } seen ? AlertText.Utc(seen) : null;
            document["resolvedAt"] = alert.ResolvedAt is { } resolved ? AlertText.Utc(resolved) : null;
            document["evidence"] = EvidenceList(alert.Evidence, AlertText.MaxEvidenceShown);
            document["evidenceTotal"] = alert.Evidence.Count;
            document["manifest"] = Manifest(alert.Manifest);
            document["link"] = Link(alert);
        }
        else
        {
            var claims = new JsonArray();
            foreach (var claim in alert.DigestClaims.Take(AlertText.MaxDigestClaimsShown))
            {
                claims.Add(new JsonObject
                {
                    ["claimId"] = claim.ClaimId,
                    ["site"] = Site(claim.SiteId, claim.SiteUrl),
                    ["brand"] = Brand(claim.BrandId),
                    ["status"] = "unverified",
                    ["confidence"] = Math.Round(claim.Confidence, 4),
                    ["firstSeenAt"] = AlertText.Utc(claim.FirstSeenAt),
                    ["evidence"] = EvidenceList(claim.Evidence, 3),
                });
            }

            document["claims"] = claims;
            document["claimsTotal"] = alert.DigestClaims.Count;
        }

        return document;
    }

    private JsonObject Site(string id, string url) => new()
    {
        ["id"] = One(id, 200),
        ["name"] = One(composer.SiteName(id), 200),
        ["url"] = One(url, AlertText.MaxFieldLength),
    };

    private JsonObject Brand(string id) => new()
    {
        ["id"] = One(id, 200),
        ["name"] = One(composer.BrandName(id), 200),
    };

    private static JsonArray EvidenceList(IReadOnlyList<Evidence> evidence, int max)
    {
        var list = new JsonArray();
        foreach (var e in evidence.Where(e => e is not null).Take(max))
        {
            var item = new JsonObject
            {
                ["kind"] = AlertText.Kind(e.Kind),
                ["pageUrl"] = One(e.PageUrl, AlertText.MaxFieldLength),
                ["detail"] = One(e.Detail, AlertText.MaxFieldLength),
            };
            if (!string.IsNullOrWhiteSpace(e.ImageUrl)) item["imageUrl"] = One(e.ImageUrl, AlertText.MaxFieldLength);
            if (!string.IsNullOrWhiteSpace(e.Snippet)) item["snippet"] = One(e.Snippet, AlertText.MaxFieldLength);
            list.Add(item);
        }

        return list;
    }

    private static JsonObject? Manifest(EvidenceManifestRecord? manifest)
    {
        if (manifest is null)
        {
            return null;
        }

        var files = new JsonArray();
        foreach (var item in manifest.Items.Take(AlertText.MaxEvidenceShown))
        {
            files.Add(new JsonObject
            {
                ["kind"] = item.Kind,
                ["url"] = One(item.Url, AlertText.MaxFieldLength),
                ["fetchedAt"] = item.FetchedAt is { } at ? AlertText.Utc(at) : null,
                ["httpStatus"] = item.HttpStatus,
                ["sha256"] = item.Sha256,
                ["bytes"] = item.Bytes,
                ["stored"] = item.Stored,
            });
        }

        return new JsonObject
        {
            ["scanId"] = manifest.ScanId,
            ["file"] = manifest.File,
            ["sha256"] = manifest.Sha256,
            ["recordedAt"] = AlertText.Utc(manifest.CreatedAt),
            ["files"] = files,
        };
    }

    // ---- slack --------------------------------------------------------------------------------------------------

    private JsonObject Slack(PendingAlert alert)
    {
        var blocks = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "header",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = One(Title(alert), MaxSlackHeader - 1), ["emoji"] = false },
            },
        };

        if (alert.Kind == AlertKind.Digest)
        {
            var lines = new StringBuilder();
            foreach (var claim in alert.DigestClaims.Take(MaxChatDigestClaims))
            {
                lines.Append(CultureInfo.InvariantCulture,
                    $"• *{SlackText(composer.SiteName(claim.SiteId), 200)}* shows *{SlackText(composer.BrandName(claim.BrandId), 200)}* — {SlackLink(claim.SiteUrl, claim.SiteUrl)}, confidence {AlertText.Confidence(claim.Confidence)}, claim {claim.ClaimId}\n");
            }

            if (alert.DigestClaims.Count > MaxChatDigestClaims)
            {
                lines.Append(CultureInfo.InvariantCulture, $"… and {alert.DigestClaims.Count - MaxChatDigestClaims} more.");
            }

            blocks.Add(SlackSection(lines.ToString()));
        }
        else
        {
            blocks.Add(SlackSection(SlackText(Lead(alert), 1000)));
            blocks.Add(new JsonObject
            {
                ["type"] = "section",
                ["fields"] = new JsonArray
                {
                    SlackField("Site", SlackLink(alert.SiteUrl, composer.SiteName(alert.SiteId))),
                    SlackField("Brand", SlackText(composer.BrandName(alert.BrandId), 200)),
                    SlackField("Confidence", AlertText.Confidence(alert.Confidence)),
                    SlackField("First seen", AlertText.Utc(alert.FirstSeenAt)),
                    SlackField("Kind", alert.Kind.Name()),
                    SlackField("Claim", alert.ClaimId?.ToString(CultureInfo.InvariantCulture) ?? "-"),
                },
            });

            var evidence = new StringBuilder("*Evidence*\n");
            foreach (var e in alert.Evidence.Where(e => e is not null).Take(MaxChatEvidence))
            {
                evidence.Append(CultureInfo.InvariantCulture,
                    $"• {AlertText.Kind(e.Kind)} on {SlackLink(e.PageUrl, e.PageUrl)}: {SlackText(e.Detail, 300)}\n");
            }

            if (alert.Evidence.Count > MaxChatEvidence)
            {
                evidence.Append(CultureInfo.InvariantCulture, $"… and {alert.Evidence.Count - MaxChatEvidence} more.\n");
            }

            blocks.Add(SlackSection(evidence.ToString()));

            if (alert.Manifest is { } manifest)
            {
                var link = Link(alert);
                var context = $"Evidence manifest {SlackText(manifest.File, 100)} · SHA-256 `{manifest.Sha256}`"
                    + (link is null ? "" : " · " + SlackLink(link, "open evidence"));
                blocks.Add(new JsonObject
                {
                    ["type"] = "context",
                    ["elements"] = new JsonArray { new JsonObject { ["type"] = "mrkdwn", ["text"] = Cut(context, MaxSlackSectionText) } },
                });
            }
        }

        // "text" is the notification and fallback; Slack shows the blocks in the channel.
        return new JsonObject { ["text"] = SlackText(Title(alert), 500), ["blocks"] = blocks };
    }

    private static JsonObject SlackSection(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Cut(mrkdwn, MaxSlackSectionText) },
    };

    private static JsonObject SlackField(string label, string mrkdwn) => new() { ["type"] = "mrkdwn", ["text"] = $"*{label}*\n{mrkdwn}" };

    /// <summary>Slack control characters are &amp;, &lt; and &gt; (they make links and mentions); escaping them is enough.</summary>
    private static string SlackText(string? value, int max) =>
        One(value, max).Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string SlackLink(string? url, string? text)
    {
        var label = SlackText(text, 200);
        return HttpUrl(url) is { } absolute
            ? $"<{absolute.Replace("|", "%7C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal)}|{label.Replace("|", "¦", StringComparison.Ordinal)}>"
            : label;
    }

    // ---- teams --------------------------------------------------------------------------------------------------

    private JsonObject Teams(PendingAlert alert)
    {
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = TeamsText(Title(alert), 300), ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
        };
        var actions = new JsonArray();

        if (alert.Kind == AlertKind.Digest)
        {
            foreach (var claim in alert.DigestClaims.Take(MaxChatDigestClaims))
            {
                body.Add(TextBlock(
                    $"{TeamsText(composer.SiteName(claim.SiteId), 200)} shows {TeamsText(composer.BrandName(claim.BrandId), 200)} — {TeamsText(claim.SiteUrl, 300)}, confidence {AlertText.Confidence(claim.Confidence)}, claim {claim.ClaimId}"));
            }

            if (alert.DigestClaims.Count > MaxChatDigestClaims)
            {
                body.Add(TextBlock($"… and {alert.DigestClaims.Count - MaxChatDigestClaims} more."));
            }
        }
        else
        {
            body.Add(TextBlock(TeamsText(Lead(alert), 1000)));
            body.Add(new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray
                {
                    Fact("Site", $"{TeamsText(composer.SiteName(alert.SiteId), 200)} ({TeamsText(alert.SiteUrl, 300)})"),
                    Fact("Brand", TeamsText(composer.BrandName(alert.BrandId), 200)),
                    Fact("Confidence", AlertText.Confidence(alert.Confidence)),
                    Fact("First seen", AlertText.Utc(alert.FirstSeenAt)),
                    Fact("Kind", alert.Kind.Name()),
                    Fact("Claim", alert.ClaimId?.ToString(CultureInfo.InvariantCulture) ?? "-"),
                },
            });
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = "Evidence", ["weight"] = "Bolder", ["wrap"] = true });
            foreach (var e in alert.Evidence.Where(e => e is not null).Take(MaxChatEvidence))
            {
                body.Add(TextBlock($"{AlertText.Kind(e.Kind)} on {TeamsText(e.PageUrl, 300)}: {TeamsText(e.Detail, 300)}"));
            }

            if (alert.Evidence.Count > MaxChatEvidence)
            {
                body.Add(TextBlock($"… and {alert.Evidence.Count - MaxChatEvidence} more."));
            }

            if (alert.Manifest is { } manifest)
            {
                body.Add(new JsonObject
                {
                    ["type"] = "TextBlock", ["wrap"] = true, ["isSubtle"] = true, ["size"] = "Small",
                    ["text"] = $"Evidence manifest {TeamsText(manifest.File, 100)}, SHA-256 {manifest.Sha256}",
                });
            }

            if (Link(alert) is { } link)
            {
                actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open evidence", ["url"] = link });
            }

            if (HttpUrl(alert.SiteUrl) is { } site)
            {
                actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open site", ["url"] = site });
            }
        }

        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = body,
        };
        if (actions.Count > 0)
        {
            card["actions"] = actions;
        }

        // The message envelope that Teams incoming webhooks and Power Automate "post card" workflows accept.
        return new JsonObject
        {
            ["type"] = "message",
            ["summary"] = TeamsText(Title(alert), 300),
            ["attachments"] = new JsonArray
            {
                new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["contentUrl"] = null, ["content"] = card },
            },
        };
    }

    private static JsonObject TextBlock(string text) => new() { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    /// <summary>Adaptive Card text is markdown: escape what would make a page's text a link, emphasis or a list.</summary>
    private static string TeamsText(string? value, int max)
    {
        var text = One(value, max);
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '[' or ']' or '(' or ')' or '*' or '_' or '`' or '<' or '>' or '#' or '~')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    // ---- shared -------------------------------------------------------------------------------------------------

    private string Title(PendingAlert alert)
    {
        var subject = AlertText.Title(alert, One(composer.SiteName(alert.SiteId), 200), One(composer.BrandName(alert.BrandId), 200));
        const string prefix = "[PartnerWatch] ";
        return subject.StartsWith(prefix, StringComparison.Ordinal) ? "PartnerWatch: " + subject[prefix.Length..] : subject;
    }

    private string Lead(PendingAlert alert) =>
        AlertText.Lead(alert, One(composer.SiteName(alert.SiteId), 200), One(composer.BrandName(alert.BrandId), 200));

    private string? Link(PendingAlert alert) => alert.Manifest is { } manifest ? composer.EvidenceLink(alert, manifest.File) : null;

    private static (string Status, string Lifecycle) StatusOf(AlertKind kind) => kind switch
    {
        AlertKind.Withdrawn => ("unverified", "resolved"),
        AlertKind.Confirmed => ("confirmed", "confirmed"),
        _ => ("unverified", "open"),
    };

    private static string? HttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;

    private static string One(string? value, int max) => AlertText.OneLine(value, max);

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";
}
