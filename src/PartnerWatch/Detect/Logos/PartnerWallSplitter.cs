using SkiaSharp;

namespace PartnerWatch.Detect.Logos;

/// <summary>
/// Splits one decoded image that shows a wall of partner logos (a grid, a row, cards, a table) into one tile per logo,
/// so that each logo can be fingerprinted on its own. A recursive XY-cut on an analysis copy: the page background is the
/// dominant edge colour; long thin lines (card borders, table rules) and isolated specks are ignored; a region is cut at
/// the band of rows or columns that are all background or all one colour (the inside of touching cards).
/// <para>
/// A band counts as a gap only when it is wide relative to the pieces beside it (0.2 of the smaller piece's shorter
/// side), so the letters of a wordmark stay together. It is a sure cut between logos only when it is as wide as the
/// larger piece's shorter side and both pieces are logo-sized; a narrower cut may be a word space or the gap between an
/// emblem and its wordmark ("Red Hat", the bars above CISCO), so the whole is kept as a tile as well as its pieces.
/// </para>
/// Work is bounded: analysis runs on a copy of at most <see cref="AnalysisLongSide"/> px, the recursion on at most
/// <see cref="MaxRegions"/> regions, at most <see cref="MaxTiles"/> tiles are returned, and an image that falls into
/// more than <see cref="MaxLeaves"/> pieces (a page of text, a pattern) or has no dominant edge colour (a photo) is not
/// a logo wall at all. Stateless and thread-safe.
/// </summary>
internal static class PartnerWallSplitter
{
    /// <summary>Below this many pixels on its longer side an image is one logo, not a wall.</summary>
    public const int MinLongSide = 200;
    public const int MaxTiles = 32;
    /// <summary>Tiles with a shorter side below this (decoded pixels) are dropped: specks, separators, a ® sign.</summary>
    public const int MinTileSide = 12;

    private const int AnalysisLongSide = 512;
    private const int MaxRegions = 256;
    private const int MaxLeaves = 128;
    private const int MaxDepth = 24;
    private const double MaxUnionShare = 0.25;   // of the wall's content area: a piece larger than this is a group of logos
    private const int MinGap = 2;                // analysis pixels
    private const double WeakGapShare = 0.2;     // of the smaller piece's shorter side: letters stay together
    private const double StrongGapShare = 1.0;   // of the larger piece's shorter side: two separate logos for sure
    private const int MaxCandidateGaps = 8;      // per region and axis, widest first
    private const int MaxEdgeLine = 3;           // analysis pixels: a table border, not the edge of a plate
    private const int MinRuleLength = 48;        // analysis pixels: a card border or table rule, longer than a logo's strokes
    private const double RuleShare = 0.1;        // … and at least this share of the image's longer side
    private const int RuleCornerGrowth = 6;      // analysis pixels along a rule's own foreground (rounded corners)
    private const double ContentDistance = 0.12; // as LogoNormalizer: colour distance that is "not background"
    private const double UniformDistance = 0.06;
    private const double GapNoiseShare = 0.005;  // JPEG specks tolerated in a gap line
    private const double UniformLineShare = 0.98;
    private const int OpaqueAlpha = 96;

    /// <summary>
    /// The logo tiles of <paramref name="bitmap"/> in its own pixel coordinates (each with a small margin of its
    /// background), largest first; empty when the image is not a wall of several logos.
    /// </summary>
    public static IReadOnlyList<SKRectI> Split(SKBitmap bitmap)
    {
        if (Math.Max(bitmap.Width, bitmap.Height) < MinLongSide || Math.Min(bitmap.Width, bitmap.Height) < MinTileSide) return [];
        var scale = Math.Min(1.0, (double)AnalysisLongSide / Math.Max(bitmap.Width, bitmap.Height));
        var raster = WallRaster.From(bitmap, scale);
        if (raster is null) return [];
        // The smallest tile in analysis pixels: a piece smaller than that is not cut off its neighbour.
        var minPieceSide = Math.Max(2, (int)(MinTileSide * raster.Width / (double)bitmap.Width));
        var leaves = new Splitter(raster, minPieceSide).Run();
        if (leaves is null) return [];

        var factorX = (double)bitmap.Width / raster.Width;
        var factorY = (double)bitmap.Height / raster.Height;
        var tiles = new List<SKRectI>();
        foreach (var leaf in leaves)
        {
            int left = (int)Math.Floor(leaf.Content.X * factorX), top = (int)Math.Floor(leaf.Content.Y * factorY);
            int right = (int)Math.Ceiling(leaf.Content.Right * factorX), bottom = (int)Math.Ceiling(leaf.Content.Bottom * factorY);
            if (Math.Min(right - left, bottom - top) < MinTileSide) continue;
            // A margin of the tile's own background, never into the neighbour's cell: the normaliser reads the
            // background from the tile's edge.
            var margin = Math.Max(2, (int)Math.Round(0.08 * Math.Min(right - left, bottom - top)));
            int cellLeft = (int)Math.Floor(leaf.Cell.X * factorX), cellTop = (int)Math.Floor(leaf.Cell.Y * factorY);
            int cellRight = Math.Min(bitmap.Width, (int)Math.Ceiling(leaf.Cell.Right * factorX));
            int cellBottom = Math.Min(bitmap.Height, (int)Math.Ceiling(leaf.Cell.Bottom * factorY));
            var tile = new SKRectI(
                Math.Max(cellLeft, left - margin), Math.Max(cellTop, top - margin),
                Math.Min(cellRight, right + margin), Math.Min(cellBottom, bottom + margin));
            if (tile.Width >= MinTileSide && tile.Height >= MinTileSide && !tiles.Contains(tile)) tiles.Add(tile);
        }
        if (tiles.Count < 2) return [];
        // A tile that is (nearly) the whole image says nothing the whole image does not.
        tiles.RemoveAll(t => t.Width * (long)t.Height > 0.9 * bitmap.Width * (long)bitmap.Height);
        return tiles.Count < 2 ? [] : tiles.OrderByDescending(t => t.Width * (long)t.Height).Take(MaxTiles).ToList();
    }

    internal readonly record struct Box(int X, int Y, int Width, int Height)
    {
        public int Right => X + Width;
        public int Bottom => Y + Height;
        public int ShortSide => Math.Min(Width, Height);
    }

    /// <summary>A piece: its content box and the cell it may take a margin from (up to the middle of its gaps).</summary>
    internal readonly record struct Leaf(Box Content, Box Cell, bool Union);

    /// <summary>Background of a region: a colour, or transparency.</summary>
    private readonly record struct Background(byte R, byte G, byte B, bool Transparent);

    /// <summary>A row or column across a region: background, one uniform other colour (a line, a card's inside), or content.</summary>
    private enum LineKind { Background, Uniform, Content }

    private readonly record struct Cut(bool Vertical, int GapStart, int GapEnd, bool Strong, double Ratio);

    private sealed class Splitter(WallRaster raster, int minPieceSide)
    {
        private int regions;
        private long rootArea;

        public List<Leaf>? Run()
        {
            var full = new Box(0, 0, raster.Width, raster.Height);
            if (raster.RingBackground(full, 0.5) is not { } background) return null; // no dominant edge colour: a photo
            raster.IgnoreRules(background, Math.Max(MinRuleLength, (int)(RuleShare * Math.Max(raster.Width, raster.Height))));
            rootArea = raster.Trim(full, background) is { } all ? all.Width * (long)all.Height : 0;
            var leaves = Split(full, full, background, 0);
            // A piece in a corner of the image is the corner of a plate that fills it, not a logo of a wall.
            leaves.RemoveAll(l => (l.Content.X == 0 || l.Content.Right == raster.Width) && (l.Content.Y == 0 || l.Content.Bottom == raster.Height));
            var real = leaves.Count(l => !l.Union);
            return real is < 2 or > MaxLeaves ? null : leaves;
        }

        private List<Leaf> Split(Box region, Box cell, Background background, int depth)
        {
            if (Tighten(region, background) is not { } content) return [];
            if (++regions > MaxRegions || depth >= MaxDepth) return [new Leaf(content, cell, false)];
            if (BestCut(content, background) is { } cut) return SplitAt(content, cell, background, cut, depth);
            // A card, its inside padded all round, may hold several logos: cut it only where that is sure. A plate with
            // a knocked-out wordmark (LinkedIn's "in") is one logo, and its rounded corners are not pieces of anything.
            if (content.ShortSide >= 2 * minPieceSide && raster.RingBackground(content, 0.85) is { Transparent: false } frame &&
                (background.Transparent || Distance(frame, background) >= ContentDistance) &&
                raster.Trim(content, frame) is { } inner && inner.X > content.X && inner.Y > content.Y &&
                inner.Right < content.Right && inner.Bottom < content.Bottom &&
                BestCut(inner, frame) is { Strong: true } innerCut)
            {
                return SplitAt(inner, content, frame, innerCut, depth);
            }
            return [new Leaf(content, cell, false)];
        }

        private List<Leaf> SplitAt(Box content, Box cell, Background background, Cut cut, int depth)
        {
            var mid = (cut.GapStart + cut.GapEnd) / 2;
            Box a, b, cellA, cellB;
            if (cut.Vertical)
            {
                a = content with { Width = cut.GapStart - content.X };
                b = content with { X = cut.GapEnd, Width = content.Right - cut.GapEnd };
                cellA = cell with { Width = mid - cell.X };
                cellB = cell with { X = mid, Width = cell.Right - mid };
            }
            else
            {
                a = content with { Height = cut.GapStart - content.Y };
                b = content with { Y = cut.GapEnd, Height = content.Bottom - cut.GapEnd };
                cellA = cell with { Height = mid - cell.Y };
                cellB = cell with { Y = mid, Height = cell.Bottom - mid };
            }
            var leaves = Split(a, cellA, background, depth + 1);
            leaves.AddRange(Split(b, cellB, background, depth + 1));
            // A narrow gap may be inside one logo (a word space, an emblem beside its wordmark, the bars above CISCO):
            // keep the whole too, while it is small enough to be one logo rather than a row of them.
            if (!cut.Strong && content.Width * (long)content.Height <= MaxUnionShare * rootArea) leaves.Add(new Leaf(content, cell, true));
            return leaves;
        }

        /// <summary>
        /// The content of a region without the thin lines at its edges: a piece cut from a table keeps a stretch of the
        /// table's border on one or two sides, which is not part of its logo.
        /// </summary>
        private Box? Tighten(Box region, Background background)
        {
            var content = raster.Trim(region, background);
            for (var round = 0; round < 4 && content is { } box; round++)
            {
                var inner = StripEdgeLines(box, background);
                if (inner == box) break;
                content = inner is { Width: > 0, Height: > 0 } ? raster.Trim(inner, background) : null;
            }
            return content;
        }

        private Box StripEdgeLines(Box box, Background background)
        {
            int top = 0, bottom = 0, left = 0, right = 0;
            while (top <= MaxEdgeLine && top < box.Height && raster.Classify(box, box.Y + top, false, background) == LineKind.Uniform) top++;
            while (bottom <= MaxEdgeLine && bottom < box.Height && raster.Classify(box, box.Bottom - 1 - bottom, false, background) == LineKind.Uniform) bottom++;
            while (left <= MaxEdgeLine && left < box.Width && raster.Classify(box, box.X + left, true, background) == LineKind.Uniform) left++;
            while (right <= MaxEdgeLine && right < box.Width && raster.Classify(box, box.Right - 1 - right, true, background) == LineKind.Uniform) right++;
            // Only thin runs are lines; a thicker uniform band is the edge of a plate and belongs to its logo.
            if (top > MaxEdgeLine) top = 0;
            if (bottom > MaxEdgeLine) bottom = 0;
            if (left > MaxEdgeLine) left = 0;
            if (right > MaxEdgeLine) right = 0;
            if (top + bottom >= box.Height || left + right >= box.Width) return box;
            return new Box(box.X + left, box.Y + top, box.Width - left - right, box.Height - top - bottom);
        }

        /// <summary>The interior gap band that separates its two sides best, relative to their size; null when none qualifies.</summary>
        private Cut? BestCut(Box content, Background background)
        {
            Cut? best = null;
            foreach (var vertical in new[] { true, false })
            {
                var gaps = GapRuns(content, background, vertical);
                foreach (var (start, end) in gaps.OrderByDescending(g => g.End - g.Start).Take(MaxCandidateGaps))
                {
                    var width = end - start;
                    Box a = vertical ? content with { Width = start - content.X } : content with { Height = start - content.Y };
                    Box b = vertical ? content with { X = end, Width = content.Right - end } : content with { Y = end, Height = content.Bottom - end };
                    if (raster.Trim(a, background) is not { } ta || raster.Trim(b, background) is not { } tb) continue;
                    // A piece too small to be a tile is a part of its neighbour (a stripe of a striped mark, a dot, a ®).
                    if (Math.Min(ta.ShortSide, tb.ShortSide) < minPieceSide) continue;
                    var ratio = (double)width / Math.Min(ta.ShortSide, tb.ShortSide);
                    if (ratio < WeakGapShare) continue;
                    // Sure only when the gap is wide even next to the larger piece: a small emblem close to a wordmark
                    // may be one logo.
                    // A piece much smaller than a logo (the Q of Qualcomm) is never sure to be one on its own.
                    var strong = (double)width / Math.Max(ta.ShortSide, tb.ShortSide) >= StrongGapShare &&
                        Math.Min(Math.Max(ta.Width, ta.Height), Math.Max(tb.Width, tb.Height)) >= 3 * minPieceSide;
                    // A sure cut beats a narrow one whatever their ratios: it separates logos, the other maybe parts of one.
                    if (best is { } other && other.Strong && !strong) continue;
                    if (best is { } weaker && !weaker.Strong && strong) best = null;
                    if (best is { } current && current.Ratio >= ratio) continue;
                    best = new Cut(vertical, start, end, strong, ratio);
                }
            }
            return best;
        }

        /// <summary>Interior runs of gap lines (background or one uniform colour) at least <see cref="MinGap"/> wide.</summary>
        private List<(int Start, int End)> GapRuns(Box content, Background background, bool vertical)
        {
            var runs = new List<(int, int)>();
            int from = vertical ? content.X : content.Y, to = vertical ? content.Right : content.Bottom;
            var start = -1;
            for (var i = from; i < to; i++)
            {
                var gap = raster.IsGapLine(content, i, vertical, background);
                if (gap && start < 0) start = i;
                if (!gap && start >= 0)
                {
                    if (start > from && i - start >= MinGap) runs.Add((start, i));
                    start = -1;
                }
            }
            return runs; // a run reaching the far edge is not interior
        }
    }

    private static double Distance(Background a, Background b) => Distance(a.R, a.G, a.B, b.R, b.G, b.B);

    private static double Distance(byte r1, byte g1, byte b1, byte r2, byte g2, byte b2) =>
        Math.Sqrt(SquaredDistance(r1, g1, b1, r2, g2, b2)) / (255 * Math.Sqrt(3));

    private static int SquaredDistance(byte r1, byte g1, byte b1, byte r2, byte g2, byte b2)
    {
        int dr = r1 - r2, dg = g1 - g2, db = b1 - b2;
        return dr * dr + dg * dg + db * db;
    }

    // The distances above in squared 8-bit RGB units, for the per-pixel loops.
    private static readonly int ContentSquared = (int)Math.Pow(ContentDistance * 255 * Math.Sqrt(3), 2);
    private static readonly int UniformSquared = (int)Math.Pow(UniformDistance * 255 * Math.Sqrt(3), 2);

    /// <summary>The analysis copy: RGB flattened onto white plus alpha, at most <see cref="AnalysisLongSide"/> px.</summary>
    private sealed class WallRaster
    {
        private readonly byte[] rgb;
        private readonly byte[] alpha;

        private WallRaster(byte[] rgb, byte[] alpha, int width, int height)
        {
            this.rgb = rgb;
            this.alpha = alpha;
            Width = width;
            Height = height;
        }

        public int Width { get; }
        public int Height { get; }

        public static WallRaster? From(SKBitmap bitmap, double scale)
        {
            var w = Math.Max(1, (int)Math.Round(bitmap.Width * scale));
            var h = Math.Max(1, (int)Math.Round(bitmap.Height * scale));
            var info = new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul);
            using var small = new SKBitmap(info);
            using (var canvas = new SKCanvas(small))
            using (var image = SKImage.FromBitmap(bitmap))
            {
                canvas.Clear(SKColors.Transparent);
                canvas.DrawImage(image, SKRect.Create(w, h), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
            }
            var pixels = small.GetPixelSpan();
            if (pixels.Length < w * h * 4) return null;
            var rgb = new byte[w * h * 3];
            var alpha = new byte[w * h];
            for (var i = 0; i < w * h; i++)
            {
                var a = pixels[i * 4 + 3];
                alpha[i] = a;
                // Premultiplied colour over white.
                rgb[i * 3] = (byte)Math.Min(255, pixels[i * 4] + 255 - a);
                rgb[i * 3 + 1] = (byte)Math.Min(255, pixels[i * 4 + 1] + 255 - a);
                rgb[i * 3 + 2] = (byte)Math.Min(255, pixels[i * 4 + 2] + 255 - a);
            }
            return new WallRaster(rgb, alpha, w, h);
        }

        // Pixels that never count as foreground: long thin horizontal or vertical lines (card borders and table rules,
        // which frame logos but are not part of them and would otherwise glue a row of cards into one piece) and specks.
        private bool[]? rules;

        public void IgnoreRules(Background background, int minLength)
        {
            // The page background is asked about most: its foreground is computed once.
            var page = new bool[Width * Height];
            for (var i = 0; i < page.Length; i++) page[i] = IsForeground(i % Width, i / Width, background);
            pageMask = page;
            pageBackground = background;
            var marked = new bool[Width * Height];
            foreach (var horizontal in new[] { true, false })
            {
                int lines = horizontal ? Height : Width, length = horizontal ? Width : Height;
                for (var l = 0; l < lines; l++)
                {
                    var start = -1;
                    for (var k = 0; k <= length; k++)
                    {
                        var thin = k < length && IsThin(horizontal ? k : l, horizontal ? l : k, horizontal, background);
                        if (thin && start < 0) start = k;
                        if (thin || start < 0) continue;
                        if (k - start >= minLength)
                        {
                            for (var m = start; m < k; m++) marked[horizontal ? l * Width + m : m * Width + l] = true;
                        }
                        start = -1;
                    }
                }
            }
            // The rounded corners joining a card's borders are short arcs, not runs: grow the rules along their own
            // foreground for a few pixels so that no corner specks are left to glue cards together.
            var anyRule = Array.IndexOf(marked, true) >= 0;
            for (var round = 0; anyRule && round < RuleCornerGrowth; round++)
            {
                var grown = (bool[])marked.Clone();
                for (var y = 0; y < Height; y++)
                {
                    for (var x = 0; x < Width; x++)
                    {
                        if (marked[y * Width + x] || !IsForeground(x, y, background) || !TouchesMarked(marked, x, y)) continue;
                        grown[y * Width + x] = true;
                    }
                }
                marked = grown;
            }
            // Isolated specks (at most one foreground neighbour): where an anti-aliased card border crosses the threshold
            // at a corner, or JPEG noise; alone they would glue a row of cards into one piece.
            var specks = new List<int>();
            for (var y = 0; y < Height; y++)
            {
                for (var x = 0; x < Width; x++)
                {
                    if (marked[y * Width + x] || !IsForeground(x, y, background)) continue;
                    var neighbours = 0;
                    for (var dy = -1; dy <= 1 && neighbours < 2; dy++)
                    {
                        for (var dx = -1; dx <= 1; dx++)
                        {
                            int nx = x + dx, ny = y + dy;
                            if ((dx != 0 || dy != 0) && nx >= 0 && ny >= 0 && nx < Width && ny < Height && IsForeground(nx, ny, background)) neighbours++;
                        }
                    }
                    if (neighbours < 2) specks.Add(y * Width + x);
                }
            }
            foreach (var i in specks) marked[i] = true;
            rules = marked;
        }

        private bool TouchesMarked(bool[] marked, int x, int y)
        {
            for (var dy = -1; dy <= 1; dy++)
            {
                for (var dx = -1; dx <= 1; dx++)
                {
                    int nx = x + dx, ny = y + dy;
                    if (nx >= 0 && ny >= 0 && nx < Width && ny < Height && marked[ny * Width + nx]) return true;
                }
            }
            return false;
        }

        // Foreground with background two pixels away on both sides across the line: at most three pixels thick.
        private bool IsThin(int x, int y, bool horizontal, Background background)
        {
            if (!IsForeground(x, y, background)) return false;
            var (ax, ay, bx, by) = horizontal ? (x, y - 2, x, y + 2) : (x - 2, y, x + 2, y);
            var before = ax >= 0 && ay >= 0 && IsForeground(ax, ay, background);
            var after = bx < Width && by < Height && IsForeground(bx, by, background);
            return !before && !after;
        }

        private bool[]? pageMask;
        private Background pageBackground;

        private bool IsForeground(int x, int y, Background background)
        {
            var i = y * Width + x;
            if (rules is not null && rules[i]) return false;
            if (pageMask is not null && background == pageBackground) return pageMask[i];
            if (background.Transparent) return alpha[i] >= OpaqueAlpha;
            // Against a colour, transparency is never content: the rounded corners of a plate that fills the image.
            if (alpha[i] < OpaqueAlpha) return false;
            return SquaredDistance(rgb[i * 3], rgb[i * 3 + 1], rgb[i * 3 + 2], background.R, background.G, background.B) > ContentSquared;
        }

        /// <summary>The bounding box of the foreground within <paramref name="box"/>, or null when there is none.</summary>
        public Box? Trim(Box box, Background background)
        {
            int minX = int.MaxValue, minY = int.MaxValue, maxX = -1, maxY = -1;
            for (var y = box.Y; y < box.Bottom; y++)
            {
                for (var x = box.X; x < box.Right; x++)
                {
                    if (!IsForeground(x, y, background)) continue;
                    if (x < minX) minX = x;
                    if (x > maxX) maxX = x;
                    if (y < minY) minY = y;
                    if (y > maxY) maxY = y;
                }
            }
            return maxX < 0 ? null : new Box(minX, minY, maxX - minX + 1, maxY - minY + 1);
        }

        /// <summary>
        /// Whether line <paramref name="index"/> (a column when <paramref name="vertical"/>) across <paramref name="box"/>
        /// is a gap: background but for specks, or one uniform colour (a border, the inside of touching cards).
        /// </summary>
        public bool IsGapLine(Box box, int index, bool vertical, Background background) =>
            Classify(box, index, vertical, background) != LineKind.Content;

        public LineKind Classify(Box box, int index, bool vertical, Background background)
        {
            var length = vertical ? box.Height : box.Width;
            var tolerated = (int)(GapNoiseShare * length);
            var foreground = 0;
            for (var k = 0; k < length && foreground <= tolerated; k++)
            {
                var (x, y) = vertical ? (index, box.Y + k) : (box.X + k, index);
                if (IsForeground(x, y, background)) foreground++;
            }
            if (foreground <= tolerated) return LineKind.Background;
            if (background.Transparent) return LineKind.Content;
            // One colour all along: compare with the line's first-quartile pixel, then count the misfits.
            var (fx, fy) = vertical ? (index, box.Y + length / 4) : (box.X + length / 4, index);
            var i0 = (fy * Width + fx) * 3;
            byte r = rgb[i0], g = rgb[i0 + 1], b = rgb[i0 + 2];
            var misfits = 0;
            var allowed = (int)((1 - UniformLineShare) * length);
            for (var k = 0; k < length; k++)
            {
                var (x, y) = vertical ? (index, box.Y + k) : (box.X + k, index);
                var i = (y * Width + x) * 3;
                if (SquaredDistance(rgb[i], rgb[i + 1], rgb[i + 2], r, g, b) > UniformSquared && ++misfits > allowed) return LineKind.Content;
            }
            return LineKind.Uniform;
        }

        /// <summary>The median colour of the box's edge if at least <paramref name="share"/> of the edge is close to it; transparency when most of the edge is transparent.</summary>
        public Background? RingBackground(Box box, double share)
        {
            var ring = new List<int>(2 * (box.Width + box.Height));
            for (var x = box.X; x < box.Right; x++)
            {
                ring.Add(box.Y * Width + x);
                ring.Add((box.Bottom - 1) * Width + x);
            }
            for (var y = box.Y + 1; y < box.Bottom - 1; y++)
            {
                ring.Add(y * Width + box.X);
                ring.Add(y * Width + box.Right - 1);
            }
            if (ring.Count == 0) return null;
            if (ring.Count(i => alpha[i] < 128) >= share * ring.Count) return new Background(255, 255, 255, true);
            var median = new Background(Median(ring, 0), Median(ring, 1), Median(ring, 2), false);
            var close = ring.Count(i => Distance(rgb[i * 3], rgb[i * 3 + 1], rgb[i * 3 + 2], median.R, median.G, median.B) <= ContentDistance / 2);
            return close >= share * ring.Count ? median : null;
        }

        private byte Median(List<int> indices, int channel)
        {
            Span<int> histogram = stackalloc int[256];
            foreach (var i in indices) histogram[rgb[i * 3 + channel]]++;
            var half = indices.Count / 2;
            for (int v = 0, seen = 0; v < 256; v++)
            {
                seen += histogram[v];
                if (seen > half) return (byte)v;
            }
            return 255;
        }
    }
}
