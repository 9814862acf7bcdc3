namespace PartnerWatch.Config;

/// <summary>The claim lifecycle and what is sent about it (<c>PartnerWatch:Alerts</c>); see docs/alerts.md.</summary>
public sealed class AlertsOptions
{
    /// <summary>
    /// An open claim is resolved (and a "claim withdrawn" e-mail sent) after this many consecutive successful scans
    /// without it (default 2, range 1–100). A failed scan, or a failed fetch of the claim's page, is not absence.
    /// </summary>
    public int ResolveAfterScans { get; set; } = 2;

    /// <summary>Reminder for open, unacknowledged claims at this interval (default 7 days; <c>00:00:00</c> = no reminders).</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromDays(7);

    /// <summary>True: new claims are listed in one e-mail per day (at <see cref="DigestTime"/> UTC) instead of one e-mail each.</summary>
    public bool Digest { get; set; }

    /// <summary>Time of day (UTC) when the daily digest is sent (default 08:00).</summary>
    public TimeSpan DigestTime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long evidence files are kept (default 365 days, at least 1 day).</summary>
    public TimeSpan EvidenceRetention { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Base URL of this service as the team reaches it (e.g. <c>https://partnerwatch.example.org/</c>); e-mails link to evidence under it.</summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>The claims API (<c>PartnerWatch:Api</c>).</summary>
public sealed class ApiOptions
{
    /// <summary>
    /// Shared secret for <c>/api/*</c>, sent as <c>X-Api-Key</c> or <c>Authorization: Bearer</c>. Set it from the environment
    /// (<c>PartnerWatch__Api__Key</c>); never logged. Empty = the API is disabled (every <c>/api/*</c> answers 404).
    /// </summary>
    public string? Key { get; set; }
}

/// <summary>One webhook sink (<c>PartnerWatch:Webhooks:N</c>), beside e-mail.</summary>
public sealed class WebhookOptions
{
    /// <summary>http(s) URL the alert is POSTed to.</summary>
    public string Url { get; set; } = "";

    /// <summary><c>json</c> (default, PartnerWatch's own document), <c>slack</c> (incoming webhook) or <c>teams</c> (Adaptive Card message); see docs/alerts.md.</summary>
    public string Format { get; set; } = "json";

    /// <summary>
    /// When set, each POST carries <c>X-PartnerWatch-Timestamp: &lt;unix seconds&gt;</c> and
    /// <c>X-PartnerWatch-Signature: sha256=&lt;hex HMAC-SHA256 of "&lt;timestamp&gt;." + body bytes&gt;</c>. Never logged.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>Allows this URL to resolve to a loopback/private address (an internal chat server); off by default.</summary>
    public bool AllowPrivateNetwork { get; set; }

    /// <summary>Time allowed for one POST, connect to response headers (default 10 s, 1 s–5 min); a timeout is retried.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
