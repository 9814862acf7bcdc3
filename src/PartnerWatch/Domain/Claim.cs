using System.Text.Json.Serialization;

namespace PartnerWatch.Domain;

/// <summary>A brand a site presents as its partner, as detected and compared (before the store gives it a lifecycle).</summary>
public sealed record Claim(string Brand, ClaimStatus Status, double Confidence, IReadOnlyList<Evidence> Evidence);

[JsonConverter(typeof(JsonStringEnumConverter<ClaimStatus>))]
public enum ClaimStatus
{
    [JsonStringEnumMemberName("unverified")] Unverified,
    [JsonStringEnumMemberName("confirmed")] Confirmed,
}

[JsonConverter(typeof(JsonStringEnumConverter<EvidenceKind>))]
public enum EvidenceKind
{
    /// <summary>Image content matched a reference logo.</summary>
    [JsonStringEnumMemberName("logo-image")] LogoImage,
    /// <summary>alt/title/aria-label or file name of an image or inline SVG names the brand.</summary>
    [JsonStringEnumMemberName("logo-text")] LogoText,
    /// <summary>The name in the page text.</summary>
    [JsonStringEnumMemberName("text")] Text,
    /// <summary>A link to one of the brand's domains.</summary>
    [JsonStringEnumMemberName("link")] Link,
}

/// <summary>One signal that backs a claim: where it was seen and why it counts.</summary>
public sealed record Evidence(
    EvidenceKind Kind,
    string PageUrl,
    string Detail,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ImageUrl = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Snippet = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Context = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ImageSha256 = null);
