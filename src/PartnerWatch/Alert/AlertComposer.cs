using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using MimeKit;
using PartnerWatch.Alert.Email;
using PartnerWatch.Config;
using PartnerWatch.Store;

namespace PartnerWatch.Alert;

/// <summary>
/// Turns a pending alert into the e-mail a brand-protection team forwards as it is: a plain-language subject and
/// opening, why it is a claim, each piece of evidence once, the matched logo as PNG and a crop of the page screenshot
/// around the mark as inline <c>cid:</c> images, a link to the claim in the console, and the evidence hashes in an
/// attached <c>manifest.json</c>. The text is rendered from Liquid templates (<see cref="EmailTemplates"/>); page text
/// is untrusted and HTML-encoded there, flattened to one line and shortened here.
/// The message depends only on the stored alert and content-addressed evidence (Date = alert creation, Message-ID
/// stored with the alert), so a resend after a crash is the same message.
/// </summary>
public sealed class AlertComposer
{
    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly PartnerWatchOptions _options;
    private readonly AlertEmailBuilder _builder;
    private readonly EmailImages _images;
    private readonly EmailTemplates _templates = new();

    public AlertComposer(PartnerWatchOptions options, IEvidenceBlobs? blobs = null)
    {
        _options = options;
        _builder = new AlertEmailBuilder(options);
        _images = new EmailImages(blobs);
    }

    public async Task<MimeMessage> ComposeAsync(PendingAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var message = new MimeMessage { Date = alert.CreatedAt, MessageId = alert.MessageId };
        message.From.Add(ParseAddress(_options.Smtp.From, "PartnerWatch:Smtp:From"));
        for (var i = 0; i < _options.Smtp.To.Count; i++)
        {
            message.To.Add(ParseAddress(_options.Smtp.To[i], $"PartnerWatch:Smtp:To:{i}"));
        }

        // Follow-ups (reminder, withdrawn, confirmed) thread under the alert that opened the case.
        if (!string.IsNullOrEmpty(alert.ThreadMessageId))
        {
            message.InReplyTo = alert.ThreadMessageId;
            message.References.Add(alert.ThreadMessageId);
        }

        message.Headers.Add("X-PartnerWatch-Alert-Id", alert.Id.ToString(CultureInfo.InvariantCulture));
        message.Headers.Add("X-PartnerWatch-Kind", alert.Kind.Name());
        if (alert.Kind != AlertKind.Digest)
        {
            message.Headers.Add("X-PartnerWatch-Site", AlertText.OneLine(alert.SiteId, 200));
            message.Headers.Add("X-PartnerWatch-Brand", AlertText.OneLine(alert.BrandId, 200));
        }

        var body = new BodyBuilder();
        InlineImage? logo = null, screenshot = null;
        ScreenshotCrop? crop = null;
        if (alert.Kind != AlertKind.Digest)
        {
            var primary = Email.EvidenceSummary.Of(alert.Evidence).Primary;
            logo = Inline(body, "logo", await _images.LogoAsync(alert.Manifest, primary, cancellationToken),
                $"{AlertText.OneLine(_builder.BrandName(alert.BrandId), 100)} logo as shown on the site");
            crop = await _images.ScreenshotAsync(alert.Manifest, primary?.PageUrl, cancellationToken);
            screenshot = Inline(body, "screenshot", crop.Image, "The page as a visitor saw it, the mark outlined in red");
        }

        var attachment = alert.Manifest is { } manifest && alert.Kind != AlertKind.Digest;
        var model = _builder.Build(alert, logo, screenshot, crop, attachment);
        message.Subject = model.Subject;
        (body.HtmlBody, body.TextBody) = await _templates.RenderAsync(model);
        if (attachment)
        {
            body.Attachments.Add("manifest.json", ManifestDocument(alert), new ContentType("application", "json"));
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>
    /// The claim's evidence manifest as the store keeps it (its name and SHA-256) with every file it lists and their
    /// hashes: what a lawyer needs to check the stored copies, kept out of the readable body.
    /// </summary>
    private static byte[] ManifestDocument(PendingAlert alert)
    {
        var manifest = alert.Manifest!;
        return JsonSerializer.SerializeToUtf8Bytes(new
        {
            claimId = alert.ClaimId,
            site = alert.SiteId,
            brand = alert.BrandId,
            manifest = new { file = manifest.File, sha256 = manifest.Sha256, scanId = manifest.ScanId, recordedAt = manifest.CreatedAt },
            files = manifest.Items.Select(i => new
            {
                kind = i.Kind,
                url = i.Url,
                fetchedAt = i.FetchedAt,
                httpStatus = i.HttpStatus,
                sha256 = i.Sha256,
                bytes = i.Bytes,
                stored = i.Stored,
                contentType = i.ContentType,
                note = i.Note,
            }),
        }, ManifestJson);
    }

    /// <summary>Adds a PNG part; its Content-ID comes from the bytes, so a resend refers to the same part.</summary>
    private static InlineImage? Inline(BodyBuilder body, string name, EmailImage? image, string alt)
    {
        if (image is null)
        {
            return null;
        }

        var hash = EvidenceFiles.Sha256Hex(image.Png)[..32];
        var part = body.LinkedResources.Add($"{name}.png", image.Png, new ContentType("image", "png"));
        part.ContentId = $"{name}-{hash}@partnerwatch.local";
        return new InlineImage(part.ContentId, alt, image.Width, image.Height);
    }

    /// <summary>The API link to a file of the claim's evidence (webhook payloads), when <c>Alerts:PublicBaseUrl</c> is set.</summary>
    internal string? EvidenceLink(PendingAlert alert, string file)
    {
        if (alert.ClaimId is not { } claimId || string.IsNullOrWhiteSpace(_options.Alerts.PublicBaseUrl)
            || !Uri.TryCreate(_options.Alerts.PublicBaseUrl.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri))
        {
            return null;
        }

        return new Uri(baseUri, $"api/claims/{claimId.ToString(CultureInfo.InvariantCulture)}/evidence/{Uri.EscapeDataString(file)}").AbsoluteUri;
    }

    internal string SiteName(string siteId) => _builder.SiteName(siteId);

    internal string BrandName(string brandId) => _builder.BrandName(brandId);

    private static MailboxAddress ParseAddress(string? value, string key) =>
        MailboxAddress.TryParse(value ?? "", out var address)
            ? address
            : throw new InvalidOperationException($"{key} '{AlertText.OneLine(value, 200)}' is not an e-mail address.");
}
