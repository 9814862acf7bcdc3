using SkiaSharp;

namespace PartnerWatch.Detect.Logos;

internal static partial class PartnerWallSplitter
{
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
