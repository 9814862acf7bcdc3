using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PartnerWatch.Config;

namespace PartnerWatch.Detect.Logos;

/// <summary>
/// The configured brands' reference logos, decoded and fingerprinted once, indexed for sub-linear matching.
/// Immutable after construction and safe to share between concurrent scans.
/// </summary>
public sealed class LogoCatalog
{
    // One index per cell layout: views of different layouts are never comparable (LogoMatchThresholds.AspectsAgree), and
    // a layout's index reports its views in the same order as one index of all views would, so every tie is kept as it was.
    private readonly Dictionary<byte, FingerprintIndex<int>> indexByLayout = [];
    private readonly List<LogoReference> references;
    // Per indexed view (the items of the indexes are positions here): what every lookup asks of it, computed once.
    private readonly List<IndexedView> views = [];
    // Null: every brand's match counts. Else the brands a match of the image being matched can count for (see
    // ScopedTo): the detail check's correlations are skipped when none of its candidates is such a brand.
    private readonly Func<string, bool>? couldCount;

    /// <param name="CarriesIdentity"><see cref="LogoMatchThresholds.CarriesIdentity"/> (49 shapes × 4 popcounts, was asked per candidate pair).</param>
    /// <param name="ContentLongSide"><see cref="FingerprintVariant.ContentLongSide"/> in the reference's own image.</param>
    private readonly record struct IndexedView(int Reference, FingerprintVariant Variant, bool CarriesIdentity, double ContentLongSide);

    /// <param name="store">Reference fingerprints cached on disk (<see cref="ReferenceFingerprintStore"/>); null fingerprints every logo.</param>
    public LogoCatalog(PartnerWatchOptions options, LogoImageDecoder decoder, ILogger<LogoCatalog> logger, ReferenceFingerprintStore? store = null)
        : this(Load(options, decoder, logger, store, out var problems), new LogoMatchThresholds())
    {
        Problems = problems;
    }

    public LogoCatalog(IEnumerable<LogoReference> references, LogoMatchThresholds thresholds)
    {
        Thresholds = thresholds;
        this.references = references.ToList();
        for (var r = 0; r < this.references.Count; r++)
        {
            var fingerprint = this.references[r].Fingerprint;
            foreach (var variant in fingerprint.Variants)
            {
                if (!indexByLayout.TryGetValue(variant.Layout, out var index)) indexByLayout[variant.Layout] = index = new FingerprintIndex<int>();
                index.Add(variant.Hash, views.Count);
                views.Add(new IndexedView(r, variant, LogoMatchThresholds.CarriesIdentity(variant), variant.ContentLongSide(fingerprint)));
            }
        }
        foreach (var index in indexByLayout.Values) index.Seal();
    }

    /// <summary>
    /// The same catalogue (sharing every index and the match memo) for one image whose matches can count only for the
    /// brands <paramref name="couldCount"/> accepts — the collector drops a match to any other brand (its label names
    /// another company). Every match it returns is the one the full catalogue returns, except that a small image's
    /// detail check answers null instead of a brand <paramref name="couldCount"/> rejects when none of the references it
    /// would correlate is of an accepted brand: then its answer could only be such a brand or null, and the correlations
    /// (the 1,000-brand scan's largest catalogue cost, docs/performance.md "Session 8") are not computed.
    /// </summary>
    public LogoCatalog ScopedTo(Func<string, bool> couldCount) => new(this, couldCount);

    private LogoCatalog(LogoCatalog full, Func<string, bool> couldCount)
    {
        Thresholds = full.Thresholds;
        Problems = full.Problems;
        indexByLayout = full.indexByLayout;
        references = full.references;
        views = full.views;
        matched = full.matched;
        this.couldCount = couldCount;
    }

    public LogoMatchThresholds Thresholds { get; }

    /// <summary>Reference logos that could not be used, named by their configuration key (<c>PartnerWatch:Brands:2:Logos:0</c>).</summary>
    public IReadOnlyList<ConfigProblem> Problems { get; } = [];

    public IReadOnlyList<LogoReference> References => references;

    // The matcher asks once while decoding (is this image cut into wall tiles?) and once when it reports the matches,
    // on a copy that differs only in its tiles (`with`). A match depends on the variants and the image's size and format
    // only, and they and the catalogue are immutable: the answer is kept, keyed by the variant list's identity, for as
    // long as that list lives, and used only when the size and format agree too.
    private readonly ConditionalWeakTable<IReadOnlyList<FingerprintVariant>, MatchResult> matched = new();

    private sealed record MatchResult(int Width, int Height, string Format, LogoMatch? Match);

    /// <summary>The closest reference logo within the threshold, or null when the image is no configured logo.</summary>
    public LogoMatch? Match(ImageFingerprint fingerprint)
    {
        if (matched.TryGetValue(fingerprint.Variants, out var known) && known.Width == fingerprint.Width && known.Height == fingerprint.Height && known.Format == fingerprint.Format)
            return known.Match;
        var match = Compute(fingerprint, out var scoped);
        // An answer narrowed by the scope is not the full catalogue's: it is never kept for other images.
        if (!scoped) matched.AddOrUpdate(fingerprint.Variants, new MatchResult(fingerprint.Width, fingerprint.Height, fingerprint.Format, match));
        return match;
    }

    private LogoMatch? Compute(ImageFingerprint fingerprint, out bool scoped)
    {
        scoped = false;
        if (Nearest(fingerprint, Thresholds.MaxDistance) is (var reference, var distance))
        {
            var confidence = 1.0 - 0.5 * distance / Math.Max(1, Thresholds.MaxDistance);
            return new LogoMatch(reference.BrandId, reference.ReferenceFile, distance, Thresholds.MaxDistance, Math.Round(confidence, 3));
        }
        // Accepted only because a second, independent check agreed: as confident as a match at the plain threshold.
        if (NearestVerified(fingerprint) is (var verified, var verifiedDistance))
        {
            return new LogoMatch(verified.BrandId, verified.ReferenceFile, verifiedDistance, LogoMatchThresholds.VerifiedMaxDistance, 0.5);
        }
        if (DetailVerified(fingerprint, ref scoped) is (var detailed, var detailedDistance, var similarity))
        {
            return new LogoMatch(detailed.BrandId, detailed.ReferenceFile, detailedDistance, LogoMatchThresholds.DetailMaxDistance, 0.5, Math.Round(similarity, 3));
        }
        return null;
    }

    /// <summary>
    /// The detail check of a small raster image (content ≤ 64 px, which keeps its foreground map): among the references
    /// nearest by hash (within <see cref="LogoMatchThresholds.DetailMaxDistance"/>), the brand whose logo drawn at the
    /// image's own size correlates best with it, if that correlation is at least
    /// <see cref="LogoMatchThresholds.MinDetailSimilarity"/> and no other brand comes within
    /// <see cref="LogoMatchThresholds.DetailBrandMargin"/> of it.
    /// </summary>
    /// <param name="scoped">Set when the answer is null only because no candidate's brand could count (<see cref="ScopedTo"/>).</param>
    private (LogoReference Reference, int Distance, double Similarity)? DetailVerified(ImageFingerprint fingerprint, ref bool scoped)
    {
        if (!fingerprint.Variants.Any(v => v.Map is not null)) return null;
        var nearest = new Dictionary<int, int>();
        ForEachComparable(fingerprint, () => LogoMatchThresholds.DetailMaxDistance, (_, entry, _, distance) =>
        {
            if (!nearest.TryGetValue(entry.Reference, out var d) || distance < d) nearest[entry.Reference] = distance;
        });
        if (nearest.Count == 0) return null;
        // Bounded work per image: only the few nearest references are drawn and correlated.
        var closest = nearest.OrderBy(kv => kv.Value).Take(LogoMatchThresholds.MaxDetailCandidates).ToList();
        // The answer is one of these references' brands or null: when none of them could count, neither can the answer.
        if (couldCount is not null && !closest.Any(kv => couldCount(references[kv.Key].BrandId)))
        {
            scoped = true;
            return null;
        }
        var scored = closest
            .Select(kv => (Reference: references[kv.Key], Distance: kv.Value, Similarity: DetailSimilarity(fingerprint, references[kv.Key]) ?? -1))
            .OrderByDescending(c => c.Similarity)
            .ToList();
        var best = scored[0];
        var required = ColoursAgree(fingerprint, best.Reference) ? LogoMatchThresholds.MinDetailSimilarity : LogoMatchThresholds.MinDetailSimilarityWithoutColour;
        if (best.Similarity < required) return null;
        var rival = scored.FirstOrDefault(c => !string.Equals(c.Reference.BrandId, best.Reference.BrandId, StringComparison.OrdinalIgnoreCase));
        if (rival.Reference is not null && rival.Similarity > best.Similarity - LogoMatchThresholds.DetailBrandMargin) return null;
        return best;
    }

    /// <summary>Whether any view of the image agrees in colour with a colourful view of the reference (<see cref="LogoMatchThresholds.Verifies"/>).</summary>
    private static bool ColoursAgree(ImageFingerprint image, LogoReference reference) =>
        image.Variants.Any(q => q.Map is not null && reference.Fingerprint.Variants.Any(r => r.RenderedLongSide == 0 && LogoMatchThresholds.Verifies(q, r)));

    /// <summary>The closest reference within <paramref name="radius"/> whose aspect ratio agrees.</summary>
    public (LogoReference Reference, int Distance)? Nearest(ImageFingerprint fingerprint, int radius)
    {
        var bestReference = -1;
        var bestDistance = int.MaxValue;
        ForEachComparable(fingerprint, () => Math.Min(radius, bestDistance), (_, entry, _, distance) =>
        {
            if (distance >= bestDistance) return;
            bestDistance = distance;
            bestReference = entry.Reference;
        });
        return bestReference < 0 ? null : (references[bestReference], bestDistance);
    }

    /// <summary>
    /// The verification band just above the threshold: the nearest candidate there counts only if a check independent
    /// of the shape hash agrees (its colours match a colourful reference's) and no other brand comes close.
    /// </summary>
    private (LogoReference Reference, int Distance)? NearestVerified(ImageFingerprint fingerprint)
    {
        var band = LogoMatchThresholds.VerifiedMaxDistance;
        if (band <= Thresholds.MaxDistance) return null;
        var radius = band + LogoMatchThresholds.VerifiedBrandMargin;
        var bestReference = -1;
        var bestDistance = int.MaxValue;
        var nearestByBrand = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        ForEachComparable(fingerprint, () => radius, (query, entry, reference, distance) =>
        {
            if (!nearestByBrand.TryGetValue(reference.BrandId, out var d) || distance < d) nearestByBrand[reference.BrandId] = distance;
            if (distance > band || distance >= bestDistance) return;
            if (!LogoMatchThresholds.Verifies(query, entry.Variant)) return;
            bestDistance = distance;
            bestReference = entry.Reference;
        });
        if (bestReference < 0) return null;
        var brand = references[bestReference].BrandId;
        foreach (var (other, d) in nearestByBrand)
        {
            if (!string.Equals(other, brand, StringComparison.OrdinalIgnoreCase) && d < bestDistance + LogoMatchThresholds.VerifiedBrandMargin) return null;
        }
        return (references[bestReference], bestDistance);
    }

    /// <summary>
    /// The detail check of a small raster image: the best correlation (−1–1) between any of its views' foreground maps
    /// at its own pixel size and the reference's drawn at exactly that size; null when either side keeps no map or
    /// their aspect ratios disagree.
    /// </summary>
    public double? DetailSimilarity(ImageFingerprint image, LogoReference reference)
    {
        // The views (layouts, coverage cut-offs) of one content box share one map: each pair of distinct maps is
        // correlated once — the same maximum, a third to a ninth of the work.
        double? best = null;
        var queryMaps = new List<ForegroundMap>(2);
        var referenceMaps = new List<ForegroundMap>(2);
        foreach (var query in image.Variants)
        {
            if (query.Map is { } map && !queryMaps.Contains(map)) queryMaps.Add(map);
        }
        foreach (var view in reference.Fingerprint.Variants)
        {
            if (view.Map is { } map && view.RenderedLongSide == 0 && !referenceMaps.Contains(map)) referenceMaps.Add(map);
        }
        foreach (var map in queryMaps)
        {
            foreach (var referenceMap in referenceMaps)
            {
                if (!LogoMatchThresholds.MapsComparable(map, referenceMap)) continue;
                var similarity = map.SimilarityTo(referenceMap);
                if (best is null || similarity > best) best = similarity;
            }
        }
        return best;
    }

    /// <summary>Every reference within <paramref name="radius"/> whose aspect ratio agrees, with its closest distance (for measurement).</summary>
    public IReadOnlyList<(LogoReference Reference, int Distance)> Candidates(ImageFingerprint fingerprint, int radius)
    {
        var best = new Dictionary<int, int>();
        ForEachComparable(fingerprint, () => radius, (_, entry, _, distance) =>
        {
            if (!best.TryGetValue(entry.Reference, out var d) || distance < d) best[entry.Reference] = distance;
        });
        return best.Select(kv => (references[kv.Key], kv.Value)).OrderBy(c => c.Value).ToList();
    }

    /// <summary>
    /// Every indexed reference view within the radius (asked again before each query view, so a caller can shrink it as
    /// it finds closer matches) whose size and aspect are comparable with the query view; the one search all lookups share.
    /// </summary>
    private void ForEachComparable(
        ImageFingerprint fingerprint,
        Func<int> radius,
        Action<FingerprintVariant, (int Reference, FingerprintVariant Variant), LogoReference, int> visit)
    {
        var svg = fingerprint.Format == "Svg";
        foreach (var query in fingerprint.Variants)
        {
            if (!indexByLayout.TryGetValue(query.Layout, out var index)) continue;
            var queryCarriesIdentity = LogoMatchThresholds.CarriesIdentity(query);
            var queryLongSide = query.ContentLongSide(fingerprint);
            var limit = radius();
            index.Search(query.Hash, limit, (id, hamming) =>
            {
                var view = views[id];
                var distance = LogoMatchThresholds.EffectiveDistance(hamming, view.Variant);
                if (distance > limit) return;
                // The size test of LogoMatchThresholds.Comparable for a small rendering, from the size computed once: the
                // ~11 small renderings of every reference are most of a large catalogue's views, and all but one or two
                // sizes are rejected here before the aspect test. Comparable still decides (it repeats this test).
                if (view.Variant.RenderedLongSide > 0
                    && (svg || Math.Abs(Math.Log(queryLongSide / view.ContentLongSide)) > LogoMatchThresholds.SmallRenderingSizeTolerance)) return;
                var reference = references[view.Reference];
                if (!Thresholds.Comparable(query, fingerprint, view.Variant, reference.Fingerprint)) return;
                // PairCarriesIdentity with the reference's half read from the table: (both carry identity) or (colours are).
                if (!(queryCarriesIdentity && view.CarriesIdentity) && !LogoMatchThresholds.PairCarriesIdentity(query, false, view.Variant)) return;
                visit(query, (view.Reference, view.Variant), reference, distance);
            });
        }
    }

    /// <summary>Decodes every configured reference logo and reports those that cannot be used (for <c>validate</c>).</summary>
    public static IReadOnlyList<ConfigProblem> Check(PartnerWatchOptions options, LogoImageDecoder decoder, ReferenceFingerprintStore? store = null)
    {
        Load(options, decoder, NullLogger<LogoCatalog>.Instance, store, out var problems);
        return problems;
    }

    private static List<LogoReference> Load(PartnerWatchOptions options, LogoImageDecoder decoder, ILogger logger, ReferenceFingerprintStore? store, out IReadOnlyList<ConfigProblem> problems)
    {
        var logos = options.Brands.SelectMany((brand, b) => brand.Logos.Select((file, l) => (Brand: brand, File: file, Key: $"{PartnerWatchOptions.SectionName}:Brands:{b}:Logos:{l}"))).ToList();
        // Each logo is independent and the decoder is thread-safe: one per core (a 1,000-brand catalogue is minutes of
        // CPU when nothing is cached). Results are kept in configuration order, so the catalogue does not depend on timing.
        var results = new (ImageFingerprint? Fingerprint, string? Reason, bool Cached)[logos.Count];
        Parallel.For(0, logos.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var reason = TryLoad(options.BaseDirectory, logos[i].File, decoder, store, out var fingerprint, out var cached);
            results[i] = (fingerprint, reason, cached);
        });
        var found = new List<ConfigProblem>();
        var loaded = new List<LogoReference>();
        for (var i = 0; i < logos.Count; i++)
        {
            var (brand, file, key) = logos[i];
            if (results[i].Fingerprint is { } fingerprint)
            {
                loaded.Add(new LogoReference(brand.Id, file, fingerprint));
                continue;
            }
            var reason = results[i].Reason;
            found.Add(new ConfigProblem(key, $"reference logo '{file}' is unusable: {reason}"));
            logger.LogWarning("Skipping reference logo {LogoFile} of brand {Brand} ({ConfigKey}): {Reason}", file, brand.Id, key, reason);
        }
        logger.LogInformation("Logo catalogue: {ReferenceCount} reference logos of {BrandCount} brands ({CachedCount} read from the fingerprint cache)",
            loaded.Count, loaded.Select(r => r.BrandId).Distinct().Count(), results.Count(r => r.Cached));
        problems = found;
        return loaded;
    }

    private static string? TryLoad(string baseDirectory, string file, LogoImageDecoder decoder, ReferenceFingerprintStore? store, out ImageFingerprint? fingerprint, out bool cached)
    {
        fingerprint = null;
        cached = false;
        if (string.IsNullOrWhiteSpace(file)) return "the path is empty";
        var path = Path.GetFullPath(Path.Combine(baseDirectory, file));
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return $"file not found ({path})";
            if (info.Length > decoder.Limits.MaxBytes) return $"file is larger than {decoder.Limits.MaxBytes} bytes";
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length > decoder.Limits.MaxBytes) return $"file is larger than {decoder.Limits.MaxBytes} bytes";
            var sha256 = store is null ? null : FingerprintCache.KeyOf(bytes);
            if (sha256 is not null && store!.TryRead(sha256) is { } known)
            {
                fingerprint = known;
                cached = true;
                return null;
            }
            fingerprint = decoder.TryFingerprintReference(bytes, out var reason);
            if (fingerprint is not null && sha256 is not null) store!.Write(sha256, fingerprint);
            return reason;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return $"cannot read {path}: {e.Message}";
        }
    }
}
