using PartnerWatch.Detect.Logos;
using SkiaSharp;

namespace PartnerWatch.Tests.Detect.Logos;

/// <summary>
/// Photos are not fingerprinted (<see cref="PhotoFilter"/>), and no logo presentation is taken for one: a logo that the
/// filter rejected would silently stop being recognised.
/// </summary>
public sealed class PhotoFilterTests
{
    private readonly LogoImageDecoder decoder = LogoFixtures.Decoder();

    [Theory]
    [InlineData(480, 320, 1)]
    [InlineData(960, 640, 2)]
    [InlineData(300, 220, 3)]
    public void APhotoIsNotFingerprinted(int width, int height, int seed)
    {
        var photo = Photo(width, height, seed);

        var fingerprint = decoder.TryFingerprint(photo, out var reason);

        Assert.Null(fingerprint);
        Assert.Contains("photo", reason);
    }

    [Fact]
    public void ASmallPhotoIsNotJudged()
    {
        // Below 160 × 100 px nothing is judged: small images are cheap and could be a logo in full colour. (This one is
        // then dropped by the normaliser's information check: the whole frame is "content".)
        decoder.TryFingerprint(Photo(150, 96, 4), out var reason);

        Assert.DoesNotContain("photo", reason ?? "");
    }

    public static TheoryData<LogoTransformation> OpaqueTransformations() =>
    [
        LogoTransformation.Size400, LogoTransformation.Size800, LogoTransformation.Jpeg40, LogoTransformation.Jpeg60,
        LogoTransformation.Jpeg90, LogoTransformation.WhiteOnDark, LogoTransformation.PaddedCard,
        LogoTransformation.ColoredBackground, LogoTransformation.Grayscale,
    ];

    [Theory]
    [MemberData(nameof(OpaqueTransformations))]
    public void NoReferenceLogoIsTakenForAPhoto(LogoTransformation transformation)
    {
        foreach (var (_, path) in LogoFixtures.ReferenceFiles())
        {
            var fingerprint = decoder.TryFingerprint(LogoVariants.Make(path, transformation), out var reason);

            Assert.True(fingerprint is not null, $"{Path.GetFileName(path)} {transformation}: {reason}");
        }
    }

    [Fact]
    public void AJpegWallOfLogosIsNotTakenForAPhoto()
    {
        var files = LogoFixtures.ReferenceFiles().Select(r => r.Path).Take(8).ToList();
        using var wall = new SKBitmap(new SKImageInfo(960, 320, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(wall))
        {
            canvas.Clear(new SKColor(245, 245, 245));
            for (var i = 0; i < files.Count; i++)
            {
                using var logo = SKImage.FromEncodedData(LogoVariants.Make(files[i], LogoTransformation.Size120));
                canvas.DrawImage(logo, 20 + (i % 4) * 240, 30 + (i / 4) * 150, new SKSamplingOptions(SKFilterMode.Nearest));
            }
        }
        using var jpeg = wall.Encode(SKEncodedImageFormat.Jpeg, 60);

        var fingerprint = decoder.TryFingerprint(jpeg.ToArray(), out var reason);

        Assert.True(fingerprint is not null, reason);
        Assert.NotEmpty(fingerprint.Parts);
    }

    /// <summary>A photo-like JPEG: a sky-to-ground gradient, soft blobs of many colours and sensor noise.</summary>
    private static byte[] Photo(int width, int height, int seed)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            using var sky = new SKPaint
            {
                Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width / 3f, height),
                    [new SKColor(90, 140, 200), new SKColor(200, 170, 120), new SKColor(60, 80, 40)], SKShaderTileMode.Clamp),
            };
            canvas.DrawRect(0, 0, width, height, sky);
            using var blur = SKImageFilter.CreateBlur(6, 6);
            for (var i = 0; i < 120; i++)
            {
                using var blob = new SKPaint
                {
                    Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(120, 255)),
                    ImageFilter = blur,
                    IsAntialias = true,
                };
                canvas.DrawCircle(random.Next(width), random.Next(height), random.Next(5, width / 8), blob);
            }
        }
        var pixels = bitmap.GetPixelSpan().ToArray();
        for (var i = 0; i < pixels.Length; i += 4)
        {
            for (var c = 0; c < 3; c++) pixels[i + c] = (byte)Math.Clamp(pixels[i + c] + random.Next(-12, 13), 0, 255);
        }
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var jpeg = bitmap.Encode(SKEncodedImageFormat.Jpeg, 80);
        return jpeg.ToArray();
    }
}
