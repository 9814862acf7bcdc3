using SkiaSharp;
using Svg.Skia;

namespace PartnerWatch.Tests.Detect.Logos;

/// <summary>How a page might show a reference logo; each one is a column of the recall table in docs/logo-matching.md.</summary>
public enum LogoTransformation
{
    Size24, Size28, Size32, Size40, Size48, Size120, Size400, Size800,
    Jpeg40, Jpeg60, Jpeg90,
    Gif, WebP, Grayscale, WhiteOnDark, Inverted, PaddedCard, ColoredBackground,
}

/// <summary>
/// Makes labelled logo variants from a reference file, the way web pages show logos. Shared with the benchmark
/// project (linked source) so the ROC in the docs is measured on exactly what the tests check.
/// </summary>
public static class LogoVariants
{
    /// <summary>Longer side, in pixels, of variants whose transformation is not about size (a typical partner wall).</summary>
    public const int DisplaySize = 160;

    /// <summary>
    /// The same variants by name, with free sizes and qualities (<c>size:N</c>, <c>jpeg:Q</c>, <c>png</c>, <c>gif</c>,
    /// <c>webp</c>, <c>grayscale</c>, <c>white-on-dark</c>, <c>inverted</c>, <c>padded-card</c>, <c>colored-bg</c>), for the
    /// corpus generator (benchmarks' <c>render</c> mode).
    /// </summary>
    public static byte[] Make(string referencePath, string variant)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        return variant switch
        {
            _ when variant.StartsWith("size:", StringComparison.Ordinal) => Png(Render(referencePath, int.Parse(variant[5..], culture))),
            _ when variant.StartsWith("jpeg:", StringComparison.Ordinal) =>
                Jpeg(OnBackground(Render(referencePath, DisplaySize), SKColors.White), int.Parse(variant[5..], culture)),
            "png" => Png(Render(referencePath, DisplaySize)),
            "gif" => Make(referencePath, LogoTransformation.Gif),
            "webp" => Make(referencePath, LogoTransformation.WebP),
            "grayscale" => Make(referencePath, LogoTransformation.Grayscale),
            "white-on-dark" => Make(referencePath, LogoTransformation.WhiteOnDark),
            "inverted" => Make(referencePath, LogoTransformation.Inverted),
            "padded-card" => Make(referencePath, LogoTransformation.PaddedCard),
            "colored-bg" => Make(referencePath, LogoTransformation.ColoredBackground),
            _ => throw new ArgumentException($"unknown variant '{variant}'"),
        };
    }

    public static byte[] Make(string referencePath, LogoTransformation transformation)
    {
        return transformation switch
        {
            LogoTransformation.Size24 => Png(Render(referencePath, 24)),
            LogoTransformation.Size28 => Png(Render(referencePath, 28)),
            LogoTransformation.Size32 => Png(Render(referencePath, 32)),
            LogoTransformation.Size40 => Png(Render(referencePath, 40)),
            LogoTransformation.Size48 => Png(Render(referencePath, 48)),
            LogoTransformation.Size120 => Png(Render(referencePath, 120)),
            LogoTransformation.Size400 => Png(Render(referencePath, 400)),
            LogoTransformation.Size800 => Png(Render(referencePath, 800)),
            LogoTransformation.Jpeg40 => Jpeg(OnBackground(Render(referencePath, DisplaySize), SKColors.White), 40),
            LogoTransformation.Jpeg60 => Jpeg(OnBackground(Render(referencePath, DisplaySize), SKColors.White), 60),
            LogoTransformation.Jpeg90 => Jpeg(OnBackground(Render(referencePath, DisplaySize), SKColors.White), 90),
            LogoTransformation.Gif => GifEncoder.Encode(Render(referencePath, DisplaySize)),
            LogoTransformation.WebP => Encode(Render(referencePath, DisplaySize), SKEncodedImageFormat.Webp, 75),
            LogoTransformation.Grayscale => Png(Map(OnBackground(Render(referencePath, DisplaySize), SKColors.White), Gray)),
            LogoTransformation.WhiteOnDark => Png(Padded(Silhouette(Render(referencePath, DisplaySize), SKColors.White), 14, new SKColor(0x1e, 0x29, 0x3b))),
            LogoTransformation.Inverted => Png(Map(OnBackground(Render(referencePath, DisplaySize), SKColors.White), c => new SKColor((byte)(255 - c.Red), (byte)(255 - c.Green), (byte)(255 - c.Blue)))),
            LogoTransformation.PaddedCard => Png(Card(Render(referencePath, DisplaySize))),
            LogoTransformation.ColoredBackground => Png(Padded(Render(referencePath, DisplaySize), 10, new SKColor(0xe0, 0xf2, 0xfe))),
            _ => throw new ArgumentOutOfRangeException(nameof(transformation)),
        };
    }

    /// <summary>The reference drawn with transparency so that its longer side is <paramref name="longSide"/> pixels.</summary>
    public static SKBitmap Render(string path, int longSide)
    {
        if (path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
        {
            using var svg = new SKSvg();
            var picture = svg.Load(path) ?? throw new InvalidOperationException($"cannot render {path}");
            var bounds = picture.CullRect;
            var scale = longSide / Math.Max(bounds.Width, bounds.Height);
            var bitmap = new SKBitmap(new SKImageInfo(Math.Max(1, (int)Math.Round(bounds.Width * scale)), Math.Max(1, (int)Math.Round(bounds.Height * scale)), SKColorType.Rgba8888, SKAlphaType.Premul));
            using var canvas = new SKCanvas(bitmap);
            canvas.Clear(SKColors.Transparent);
            canvas.Scale(scale);
            canvas.Translate(-bounds.Left, -bounds.Top);
            canvas.DrawPicture(picture);
            return bitmap;
        }
        using var source = SKBitmap.Decode(path) ?? throw new InvalidOperationException($"cannot decode {path}");
        var s = (float)longSide / Math.Max(source.Width, source.Height);
        var info = new SKImageInfo(Math.Max(1, (int)Math.Round(source.Width * s)), Math.Max(1, (int)Math.Round(source.Height * s)), SKColorType.Rgba8888, SKAlphaType.Premul);
        return source.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
    }

    public static byte[] Png(SKBitmap bitmap) => Encode(bitmap, SKEncodedImageFormat.Png, 100);

    public static byte[] Jpeg(SKBitmap bitmap, int quality) => Encode(bitmap, SKEncodedImageFormat.Jpeg, quality);

    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using (bitmap)
        {
            using var image = SKImage.FromBitmap(bitmap);
            using var data = image.Encode(format, quality) ?? throw new InvalidOperationException($"SkiaSharp cannot encode {format}");
            return data.ToArray();
        }
    }

    public static SKBitmap OnBackground(SKBitmap logo, SKColor background) => Padded(logo, 0, background);

    /// <summary>The logo with <paramref name="padding"/> pixels around it, on an opaque background.</summary>
    public static SKBitmap Padded(SKBitmap logo, int padding, SKColor background)
    {
        using (logo)
        {
            var result = new SKBitmap(new SKImageInfo(logo.Width + 2 * padding, logo.Height + 2 * padding, SKColorType.Rgba8888, SKAlphaType.Premul));
            using var canvas = new SKCanvas(result);
            canvas.Clear(background);
            canvas.DrawBitmap(logo, padding, padding, new SKSamplingOptions(SKFilterMode.Nearest), null);
            return result;
        }
    }

    /// <summary>A partner-wall card: white, rounded, grey border, generous padding, on a light grey page.</summary>
    public static SKBitmap Card(SKBitmap logo)
    {
        using (logo)
        {
            const int margin = 12, padding = 28;
            var result = new SKBitmap(new SKImageInfo(logo.Width + 2 * (margin + padding), logo.Height + 2 * (margin + padding), SKColorType.Rgba8888, SKAlphaType.Premul));
            using var canvas = new SKCanvas(result);
            canvas.Clear(new SKColor(0xf1, 0xf5, 0xf9));
            var card = SKRect.Create(margin, margin, logo.Width + 2 * padding, logo.Height + 2 * padding);
            using var fill = new SKPaint { Color = SKColors.White, IsAntialias = true };
            using var border = new SKPaint { Color = new SKColor(0xd0, 0xd7, 0xde), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
            canvas.DrawRoundRect(card, 8, 8, fill);
            canvas.DrawRoundRect(card, 8, 8, border);
            canvas.DrawBitmap(logo, margin + padding, margin + padding, new SKSamplingOptions(SKFilterMode.Nearest), null);
            return result;
        }
    }

    /// <summary>Every opaque pixel in one colour, keeping alpha: the monochrome logo sites use on dark bands.</summary>
    public static SKBitmap Silhouette(SKBitmap logo, SKColor colour) =>
        Map(logo, c => new SKColor(colour.Red, colour.Green, colour.Blue, c.Alpha));

    private static SKColor Gray(SKColor c)
    {
        var l = (byte)Math.Round(0.299 * c.Red + 0.587 * c.Green + 0.114 * c.Blue);
        return new SKColor(l, l, l, c.Alpha);
    }

    public static SKBitmap Map(SKBitmap source, Func<SKColor, SKColor> map)
    {
        using (source)
        {
            var result = new SKBitmap(new SKImageInfo(source.Width, source.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
            for (var y = 0; y < source.Height; y++)
            {
                for (var x = 0; x < source.Width; x++) result.SetPixel(x, y, map(source.GetPixel(x, y)));
            }
            return result;
        }
    }
}

/// <summary>
/// A minimal GIF89a encoder (web-safe 216-colour palette, 1-bit transparency) — SkiaSharp decodes GIF but cannot
/// encode it. LZW codes are emitted uncompressed: a clear code every 254 pixels keeps the code width at 9 bits.
/// </summary>
public static class GifEncoder
{
    public static byte[] Encode(SKBitmap bitmap)
    {
        using (bitmap)
        {
            using var output = new MemoryStream();
            var w = bitmap.Width;
            var h = bitmap.Height;
            output.Write("GIF89a"u8);
            WriteShort(output, w);
            WriteShort(output, h);
            output.WriteByte(0xF7); // global colour table, 8 bits, 256 entries
            output.WriteByte(0);
            output.WriteByte(0);
            for (var i = 0; i < 256; i++)
            {
                var (r, g, b) = i < 216 ? (i / 36 * 51, i / 6 % 6 * 51, i % 6 * 51) : (0, 0, 0);
                output.WriteByte((byte)r);
                output.WriteByte((byte)g);
                output.WriteByte((byte)b);
            }
            const int transparent = 255;
            output.Write([0x21, 0xF9, 4, 1, 0, 0, transparent, 0]); // graphic control extension
            output.WriteByte(0x2C);
            WriteShort(output, 0);
            WriteShort(output, 0);
            WriteShort(output, w);
            WriteShort(output, h);
            output.WriteByte(0);
            output.WriteByte(8); // LZW minimum code size
            var bits = new BitWriter();
            const int clear = 256, end = 257;
            var sinceClear = 0;
            bits.Write(clear, 9);
            for (var y = 0; y < h; y++)
            {
                for (var x = 0; x < w; x++)
                {
                    var c = bitmap.GetPixel(x, y);
                    var index = c.Alpha < 128 ? transparent
                        : (int)Math.Round(c.Red / 51.0) * 36 + (int)Math.Round(c.Green / 51.0) * 6 + (int)Math.Round(c.Blue / 51.0);
                    bits.Write(index, 9);
                    if (++sinceClear == 254)
                    {
                        bits.Write(clear, 9);
                        sinceClear = 0;
                    }
                }
            }
            bits.Write(end, 9);
            var data = bits.ToArray();
            for (var offset = 0; offset < data.Length; offset += 255)
            {
                var n = Math.Min(255, data.Length - offset);
                output.WriteByte((byte)n);
                output.Write(data, offset, n);
            }
            output.WriteByte(0);
            output.WriteByte(0x3B);
            return output.ToArray();
        }
    }

    private static void WriteShort(Stream s, int v)
    {
        s.WriteByte((byte)(v & 0xFF));
        s.WriteByte((byte)(v >> 8));
    }

    private sealed class BitWriter
    {
        private readonly List<byte> bytes = [];
        private int current;
        private int used;

        public void Write(int code, int width)
        {
            for (var i = 0; i < width; i++)
            {
                current |= ((code >> i) & 1) << used;
                if (++used == 8)
                {
                    bytes.Add((byte)current);
                    current = 0;
                    used = 0;
                }
            }
        }

        public byte[] ToArray()
        {
            if (used > 0) bytes.Add((byte)current);
            return [.. bytes];
        }
    }
}
