using System.Text.Json.Serialization;
using PartnerWatch.Domain;

namespace PartnerWatch.Detect;

/// <summary>
/// A catalogue brand the site showed (at least one signal) but did not claim, and why: what <c>scan --mentions</c>
/// prints, so that "Microsoft is on this site, why no alert?" has an answer without reading the page.
/// </summary>
/// <param name="Brand">The brand id.</param>
/// <param name="Confidence">The brand's aggregate confidence as the collector computed it (below the threshold; 0 when no signal counted).</param>
/// <param name="Signals">Every signal of the brand on the site, counted (also those trimmed from memory).</param>
/// <param name="Dropped">
/// Signals that never entered the confidence (a negative context: hard or soft negative structure, an intrinsic
/// negative target such as a social profile or store badge, a disclaimer, a compatibility sentence; or a pixel match
/// whose label names another company), counted by reason (the context description up to its quoted part).
/// </param>
/// <param name="Strongest">The strongest signals (at most <see cref="SiteClaimCollector.MaxMentionCues"/>), best score first, distinct reasons first.</param>
public sealed record SiteMention(
    string Brand,
    double Confidence,
    int Signals,
    IReadOnlyDictionary<string, int> Dropped,
    IReadOnlyList<MentionCue> Strongest);

/// <summary>One signal of a mention: where it was, what decided its context, and what it quoted.</summary>
/// <param name="Context">The context verdict, strength first: <c>negative: compatibility statement (heading "Integrations")</c>.</param>
/// <param name="Evidence">As a claim's evidence detail quotes it: <c>alt "Red Hat" names Red Hat; score 0.00</c>.</param>
public sealed record MentionCue(
    EvidenceKind Kind,
    string Page,
    string Context,
    string Evidence,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Snippet = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ImageUrl = null);
