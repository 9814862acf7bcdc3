using Microsoft.Extensions.Logging;
using PartnerWatch.Domain;

namespace PartnerWatch.Detect;

/// <summary>
/// Collects the brand signals of one site's pages and turns them into claims. Confidence of a brand =
/// the best signal score (signal weight × context weight) + 0.05 for each further kind of evidence with a positive
/// score, capped at 0.99; a brand is claimed when that reaches <c>Detection:ClaimThreshold</c>.
/// </summary>
public sealed partial class SiteClaimCollector
{
    /// <summary>Evidence entries kept per brand (best first); the rest only counted.</summary>
    public const int MaxEvidencePerBrand = 10;

    private const double KindBonus = 0.05;
    private const double MaxConfidence = 0.99;
    private const int MaxSignalsPerBrand = 64;

    private readonly PageSignalScanner _scanner;
    private readonly IReadOnlyList<ILogoImageMatcher> _imageMatchers;
    private readonly double _threshold;
    private readonly bool _matchEveryLogo;
    private readonly ILogger _logger;
    private readonly Dictionary<string, List<BrandSignal>> _byBrand = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    /// <summary>Null unless the caller asked for mentions (<see cref="Mentions"/>): without it a scan keeps nothing more.</summary>
    private readonly MentionLog? _mentionLog;

    internal SiteClaimCollector(PageSignalScanner scanner, IReadOnlyList<ILogoImageMatcher> imageMatchers, double threshold, ILogger logger,
        bool matchEveryLogo = false, bool recordMentions = false)
    {
        _scanner = scanner;
        _imageMatchers = imageMatchers;
        _threshold = threshold;
        _matchEveryLogo = matchEveryLogo;
        _logger = logger;
        _mentionLog = recordMentions ? new MentionLog() : null;
    }

    /// <summary>Images that matched a reference logo in a partner context, for the evidence store (bounded).</summary>
    public IReadOnlyList<FetchedImage> MatchedImages
    {
        get { lock (_gate) return _matchedImages.ToList(); }
    }

    private const int MaxKeptImages = 32;
    private const long MaxKeptImageBytes = 8 * 1024 * 1024;
    private readonly List<FetchedImage> _matchedImages = [];
    private long _keptImageBytes;

    private void KeepMatchedImage(FetchedImage image)
    {
        lock (_gate)
        {
            if (_matchedImages.Count >= MaxKeptImages || _matchedImages.Any(i => i.Sha256 == image.Sha256)) return;
            var size = image.Bytes?.LongLength ?? 0;
            // Over the budget only the hash is kept: the manifest still names the image, the blob may exist from earlier scans.
            if (_keptImageBytes + size > MaxKeptImageBytes) image = image with { Bytes = null };
            else _keptImageBytes += size;
            _matchedImages.Add(image);
        }
    }

    /// <summary>Scans <paramref name="page"/> and adds its signals; returns them, to be replayed with <see cref="AddFindings"/>.</summary>
    public async ValueTask<PageFindings> AddPageAsync(Fetch.CrawledPage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        cancellationToken.ThrowIfCancellationRequested();

        var scan = _scanner.Scan(page, collectImages: _imageMatchers.Count > 0, cancellationToken);
        var signals = new List<BrandSignal>(scan.Signals);
        var images = new List<FetchedImage>();
        // A match is judged by the first image of the page with its URL (Uri equality, as below).
        var byUrl = scan.Images.GroupBy(i => i.ImageUrl).ToDictionary(g => g.Key, g => g.First());
        var candidates = _imageMatchers.Count == 0 || scan.Images.Count == 0 ? scan.Images : MarkThoseThatCannotCount(scan.Images, byUrl, scan.Signals, page.Url);
        foreach (var matcher in _imageMatchers)
        {
            if (scan.Images.Count == 0)
            {
                break;
            }

            // A match is dropped below when the label of the page's first image with its URL names another company:
            // the matcher is told so, and skips the detail check of images whose candidates are all such brands.
            var matches = matcher is Logos.IScopedLogoImageMatcher scoped
                ? await scoped.MatchAsync(candidates, (image, brand) => !_scanner.LabelNamesAnotherCompany(byUrl.TryGetValue(image.ImageUrl, out var first) ? first.Label : image.Label, brand), cancellationToken).ConfigureAwait(false)
                : await matcher.MatchAsync(candidates, cancellationToken).ConfigureAwait(false);
            foreach (var match in matches)
            {
                if (!byUrl.TryGetValue(match.ImageUrl, out var image))
                {
                    continue;
                }

                if (_scanner.LabelNamesAnotherCompany(image.Label, match.BrandId))
                {
                    // alt="Gradle logo" on a sponsor wall: the site says whose logo it is; a pixel match to another
                    // brand's reference is the matcher's error, not a second claim.
                    if (_mentionLog is not null) RecordDroppedMatch(match, image, page.Url);
                    continue;
                }

                var context = new ContextVerdict(image.NegativeContext ? ContextStrength.Negative : StrengthOf(image.ContextWeight), image.Context);
                signals.Add(new BrandSignal(match.BrandId, EvidenceKind.LogoImage, BrandSignal.LogoImageWeight, match.Detail, page.Url, image.Label,
                    match.ImageUrl.AbsoluteUri, context, match.ImageSha256));
                if (match.ImageSha256 is not null && context.Strength != ContextStrength.Negative)
                    images.Add(new FetchedImage(match.ImageUrl.AbsoluteUri, match.ImageSha256, match.ContentType, page.FetchedAt, match.ImageBytes));
            }
        }

        var findings = new PageFindings(signals, images);
        AddFindings(findings);

        _logger.LogDebug("Detect: {SignalCount} brand signals on {PageUrl}", signals.Count, page.Url);
        foreach (var signal in signals.Where(s => s.Context.Strength == ContextStrength.Negative))
        {
            _logger.LogDebug("Detect: ignored {Brand} {Kind} on {PageUrl}: {Context}", signal.BrandId, signal.Kind, page.Url, signal.Context.Description);
        }
        return findings;
    }

    /// <summary>
    /// Marks the images no pixel match of which could change a claim, so that they are neither fetched nor
    /// fingerprinted: below, every match of an image whose first appearance on the page is in a negative context scores 0
    /// (kept only in the Debug log), and every match of an image whose label names a company that is no catalogue brand
    /// is dropped (<see cref="PageSignalScanner.LabelNamesAnotherCompany"/> holds for every brand). Measured on the
    /// benchmark corpus in docs/performance.md ("Session 7: less work per scan"). Two further rules
    /// (<see cref="PixelsCannotChangeAClaim"/>, session 9) skip images whose matches would only add evidence lines.
    /// </summary>
    private IReadOnlyList<LogoImageCandidate> MarkThoseThatCannotCount(
        IReadOnlyList<LogoImageCandidate> images, Dictionary<Uri, LogoImageCandidate> byUrl, IReadOnlyList<BrandSignal> pageSignals, Uri pageUrl)
    {
        var verdicts = new Dictionary<LogoImageCandidate, bool>(ReferenceEqualityComparer.Instance);
        Dictionary<string, (double Best, KindSet Kinds)>? known = null;
        var marked = new List<LogoImageCandidate>(images.Count);
        var skipped = 0;
        foreach (var image in images)
        {
            var first = byUrl[image.ImageUrl];
            if (!verdicts.TryGetValue(first, out var cannot))
            {
                cannot = first.NegativeContext || _scanner.LabelNamesNoCatalogueBrand(first.Label) ||
                         PixelsCannotChangeAClaim(first, known ??= StandingOf(pageSignals));
                verdicts[first] = cannot;
            }
            if (cannot && !image.NegativeContext)
            {
                skipped++;
                marked.Add(image with { CannotCount = true });
            }
            else
            {
                marked.Add(image);
            }
        }
        if (skipped > 0)
        {
            _logger.LogDebug("Detect: {SkippedCount} of {ImageCount} images on {PageUrl} not matched: no match of theirs could count",
                skipped, images.Count(i => !i.NegativeContext), pageUrl);
        }
        return marked;
    }

    /// <summary>
    /// True when no pixel match of <paramref name="image"/> (judged, like its matches below, by the page's first image
    /// with its URL) could change any claim of the site, whatever the other pages say. A match becomes one
    /// <see cref="EvidenceKind.LogoImage"/> signal of score 0.95 × the image's context weight, and a brand's confidence is
    /// the best score plus 0.05 per further counted kind, capped (<see cref="ConfidenceOf"/>). Signals are only ever
    /// added, so what this page's own words already give a brand is a lower bound of the site's final answer:
    /// <list type="bullet">
    /// <item>An image outside any partner context (no strength: its kind earns no bonus) changes a brand's confidence
    /// only when it is the brand's best score; then every other counted kind could at most add its bonus, and when even
    /// that stays below the claim threshold the brand is not claimed with or without it (a footer or prose image:
    /// 0.95 × 0.3 + 0.05 × 3 = 0.44 &lt; 0.5).</item>
    /// <item>An image whose label names catalogue brands (its matches to any other brand are dropped) changes nothing
    /// when each brand it names already has, from this page's signals, the cap, or a score at least the image's and the
    /// image's kind already counted: a partner card whose alt text, link and caption name the brand.</item>
    /// </list>
    /// Judged from the page alone (not the site so far), so a page's findings stay a function of the page for the 304 replay.
    /// </summary>
    private bool PixelsCannotChangeAClaim(LogoImageCandidate image, Dictionary<string, (double Best, KindSet Kinds)> known)
    {
        var context = StrengthOf(image.ContextWeight);
        var score = BrandSignal.LogoImageWeight * new ContextVerdict(context, "").Weight;
        if (context <= ContextStrength.None && ConfidenceOf(score, MaxKinds) < _threshold)
        {
            return true;
        }

        // Detection:MatchEveryLogo: the team wants pixel evidence and a stored copy of every partner logo, not only the needed ones.
        if (_matchEveryLogo || _scanner.BrandsTheLabelLetsCount(image.Label) is not { Count: > 0 } named)
        {
            return false;
        }

        foreach (var brand in named)
        {
            if (!known.TryGetValue(brand, out var standing))
            {
                return false;
            }

            var capped = ConfidenceOf(standing.Best, standing.Kinds.Count) >= MaxConfidence;
            var covered = standing.Best >= score && (context <= ContextStrength.None || standing.Kinds.Contains(EvidenceKind.LogoImage));
            if (!capped && !covered)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Each brand's best positive score and counted kinds among <paramref name="signals"/>, as <see cref="Complete"/> counts them.</summary>
    private static Dictionary<string, (double Best, KindSet Kinds)> StandingOf(IReadOnlyList<BrandSignal> signals)
    {
        var standing = new Dictionary<string, (double Best, KindSet Kinds)>(StringComparer.OrdinalIgnoreCase);
        foreach (var signal in signals)
        {
            if (signal.Score <= 0)
            {
                continue;
            }

            var (best, kinds) = standing.GetValueOrDefault(signal.BrandId);
            if (CountsItsKind(signal))
            {
                kinds = kinds.With(signal.Kind);
            }

            standing[signal.BrandId] = (Math.Max(best, signal.Score), kinds);
        }

        return standing;
    }

    private static readonly int MaxKinds = Enum.GetValues<EvidenceKind>().Length;

    /// <summary>
    /// A signal whose kind earns the kind bonus: positive, in a partner context of some strength. One definition for the
    /// standing, the trim and the confidence, which must agree for <see cref="PixelsCannotChangeAClaim"/> to be exact.
    /// </summary>
    private static bool CountsItsKind(BrandSignal signal) => signal.Score > 0 && signal.Context.Strength > ContextStrength.None;

    /// <summary>The confidence of a brand whose best score is <paramref name="best"/> with <paramref name="kinds"/> counted kinds.</summary>
    private static double ConfidenceOf(double best, int kinds)
        => Math.Round(Math.Min(MaxConfidence, best + KindBonus * Math.Max(0, kinds - 1)), 2, MidpointRounding.AwayFromZero);

    /// <summary>A small set of evidence kinds (a bit each).</summary>
    private readonly record struct KindSet(int Bits)
    {
        public int Count => System.Numerics.BitOperations.PopCount((uint)Bits);

        public bool Contains(EvidenceKind kind) => (Bits & (1 << (int)kind)) != 0;

        public KindSet With(EvidenceKind kind) => new(Bits | (1 << (int)kind));
    }

    /// <summary>
    /// Adds what an earlier scan found on a page that has not changed since (the server answered 304): the same signals
    /// and matched images as <see cref="AddPageAsync"/> would add, without reading the page again.
    /// </summary>
    public void AddFindings(PageFindings findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        foreach (var image in findings.Images) KeepMatchedImage(image);
        lock (_gate)
        {
            foreach (var signal in findings.Signals)
            {
                if (!_byBrand.TryGetValue(signal.BrandId, out var list))
                {
                    list = [];
                    _byBrand[signal.BrandId] = list;
                }

                list.Add(signal);
                _mentionLog?.Count(signal);
                if (list.Count > MaxSignalsPerBrand)
                {
                    Trim(list);
                }
            }
        }
    }

    /// <summary>
    /// Keeps the best half of a brand's signals and the best counted signal of each kind beyond it: the confidence is a
    /// function of every signal the site gave (the best score and the counted kinds survive), so that a signal left out
    /// because it could not change that confidence (<see cref="PixelsCannotChangeAClaim"/>) cannot change which ones are kept either.
    /// </summary>
    private static void Trim(List<BrandSignal> list)
    {
        list.Sort(static (a, b) => b.Score.CompareTo(a.Score));
        var kept = new KindSet(0);
        for (var i = 0; i < MaxSignalsPerBrand / 2; i++)
        {
            if (CountsItsKind(list[i])) kept = kept.With(list[i].Kind);
        }

        var tail = list.Skip(MaxSignalsPerBrand / 2).Where(CountsItsKind).ToList();
        list.RemoveRange(MaxSignalsPerBrand / 2, list.Count - MaxSignalsPerBrand / 2);
        foreach (var signal in tail)
        {
            if (!kept.Contains(signal.Kind))
            {
                kept = kept.With(signal.Kind);
                list.Add(signal);
            }
        }
    }

    public IReadOnlyList<DetectedClaim> Complete()
    {
        lock (_gate)
        {
            var claims = new List<DetectedClaim>();
            foreach (var (brandId, signals) in _byBrand)
            {
                var positive = signals.Where(s => s.Score > 0).OrderByDescending(s => s.Score).ToList();
                if (positive.Count == 0)
                {
                    continue;
                }

                var kinds = positive.Where(CountsItsKind).Select(s => s.Kind).Distinct().Count();
                var confidence = ConfidenceOf(positive[0].Score, kinds);
                if (confidence < _threshold)
                {
                    continue;
                }

                var evidence = positive
                    .DistinctBy(s => (s.Kind, s.PageUrl, s.Detail, s.ImageUrl))
                    .Take(MaxEvidencePerBrand)
                    .Select(s => new Evidence(s.Kind, s.PageUrl.AbsoluteUri, $"{s.Detail}; score {s.Score:0.00}", s.ImageUrl, s.Snippet, s.Context.Description, s.ImageSha256))
                    .ToList();
                claims.Add(new DetectedClaim(brandId, confidence, evidence));
            }

            return claims.OrderByDescending(c => c.Confidence).ThenBy(c => c.BrandId, StringComparer.Ordinal).ToList();
        }
    }

    private static ContextStrength StrengthOf(double weight) => weight switch
    {
        >= 1.0 => ContextStrength.Strong,
        >= 0.65 => ContextStrength.LogoWall,
        >= 0.6 => ContextStrength.Page,
        > 0 => ContextStrength.None,
        _ => ContextStrength.Negative,
    };
}
