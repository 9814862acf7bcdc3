using System.Buffers;

namespace PartnerWatch.Detect.Logos;

/// <summary>
/// Turns an opaque RGB raster (already flattened onto a background) into fingerprint variants.
/// <para>
/// The foreground map is the colour distance of each pixel from the background colour, saturated: it is the same
/// for dark-on-light and light-on-dark, identical under RGB inversion (inversion preserves distances), close under
/// grayscale and palette reduction, and independent of the background's colour. Uniform borders are trimmed
/// repeatedly — page background, then a card, then a coloured plate — and each level becomes a variant, so a logo
/// inside a padded card matches the bare reference and a logo that is itself a plate still matches its own plate.
/// </para>
/// </summary>
internal static class LogoNormalizer
{
    /// <summary>Side of the working raster that every image is scaled to (longer side) before normalising.</summary>
    public const int WorkingSize = 256;

    private const double ContentDistance = 0.12;   // colour distance (0–1) that counts as "not background"
    private const double SaturationDistance = 0.35; // distance at which a pixel counts fully as foreground
    private const double UniformShare = 0.85;       // share of a border ring that must match its median colour
    private const int MaxLevels = 3;
    private const int GridSize = 32;

    /// <param name="rgb">Packed 8-bit RGB triples, row-major.</param>
    /// <param name="knownBackground">The colour transparency was flattened onto, or null for an opaque image.</param>
    /// <param name="maps">Which views keep their foreground map, and at what size.</param>
    /// <remarks><paramref name="rgb"/> may be longer than the raster (a pooled buffer); it is read, never kept.</remarks>
    /// <param name="coverage">
    /// Hash the content's true coverage (distance from the background divided by the content's full contrast, as the
    /// detail maps do) instead of the saturated map: a cell is set when more than half its area is covered. See
    /// <see cref="TransparentViews"/>: an image drawn small and scaled up to the working size has soft edges that the
    /// saturation makes bold, while its coverage is what the crisp reference shows.
    /// </param>
    public static List<FingerprintVariant> Fingerprint(byte[] rgb, int width, int height, (byte R, byte G, byte B)? knownBackground, MapPolicy? maps = null, bool coverage = false)
    {
        maps ??= MapPolicy.None;
        var variants = new List<FingerprintVariant>(2 * MaxLevels);
        var pixels = new Raster(rgb, width, height);
        try
        {
            Fingerprint(variants, pixels, knownBackground, maps, coverage);
        }
        finally
        {
            pixels.Release();
        }
        return variants;
    }

    private static void Fingerprint(List<FingerprintVariant> variants, Raster pixels, (byte R, byte G, byte B)? knownBackground, MapPolicy maps, bool coverage)
    {
        var full = new Rect(0, 0, pixels.Width, pixels.Height);
        if (knownBackground is { } known)
        {
            AddLevels(pixels, full, known, maps, saturated: coverage ? null : variants, shapes: coverage ? variants : null);
            return;
        }
        // An opaque image: its background is the dominant colour of its edge. A tightly cropped logo (a rounded
        // blue square touching the edges) has its own colour there, so white — the page colour of most logos —
        // is tried as well.
        // White and black are tried as well; a guess that is wrong yields the whole frame as "content", which the
        // information check below drops.
        List<(byte R, byte G, byte B)> guesses = [];
        if (DominantRingColour(pixels, full) is { } edge) guesses.Add(edge);
        // A logo cropped to its content touches the edge (white letters on a navy plate cut at the letters): the plate's
        // colour is then the most common edge colour, not the dominant one.
        else if (ModalRingColour(pixels, full) is { } common) guesses.Add(common);
        foreach (var colour in new[] { White, Black })
        {
            if (guesses.All(g => Distance(g, colour) >= ContentDistance)) guesses.Add(colour);
        }
        // A raster shown smaller than the working size was scaled up: its soft edges saturate into bold strokes (AMD's
        // wordmark at 115 × 28 px on a card: 151 cells against the crisp reference's 110). Its coverage, against the
        // background of the first guess, is the shape the crisp reference shows; a repeat of a view is not added. It is
        // measured in the first guess's pass (same distance maps, boxes, map and pixel walk), added after every guess's.
        var shapes = maps.ScaledUp && guesses.Count > 0 ? new List<FingerprintVariant>(MaxLevels) : null;
        for (var i = 0; i < guesses.Count; i++) AddLevels(pixels, full, guesses[i], maps, variants, i == 0 ? shapes : null);
        if (shapes is not null) TransparentViews.AddDistinct(variants, shapes);
    }

    private static readonly (byte R, byte G, byte B) White = (255, 255, 255);
    private static readonly (byte R, byte G, byte B) Black = (0, 0, 0);

    // A hash that is almost all foreground (or all background) is a filled rectangle: it says nothing about the
    // shape and would match every other filled rectangle.
    private const double MinInformativeShare = 0.04;
    private const double MaxInformativeShare = 0.93;
    private const double NearlyFullShare = 0.8;

    /// <summary>
    /// Fewest cells a coverage view must set. Thinner than the saturated views, a thin wordmark's coverage view falls
    /// to 30–70 cells, where the fixed threshold of 24 bits is a loose test (two 30-cell hashes 18 apart share 60 % of
    /// their cells): on the dev walls (seed 7) such views matched other companies' wordmarks at 18–23 (five tiles), while
    /// every view that found its brand set 94–151 cells.
    /// </summary>
    public const int MinCoverageCells = 80;

    // Saturated views into `saturated`, coverage views into `shapes` (either may be null). The levels' boxes and
    // backgrounds do not depend on what was emitted, so one pass measures each level once for both and each list stops
    // after its own MaxLevels emitted levels, as two separate passes would (the coverage pass cost ≈ 15 % of a scan).
    private static void AddLevels(Raster pixels, Rect rect, (byte R, byte G, byte B) background, MapPolicy maps, List<FingerprintVariant>? saturated, List<FingerprintVariant>? shapes)
    {
        Rect? lastEmitted = null;
        int emittedSaturated = saturated is null ? MaxLevels : 0, emittedShapes = shapes is null ? MaxLevels : 0;
        for (var level = 0; level < MaxLevels + 2 && (emittedSaturated < MaxLevels || emittedShapes < MaxLevels); level++)
        {
            var content = pixels.MeasureFrom(background, rect);
            if (content is null) break;
            var box = content.Value;
            if (lastEmitted is null || Differs(box, lastEmitted.Value))
            {
                bool doSaturated = emittedSaturated < MaxLevels, doShapes = emittedShapes < MaxLevels, addedSaturated = false, addedShape = false;
                var colours = ColoursOf(pixels, box);
                var mapSize = maps.SizeFor(box.Width, box.Height);
                var contrast = mapSize is not null || doShapes ? FullContrast(pixels, box) : 0;
                var map = mapSize is var (mw, mh) ? MapOf(pixels, box, mw, mh, contrast) : null;
                foreach (var layout in HashLayouts.For((double)box.Width / box.Height))
                {
                    var (grid, coverageGrid) = ForegroundGrids(pixels, box, layout, doSaturated, doShapes ? contrast : 0);
                    if (grid is not null)
                    {
                        var hash = HalfCoverageHash(grid, layout);
                        if (IsInformative(hash))
                        {
                            saturated!.Add(new FingerprintVariant(hash, box.Width, box.Height, layout.Id, Colours: colours, Map: map));
                            addedSaturated = true;
                        }
                        // A mark that nearly fills its box (four tiles with thin gaps) is all ones at half coverage; its
                        // gaps survive when a cell needs full coverage in all four sub-cells. Emitted from a share below
                        // the cut-off too, so that an image and its reference on either side of it still meet.
                        // Two cut-offs: a pale pane (the yellow tile in grayscale is ~0.78 of full contrast) needs the
                        // lower one, while a blurred knock-out wordmark on a plate needs the higher one to stay informative.
                        // Not for a coverage view: its cut-offs are of true coverage, and a small disc scaled up has
                        // ridges between its pixels at 0.85 that a generic disc does not (a white disc would carry identity).
                        if (hash.PopCount > NearlyFullShare * Hash256.Bits)
                        {
                            foreach (var cutOff in FullCoverageCutOffs)
                            {
                                var full = FullCoverageHash(grid, layout, cutOff);
                                if (!IsInformative(full)) continue;
                                saturated!.Add(new FingerprintVariant(full, box.Width, box.Height, layout.Id, Colours: colours, Map: map));
                                addedSaturated = true;
                            }
                        }
                    }
                    if (coverageGrid is not null)
                    {
                        var hash = HalfCoverageHash(coverageGrid, layout);
                        if (IsInformative(hash) && hash.PopCount >= MinCoverageCells)
                        {
                            shapes!.Add(new FingerprintVariant(hash, box.Width, box.Height, layout.Id, Colours: colours, Map: map));
                            addedShape = true;
                        }
                    }
                }
                if (addedSaturated) emittedSaturated++;
                if (addedShape) emittedShapes++;
                lastEmitted = box;
            }
            // Go one level deeper only when the content box is framed by a uniform colour that is not the current
            // background: a card or a plate whose inside may be the actual mark.
            var ring = UniformRingColour(pixels, box);
            if (ring is null || Distance(ring.Value, background) < ContentDistance || box.Width < 8 || box.Height < 8) break;
            background = ring.Value;
            rect = box;
        }
    }

    // Only solid foreground counts (anti-aliased edges blend with the background and carry its hue); a pixel is
    // chromatic when its channels spread by more than a fifth of the range.
    private static ColourSignature ColoursOf(Raster p, Rect box)
    {
        Span<int> counts = stackalloc int[ColourSignature.HueBins + 1];
        var step = Math.Max(1, Math.Max(box.Width, box.Height) / 128);
        for (var y = box.Y; y < box.Bottom; y += step)
        {
            for (var x = box.X; x < box.Right; x += step)
            {
                if (p.Distance(x, y) < SaturationDistance) continue;
                var (r, g, b) = p.At(x, y);
                int max = Math.Max(r, Math.Max(g, b)), min = Math.Min(r, Math.Min(g, b));
                if (max - min < 51) { counts[ColourSignature.AchromaticBin]++; continue; }
                double hue = max == r ? (g - b) / (double)(max - min) : max == g ? 2 + (b - r) / (double)(max - min) : 4 + (r - g) / (double)(max - min);
                hue = (hue * 60 + 360) % 360;
                counts[Math.Min(ColourSignature.HueBins - 1, (int)(hue / 30))]++;
            }
        }
        return ColourSignature.FromCounts(counts);
    }

    private static bool Differs(Rect a, Rect b) =>
        Math.Abs(a.Width - b.Width) > Math.Max(2, a.Width * 0.04) || Math.Abs(a.Height - b.Height) > Math.Max(2, a.Height * 0.04);

    /// <summary>The median colour of the rectangle's one-pixel border if most of the border has it, else null.</summary>
    private static (byte R, byte G, byte B)? UniformRingColour(Raster p, Rect r) => RingColour(p, r, UniformShare);

    private static (byte R, byte G, byte B)? DominantRingColour(Raster p, Rect r) => RingColour(p, r, 0.5);

    private static (byte R, byte G, byte B)? RingColour(Raster p, Rect r, double share)
    {
        var ring = new List<(byte R, byte G, byte B)>(2 * (r.Width + r.Height));
        for (var x = r.X; x < r.Right; x++)
        {
            ring.Add(p.At(x, r.Y));
            ring.Add(p.At(x, r.Bottom - 1));
        }
        for (var y = r.Y + 1; y < r.Bottom - 1; y++)
        {
            ring.Add(p.At(r.X, y));
            ring.Add(p.At(r.Right - 1, y));
        }
        if (ring.Count == 0) return null;
        var median = (Median(ring, c => c.R), Median(ring, c => c.G), Median(ring, c => c.B));
        var close = ring.Count(c => Distance(c, median) <= ContentDistance / 2);
        return close >= share * ring.Count ? median : null;
    }

    /// <summary>The mean colour of the most common 4-bit-per-channel bucket of the rectangle's border, if a quarter of the border has it.</summary>
    private static (byte R, byte G, byte B)? ModalRingColour(Raster p, Rect r)
    {
        var counts = new Dictionary<int, (int N, int R, int G, int B)>();
        var total = 0;
        void Count(int x, int y)
        {
            var (cr, cg, cb) = p.At(x, y);
            var key = (cr >> 4) << 8 | (cg >> 4) << 4 | cb >> 4;
            var (n, sr, sg, sb) = counts.GetValueOrDefault(key);
            counts[key] = (n + 1, sr + cr, sg + cg, sb + cb);
            total++;
        }
        for (var x = r.X; x < r.Right; x++) { Count(x, r.Y); Count(x, r.Bottom - 1); }
        for (var y = r.Y + 1; y < r.Bottom - 1; y++) { Count(r.X, y); Count(r.Right - 1, y); }
        if (total == 0) return null;
        var (count, sumR, sumG, sumB) = counts.Values.MaxBy(v => v.N);
        return count >= 0.25 * total ? ((byte)(sumR / count), (byte)(sumG / count), (byte)(sumB / count)) : null;
    }

    private static byte Median(List<(byte R, byte G, byte B)> colours, Func<(byte R, byte G, byte B), byte> channel)
    {
        Span<int> histogram = stackalloc int[256];
        foreach (var c in colours) histogram[channel(c)]++;
        var half = colours.Count / 2;
        for (int v = 0, seen = 0; v < 256; v++)
        {
            seen += histogram[v];
            if (seen > half) return (byte)v;
        }
        return 255;
    }

    private static double Distance((byte R, byte G, byte B) a, (byte R, byte G, byte B) b) => ColourDistance.Of(a, b);

    private static bool IsInformative(Hash256 hash) =>
        hash.PopCount / (double)Hash256.Bits is >= MinInformativeShare and <= MaxInformativeShare;

    /// <summary>Saturated (if asked) and coverage (if its contrast is positive) maps of the content box stretched to the
    /// layout's sub-cell grid (aspect ratio is compared separately), in one walk over the pixels.</summary>
    private static (double[]? Saturated, double[]? Coverage) ForegroundGrids(Raster p, Rect box, HashLayout layout, bool saturated, double coverageContrast)
    {
        int gw = 2 * layout.Columns, gh = 2 * layout.Rows;
        var grid = saturated ? new double[gw * gh] : null;
        var coverage = coverageContrast > 0 ? new double[gw * gh] : null;
        for (var gy = 0; gy < gh; gy++)
        {
            double y0 = box.Y + (double)gy * box.Height / gh, y1 = box.Y + (double)(gy + 1) * box.Height / gh;
            for (var gx = 0; gx < gw; gx++)
            {
                double x0 = box.X + (double)gx * box.Width / gw, x1 = box.X + (double)(gx + 1) * box.Width / gw;
                var (first, second) = AreaAverage(p, x0, x1, y0, y1, saturated ? SaturationDistance : coverageContrast, saturated ? coverageContrast : 0);
                (grid ?? coverage!)[gy * gw + gx] = first;
                if (grid is not null && coverage is not null) coverage[gy * gw + gx] = second;
            }
        }
        return (grid, coverage);
    }

    /// <summary>The foreground map of the content box area-averaged onto <paramref name="width"/>×<paramref name="height"/> pixels.</summary>
    /// <remarks>
    /// Unlike the hash's saturated map, values are linear in coverage: a pixel's distance from the background divided by
    /// the content's full contrast. At 28 px most pixels are edges, and a saturated edge is as bold as the contrast is
    /// high — white on navy would look bolder than red on white.
    /// </remarks>
    private static ForegroundMap MapOf(Raster p, Rect box, int width, int height, double contrast)
    {
        var values = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            double y0 = box.Y + (double)y * box.Height / height, y1 = box.Y + (double)(y + 1) * box.Height / height;
            for (var x = 0; x < width; x++)
            {
                double x0 = box.X + (double)x * box.Width / width, x1 = box.X + (double)(x + 1) * box.Width / width;
                values[y * width + x] = (byte)Math.Round(255 * AreaAverage(p, x0, x1, y0, y1, contrast).First);
            }
        }
        return new ForegroundMap(values, width, height);
    }

    /// <summary>The distance from the background that solid foreground reaches: the 90th percentile over the content's pixels.</summary>
    private static double FullContrast(Raster p, Rect box)
    {
        Span<int> histogram = stackalloc int[101];
        var count = 0;
        for (var y = box.Y; y < box.Bottom; y++)
        {
            for (var x = box.X; x < box.Right; x++)
            {
                var d = p.Distance(x, y);
                if (d <= ContentDistance) continue;
                histogram[(int)Math.Round(d * 100)]++;
                count++;
            }
        }
        for (int v = 0, seen = 0; v <= 100; v++)
        {
            seen += histogram[v];
            if (seen >= 0.9 * count) return Math.Max(ContentDistance, v / 100.0);
        }
        return 1.0;
    }

    // A 256-cell thumbnail of the foreground map, thresholded at half coverage. Measured against a 16×16-DCT pHash
    // and an 8×8-DCT pHash on the same labelled set (docs/logo-matching.md): DCT bits of flat logo images sit near
    // the median and flip under rasterisation alone, while a cell only flips when its coverage crosses one half.
    private static Hash256 HalfCoverageHash(double[] grid, HashLayout layout) => CellHash(grid, layout, (a, b, c, d) => a + b + c + d > 2.0);

    private static readonly double[] FullCoverageCutOffs = [0.85, 0.7];

    private static Hash256 FullCoverageHash(double[] grid, HashLayout layout, double cutOff) =>
        CellHash(grid, layout, (a, b, c, d) => Math.Min(Math.Min(a, b), Math.Min(c, d)) > cutOff);

    private static Hash256 CellHash(double[] grid, HashLayout layout, Func<double, double, double, double, bool> isForeground)
    {
        var gw = 2 * layout.Columns;
        Span<bool> bits = stackalloc bool[Hash256.Bits];
        for (var y = 0; y < layout.Rows; y++)
        {
            for (var x = 0; x < layout.Columns; x++)
            {
                bits[y * layout.Columns + x] = isForeground(
                    grid[2 * y * gw + 2 * x], grid[2 * y * gw + 2 * x + 1],
                    grid[(2 * y + 1) * gw + 2 * x], grid[(2 * y + 1) * gw + 2 * x + 1]);
            }
        }
        return Hash256.FromBits(bits);
    }

    // Box filter over the fractional source area of one grid cell; for cells smaller than a pixel it samples the
    // covering pixel, which is fine because small images were scaled up to the working size first. With a positive
    // second contrast it averages at both in one walk: each sum adds the same terms in the same order as its own walk.
    private static (double First, double Second) AreaAverage(Raster p, double x0, double x1, double y0, double y1, double fullContrast, double secondContrast = 0)
    {
        double sum = 0, secondSum = 0, weight = 0;
        for (var y = (int)y0; y < Math.Ceiling(y1) && y < p.Height; y++)
        {
            var wy = Math.Min(y + 1, y1) - Math.Max(y, y0);
            if (wy <= 0) continue;
            for (var x = (int)x0; x < Math.Ceiling(x1) && x < p.Width; x++)
            {
                var wx = Math.Min(x + 1, x1) - Math.Max(x, x0);
                if (wx <= 0) continue;
                var d = p.Distance(x, y);
                sum += wx * wy * Math.Min(1.0, d / fullContrast);
                if (secondContrast > 0) secondSum += wx * wy * Math.Min(1.0, d / secondContrast);
                weight += wx * wy;
            }
        }
        return weight > 0 ? (sum / weight, secondSum / weight) : (0, 0);
    }

    private readonly record struct Rect(int X, int Y, int Width, int Height)
    {
        public int Right => X + Width;
        public int Bottom => Y + Height;
    }

    private sealed class Raster(byte[] rgb, int width, int height)
    {
        public int Width { get; } = width;
        public int Height { get; } = height;

        // Every pixel's distance from one background, filled once per background over the rectangle being trimmed and
        // read by every later pass (colours, each layout's grid, the map): the same doubles the formula gives, so no
        // decision changes; a per-pixel table lookup per pass and layout was the normaliser's largest cost.
        private double[]? distances;

        /// <summary>
        /// Fills the distance map from <paramref name="background"/> over <paramref name="rect"/> (reads by
        /// <see cref="Distance(int, int)"/> are valid inside it until the next call) and returns the bounds of the pixels
        /// that are not background (distance above <see cref="ContentDistance"/>), or null when there are none.
        /// </summary>
        public Rect? MeasureFrom((byte R, byte G, byte B) background, Rect rect)
        {
            distances ??= ArrayPool<double>.Shared.Rent(Width * Height);
            int minX = int.MaxValue, minY = int.MaxValue, maxX = -1, maxY = -1;
            for (var y = rect.Y; y < rect.Bottom; y++)
            {
                var i = y * Width + rect.X;
                for (var x = rect.X; x < rect.Right; x++, i++)
                {
                    var j = 3 * i;
                    var d = distances[i] = ColourDistance.Of(rgb[j], rgb[j + 1], rgb[j + 2], background.R, background.G, background.B);
                    if (d <= ContentDistance) continue;
                    if (x < minX) minX = x;
                    if (x > maxX) maxX = x;
                    if (y < minY) minY = y;
                    if (y > maxY) maxY = y;
                }
            }
            return maxX < 0 ? null : new Rect(minX, minY, maxX - minX + 1, maxY - minY + 1);
        }

        /// <summary>The distance of a pixel from the background last measured from (inside its rectangle).</summary>
        public double Distance(int x, int y) => distances![y * Width + x];

        public (byte R, byte G, byte B) At(int x, int y)
        {
            var i = (y * Width + x) * 3;
            return (rgb[i], rgb[i + 1], rgb[i + 2]);
        }

        /// <summary>Returns the distance map's buffer to the pool; the raster is not used afterwards.</summary>
        public void Release()
        {
            if (distances is not null) ArrayPool<double>.Shared.Return(distances);
            distances = null;
        }
    }
}

/// <summary>
/// Which views keep a <see cref="ForegroundMap"/>, and at what size: a small raster image at its own pixel size (the
/// grid its pixels were drawn on), a reference logo at up to <see cref="ReferenceLongSide"/> px (to be drawn at any
/// small size later). Large images and SVG keep none: the hash alone decides for them.
/// </summary>
internal sealed class MapPolicy
{
    /// <summary>Largest long side, in the image's own pixels, of content that keeps its map (the detail check's range).</summary>
    public const int MaxNativeLongSide = 64;
    public const int ReferenceLongSide = 128;

    private readonly double nativeScale;
    private readonly int referenceLongSide;

    private MapPolicy(double nativeScale, int referenceLongSide)
    {
        this.nativeScale = nativeScale;
        this.referenceLongSide = referenceLongSide;
    }

    public static MapPolicy None { get; } = new(0, 0);

    /// <summary>A query raster drawn up to the working size (a small image, its own pixels kept): its edges are soft.</summary>
    public bool ScaledUp => nativeScale is > 0 and < 1;

    public static MapPolicy Reference { get; } = new(0, ReferenceLongSide);

    /// <param name="nativeScale">Source pixels per working pixel of the image.</param>
    public static MapPolicy AtNativeSize(double nativeScale) => new(nativeScale, 0);

    /// <summary>The map size for a content box measured in working pixels, or null when this view keeps none.</summary>
    public (int Width, int Height)? SizeFor(int boxWidth, int boxHeight)
    {
        if (referenceLongSide > 0)
        {
            var scale = Math.Min(1.0, referenceLongSide / (double)Math.Max(boxWidth, boxHeight));
            return (Math.Max(1, (int)Math.Round(boxWidth * scale)), Math.Max(1, (int)Math.Round(boxHeight * scale)));
        }
        if (nativeScale <= 0) return null;
        int w = (int)Math.Round(boxWidth * nativeScale), h = (int)Math.Round(boxHeight * nativeScale);
        if (Math.Max(w, h) > MaxNativeLongSide || Math.Min(w, h) < 2) return null;
        return (w, h);
    }
}

/// <summary>How the 256 cells of a hash are laid over the content box.</summary>
internal readonly record struct HashLayout(byte Id, int Columns, int Rows);

/// <summary>
/// Square-ish cells keep thin strokes visible: a 7:1 wordmark squeezed into 16×16 cells loses its letters, in 32×8
/// cells it keeps them. Near a boundary both layouts are emitted so an image and its reference always share one.
/// </summary>
internal static class HashLayouts
{
    public static readonly HashLayout Square = new(0, 16, 16);
    public static readonly HashLayout Wide = new(1, 32, 8);
    public static readonly HashLayout Tall = new(2, 8, 32);

    private const double Switch = 2.0;
    private const double Overlap = 1.2; // both layouts within a factor 1.2 of the switch point

    public static IEnumerable<HashLayout> For(double aspect)
    {
        if (aspect < Switch * Overlap && aspect > 1 / (Switch * Overlap)) yield return Square;
        if (aspect > Switch / Overlap) yield return Wide;
        if (aspect < 1 / (Switch / Overlap)) yield return Tall;
    }
}
