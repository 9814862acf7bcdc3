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
internal static partial class PartnerWallSplitter
{
    /// <summary>Below this many pixels on its longer side an image is one logo, not a wall.</summary>
    public const int MinLongSide = 200;
    /// <summary>
    /// Tiles fingerprinted per image at most: a one-image wall of 30–60 logos yields one tile per logo (some logos two:
    /// emblem and wordmark) plus the few unions kept around narrow cuts.
    /// </summary>
    public const int MaxTiles = 64;
    /// <summary>Tiles with a shorter side below this (decoded pixels) are dropped: specks, separators, a ® sign.</summary>
    public const int MinTileSide = 12;

    private const int AnalysisLongSide = 512;
    private const int MaxRegions = 256;
    private const int MaxLeaves = 128;
    private const int MaxDepth = 24;
    private const double MaxUnionShare = 0.25;   // of the wall's content area: a piece larger than this is a group of logos
    private const double BandAspect = 3.0;       // a framed region this elongated and large is a band of logos, not a plate
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

    /// <summary>Whether an image of this size (decoded pixels) can be a wall at all.</summary>
    public static bool MayBeWall(int width, int height) => Math.Max(width, height) >= MinLongSide && Math.Min(width, height) >= MinTileSide;

    /// <summary>
    /// The logo tiles of <paramref name="bitmap"/> in its own pixel coordinates (each with a small margin of its
    /// background), largest first; empty when the image is not a wall of several logos.
    /// </summary>
    public static IReadOnlyList<SKRectI> Split(SKBitmap bitmap)
    {
        if (!MayBeWall(bitmap.Width, bitmap.Height)) return [];
        var scale = Math.Min(1.0, (double)AnalysisLongSide / Math.Max(bitmap.Width, bitmap.Height));
        var raster = WallRaster.From(bitmap, scale);
        if (raster is null) return [];
        // The smallest tile in analysis pixels: a piece smaller than that is not cut off its neighbour.
        var minPieceSide = Math.Max(2, (int)(MinTileSide * raster.Width / (double)bitmap.Width));
        var leaves = new Splitter(raster, minPieceSide).Run();
        if (leaves is null) return [];

        var factorX = (double)bitmap.Width / raster.Width;
        var factorY = (double)bitmap.Height / raster.Height;
        var tiles = new List<(SKRectI Rect, bool Union)>();
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
            if (tile.Width >= MinTileSide && tile.Height >= MinTileSide && !tiles.Any(t => t.Rect == tile)) tiles.Add((tile, leaf.Union));
        }
        if (tiles.Count < 2) return [];
        // A tile that is (nearly) the whole image says nothing the whole image does not.
        tiles.RemoveAll(t => t.Rect.Width * (long)t.Rect.Height > 0.9 * bitmap.Width * (long)bitmap.Height);
        // Pieces first (largest first), then the unions kept around narrow cuts (smallest first: an emblem with its
        // wordmark before a group): on a wall of 30 logos the cap must not fall on the logos themselves.
        return tiles.Count < 2 ? [] : tiles.OrderBy(t => t.Union).ThenBy(t => (t.Union ? 1 : -1) * t.Rect.Width * (long)t.Rect.Height)
            .Take(MaxTiles).Select(t => t.Rect).ToList();
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
            // A band across the wall (a dark strip behind a row of white logos) is framed by its own colour like a card,
            // but it is far larger and more elongated than one logo: it is split like a wall of its own.
            if (IsBand(content) && raster.RingBackground(content, 0.85) is { Transparent: false } band &&
                (background.Transparent || Distance(band, background) >= ContentDistance) &&
                raster.Trim(content, band) is { } row && row != content && BestCut(row, band) is { } bandCut)
            {
                return SplitAt(row, content, band, bandCut, depth);
            }
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
            if (!cut.Strong && content.Width * (long)content.Height <= MaxUnionShare * rootArea)
                leaves.Add(new Leaf(content, cell, true));
            return leaves;
        }

        private bool IsBand(Box content) =>
            content.Width * (long)content.Height > MaxUnionShare * rootArea &&
            Math.Max(content.Width, content.Height) >= BandAspect * content.ShortSide &&
            content.Width * (long)content.Height < 0.8 * raster.Width * (long)raster.Height;

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
}
