using System.Text;
using System.Xml;
using PartnerWatch.Detect.Logos;
using PartnerWatch.Domain;
using PartnerWatch.Store;
using SkiaSharp;
using Svg.Skia;

namespace PartnerWatch.Alert.Email;

/// <summary>A PNG for the message, with its size in pixels (0 when a stored PNG is passed on without decoding).</summary>
internal sealed record EmailImage(byte[] Png, int Width, int Height);

/// <summary>The screenshot crop for the message, or why there is none.</summary>
internal sealed record ScreenshotCrop(EmailImage? Image, string? Missing, EvidenceItem? Item);

/// <summary>
/// The images an e-mail shows inline: the matched logo as PNG (Gmail and Outlook do not show SVG, so SVG is rasterised)
/// and a crop of the page screenshot around the first outlined mark. Bytes come from the evidence store only; anything
/// that cannot be read or decoded is left out, never fails the message.
/// </summary>
internal sealed class EmailImages(IEvidenceBlobs? blobs)
{
    /// <summary>Matched logos larger than this are linked, not embedded.</summary>
    internal const long MaxInlineImageBytes = 512 * 1024;
    internal const int LogoMaxWidth = 480;
    internal const int LogoMaxHeight = 240;
    internal const int CropMaxWidth = 800;
    internal const int CropMaxHeight = 500;
    /// <summary>Page around the mark shown in the crop, so the reader sees the heading above it.</summary>
    internal const int CropMargin = 120;
    /// <summary>The window the crop prefers around a small mark: wide enough for the heading, small enough to read at mail width.</summary>
    internal const int CropPreferredWidth = 640;
    internal const int CropPreferredHeight = 320;

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly SKSamplingOptions Smooth = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    /// <summary>The stored image of <paramref name="primary"/> (else the first stored image) as PNG.</summary>
    public async Task<EmailImage?> LogoAsync(EvidenceManifestRecord? manifest, EvidenceGroup? primary, CancellationToken cancellationToken)
    {
        if (blobs is null || manifest is null)
        {
            return null;
        }

        var images = manifest.Items.Where(i => i.Kind == "image" && i.Stored && EvidenceFiles.IsSha256(i.Sha256) && i.Bytes is null or <= MaxInlineImageBytes).ToList();
        var image = images.FirstOrDefault(i => primary is not null && (i.Sha256 == primary.ImageSha256 || i.Url == primary.ImageUrl)) ?? images.FirstOrDefault();
        if (image is null || await blobs.ReadAsync(image.Sha256!, cancellationToken) is not { Length: > 0 and <= (int)MaxInlineImageBytes } bytes)
        {
            return null;
        }

        return ToPng(bytes, image.ContentType);
    }

    /// <summary>The screenshot of <paramref name="pageUrl"/> (else the first one) cropped around its first mark.</summary>
    public async Task<ScreenshotCrop> ScreenshotAsync(EvidenceManifestRecord? manifest, string? pageUrl, CancellationToken cancellationToken)
    {
        var shots = manifest?.Items.Where(i => i.Kind == "screenshot").ToList() ?? [];
        var shot = shots.FirstOrDefault(i => i.Url == pageUrl && i.Stored) ?? shots.FirstOrDefault(i => i.Stored) ?? shots.FirstOrDefault();
        if (shot is null)
        {
            return new ScreenshotCrop(null, "No screenshot was taken of this page (the browser stage was not running for this scan).", null);
        }

        if (!shot.Stored || !EvidenceFiles.IsSha256(shot.Sha256))
        {
            return new ScreenshotCrop(null, string.IsNullOrWhiteSpace(shot.Note) ? "No screenshot could be taken of this page." : AlertText.OneLine(shot.Note, 300), shot);
        }

        var png = blobs is null ? null : await blobs.ReadAsync(shot.Sha256!, cancellationToken);
        if (png is null)
        {
            return new ScreenshotCrop(null, "The screenshot is no longer stored (evidence retention).", shot);
        }

        var crop = Crop(png, shot.Marks is { Count: > 0 } marks ? marks[0] : null);
        return crop is null
            ? new ScreenshotCrop(null, "The stored screenshot could not be read.", shot)
            : new ScreenshotCrop(crop, null, shot);
    }

    /// <summary>
    /// A window of the screenshot around <paramref name="mark"/> (the top of the page without one): the mark with
    /// <see cref="CropMargin"/> around it, at least the size of a mail column, scaled down to fit
    /// <see cref="CropMaxWidth"/>×<see cref="CropMaxHeight"/>.
    /// </summary>
    internal static EmailImage? Crop(byte[] screenshot, MarkBox? mark)
    {
        using var image = SKImage.FromEncodedData(screenshot);
        if (image is null)
        {
            return null;
        }

        var box = mark ?? FindOutline(image) ?? new MarkBox(0, 0, Math.Min(image.Width, CropMaxWidth), Math.Min(image.Height, CropMaxHeight));
        var window = Window(box.X, box.Width, image.Width, CropPreferredWidth);
        var (top, height) = Window(box.Y, box.Height, image.Height, CropPreferredHeight);
        var source = SKRect.Create(window.Start, top, window.Length, height);
        var scale = Math.Min(1f, Math.Min((float)CropMaxWidth / window.Length, (float)CropMaxHeight / height));
        if (scale >= 1f)
        {
            // Pixels copied as they are: the red outline keeps its exact colour.
            using var subset = image.Subset(SKRectI.Create(window.Start, top, window.Length, height));
            using var encoded = subset?.Encode(SKEncodedImageFormat.Png, 100);
            return encoded is null ? null : new EmailImage(encoded.ToArray(), window.Length, height);
        }

        var width = Math.Max(1, (int)Math.Round(window.Length * scale));
        var outHeight = Math.Max(1, (int)Math.Round(height * scale));
        return Draw(width, outHeight, canvas => canvas.DrawImage(image, source, SKRect.Create(width, outHeight), Smooth));
    }

    /// <summary>
    /// The topmost mark, found by its outline colour (#e0001b, drawn by the browser stage), for a screenshot whose
    /// manifest item carries no mark boxes (manifests written before marks were kept): the first outline pixel is the
    /// box's top-left corner, and the outline runs right and down from it.
    /// </summary>
    internal static MarkBox? FindOutline(SKImage image)
    {
        var info = new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        if (!image.ReadPixels(info, bitmap.GetPixels(), info.RowBytes, 0, 0))
        {
            return null;
        }

        var pixels = bitmap.GetPixelSpan().ToArray();
        bool IsOutline(int x, int y)
        {
            var i = (y * info.Width + x) * 4;
            return pixels[i] == 0xe0 && pixels[i + 1] == 0x00 && pixels[i + 2] == 0x1b;
        }

        for (var y = 0; y < info.Height; y++)
        {
            for (var x = 0; x < info.Width; x++)
            {
                if (!IsOutline(x, y))
                {
                    continue;
                }

                var right = x;
                while (right + 1 < info.Width && IsOutline(right + 1, y)) right++;
                var bottom = y;
                while (bottom + 1 < info.Height && IsOutline(x, bottom + 1)) bottom++;
                return new MarkBox(x, y, right - x + 1, bottom - y + 1);
            }
        }

        return null;
    }

    /// <summary>Start and length of a window on one axis: the mark plus margin, at least <paramref name="preferred"/> long, inside the image.</summary>
    private static (int Start, int Length) Window(int markStart, int markLength, int imageLength, int preferred)
    {
        var length = Math.Min(imageLength, Math.Max(preferred, markLength + 2 * CropMargin));
        // The mark a little below the middle: what introduces it (the heading) is above it.
        var centre = markStart + markLength / 2;
        var start = Math.Clamp(centre - length * 3 / 5, 0, Math.Max(0, imageLength - length));
        return (start, Math.Max(1, length));
    }

    /// <summary>The logo as PNG: a PNG as stored (it is the evidence), anything else decoded and re-encoded, SVG rasterised.</summary>
    internal static EmailImage? ToPng(byte[] bytes, string? contentType)
    {
        if (bytes.AsSpan().StartsWith(PngSignature))
        {
            using var codec = SKCodec.Create(new SKMemoryStream(bytes));
            return new EmailImage(bytes, codec?.Info.Width ?? 0, codec?.Info.Height ?? 0);
        }

        if (LooksLikeSvg(bytes, contentType))
        {
            return RasteriseSvg(Encoding.UTF8.GetString(bytes));
        }

        using var image = SKImage.FromEncodedData(bytes);
        if (image is null)
        {
            return null;
        }

        var (width, height) = Fit(image.Width, image.Height, LogoMaxWidth, LogoMaxHeight, allowUpscale: false);
        return Draw(width, height, canvas => canvas.DrawImage(image, SKRect.Create(width, height), Smooth));
    }

    private static bool LooksLikeSvg(byte[] bytes, string? contentType)
    {
        if (contentType?.Contains("svg", StringComparison.OrdinalIgnoreCase) == true)
        {
            return true;
        }

        var head = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 1024));
        return head.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('<') && head.Contains("<svg", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Sanitised like every SVG the logo matcher reads (no scripts, entities or external references), then drawn to fit the logo box.</summary>
    private static EmailImage? RasteriseSvg(string markup)
    {
        var clean = SvgSanitizer.Sanitize(markup, (int)MaxInlineImageBytes, out _);
        if (clean is null)
        {
            return null;
        }

        using var svg = new SKSvg();
        svg.Settings.EnableJavaScript = false;
        svg.Settings.EnableExternalJavaScript = false;
        SKPicture? picture;
        try
        {
            using var reader = XmlReader.Create(new StringReader(clean), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            picture = svg.Load(reader);
        }
        catch (Exception ex) when (ex is XmlException or InvalidOperationException or ArgumentException or FormatException)
        {
            return null;
        }

        var bounds = picture?.CullRect ?? SKRect.Empty;
        if (picture is null || !(bounds.Width > 0 && bounds.Height > 0) || float.IsInfinity(bounds.Width) || float.IsInfinity(bounds.Height))
        {
            return null;
        }

        // Small icons are drawn larger, so the logo is legible next to the text; vectors stay sharp.
        var (width, height) = Fit(bounds.Width, bounds.Height, LogoMaxWidth / 2, LogoMaxHeight / 2, allowUpscale: true);
        var scale = width / bounds.Width;
        return Draw(width, height, canvas =>
        {
            canvas.Scale(scale);
            canvas.Translate(-bounds.Left, -bounds.Top);
            canvas.DrawPicture(picture);
        });
    }

    private static (int Width, int Height) Fit(float width, float height, int maxWidth, int maxHeight, bool allowUpscale)
    {
        var scale = Math.Min(maxWidth / width, maxHeight / height);
        if (!allowUpscale)
        {
            scale = Math.Min(1f, scale);
        }

        return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }

    private static EmailImage Draw(int width, int height, Action<SKCanvas> draw)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            draw(canvas);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return new EmailImage(data.ToArray(), width, height);
    }
}
