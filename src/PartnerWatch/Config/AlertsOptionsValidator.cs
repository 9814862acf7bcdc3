namespace PartnerWatch.Config;

/// <summary>Rules for <see cref="AlertsOptions"/>, <see cref="ApiOptions"/> and <see cref="WebhookOptions"/>, each problem named by its key.</summary>
public static class AlertsOptionsValidator
{
    private const string Root = PartnerWatchOptions.SectionName;
    internal static readonly string[] WebhookFormats = ["json", "slack", "teams"];

    public static IEnumerable<ConfigProblem> Check(PartnerWatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var alerts = options.Alerts;
        if (alerts.ResolveAfterScans is < 1 or > 100)
            yield return Problem("Alerts:ResolveAfterScans", $"must be between 1 and 100, was {alerts.ResolveAfterScans}");
        if (alerts.ReminderInterval < TimeSpan.Zero)
            yield return Problem("Alerts:ReminderInterval", "must not be negative (00:00:00 turns reminders off)");
        else if (alerts.ReminderInterval > TimeSpan.Zero && alerts.ReminderInterval < TimeSpan.FromMinutes(1))
            yield return Problem("Alerts:ReminderInterval", $"must be at least 00:01:00 or 00:00:00 (off), was {alerts.ReminderInterval}");
        if (alerts.DigestTime < TimeSpan.Zero || alerts.DigestTime >= TimeSpan.FromDays(1))
            yield return Problem("Alerts:DigestTime", $"must be a time of day between 00:00:00 and 23:59:59, was {alerts.DigestTime}");
        if (alerts.EvidenceRetention < TimeSpan.FromDays(1))
            yield return Problem("Alerts:EvidenceRetention", $"must be at least 1.00:00:00 (one day), was {alerts.EvidenceRetention}");
        if (!string.IsNullOrWhiteSpace(alerts.PublicBaseUrl) && !IsHttpUrl(alerts.PublicBaseUrl))
            yield return Problem("Alerts:PublicBaseUrl", $"\"{alerts.PublicBaseUrl}\" is not an absolute http(s) URL");

        if (options.Api.Key is { } key && key.Length > 0 && key.Trim().Length < 16)
            yield return Problem("Api:Key", "must be at least 16 characters (or empty to disable the API)");

        for (var i = 0; i < options.Webhooks.Count; i++)
        {
            var webhook = options.Webhooks[i];
            if (webhook is null) continue;
            if (!IsHttpUrl(webhook.Url))
                // Not echoed: Slack and Teams webhook URLs carry their secret in the path.
                yield return Problem($"Webhooks:{i}:Url", "is not an absolute http(s) URL (value not shown: webhook URLs may contain secrets)");
            if (!WebhookFormats.Contains(webhook.Format, StringComparer.OrdinalIgnoreCase))
                yield return Problem($"Webhooks:{i}:Format", $"must be one of {string.Join(", ", WebhookFormats)}, was \"{webhook.Format}\"");
            if (webhook.Timeout < TimeSpan.FromSeconds(1) || webhook.Timeout > TimeSpan.FromMinutes(5))
                yield return Problem($"Webhooks:{i}:Timeout", $"must be between 00:00:01 and 00:05:00, was {webhook.Timeout}");
            if (webhook.Secret is { Length: > 0 } secret && secret.Trim().Length < 16)
                yield return Problem($"Webhooks:{i}:Secret", "must be at least 16 characters (or empty for unsigned requests)");
        }
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static ConfigProblem Problem(string path, string message) => new($"{Root}:{path}", message);
}
