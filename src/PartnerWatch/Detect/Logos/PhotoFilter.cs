using SkiaSharp;

namespace PartnerWatch.Detect.Logos;

/// <summary>
/// A cheap look at a decoded opaque raster, before it is fingerprinted: is it a photograph? A photo (a hero image, a
/// news thumbnail, a team picture) has no colour that frames it and hundreds of distinct colours, while a logo — even as
/// a JPEG, on a card, in a wall or cut at its content — sits on a background colour that holds a good part of its edge,
/// or is drawn in a few flat colours. Photos were ~5 % of the images of the scan benchmark and cost more than a logo
/// each (every background guess trims and hashes the whole frame); they never match (a wrong background guess makes
/// the whole frame "content") and are never split into wall tiles (no dominant edge colour), so nothing is lost by not
/// fingerprinting them. The cut-offs are measured in docs/logo-matching.md ("Session 5: cheaper fingerprints").
/// </summary>
public static class PhotoFilter
{
    /// <summary>Smaller images are never judged: an icon or a small logo is cheap, and a small raster is too few samples.</summary>
    public const int MinLongSide = 160;
    public const int MinShortSide = 100;

    /// <summary>
    /// The share of the edge its most common colour (4 bits a channel) must stay under. A logo on a page, card or plate,
    /// and a wall, has one colour along most of its edge (measured: ≥ 0.5 for every opaque logo of ≥ 200 distinct colours
    /// in the corpora); the benchmark's photos reach 0.42.
    /// </summary>
    public const double MaxEdgeShare = 0.45;

    /// <summary>
    /// The share of the image its most common colour must stay under: a logo drawn in few colours has one large area
    /// (measured ≥ 0.34 for the logos with many colours; photos ≤ 0.25).
    /// </summary>
    public const double MaxAreaShare = 0.30;

    /// <summary>Distinct colours (4 bits a channel) among the 4,096 sample points from which an image is a photo (photos ≥ 255).</summary>
    public const int MinDistinctColours = 200;

    private const int Grid = 64; // 64 × 64 = 4,096 sample points
    private const int Samples = Grid * Grid;

    /// <summary>Whether <paramref name="bitmap"/> (8-bit RGBA, opaque) is a photograph rather than anything that may hold a logo.</summary>
    public static bool IsPhoto(SKBitmap bitmap)
    {
        if (Math.Max(bitmap.Width, bitmap.Height) < MinLongSide || Math.Min(bitmap.Width, bitmap.Height) < MinShortSide) return false;
        var (edgeShare, distinct, areaShare) = Measure(bitmap);
        return edgeShare < MaxEdgeShare && distinct >= MinDistinctColours && areaShare < MaxAreaShare;
    }

    /// <summary>
    /// The figures the decision is made from: the share of the edge held by its most common colour, the distinct colours
    /// among a 64 × 64 grid of sample points and the share of those points held by the most common colour.
    /// </summary>
    public static (double EdgeShare, int Distinct, double AreaShare) Measure(SKBitmap bitmap)
    {
        int width = bitmap.Width, height = bitmap.Height;
        var pixels = bitmap.GetPixelSpan();
        Span<int> counts = stackalloc int[4096];
        var edge = 0;
        for (var x = 0; x < width; x++)
        {
            counts[Bucket(pixels, x * 4)]++;
            counts[Bucket(pixels, ((height - 1) * width + x) * 4)]++;
            edge += 2;
        }
        for (var y = 1; y < height - 1; y++)
        {
            counts[Bucket(pixels, y * width * 4)]++;
            counts[Bucket(pixels, (y * width + width - 1) * 4)]++;
            edge += 2;
        }
        var edgeShare = Max(counts) / (double)edge;
        counts.Clear();
        var distinct = 0;
        for (var gy = 0; gy < Grid; gy++)
        {
            var y = (int)((gy + 0.5) * height / Grid);
            for (var gx = 0; gx < Grid; gx++)
            {
                var x = (int)((gx + 0.5) * width / Grid);
                if (counts[Bucket(pixels, (y * width + x) * 4)]++ == 0) distinct++;
            }
        }
        return (edgeShare, distinct, Max(counts) / (double)Samples);
    }

    private static int Bucket(ReadOnlySpan<byte> rgba, int i) => (rgba[i] >> 4) << 8 | (rgba[i + 1] >> 4) << 4 | rgba[i + 2] >> 4;

    private static int Max(ReadOnlySpan<int> counts)
    {
        var max = 0;
        foreach (var c in counts) max = Math.Max(max, c);
        return max;
    }
}
