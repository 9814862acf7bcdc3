using System.Buffers;
using System.Text;
using System.Xml;
using PartnerWatch.Config;
using SkiaSharp;
using Svg.Skia;

namespace PartnerWatch.Detect.Logos;

/// <summary>Caps that keep hostile images from exhausting memory or CPU.</summary>
public sealed record LogoDecodeLimits(long MaxBytes, long MaxPixels = LogoDecodeLimits.DefaultMaxPixels)
{
    /// <summary>
    /// 16 megapixels (64 MB as RGBA): far above any logo, far below a decompression bomb. PNG and GIF decode at full
    /// size, so this is also the worst case of one decode in memory.
    /// </summary>
    public const long DefaultMaxPixels = 16_000_000;
}

/// <summary>
/// Decodes untrusted image bytes (PNG, JPEG, GIF first frame, WebP, BMP, ICO via SkiaSharp; SVG via Svg.Skia) into
/// fingerprints. The format is sniffed from the bytes, the byte and pixel caps are checked from the header before any
/// pixel is decoded, and SVG is sanitised first. Stateless and thread-safe.
/// </summary>
public sealed class LogoImageDecoder(LogoDecodeLimits limits)
{
    private static readonly (byte R, byte G, byte B) White = (255, 255, 255);

    public LogoImageDecoder(PartnerWatchOptions options) : this(new LogoDecodeLimits(options.Fetch.MaxImageBytes)) { }

    public LogoDecodeLimits Limits => limits;

    /// <summary>The fingerprint of an image seen on a page, with the tiles of every image that may be a wall of logos.</summary>
    public ImageFingerprint? TryFingerprint(ReadOnlySpan<byte> bytes, out string? rejectReason) =>
        TryFingerprint(bytes, reference: false, splitWall: null, out rejectReason);

    /// <summary>The fingerprint of an image seen on a page.</summary>
    /// <param name="splitWall">
    /// Asked with the whole image's fingerprint, when the image is large enough to be a wall of logos: whether to cut it
    /// into tiles. The matcher cuts only an image that matches nothing whole — cutting every 200–600 px image (single logos,
    /// icon + wordmark lock-ups) was 44 % of a scan's CPU (issue 12). An image not cut for that reason is marked
    /// <see cref="ImageFingerprint.WallSplitSkipped"/>. Null cuts every candidate.
    /// </param>
    public ImageFingerprint? TryFingerprint(ReadOnlySpan<byte> bytes, Func<ImageFingerprint, bool>? splitWall, out string? rejectReason) =>
        TryFingerprint(bytes, reference: false, splitWall, out rejectReason);

    private ImageFingerprint? TryFingerprint(ReadOnlySpan<byte> bytes, bool reference, Func<ImageFingerprint, bool>? splitWall, out string? rejectReason)
    {
        rejectReason = null;
        if (bytes.Length == 0)
        {
            rejectReason = "empty image";
            return null;
        }
        if (bytes.Length > limits.MaxBytes)
        {
            rejectReason = $"image is larger than {limits.MaxBytes} bytes";
            return null;
        }
        var format = ImageFormatSniffer.Sniff(bytes);
        try
        {
            return format switch
            {
                SniffedImageFormat.Unknown => Reject("not a recognised image format (PNG, JPEG, GIF, WebP, BMP, ICO, SVG)", out rejectReason),
                SniffedImageFormat.Svg => FingerprintSvg(DecodeText(bytes), reference ? MapPolicy.Reference : MapPolicy.None, out rejectReason),
                _ => FingerprintRaster(bytes, format, reference, splitWall, out rejectReason),
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Codec and SVG library failures on malformed input must not take the scan down.
            rejectReason = $"{format} could not be decoded: {e.Message}";
            return null;
        }
    }

    /// <summary>
    /// Long sides at which reference logos are also rendered: a 32 px wordmark on a page is a blur of 4-pixel-tall
    /// letters, and it resembles the reference drawn at 32 px far more than the crisp reference scaled up.
    /// </summary>
    public static readonly IReadOnlyList<int> SmallRenderingSizes = [20, 24, 29, 35, 41, 50, 60, 72, 86, 104, 124];

    /// <summary>
    /// The fingerprint of a reference logo: its own variants plus variants of it rendered small
    /// (<see cref="SmallRenderingSizes"/>), tagged with the rendered size so that they are only compared with images
    /// shown at a similar size (<see cref="LogoMatchThresholds.SizesAgree"/>).
    /// </summary>
    public ImageFingerprint? TryFingerprintReference(ReadOnlySpan<byte> bytes, out string? rejectReason)
    {
        var fingerprint = TryFingerprint(bytes, reference: true, splitWall: null, out rejectReason);
        if (fingerprint is null) return null;
        var variants = new List<FingerprintVariant>(fingerprint.Variants);
        var format = ImageFormatSniffer.Sniff(bytes);
        // An SVG is sanitised and parsed, a raster decoded, once for all its small renderings.
        SKSvg? svg = null;
        SKPicture? picture = null;
        SKBitmap? source = null;
        try
        {
            if (format == SniffedImageFormat.Svg) svg = LoadSvg(DecodeText(bytes), out picture, out _);
            else source = DecodeFull(bytes);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // It decoded a moment ago; without a picture or bitmap the small renderings are skipped below.
        }
        using var ownsPicture = svg;
        using var ownsSource = source;
        foreach (var side in SmallRenderingSizes)
        {
            // A raster reference is not enlarged: a 40 px reference drawn at 48 px says nothing new.
            if (format != SniffedImageFormat.Svg && side >= Math.Max(fingerprint.Width, fingerprint.Height)) continue;
            if (picture is null && source is null) break;
            try
            {
                using var small = format == SniffedImageFormat.Svg ? RenderSvgSmall(picture!, side) : RenderRasterSmall(source!, side);
                if (small is null) continue;
                var rendered = Finish(small, SKCodecResult.Success, format, small.Info, MapPolicy.None, out _, silhouette: true);
                if (rendered is null) continue;
                variants.AddRange(rendered.Variants.Select(v => v with { RenderedLongSide = side }));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The reference itself decoded; a failed small rendering only costs recall at that size.
            }
        }
        return fingerprint with { Variants = variants };
    }

    private static SKBitmap RenderSvgSmall(SKPicture picture, int longSide)
    {
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

    // Called only after TryFingerprint accepted the same bytes, so the byte and pixel caps already hold.
    private static SKBitmap? DecodeFull(ReadOnlySpan<byte> bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        return SKBitmap.Decode(data);
    }

    private static SKBitmap? RenderRasterSmall(SKBitmap source, int longSide)
    {
        var scale = (float)longSide / Math.Max(source.Width, source.Height);
        var info = new SKImageInfo(Math.Max(1, (int)Math.Round(source.Width * scale)), Math.Max(1, (int)Math.Round(source.Height * scale)), SKColorType.Rgba8888, SKAlphaType.Premul);
        return source.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
    }

    public ImageFingerprint? TryFingerprintSvgMarkup(string svgMarkup, out string? rejectReason)
    {
        try
        {
            return FingerprintSvg(svgMarkup, MapPolicy.None, out rejectReason);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            rejectReason = $"SVG could not be rendered: {e.Message}";
            return null;
        }
    }

    /// <summary>
    /// The fingerprint of the part of a raster sheet that a CSS sprite shows (<see cref="SpriteRegion"/>): the sheet is
    /// decoded at full size (within the caps), the part cropped and fingerprinted like a whole image. SVG sheets are
    /// rejected (the caller then matches the whole sheet).
    /// </summary>
    public ImageFingerprint? TryFingerprintPart(ReadOnlySpan<byte> bytes, SpriteRegion part, out string? rejectReason)
    {
        rejectReason = null;
        if (bytes.Length == 0 || bytes.Length > limits.MaxBytes) return Reject(bytes.Length == 0 ? "empty image" : $"image is larger than {limits.MaxBytes} bytes", out rejectReason);
        var format = ImageFormatSniffer.Sniff(bytes);
        if (format is SniffedImageFormat.Unknown or SniffedImageFormat.Svg) return Reject($"{format} sprite sheets are matched whole", out rejectReason);
        try
        {
            using var data = SKData.CreateCopy(bytes);
            using var codec = SKCodec.Create(data);
            if (codec is null) return Reject($"{format} header is corrupt", out rejectReason);
            var info = codec.Info;
            if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > limits.MaxPixels)
                return Reject($"{format} is {info.Width}×{info.Height} pixels, outside the {limits.MaxPixels / 1_000_000} MP cap", out rejectReason);
            if (part.InSheet(info.Width, info.Height) is not { } rect) return Reject("the sprite position lies outside the sheet", out rejectReason);
            var decodeInfo = new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
            using var sheet = new SKBitmap(decodeInfo);
            var result = codec.GetPixels(decodeInfo, sheet.GetPixels());
            if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput)) return Reject($"{format} could not be decoded ({result})", out rejectReason);
            using var image = SKImage.FromBitmap(sheet);
            using var crop = Crop(image, rect);
            return Finish(crop, SKCodecResult.Success, format, new SKImageInfo(rect.Width, rect.Height, info.ColorType, info.AlphaType), maps: null, out rejectReason);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            rejectReason = $"{format} could not be decoded: {e.Message}";
            return null;
        }
    }

    private static ImageFingerprint? Reject(string reason, out string? rejectReason)
    {
        rejectReason = reason;
        return null;
    }

    private static string DecodeText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        return Encoding.UTF8.GetString(bytes);
    }

    private ImageFingerprint? FingerprintRaster(ReadOnlySpan<byte> bytes, SniffedImageFormat format, bool reference, Func<ImageFingerprint, bool>? splitWall, out string? rejectReason)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null) return Reject($"{format} header is corrupt", out rejectReason);
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0) return Reject($"{format} has no pixels", out rejectReason);
        if ((long)info.Width * info.Height > limits.MaxPixels)
        {
            return Reject($"{format} is {info.Width}×{info.Height} pixels, more than the {limits.MaxPixels / 1_000_000} MP cap", out rejectReason);
        }
        // JPEG and WebP can decode at a fraction of full size, which keeps big photos cheap.
        var scale = Math.Min(1f, 1024f / Math.Max(info.Width, info.Height));
        var size = scale < 1f ? codec.GetScaledDimensions(scale) : new SKSizeI(info.Width, info.Height);
        var decodeInfo = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(decodeInfo);
        var result = codec.GetPixels(decodeInfo, bitmap.GetPixels());
        if (result == SKCodecResult.InvalidScale)
        {
            decodeInfo = new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
            using var full = new SKBitmap(decodeInfo);
            result = codec.GetPixels(decodeInfo, full.GetPixels());
            var fullFingerprint = Finish(full, result, format, info, reference ? MapPolicy.Reference : null, out rejectReason, silhouette: reference);
            return reference ? fullFingerprint : WithWallParts(fullFingerprint, full, format, info, splitWall);
        }
        // A photo holds no logo the hash could find (no background to trim) and is never a wall: not fingerprinted (PhotoFilter).
        if (!reference && result is (SKCodecResult.Success or SKCodecResult.IncompleteInput) && !HasTransparency(bitmap) && PhotoFilter.IsPhoto(bitmap))
            return Reject($"{format} looks like a photo (no background colour, many colours)", out rejectReason);
        // A reference logo is one logo: only images seen on pages are split into walls.
        var fingerprint = Finish(bitmap, result, format, info, reference ? MapPolicy.Reference : null, out rejectReason, silhouette: reference);
        return reference ? fingerprint : WithWallParts(fingerprint, bitmap, format, info, splitWall);
    }

    /// <summary>
    /// Adds the fingerprints of the logo tiles of an image that is a wall of logos (<see cref="PartnerWallSplitter"/>):
    /// each tile is cropped from the decoded bitmap and fingerprinted exactly like a whole image, sized in source pixels.
    /// </summary>
    private static ImageFingerprint? WithWallParts(ImageFingerprint? whole, SKBitmap bitmap, SniffedImageFormat format, SKImageInfo info, Func<ImageFingerprint, bool>? splitWall)
    {
        if (whole is null || !PartnerWallSplitter.MayBeWall(bitmap.Width, bitmap.Height)) return whole;
        if (splitWall is not null && !splitWall(whole)) return whole with { WallSplitSkipped = true };
        var tiles = PartnerWallSplitter.Split(bitmap);
        if (tiles.Count == 0) return whole;
        var toSourceX = (double)info.Width / bitmap.Width;
        var toSourceY = (double)info.Height / bitmap.Height;
        var parts = new List<ImageFingerprint>(tiles.Count);
        using var image = SKImage.FromBitmap(bitmap);
        foreach (var tile in tiles)
        {
            using var crop = Crop(image, tile);
            var region = new ImageRegion((int)Math.Round(tile.Left * toSourceX), (int)Math.Round(tile.Top * toSourceY),
                Math.Max(1, (int)Math.Round(tile.Width * toSourceX)), Math.Max(1, (int)Math.Round(tile.Height * toSourceY)));
            var sourceInfo = new SKImageInfo(region.Width, region.Height, info.ColorType, info.AlphaType);
            if (Finish(crop, SKCodecResult.Success, format, sourceInfo, maps: null, out _) is { } part) parts.Add(part with { Region = region });
        }
        return parts.Count == 0 ? whole : whole with { Parts = parts };
    }

    private static SKBitmap Crop(SKImage image, SKRectI tile)
    {
        var crop = new SKBitmap(new SKImageInfo(tile.Width, tile.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(crop);
        using var paint = new SKPaint { BlendMode = SKBlendMode.Src };
        canvas.Clear(SKColors.Transparent);
        canvas.DrawImage(image, SKRect.Create(tile.Left, tile.Top, tile.Width, tile.Height), SKRect.Create(tile.Width, tile.Height), new SKSamplingOptions(SKFilterMode.Nearest), paint);
        return crop;
    }

    /// <param name="maps">Which views keep their foreground map; null: a small image keeps it at its own pixel size.</param>
    /// <param name="silhouette">Whether a transparent image also gets its silhouette view (reference logos, <see cref="TransparentViews"/>).</param>
    private static ImageFingerprint? Finish(SKBitmap bitmap, SKCodecResult result, SniffedImageFormat format, SKImageInfo info, MapPolicy? maps, out string? rejectReason, bool silhouette = false)
    {
        // A truncated file still shows its top rows in a browser; fingerprint what arrived.
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return Reject($"{format} could not be decoded ({result})", out rejectReason);
        }
        rejectReason = null;
        using var image = SKImage.FromBitmap(bitmap);
        var longSide = Math.Max(bitmap.Width, bitmap.Height);
        // Only an image drawn up to the working size keeps every one of its own pixels in the working raster.
        maps ??= longSide <= LogoNormalizer.WorkingSize ? MapPolicy.AtNativeSize(longSide / (double)LogoNormalizer.WorkingSize) : MapPolicy.None;
        void Draw(SKCanvas canvas, float scale) => canvas.DrawImage(image, SKRect.Create(bitmap.Width * scale, bitmap.Height * scale), Sampling(scale));
        List<FingerprintVariant> variants;
        if (HasTransparency(bitmap))
        {
            variants = FingerprintTransparent(bitmap.Width, bitmap.Height, Draw, maps, silhouette);
        }
        else
        {
            var (rgb, w, h) = RenderWorking(bitmap.Width, bitmap.Height, White, Draw);
            try
            {
                variants = LogoNormalizer.Fingerprint(rgb, w, h, null, maps);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rgb);
            }
        }
        return variants.Count == 0
            ? Reject($"{format} is blank (a single colour)", out rejectReason)
            : new ImageFingerprint(variants, info.Width, info.Height, format.ToString());
    }

    private static List<FingerprintVariant> FingerprintTransparent(int width, int height, Action<SKCanvas, float> draw, MapPolicy maps, bool silhouette)
    {
        var (onWhite, onBlack, w, h) = RenderWorkingFlattened(width, height, draw);
        try
        {
            return TransparentViews.Fingerprint(onWhite, onBlack, w, h, maps, silhouette);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(onWhite);
            ArrayPool<byte>.Shared.Return(onBlack);
        }
    }

    /// <summary>
    /// Sanitises and parses untrusted SVG markup into a picture with a finite, positive drawing size, or returns null
    /// with the reason. The returned <see cref="SKSvg"/> owns <paramref name="picture"/>: dispose it after drawing.
    /// </summary>
    private SKSvg? LoadSvg(string markup, out SKPicture picture, out string? rejectReason)
    {
        picture = null!;
        var clean = SvgSanitizer.Sanitize(markup, (int)Math.Min(int.MaxValue, limits.MaxBytes), out rejectReason);
        if (clean is null) return null;
        var svg = new SKSvg();
        svg.Settings.EnableJavaScript = false;
        svg.Settings.EnableExternalJavaScript = false;
        SKPicture? loaded;
        try
        {
            using var reader = XmlReader.Create(new StringReader(clean), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            loaded = svg.Load(reader);
        }
        catch
        {
            svg.Dispose(); // the callers turn the exception into a reject reason
            throw;
        }
        var bounds = loaded?.CullRect ?? SKRect.Empty;
        if (loaded is null || !(bounds.Width > 0 && bounds.Height > 0) || float.IsInfinity(bounds.Width) || float.IsInfinity(bounds.Height))
        {
            svg.Dispose();
            rejectReason = loaded is null ? "SVG could not be rendered" : "SVG has no drawable size";
            return null;
        }
        picture = loaded;
        return svg;
    }

    private ImageFingerprint? FingerprintSvg(string markup, MapPolicy maps, out string? rejectReason)
    {
        using var svg = LoadSvg(markup, out var picture, out rejectReason);
        if (svg is null) return null;
        var bounds = picture.CullRect;
        var width = (int)Math.Ceiling(bounds.Width);
        var height = (int)Math.Ceiling(bounds.Height);
        var variants = FingerprintTransparent(Math.Max(1, width), Math.Max(1, height), (canvas, scale) =>
        {
            canvas.Scale(scale);
            canvas.Translate(-bounds.Left, -bounds.Top);
            canvas.DrawPicture(picture);
        }, maps, silhouette: maps == MapPolicy.Reference);
        return variants.Count == 0
            ? Reject("SVG draws nothing visible", out rejectReason)
            : new ImageFingerprint(variants, width, height, nameof(SniffedImageFormat.Svg));
    }

    // Every image is drawn at the same working size, flattened onto the background, so that thresholds in the
    // normaliser mean the same thing for a 24 px icon and a 2,000 px banner.
    // The RGB buffer (196 KB at 256 × 256, a large-object-heap array) is rented from the shared pool: the caller
    // returns it once fingerprinted. It may be longer than width × height × 3.
    private static (byte[] Rgb, int Width, int Height) RenderWorking(int width, int height, (byte R, byte G, byte B) background, Action<SKCanvas, float> draw)
    {
        var scale = (float)LogoNormalizer.WorkingSize / Math.Max(width, height);
        var w = Math.Clamp((int)Math.Round(width * scale), 1, LogoNormalizer.WorkingSize);
        var h = Math.Clamp((int)Math.Round(height * scale), 1, LogoNormalizer.WorkingSize);
        var info = new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = new SKBitmap(info);
        using (var canvas = new SKCanvas(surface))
        {
            canvas.Clear(new SKColor(background.R, background.G, background.B));
            draw(canvas, scale);
        }
        var rgba = surface.GetPixelSpan();
        var rgb = ArrayPool<byte>.Shared.Rent(w * h * 3);
        for (int i = 0, j = 0; i < w * h; i++, j += 3)
        {
            rgb[j] = rgba[i * 4];
            rgb[j + 1] = rgba[i * 4 + 1];
            rgb[j + 2] = rgba[i * 4 + 2];
        }
        return (rgb, w, h);
    }

    /// <summary>
    /// The image drawn once onto transparency at the working size, then flattened onto white and onto black here: with
    /// premultiplied colour c and alpha a, over black is c and over white is c + (255 − a) — one resampling instead of
    /// two (resampling is most of Skia's share of a scan, issue 12). Both buffers are rented; the caller returns them.
    /// </summary>
    private static (byte[] OnWhite, byte[] OnBlack, int Width, int Height) RenderWorkingFlattened(int width, int height, Action<SKCanvas, float> draw)
    {
        var scale = (float)LogoNormalizer.WorkingSize / Math.Max(width, height);
        var w = Math.Clamp((int)Math.Round(width * scale), 1, LogoNormalizer.WorkingSize);
        var h = Math.Clamp((int)Math.Round(height * scale), 1, LogoNormalizer.WorkingSize);
        var info = new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = new SKBitmap(info);
        using (var canvas = new SKCanvas(surface))
        {
            canvas.Clear(SKColors.Transparent);
            draw(canvas, scale);
        }
        var rgba = surface.GetPixelSpan();
        var onWhite = ArrayPool<byte>.Shared.Rent(w * h * 3);
        var onBlack = ArrayPool<byte>.Shared.Rent(w * h * 3);
        for (int i = 0, j = 0; i < w * h; i++, j += 3)
        {
            var clear = 255 - rgba[i * 4 + 3];
            for (var c = 0; c < 3; c++)
            {
                var premultiplied = rgba[i * 4 + c];
                onBlack[j + c] = premultiplied;
                onWhite[j + c] = (byte)Math.Min(255, premultiplied + clear);
            }
        }
        return (onWhite, onBlack, w, h);
    }

    private static SKSamplingOptions Sampling(float scale) =>
        scale >= 1f ? new SKSamplingOptions(SKCubicResampler.Mitchell) : new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear);

    private static bool HasTransparency(SKBitmap bitmap)
    {
        var pixels = bitmap.GetPixelSpan();
        for (var i = 3; i < pixels.Length; i += 4)
        {
            if (pixels[i] < 250) return true;
        }
        return false;
    }

}
