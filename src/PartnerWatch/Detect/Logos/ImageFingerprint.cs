using System.Numerics;

namespace PartnerWatch.Detect.Logos;

/// <summary>
/// The perceptual fingerprints of one image. An image gets several variants because its "logo" is ambiguous
/// without context: a transparent PNG may sit on a light or a dark page, and a card around a logo may or may not
/// be part of the mark. Matching takes the closest pair of variants.
/// </summary>
/// <param name="Width">Width of the source image in its own pixels (SVG: user units).</param>
/// <param name="Height">Height of the source image in its own pixels.</param>
public sealed record ImageFingerprint(IReadOnlyList<FingerprintVariant> Variants, int Width, int Height, string Format)
{
    /// <summary>Source pixels per working-raster pixel: how coarse the measured content size really is.</summary>
    public double SourceScale => Format == "Svg" ? 1.0 : Math.Max(Width, Height) / (double)LogoNormalizer.WorkingSize;

    /// <summary>
    /// Approximate memory held, for cache accounting: the variants, their (shared) foreground maps and the tiles of a
    /// partner wall.
    /// </summary>
    public long ApproximateBytes =>
        128 + 96L * Variants.Count + Variants.Select(v => v.Map).OfType<ForegroundMap>().Distinct().Sum(m => (long)m.Size + 48)
        + Parts.Sum(p => p.ApproximateBytes);

    /// <summary>
    /// For an image that shows a wall of several logos (<see cref="PartnerWallSplitter"/>): each logo tile fingerprinted
    /// as an image of its own (its <see cref="Width"/>/<see cref="Height"/> in the source image's pixels, its place in
    /// <see cref="Region"/>). Empty for a single logo; the whole image's <see cref="Variants"/> are matched either way.
    /// </summary>
    public IReadOnlyList<ImageFingerprint> Parts { get; init; } = [];

    /// <summary>
    /// True when the image was large enough to be a wall of logos but was not cut into tiles because it matched a logo
    /// whole (<see cref="LogoImageDecoder.TryFingerprint(ReadOnlySpan{byte}, Func{ImageFingerprint, bool}?, out string?)"/>):
    /// a matcher whose catalogue no longer matches it whole must fingerprint it again with its tiles.
    /// </summary>
    public bool WallSplitSkipped { get; init; }

    /// <summary>Where this fingerprint's tile lies in the image it is a part of (source pixels); null for a whole image.</summary>
    public ImageRegion? Region { get; init; }
}

/// <summary>A rectangle of an image in its own pixels.</summary>
public readonly record struct ImageRegion(int X, int Y, int Width, int Height)
{
    public override string ToString() => $"({X},{Y},{Width},{Height})";
}

/// <summary>
/// One normalised view of an image: a 256-bit DCT hash of its foreground map and the aspect ratio and pixel size of
/// the trimmed content (the aspect ratio gates matches; the size says how precise that ratio can be).
/// </summary>
/// <param name="Layout">How the 256 cells were laid over the content (square, wide or tall); only variants with the
/// same layout are comparable.</param>
/// <param name="RenderedLongSide">0 for a view of the image as given; for a reference logo also rendered small,
/// the long side (pixels) it was rendered at — such a view is compared only with images shown at a similar size.</param>
/// <param name="Colours">Hue histogram of the view's solid foreground (<see cref="ColourSignature"/>), used only to
/// verify a match just above the threshold.</param>
/// <param name="Map">The content's foreground map for the detail check of small images: at the image's own pixel size
/// for a small raster, at up to <see cref="MapPolicy.ReferenceLongSide"/> px for a reference logo, else null.</param>
public readonly record struct FingerprintVariant(Hash256 Hash, int ContentWidth, int ContentHeight, byte Layout = 0, int RenderedLongSide = 0, ColourSignature Colours = default, ForegroundMap? Map = null)
{
    public double Aspect => (double)ContentWidth / ContentHeight;

    /// <summary>Source pixels per working-raster pixel of this view.</summary>
    public double ScaleIn(ImageFingerprint owner) => RenderedLongSide > 0 ? RenderedLongSide / (double)LogoNormalizer.WorkingSize : owner.SourceScale;

    /// <summary>The longer side of the trimmed content in the pixels of the image it was measured on.</summary>
    public double ContentLongSide(ImageFingerprint owner) => Math.Max(ContentWidth, ContentHeight) * ScaleIn(owner);
}

/// <summary>A 256-bit perceptual hash compared by Hamming distance.</summary>
public readonly record struct Hash256(ulong A, ulong B, ulong C, ulong D)
{
    public const int Bits = 256;

    public int DistanceTo(in Hash256 other) =>
        BitOperations.PopCount(A ^ other.A) + BitOperations.PopCount(B ^ other.B) +
        BitOperations.PopCount(C ^ other.C) + BitOperations.PopCount(D ^ other.D);

    public int PopCount => BitOperations.PopCount(A) + BitOperations.PopCount(B) + BitOperations.PopCount(C) + BitOperations.PopCount(D);

    /// <summary>16-bit chunk <paramref name="index"/> (0–15), the unit of the multi-index hash.</summary>
    public ushort Chunk(int index)
    {
        var word = (index >> 2) switch { 0 => A, 1 => B, 2 => C, _ => D };
        return (ushort)(word >> ((index & 3) * 16));
    }

    public static Hash256 FromBits(ReadOnlySpan<bool> bits)
    {
        Span<ulong> words = stackalloc ulong[4];
        for (var i = 0; i < Bits && i < bits.Length; i++)
        {
            if (bits[i]) words[i >> 6] |= 1UL << (i & 63);
        }
        return new Hash256(words[0], words[1], words[2], words[3]);
    }

    public override string ToString() => $"{A:x16}{B:x16}{C:x16}{D:x16}";
}

/// <summary>
/// Where the solid foreground of a view sits in colour: 12 hue bins and one achromatic bin, each a share quantised to
/// 0–15 (4 bits per bin). Independent of the shape hash: a round emblem of another colour agrees in shape, not here.
/// </summary>
public readonly record struct ColourSignature(ulong Packed)
{
    public const int HueBins = 12;
    public const int AchromaticBin = HueBins;
    private const int Bins = HueBins + 1;

    public int Share(int bin) => (int)((Packed >> (4 * bin)) & 0xF);

    /// <summary>Share (0–1) of the foreground that has a distinct hue.</summary>
    public double Chromatic
    {
        get
        {
            var total = 0;
            for (var b = 0; b < Bins; b++) total += Share(b);
            var chromatic = total - Share(AchromaticBin);
            return total == 0 ? 0 : chromatic / (double)total;
        }
    }

    /// <summary>
    /// How well two views agree in colour (0–1): the intersection of their hue histograms (chromatic pixels only), capped
    /// by how close their chromatic shares are. Two achromatic views score 0 — no colour, no evidence — and a black
    /// wordmark with a green eye does not agree with the same wordmark with an orange one.
    /// </summary>
    public double Agreement(ColourSignature other)
    {
        int hueA = 0, hueB = 0;
        for (var b = 0; b < HueBins; b++) { hueA += Share(b); hueB += other.Share(b); }
        if (hueA == 0 || hueB == 0) return 0;
        double common = 0;
        for (var b = 0; b < HueBins; b++) common += Math.Min(Share(b) / (double)hueA, other.Share(b) / (double)hueB);
        return Math.Min(common, 1 - Math.Abs(Chromatic - other.Chromatic));
    }

    public static ColourSignature FromCounts(ReadOnlySpan<int> counts)
    {
        var total = 0;
        foreach (var c in counts) total += c;
        if (total == 0) return default;
        ulong packed = 0;
        for (var b = 0; b < Bins && b < counts.Length; b++)
        {
            var q = (ulong)Math.Clamp((int)Math.Round(15.0 * counts[b] / total), 0, 15);
            packed |= q << (4 * b);
        }
        return new ColourSignature(packed);
    }
}
