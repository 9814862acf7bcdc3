using System.Globalization;
using PartnerWatch.Domain;

namespace PartnerWatch.Detect;

/// <summary>
/// The other half of a site's answer: the brands it showed but did not claim (<c>scan --mentions</c>). Read from the
/// same signals <see cref="Complete"/> aggregates, with the same confidence, so that a brand is a mention exactly when
/// it had a signal and is not a claim; nothing here changes what is claimed.
/// </summary>
public sealed partial class SiteClaimCollector
{
    /// <summary>Mentions reported per site, most confident first (a page can name hundreds of catalogue brands).</summary>
    public const int MaxMentionsPerSite = 50;

    /// <summary>Signals shown per mention.</summary>
    public const int MaxMentionCues = 3;

    private const int MaxMentionText = 240;

    /// <summary>
    /// Every brand with at least one signal on the site and no claim, most confident first (at most
    /// <see cref="MaxMentionsPerSite"/>). Empty unless the collector was begun with mentions recorded
    /// (<see cref="ClaimDetector.BeginSite(bool)"/>).
    /// </summary>
    public IReadOnlyList<SiteMention> Mentions()
    {
        if (_mentionLog is null)
        {
            return [];
        }

        lock (_gate)
        {
            var mentions = new List<SiteMention>();
            foreach (var brand in _mentionLog.Brands)
            {
                var signals = (_byBrand.GetValueOrDefault(brand) ?? []).Concat(_mentionLog.DroppedMatchesOf(brand)).ToList();
                if (signals.Count == 0)
                {
                    continue;
                }

                var positive = signals.Where(s => s.Score > 0).ToList();
                var confidence = positive.Count == 0
                    ? 0
                    : ConfidenceOf(positive.Max(s => s.Score), positive.Where(CountsItsKind).Select(s => s.Kind).Distinct().Count());
                if (positive.Count > 0 && confidence >= _threshold)
                {
                    continue; // a claim: Complete reports it
                }

                mentions.Add(new SiteMention(signals[0].BrandId, confidence, _mentionLog.SignalsOf(brand), _mentionLog.DroppedOf(brand),
                    Strongest(signals).Select(CueOf).ToList()));
            }

            return mentions
                .OrderByDescending(m => m.Confidence)
                .ThenByDescending(m => m.Signals)
                .ThenBy(m => m.Brand, StringComparer.Ordinal)
                .Take(MaxMentionsPerSite)
                .ToList();
        }
    }

    /// <summary>
    /// The best-scoring signals, one per distinct context first: when every signal scored 0 (all negative), three
    /// different reasons tell an analyst more than the same footer three times.
    /// </summary>
    private static List<BrandSignal> Strongest(List<BrandSignal> signals)
    {
        var ordered = signals.OrderByDescending(s => s.Score).ToList();
        var picked = new List<BrandSignal>(MaxMentionCues);
        var contexts = new HashSet<(ContextStrength, string)>();
        foreach (var signal in ordered)
        {
            if (picked.Count < MaxMentionCues && contexts.Add((signal.Context.Strength, MentionLog.ReasonOf(signal.Context.Description))))
                picked.Add(signal);
        }

        foreach (var signal in ordered)
        {
            if (picked.Count >= MaxMentionCues) break;
            if (!picked.Contains(signal)) picked.Add(signal);
        }

        return picked.OrderByDescending(s => s.Score).ToList();
    }

    private static MentionCue CueOf(BrandSignal signal) => new(
        signal.Kind,
        signal.PageUrl.AbsoluteUri,
        Clip($"{StrengthName(signal.Context.Strength)}: {signal.Context.Description}"),
        Clip(string.Create(CultureInfo.InvariantCulture, $"{signal.Detail}; score {signal.Score:0.00}")),
        signal.Snippet is null ? null : Clip(signal.Snippet),
        signal.ImageUrl is null ? null : Clip(signal.ImageUrl));

    /// <summary>The context strength as docs/detection.md §2 names it.</summary>
    internal static string StrengthName(ContextStrength strength) => strength switch
    {
        ContextStrength.Strong => "strong",
        ContextStrength.LogoWall => "logo strip",
        ContextStrength.Page => "page",
        ContextStrength.None => "none",
        _ => "negative",
    };

    private void RecordDroppedMatch(LogoImageMatch match, LogoImageCandidate image, Uri pageUrl)
    {
        var label = image.Label is { Length: > 0 } l ? l : "(no label)";
        var signal = new BrandSignal(match.BrandId, EvidenceKind.LogoImage, BrandSignal.LogoImageWeight, match.Detail, pageUrl, image.Label,
            match.ImageUrl.AbsoluteUri, new ContextVerdict(ContextStrength.Negative, $"pixel match dropped (label \"{Clip(label)}\" names another company)"));
        lock (_gate) _mentionLog!.DropMatch(signal);
    }

    private static string Clip(string text) => text.Length <= MaxMentionText ? text : text[..(MaxMentionText - 1)] + "…";
}
