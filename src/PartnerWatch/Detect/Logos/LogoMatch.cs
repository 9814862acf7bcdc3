namespace PartnerWatch.Detect.Logos;

/// <summary>
/// An image recognised as a configured brand's reference logo. <paramref name="Distance"/> is the Hamming distance
/// (of 256 bits) between the closest fingerprint variants, <paramref name="MaxDistance"/> the accepted maximum;
/// <paramref name="Confidence"/> falls from 1.0 at distance 0 to 0.5 at the threshold.
/// </summary>
/// <param name="DetailSimilarity">Set when the match was accepted by the detail check of a small image: the correlation
/// (0–1) of the image with the reference drawn at its own size.</param>
public sealed record LogoMatch(string BrandId, string ReferenceFile, int Distance, int MaxDistance, double Confidence, double? DetailSimilarity = null);

/// <summary>A decoded reference logo of a brand.</summary>
public sealed record LogoReference(string BrandId, string ReferenceFile, ImageFingerprint Fingerprint);

/// <summary>
/// When two fingerprints are the same logo. Defaults come from the ROC measured in docs/logo-matching.md; do not
/// tune them by feel.
/// </summary>
/// <param name="MaxDistance">Largest Hamming distance (of 256 bits) accepted as a match.</param>
/// <param name="AspectTolerance">Largest |ln(aspect ratio quotient)| for content measured exactly; a term for
/// pixel rounding of small images is added on top.</param>
public sealed record LogoMatchThresholds(int MaxDistance = LogoMatchThresholds.DefaultMaxDistance, double AspectTolerance = LogoMatchThresholds.DefaultAspectTolerance)
{
    public const int DefaultMaxDistance = 24;

    /// <summary>
    /// A candidate at MaxDistance &lt; d ≤ this is accepted only when verified (<see cref="Verifies"/>): the views'
    /// colours agree, the reference has a distinctive colour, and no other brand is within <see cref="VerifiedBrandMargin"/>.
    /// </summary>
    public const int VerifiedMaxDistance = 34;
    public const int VerifiedBrandMargin = 12;
    public const double MinColourAgreement = 0.6;
    public const double MinChromaticShare = 0.2;

    /// <summary>Whether the colour check of the verification band passes for this pair of views.</summary>
    public static bool Verifies(FingerprintVariant query, FingerprintVariant reference) =>
        reference.Colours.Chromatic >= MinChromaticShare && query.Colours.Agreement(reference.Colours) >= MinColourAgreement;
    public const double DefaultAspectTolerance = 0.12;

    /// <summary>
    /// The detail check of small raster images (content ≤ <see cref="MapPolicy.MaxNativeLongSide"/> px): references within
    /// this hash distance are candidates; the hash of a 28 px blur is only a coarse filter there (the right brand was
    /// at 25–60 in the labelled set), the correlation decides.
    /// </summary>
    public const int DetailMaxDistance = 60;
    /// <summary>
    /// Smallest correlation accepted when the image's colours also agree with a colourful reference
    /// (<see cref="Verifies"/>): two independent pieces of evidence. The highest distractor against a colourful
    /// reference was 0.872 (a red "podcastindex" set in Liberation Sans against Qualcomm at 24 px; docs/logo-matching.md).
    /// </summary>
    public const double MinDetailSimilarity = 0.89;
    /// <summary>
    /// Without colour agreement — a black reference, or a monochrome copy of a colourful one — the shape alone must
    /// correlate this well: the G-shaped simple-icons marks reach 0.915 against Google's G, coloured wordmarks 0.881
    /// against Samsung's black one.
    /// </summary>
    public const double MinDetailSimilarityWithoutColour = 0.93;
    /// <summary>How far ahead of every other brand's correlation the accepted brand's must be.</summary>
    public const double DetailBrandMargin = 0.1;
    public const int MaxDetailCandidates = 6;

    /// <summary>
    /// Whether a small image's map (its own pixels) and a reference's map have the same shape, allowing the ±1.5 px a
    /// trimmed box of a few pixels can be off by.
    /// </summary>
    public static bool MapsComparable(ForegroundMap image, ForegroundMap reference)
    {
        var slack = 1.5 / Math.Max(1, Math.Min(image.Width, image.Height)) + 1.0 / Math.Max(1, Math.Min(reference.Width, reference.Height));
        var imageAspect = (double)image.Width / image.Height;
        var referenceAspect = (double)reference.Width / reference.Height;
        return Math.Abs(Math.Log(imageAspect / referenceAspect)) <= DefaultAspectTolerance + slack;
    }

    /// <summary>Whether the variants are comparable: same cell layout and content aspect ratios close enough, allowing ±1.5 source pixels of rounding per side.</summary>
    public bool AspectsAgree(FingerprintVariant a, double aScale, FingerprintVariant b, double bScale)
    {
        if (a.Layout != b.Layout) return false;
        var slack = 1.5 / Math.Max(1, Math.Min(a.ContentWidth, a.ContentHeight) * aScale)
                  + 1.5 / Math.Max(1, Math.Min(b.ContentWidth, b.ContentHeight) * bScale);
        return Math.Abs(Math.Log(a.Aspect / b.Aspect)) <= AspectTolerance + slack;
    }

    /// <summary>
    /// Added to the distance of a match made through a reference's small rendering. Blurred 20–60 px views are less
    /// distinctive: at one threshold they let through more simple-icons distractors (0.145 % of small images at 24
    /// against 0.087 % at display size); the penalty holds them to raw distance 20 (measured in docs/logo-matching.md).
    /// </summary>
    public const int SmallRenderingPenalty = 4;

    /// <summary>The distance a pair of views counts as: the Hamming distance, plus the penalty for a small view.</summary>
    public static int EffectiveDistance(int hamming, FingerprintVariant reference) =>
        reference.RenderedLongSide > 0 ? hamming + SmallRenderingPenalty : hamming;

    /// <summary>
    /// Whether a view can say which brand it is: not a disc, a rounded square or a ring (<see cref="GenericShapes"/>).
    /// A pair of views counts toward any match only when both sides carry identity — a plain disc is close to Facebook's
    /// "f" disc seen as a silhouette, to every round badge and to the dots of a wordmark's tiles, so it is no evidence of
    /// any of them, whatever its colour (docs/logo-matching.md, "Session 5: low-structure references").
    /// </summary>
    public static bool CarriesIdentity(FingerprintVariant view) => !GenericShapes.IsGeneric(view);

    /// <summary>
    /// Whether a pair of views may count toward a match: both carry identity by their shape, or the shape is generic but
    /// the colours are the identity — a reference of at least <see cref="MinDistinctHues"/> distinct hues (BrowserStack's
    /// five rings) that the image agrees with at <see cref="MinGenericColourAgreement"/> or more. One hue is not enough:
    /// Facebook's blue disc and PaddlePaddle's blue dot agree at 0.8.
    /// </summary>
    /// <param name="queryCarriesIdentity"><see cref="CarriesIdentity"/> of <paramref name="query"/>, computed once per query view.</param>
    public static bool PairCarriesIdentity(FingerprintVariant query, bool queryCarriesIdentity, FingerprintVariant reference)
    {
        if (queryCarriesIdentity && CarriesIdentity(reference)) return true;
        return DistinctHues(reference.Colours) >= MinDistinctHues && query.Colours.Agreement(reference.Colours) >= MinGenericColourAgreement;
    }

    public const int MinDistinctHues = 3;

    /// <summary>Hue bins holding at least 2/15 (~13 %) of a view's solid foreground each.</summary>
    public static int DistinctHues(ColourSignature colours)
    {
        var hues = 0;
        for (var bin = 0; bin < ColourSignature.HueBins; bin++)
        {
            if (colours.Share(bin) >= 2) hues++;
        }
        return hues;
    }
    public const double MinGenericColourAgreement = 0.8;

    /// <summary>Largest |ln(content size quotient)| at which a small rendering of a reference is compared with an image.</summary>
    public const double SmallRenderingSizeTolerance = 0.15;

    /// <summary>
    /// Whether a query view may be compared with a reference view. A reference's small rendering (a blur made for
    /// images shown at 24–48 px) is compared only with raster images whose content is drawn at about that size; an
    /// SVG query is drawn crisp at any size, so it meets only the reference's own views.
    /// </summary>
    public bool Comparable(FingerprintVariant query, ImageFingerprint queryImage, FingerprintVariant reference, ImageFingerprint referenceImage)
    {
        if (!AspectsAgree(query, query.ScaleIn(queryImage), reference, reference.ScaleIn(referenceImage))) return false;
        if (reference.RenderedLongSide == 0) return true;
        if (queryImage.Format == "Svg") return false;
        return Math.Abs(Math.Log(query.ContentLongSide(queryImage) / reference.ContentLongSide(referenceImage))) <= SmallRenderingSizeTolerance;
    }
}
