namespace PartnerWatch.Alert.Email;

/// <summary>
/// Everything the e-mail says, already in plain words and shortened; the HTML and the text template both render this
/// one model, so the two parts say the same. Links are absolute http(s) URLs or null.
/// </summary>
internal sealed record AlertEmailModel
{
    public required string Kind { get; init; }
    /// <summary>What kind of message this is, for the reader: "Unverified partner claim", "Reminder"…</summary>
    public required string Heading { get; init; }
    public required string Subject { get; init; }
    /// <summary>The first sentence: who shows what, where, and that the brand does not list the site.</summary>
    public required string Opening { get; init; }
    /// <summary>Why it is a claim: the heading or sentence that presents the brand as a partner.</summary>
    public string? Why { get; init; }
    /// <summary>What happened since (reminder, withdrawal, closure), for follow-ups.</summary>
    public string? Status { get; init; }
    public required string SiteName { get; init; }
    public required string SiteUrl { get; init; }
    public string? SiteHref { get; init; }
    public required string BrandName { get; init; }
    /// <summary>"high", "medium" or "low", with what it rests on.</summary>
    public required string Confidence { get; init; }
    public required string FirstSeen { get; init; }
    public string? LastSeen { get; init; }
    /// <summary>The claim in the console (<c>/claims/{id}</c>), when <c>Alerts:PublicBaseUrl</c> is set.</summary>
    public string? ClaimHref { get; init; }
    public IReadOnlyList<EvidenceLine> Evidence { get; init; } = [];
    public int EvidenceNotShown { get; init; }
    public InlineImage? Logo { get; init; }
    public InlineImage? Screenshot { get; init; }
    /// <summary>Why there is no screenshot crop, when there is none.</summary>
    public string? ScreenshotMissing { get; init; }
    public string? ScreenshotHref { get; init; }
    /// <summary>The page the screenshot shows (its path).</summary>
    public string? ScreenshotPage { get; init; }
    /// <summary>Name of the evidence manifest the attachment describes, and where it opens in the console.</summary>
    public string? ManifestFile { get; init; }
    public string? ManifestHref { get; init; }
    public bool HasAttachment { get; init; }
    public IReadOnlyList<DigestLine> Digest { get; init; } = [];
    public int DigestNotShown { get; init; }
    public bool IsDigest => Digest.Count > 0 || Kind == "digest";
}

/// <summary>One piece of evidence, said once: what was seen, where, and the page's own words.</summary>
internal sealed record EvidenceLine(string What, string Page, string PageUrl, string? PageHref, string? Quote, string? ImageUrl, string? ImageHref, string? Where);

/// <summary>An image part of the message, referred to as <c>cid:</c> from the HTML.</summary>
internal sealed record InlineImage(string ContentId, string Alt, int Width, int Height)
{
    public string Src => "cid:" + ContentId;
}

internal sealed record DigestLine(string Sentence, string SiteUrl, string? SiteHref, string Confidence, string FirstSeen, string? ClaimHref, IReadOnlyList<string> Evidence);
