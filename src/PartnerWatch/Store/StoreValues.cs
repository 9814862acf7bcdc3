using System.Text.Json;
using PartnerWatch.Domain;

namespace PartnerWatch.Store;

/// <summary>
/// How values are kept in the database: times as Unix milliseconds UTC, claim states and alert kinds as words, evidence
/// and errors as bounded JSON. Shared by every part of the store so each writes and reads the same shapes.
/// </summary>
internal static class StoreValues
{
    /// <summary>Bounds what one hostile page can make us store per claim and per scan.</summary>
    public const int MaxStoredEvidencePerClaim = 25;
    public const int MaxStoredErrorsPerScan = 100;
    public const int MaxStoredTextLength = 2000;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static long ToUnixMs(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromUnixMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    public static DateTimeOffset? FromUnixMs(long? value) => value is { } ms ? FromUnixMs(ms) : null;

    public static string Truncate(string value) => value.Length <= MaxStoredTextLength ? value : value[..MaxStoredTextLength] + "…";

    public static string? TruncateOrNull(string? value) => value is null ? null : Truncate(value);

    public static string NormalizeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped) : url ?? "";

    public static ClaimState ParseState(string state) => state switch
    {
        "resolved" => ClaimState.Resolved,
        "confirmed" => ClaimState.Confirmed,
        "dismissed" => ClaimState.Dismissed,
        _ => ClaimState.Open,
    };

    public static string StateName(ClaimState state) => state switch
    {
        ClaimState.Resolved => "resolved",
        ClaimState.Confirmed => "confirmed",
        ClaimState.Dismissed => "dismissed",
        _ => "open",
    };

    public static string KindName(AlertKind kind) => kind switch
    {
        AlertKind.NewClaim => "new-claim",
        AlertKind.Reminder => "reminder",
        AlertKind.Withdrawn => "withdrawn",
        AlertKind.Confirmed => "confirmed",
        AlertKind.Digest => "digest",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static AlertKind ParseKind(string kind) => kind switch
    {
        "reminder" => AlertKind.Reminder,
        "withdrawn" => AlertKind.Withdrawn,
        "confirmed" => AlertKind.Confirmed,
        "digest" => AlertKind.Digest,
        _ => AlertKind.NewClaim,
    };

    /// <summary>Sink name of the webhook at <c>Webhooks:N</c>.</summary>
    public static string WebhookSink(int index) => $"webhook:{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public static string SerializeEvidence(IReadOnlyList<Evidence>? evidence) =>
        JsonSerializer.Serialize(
            (evidence ?? []).Where(e => e is not null).Take(MaxStoredEvidencePerClaim).Select(e => e with
            {
                PageUrl = Truncate(e.PageUrl ?? ""),
                Detail = Truncate(e.Detail ?? ""),
                ImageUrl = TruncateOrNull(e.ImageUrl),
                Snippet = TruncateOrNull(e.Snippet),
                Context = TruncateOrNull(e.Context),
            }).ToList(),
            Json);

    /// <summary>Stored evidence, or nothing when it is unreadable (<paramref name="unreadable"/> is told why).</summary>
    public static IReadOnlyList<Evidence> DeserializeEvidence(string? json, Action<string>? unreadable = null)
    {
        if (string.IsNullOrEmpty(json)) return [];
        try
        {
            return JsonSerializer.Deserialize<List<Evidence>>(json, Json) ?? [];
        }
        catch (JsonException ex)
        {
            unreadable?.Invoke(ex.Message);
            return [];
        }
    }

    public static string SerializeErrors(IReadOnlyList<ScanError>? errors) =>
        JsonSerializer.Serialize(
            (errors ?? []).Where(e => e is not null).Take(MaxStoredErrorsPerScan)
                .Select(e => new ScanError(Truncate(e.Url ?? ""), Truncate(e.Message ?? ""))).ToList(),
            Json);

    public static IReadOnlyList<ScanError> DeserializeErrors(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        try
        {
            return JsonSerializer.Deserialize<List<ScanError>>(json, Json) ?? [];
        }
        catch (JsonException)
        {
            return [new ScanError("", "stored scan errors are unreadable")];
        }
    }

    public static IReadOnlyList<string> DeserializeStrings(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        try
        {
            return JsonSerializer.Deserialize<List<string>>(json, Json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
