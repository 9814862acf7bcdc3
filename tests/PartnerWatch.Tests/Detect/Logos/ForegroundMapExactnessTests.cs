using PartnerWatch.Detect.Logos;

namespace PartnerWatch.Tests.Detect.Logos;

/// <summary>
/// The detail check's correlation is computed with less work (arrays and vectors, no placement measured twice) but must
/// give the very same doubles as the three-round search it replaced, which is kept here as the reference: a match
/// accepted at 0.890 and one refused at 0.889 must not swap.
/// </summary>
public sealed class ForegroundMapExactnessTests
{
    [Fact]
    public void SimilarityIsBitForBitTheThreeRoundSearch()
    {
        var random = new Random(12);
        var compared = 0;
        for (var n = 0; n < 300; n++)
        {
            var image = RandomMap(random, random.Next(3, 65), random.Next(3, 65));
            var reference = RandomMap(random, random.Next(3, 129), random.Next(3, 129));
            Assert.Equal(ThreeRoundSearch(image, reference), image.SimilarityTo(reference));
            compared++;
        }
        Assert.Equal(300, compared);
    }

    [Fact]
    public void SimilarityOfRealLogoMapsIsBitForBitTheThreeRoundSearch()
    {
        // Fixture logos shown at 24–48 px against every crisp reference map: the pairs the detail check correlates.
        var decoder = LogoFixtures.Decoder();
        var catalog = LogoFixtures.Catalog(decoder);
        var referenceMaps = catalog.References.SelectMany(r => r.Fingerprint.Variants)
            .Where(v => v.Map is not null && v.RenderedLongSide == 0).Select(v => v.Map!).Distinct().ToList();
        var pairs = 0;
        foreach (var (brand, file) in new[] { ("sap", "sap.svg"), ("ibm", "ibm.svg"), ("intel", "intel.png") })
        {
            foreach (var variant in new[] { "size:24", "size:31", "size:48" })
            {
                var fp = decoder.TryFingerprint(LogoVariants.Make(LogoFixtures.RefPath(brand, file), variant), out var reason) ?? throw new InvalidOperationException(reason);
                foreach (var map in fp.Variants.Select(v => v.Map).OfType<ForegroundMap>().Distinct())
                {
                    foreach (var referenceMap in referenceMaps)
                    {
                        Assert.Equal(ThreeRoundSearch(map, referenceMap), map.SimilarityTo(referenceMap));
                        pairs++;
                    }
                }
            }
        }
        Assert.True(pairs > 50, $"{pairs} pairs");
    }

    private static ForegroundMap RandomMap(Random random, int width, int height)
    {
        var values = new byte[width * height];
        // Blobs rather than noise: correlations spread over the whole range, many placements tie or nearly tie.
        for (var i = 0; i < values.Length; i++) values[i] = (byte)(random.Next(4) == 0 ? random.Next(256) : (i / width + i % width) % 7 < 3 ? 255 : 0);
        return new ForegroundMap(values, width, height);
    }

    // ---- the search as it was (session 6), lists and all, for comparison only

    private static double ThreeRoundSearch(ForegroundMap image, ForegroundMap reference)
    {
        var xs = Placements(image.Width).ToArray();
        var ys = Placements(image.Height).ToArray();
        var drawn = new double[image.Width * image.Height];
        var centred = Centred(image, out var spread);
        var columnsAt = new double[xs.Length][];
        double[] Columns(int i) => columnsAt[i] ??= ColumnsAt(reference, image.Width, xs[i].Start, xs[i].Span);
        int bx = Array.FindIndex(xs, p => p.Shift == 0 && p.Shrink == 1.0), by = Array.FindIndex(ys, p => p.Shift == 0 && p.Shrink == 1.0);
        if (bx < 0) bx = 0;
        if (by < 0) by = 0;
        var best = -1.0;
        for (var round = 0; round < 3; round++)
        {
            if (round % 2 == 0)
            {
                for (var i = 0; i < xs.Length; i++)
                {
                    RowsAt(reference, Columns(i), image.Width, image.Height, ys[by].Start, ys[by].Span, drawn);
                    var c = Correlation(centred, spread, drawn);
                    if (c > best) (best, bx) = (c, i);
                }
            }
            else
            {
                var columns = Columns(bx);
                for (var j = 0; j < ys.Length; j++)
                {
                    RowsAt(reference, columns, image.Width, image.Height, ys[j].Start, ys[j].Span, drawn);
                    var c = Correlation(centred, spread, drawn);
                    if (c > best) (best, by) = (c, j);
                }
            }
        }
        return best;
    }

    private static double[] ColumnsAt(ForegroundMap map, int width, double x0, double span)
    {
        var perTarget = map.Width / span;
        var first = new int[width + 1];
        var sources = new List<int>();
        var weights = new List<double>();
        for (var tx = 0; tx < width; tx++)
        {
            first[tx] = sources.Count;
            double from = (tx - x0) * perTarget, to = (tx + 1 - x0) * perTarget;
            var lo = Math.Max(0, (int)Math.Floor(from));
            var hi = Math.Min(map.Width, (int)Math.Ceiling(to));
            for (var x = lo; x < hi; x++)
            {
                var w = (Math.Min(x + 1, to) - Math.Max(x, from)) / ((to - from) * 255.0);
                if (w <= 0) continue;
                sources.Add(x);
                weights.Add(w);
            }
        }
        first[width] = sources.Count;
        var columns = new double[map.Height * width];
        for (var y = 0; y < map.Height; y++)
        {
            for (var tx = 0; tx < width; tx++)
            {
                var sum = 0.0;
                for (var k = first[tx]; k < first[tx + 1]; k++) sum += weights[k] * map[sources[k], y];
                columns[y * width + tx] = sum;
            }
        }
        return columns;
    }

    private static void RowsAt(ForegroundMap map, double[] columns, int width, int height, double y0, double span, double[] into)
    {
        Array.Clear(into);
        var perTarget = map.Height / span;
        for (var ty = 0; ty < height; ty++)
        {
            double from = (ty - y0) * perTarget, to = (ty + 1 - y0) * perTarget;
            var lo = Math.Max(0, (int)Math.Floor(from));
            var hi = Math.Min(map.Height, (int)Math.Ceiling(to));
            for (var y = lo; y < hi; y++)
            {
                var w = (Math.Min(y + 1, to) - Math.Max(y, from)) / (to - from);
                if (w <= 0) continue;
                for (var tx = 0; tx < width; tx++) into[ty * width + tx] += w * columns[y * width + tx];
            }
        }
    }

    private static IEnumerable<(double Start, double Span, double Shrink, double Shift)> Placements(int size)
    {
        foreach (var shrink in new[] { 0, 0.5, 1.0, 1.5 })
        {
            var span = size - shrink;
            if (span < 1) continue;
            foreach (var shift in new[] { -0.5, -0.25, 0, 0.25, 0.5 })
            {
                var start = shrink / 2 + shift;
                if (start < -0.35 || start + span > size + 0.35) continue;
                yield return (start, span, shrink, shift);
            }
        }
    }

    private static double[] Centred(ForegroundMap map, out double spread)
    {
        var values = map.Values;
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
