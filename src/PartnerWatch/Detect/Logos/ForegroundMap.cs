using System.Numerics;

namespace PartnerWatch.Detect.Logos;

/// <summary>
/// The foreground map of a view's trimmed content as a small grey raster (0 = background, 255 = full contrast), kept
/// for the detail check of small images: a 28 px wordmark is compared pixel by pixel with the reference drawn at
/// exactly its size, where the 256-cell hash of two blurs can disagree by 40 bits over a sub-pixel shift.
/// Immutable; shared by the variants (layouts) of one content box.
/// </summary>
public sealed class ForegroundMap
{
    private readonly byte[] values;

    public ForegroundMap(byte[] values, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(values.Length, width * height, nameof(values));
        this.values = values;
        Width = width;
        Height = height;
    }

    public int Width { get; }
    public int Height { get; }

    /// <summary>Bytes held, for cache accounting.</summary>
    public int Size => values.Length;

    public byte this[int x, int y] => values[y * Width + x];

    /// <summary>The values row by row (for the reference cache on disk).</summary>
    public ReadOnlySpan<byte> Values => values;

    /// <summary>
    /// How alike this map (the image as shown, at its own pixel size) and <paramref name="reference"/> drawn at this
    /// size are: the best normalised cross-correlation (−1–1) over the sub-pixel positions and extents the trimmed
    /// content box allows (its edge pixels are partly covered, so the true extent is up to about 2 px smaller).
    /// The reference is box-filtered onto this map's grid — what a renderer that covers pixels by area draws —
    /// separably: its columns once per horizontal placement, then its rows per vertical placement.
    /// </summary>
    public double SimilarityTo(ForegroundMap reference)
    {
        var xs = Placements(Width).ToArray();
        var ys = Placements(Height).ToArray();
        var drawn = new double[Width * Height];
        var centred = Centred(out var spread);
        // The reference's columns depend only on the horizontal placement: drawn once each, reused by the third round.
        var columnsAt = new double[xs.Length][];
        double[] Columns(int i) => columnsAt[i] ??= reference.ColumnsAt(Width, xs[i].Start, xs[i].Span);
        // Coordinate search from the centred placement: the best horizontal placement, then the best vertical one for
        // it, then horizontal again — 3 × ~14 placements instead of ~200, within 0.01 of the exhaustive search on the
        // labelled set (docs/logo-matching.md).
        int bx = Array.FindIndex(xs, p => p.Shift == 0 && p.Shrink == 1.0), by = Array.FindIndex(ys, p => p.Shift == 0 && p.Shrink == 1.0);
        if (bx < 0) bx = 0;
        if (by < 0) by = 0;
        var best = -1.0;
        var firstBy = by;
        for (var round = 0; round < 3; round++)
        {
            // The placement already measured is skipped: its correlation is best itself, and only a larger one moves it.
            // When the vertical round kept the first row placement, the last round would repeat the first exactly.
            if (round == 2 && by == firstBy) break;
            if (round % 2 == 0)
            {
                var measured = round == 0 ? -1 : bx;
                for (var i = 0; i < xs.Length; i++)
                {
                    if (i == measured) continue;
                    reference.RowsAt(Columns(i), Width, Height, ys[by].Start, ys[by].Span, drawn);
                    var c = Correlation(centred, spread, drawn);
                    if (c > best) (best, bx) = (c, i);
                }
            }
            else
            {
                var columns = Columns(bx);
                for (var j = 0; j < ys.Length; j++)
                {
                    if (j == by) continue;
                    reference.RowsAt(columns, Width, Height, ys[j].Start, ys[j].Span, drawn);
                    var c = Correlation(centred, spread, drawn);
                    if (c > best) (best, by) = (c, j);
                }
            }
        }
        return best;
    }

    /// <summary>Each source row box-filtered onto <paramref name="width"/> target columns, content at [x0, x0 + span]; values 0–1.</summary>
    private double[] ColumnsAt(int width, double x0, double span)
    {
        // The weights of each target column first, then the rows one after another (the source row is read in order,
        // not a column of every row); each target cell still sums its source pixels in ascending x: the same doubles.
        // Arrays, not lists: the detail check of a 1,000-brand catalogue draws ~20 placements of 6 references per tile.
        var perTarget = Width / span; // source pixels per target pixel
        var first = new int[width + 1];
        // Consecutive targets share at most one source pixel: Width + width taps at most.
        var sources = new int[Width + 2 * width];
        var weights = new double[Width + 2 * width];
        var taps = 0;
        for (var tx = 0; tx < width; tx++)
        {
            first[tx] = taps;
            double from = (tx - x0) * perTarget, to = (tx + 1 - x0) * perTarget;
            var lo = Math.Max(0, (int)Math.Floor(from));
            var hi = Math.Min(Width, (int)Math.Ceiling(to));
            for (var x = lo; x < hi; x++)
            {
                // Source cells outside the content are background (0); the weight is the whole target pixel.
                var w = (Math.Min(x + 1, to) - Math.Max(x, from)) / ((to - from) * 255.0);
                if (w <= 0) continue;
                sources[taps] = x;
                weights[taps] = w;
                taps++;
            }
        }
        first[width] = taps;
        var columns = new double[Height * width];
        for (var y = 0; y < Height; y++)
        {
            var row = values.AsSpan(y * Width, Width);
            var target = columns.AsSpan(y * width, width);
            for (var tx = 0; tx < target.Length; tx++)
            {
                var sum = 0.0;
                for (var k = first[tx]; k < first[tx + 1]; k++) sum += weights[k] * row[sources[k]];
                target[tx] = sum;
            }
        }
        return columns;
    }

    private void RowsAt(double[] columns, int width, int height, double y0, double span, double[] into)
    {
        Array.Clear(into);
        var perTarget = Height / span;
        for (var ty = 0; ty < height; ty++)
        {
            double from = (ty - y0) * perTarget, to = (ty + 1 - y0) * perTarget;
            var lo = Math.Max(0, (int)Math.Floor(from));
            var hi = Math.Min(Height, (int)Math.Ceiling(to));
            var target = into.AsSpan(ty * width, width);
            for (var y = lo; y < hi; y++)
            {
                var w = (Math.Min(y + 1, to) - Math.Max(y, from)) / (to - from);
                if (w <= 0) continue;
                // Element by element (a multiply, then an add: no fused multiply-add), so vectors give the same doubles.
                var source = columns.AsSpan(y * width, width);
                var tx = 0;
                if (Vector.IsHardwareAccelerated)
                {
                    var weight = new Vector<double>(w);
                    for (; tx <= target.Length - Vector<double>.Count; tx += Vector<double>.Count)
                    {
                        var sum = new Vector<double>(target[tx..]) + weight * new Vector<double>(source[tx..]);
                        sum.CopyTo(target[tx..]);
                    }
                }
                for (; tx < target.Length; tx++) target[tx] += w * source[tx];
            }
        }
    }

    private static readonly double[] Shrinks = [0, 0.5, 1.0, 1.5];
    private static readonly double[] Shifts = [-0.5, -0.25, 0, 0.25, 0.5];

    private static IEnumerable<(double Start, double Span, double Shrink, double Shift)> Placements(int size)
    {
        foreach (var shrink in Shrinks)
        {
            var span = size - shrink;
            if (span < 1) continue;
            foreach (var shift in Shifts)
            {
                var start = shrink / 2 + shift;
                // The content must still touch both trimmed edges, give or take the anti-aliasing below the cut-off.
                if (start < -0.35 || start + span > size + 0.35) continue;
                yield return (start, span, shrink, shift);
            }
        }
    }

    /// <summary>This map's values (0–1) less their mean, and the sum of their squares: the same for every placement.</summary>
    private double[] Centred(out double spread)
    {
        double mean = 0;
        for (var i = 0; i < values.Length; i++) mean += values[i] / 255.0;
        mean /= values.Length;
        var centred = new double[values.Length];
        spread = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var a = values[i] / 255.0 - mean;
            centred[i] = a;
            spread += a * a;
        }
        return centred;
    }

    // The same sums in the same order as a two-pass correlation computed from scratch: the result is bit for bit the same.
    private static double Correlation(double[] centred, double aa, double[] other)
    {
        double meanB = 0;
        for (var i = 0; i < other.Length; i++) meanB += other[i];
        meanB /= other.Length;
        double ab = 0, bb = 0;
        for (var i = 0; i < other.Length; i++)
        {
            double a = centred[i], b = other[i] - meanB;
            ab += a * b;
            bb += b * b;
        }
        return aa <= 1e-9 || bb <= 1e-9 ? 0 : ab / Math.Sqrt(aa * bb);
    }
}
