namespace PartnerWatch.Detect;

/// <summary>
/// What <c>scan --mentions</c> needs beyond the signals the collector keeps anyway: an exact count of each brand's
/// signals and of the reasons its signals were dropped (the collector trims a brand's list to 64, zero scores first),
/// and the pixel matches the collector discards before they become signals. Only built when mentions are asked for,
/// so a scan without the flag does not pay for it. Not thread-safe: the collector calls it under its lock.
/// </summary>
internal sealed class MentionLog
{
    /// <summary>Distinct drop reasons counted per brand; further reasons are counted under <see cref="OtherReason"/>.</summary>
    private const int MaxReasonsPerBrand = 8;

    /// <summary>Discarded pixel matches kept for their evidence (a page of sponsor logos can produce many).</summary>
    private const int MaxDroppedMatches = 100;

    private const int MaxReasonLength = 60;
    internal const string OtherReason = "other";

    private readonly Dictionary<string, Tally> _byBrand = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<BrandSignal> _droppedMatches = [];

    public IEnumerable<string> Brands => _byBrand.Keys;

    /// <summary>Counts a signal the collector added; one with a zero score is counted under its reason.</summary>
    public void Count(BrandSignal signal)
    {
        if (!_byBrand.TryGetValue(signal.BrandId, out var tally))
        {
            tally = new Tally();
            _byBrand[signal.BrandId] = tally;
        }

        tally.Signals++;
        if (signal.Score > 0)
        {
            return;
        }

        var reason = ReasonOf(signal.Context.Description);
        if (!tally.Dropped.ContainsKey(reason) && tally.Dropped.Count >= MaxReasonsPerBrand)
        {
            reason = OtherReason;
        }

        tally.Dropped[reason] = tally.Dropped.GetValueOrDefault(reason) + 1;
    }

    /// <summary>A pixel match the collector discarded before aggregation: counted, and kept (bounded) as a cue.</summary>
    public void DropMatch(BrandSignal signal)
    {
        Count(signal);
        if (_droppedMatches.Count < MaxDroppedMatches)
        {
            _droppedMatches.Add(signal);
        }
    }

    public int SignalsOf(string brand) => _byBrand.TryGetValue(brand, out var tally) ? tally.Signals : 0;

    public IReadOnlyDictionary<string, int> DroppedOf(string brand) =>
        _byBrand.TryGetValue(brand, out var tally) ? new SortedDictionary<string, int>(tally.Dropped, StringComparer.Ordinal) : new Dictionary<string, int>();

    public IEnumerable<BrandSignal> DroppedMatchesOf(string brand) =>
        _droppedMatches.Where(s => s.BrandId.Equals(brand, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The kind of reason a context description gives, without the quoted words that vary page by page:
    /// <c>compatibility statement (heading "Integrations")</c> → <c>compatibility statement</c>, <c>&lt;footer&gt;</c> stays.
    /// </summary>
    internal static string ReasonOf(string description)
    {
        var cut = description.IndexOf(" (", StringComparison.Ordinal);
        var reason = (cut > 0 ? description[..cut] : description).Trim();
        if (reason.Length == 0)
        {
            return OtherReason;
        }

        return reason.Length <= MaxReasonLength ? reason : reason[..(MaxReasonLength - 1)] + "…";
    }

    private sealed class Tally
    {
        public int Signals;
        public readonly Dictionary<string, int> Dropped = new(StringComparer.Ordinal);
    }
}
