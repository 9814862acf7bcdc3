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
}

/// <summary>
/// One normalised view of an image: a 256-bit DCT hash of its foreground map and the aspect ratio and pixel size of
/// the trimmed content (the aspect ratio gates matches; the size says how precise that ratio can be).
/// </summary>
/// <param name="Layout">How the 256 cells were laid over the content (square, wide or tall); only variants with the
/// same layout are comparable.</param>
/// <param name="RenderedLongSide">0 for a view of the image as given; for a reference logo also rendered small,
/// the long side (pixels) it was rendered at — such a view is compared only with images shown at a similar size.</param>
public readonly record struct FingerprintVariant(Hash256 Hash, int ContentWidth, int ContentHeight, byte Layout = 0, int RenderedLongSide = 0)
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
