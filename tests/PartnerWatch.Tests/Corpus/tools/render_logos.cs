#:package SkiaSharp@4.155.0
#:package SkiaSharp.NativeAssets.Linux@4.155.0
#:package Svg.Skia@5.2.3
#:property ManagePackageVersionsCentrally=false

// Renders corpus reference logos (Corpus/refs) into the variants web pages show, for the image-only corpus sites.
//   dotnet run tests/PartnerWatch.Tests/Corpus/tools/render_logos.cs -- VARIANT REF OUT [VARIANT REF OUT ...]
// VARIANT: size:N (PNG, longer side N px), jpeg:Q, grayscale, white-on-dark, inverted, padded-card, colored-bg,
// gif, webp, png. The drawing logic is a copy of tests/.../Detect/Logos/LogoVariants.cs (not referenced: this is a
// standalone tool and must not pull in the test project). Every output is kept small (< 20 KB) so the repo stays light.
using SkiaSharp;
using Svg.Skia;

if (args.Length == 0 || args.Length % 3 != 0)
{
    Console.Error.WriteLine("usage: render_logos.cs -- VARIANT REF OUT [VARIANT REF OUT ...]");
    return 2;
}

const int MaxBytes = 20 * 1024;
var failed = 0;
for (var i = 0; i < args.Length; i += 3)
{
    var (variant, reference, output) = (args[i], args[i + 1], args[i + 2]);
    try
    {
        var bytes = Variants.Make(reference, variant);
        if (bytes.Length >= MaxBytes)
        {
            throw new InvalidOperationException($"{bytes.Length} bytes, over the {MaxBytes}-byte budget");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.WriteAllBytes(output, bytes);
        Console.WriteLine($"{output}: {variant} of {reference}, {bytes.Length} bytes");
    }
    catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException or FormatException)
    {
        Console.Error.WriteLine($"{output}: cannot render {variant} of {reference}: {e.Message}");
        failed++;
    }
}

return failed == 0 ? 0 : 1;

internal static class Variants
{
    private const int DisplaySize = 160;

    public static byte[] Make(string reference, string variant) => variant switch
    {
        _ when variant.StartsWith("size:", StringComparison.Ordinal) => Png(Render(reference, int.Parse(variant[5..], System.Globalization.CultureInfo.InvariantCulture))),
        _ when variant.StartsWith("jpeg:", StringComparison.Ordinal) => Jpeg(OnBackground(Render(reference, DisplaySize), SKColors.White), int.Parse(variant[5..], System.Globalization.CultureInfo.InvariantCulture)),
        "png" => Png(Render(reference, DisplaySize)),
        "gif" => Gif.Encode(Render(reference, DisplaySize)),
        "webp" => Encode(Render(reference, DisplaySize), SKEncodedImageFormat.Webp, 75),
        "grayscale" => Png(Map(OnBackground(Render(reference, DisplaySize), SKColors.White), Gray)),
        "white-on-dark" => Png(Padded(Silhouette(Render(reference, DisplaySize), SKColors.White), 14, new SKColor(0x1e, 0x29, 0x3b))),
        "inverted" => Png(Map(OnBackground(Render(reference, DisplaySize), SKColors.White), c => new SKColor((byte)(255 - c.Red), (byte)(255 - c.Green), (byte)(255 - c.Blue)))),
        "padded-card" => Png(Card(Render(reference, DisplaySize))),
        "colored-bg" => Png(Padded(Render(reference, DisplaySize), 10, new SKColor(0xe0, 0xf2, 0xfe))),
        _ => throw new ArgumentException($"unknown variant '{variant}'"),
    };

    private static SKBitmap Render(string path, int longSide)
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

    private static byte[] Png(SKBitmap bitmap) => Encode(bitmap, SKEncodedImageFormat.Png, 100);

    private static byte[] Jpeg(SKBitmap bitmap, int quality) => Encode(bitmap, SKEncodedImageFormat.Jpeg, quality);

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using (bitmap)
        {
            using var image = SKImage.FromBitmap(bitmap);
            using var data = image.Encode(format, quality) ?? throw new InvalidOperationException($"SkiaSharp cannot encode {format}");
            return data.ToArray();
        }
    }

    private static SKBitmap OnBackground(SKBitmap logo, SKColor background) => Padded(logo, 0, background);

    private static SKBitmap Padded(SKBitmap logo, int padding, SKColor background)
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

    // A partner-wall card: white, rounded, grey border, generous padding, on a light grey page.
    private static SKBitmap Card(SKBitmap logo)
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

    // Every opaque pixel in one colour, keeping alpha: the monochrome logo sites use on dark bands.
    private static SKBitmap Silhouette(SKBitmap logo, SKColor colour) =>
        Map(logo, c => new SKColor(colour.Red, colour.Green, colour.Blue, c.Alpha));

    private static SKColor Gray(SKColor c)
    {
        var l = (byte)Math.Round(0.299 * c.Red + 0.587 * c.Green + 0.114 * c.Blue);
        return new SKColor(l, l, l, c.Alpha);
    }

    private static SKBitmap Map(SKBitmap source, Func<SKColor, SKColor> map)
    {
        using (source)
        {
            var result = new SKBitmap(new SKImageInfo(source.Width, source.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
            for (var y = 0; y < source.Height; y++)
            {
                for (var x = 0; x < source.Width; x++)
                {
                    result.SetPixel(x, y, map(source.GetPixel(x, y)));
                }
            }

            return result;
        }
    }
}

// Minimal GIF89a encoder (web-safe 216-colour palette, 1-bit transparency): SkiaSharp decodes GIF but cannot encode
// it. LZW codes are emitted uncompressed; a clear code every 254 pixels keeps the code width at 9 bits.
internal static class Gif
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
            output.WriteByte(0xF7);
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
            output.Write([0x21, 0xF9, 4, 1, 0, 0, transparent, 0]);
            output.WriteByte(0x2C);
            WriteShort(output, 0);
            WriteShort(output, 0);
            WriteShort(output, w);
            WriteShort(output, h);
            output.WriteByte(0);
            output.WriteByte(8);
            var bits = new List<byte>();
            int current = 0, used = 0, sinceClear = 0;
            void Write(int code)
            {
                for (var b = 0; b < 9; b++)
                {
                    current |= ((code >> b) & 1) << used;
                    if (++used == 8)
                    {
                        bits.Add((byte)current);
                        current = 0;
                        used = 0;
                    }
                }
            }

            const int clear = 256, end = 257;
            Write(clear);
            for (var y = 0; y < h; y++)
            {
                for (var x = 0; x < w; x++)
                {
                    var c = bitmap.GetPixel(x, y);
                    Write(c.Alpha < 128 ? transparent
                        : (int)Math.Round(c.Red / 51.0) * 36 + (int)Math.Round(c.Green / 51.0) * 6 + (int)Math.Round(c.Blue / 51.0));
                    if (++sinceClear == 254)
                    {
                        Write(clear);
                        sinceClear = 0;
                    }
                }
            }

            Write(end);
            if (used > 0)
            {
                bits.Add((byte)current);
            }

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
}
