using System.Text;
using PartnerWatch.Detect.Logos;
using SkiaSharp;

namespace PartnerWatch.Tests.Detect.Logos;

/// <summary>
/// A wordmark with a small coloured mark (black letters and a green dot, as Deloitte's) loses its letters when
/// flattened onto black: that view is only the dot, a filled disc, and on the cncf/landscape walls it matched small
/// round and square icons of other projects at distances 4–24. Such views are dropped, so icons never match a
/// wordmark, while the wordmark itself still does in every presentation.
/// </summary>
public sealed class FragmentViewTests
{
    private static readonly LogoImageDecoder Decoder = LogoFixtures.Decoder();

    /// <summary>Seven black letter-like glyphs and a green dot after them, on transparency.</summary>
    private static string DottedWordmark()
    {
        var svg = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 340 74'><g fill='#111'>");
        for (var i = 0; i < 7; i++)
        {
            var x = i * 40;
            svg.Append($"<rect x='{x}' y='10' width='9' height='54'/><rect x='{x}' y='{(i % 2 == 0 ? 10 : 32)}' width='28' height='9'/><rect x='{x + (i % 3) * 9}' y='55' width='19' height='9'/>");
        }
        return svg.Append("</g><circle cx='306' cy='55' r='12' fill='#86bc25'/></svg>").ToString();
    }

    private static LogoCatalog Catalog()
    {
        var reference = Decoder.TryFingerprintReference(Encoding.UTF8.GetBytes(DottedWordmark()), out var reason);
        Assert.True(reference is not null, reason);
        return new LogoCatalog([new LogoReference("dotted", "dotted.svg", reference)], new LogoMatchThresholds());
    }

    [Fact]
    public void NoViewOfTheReferenceIsItsDotAlone()
    {
        var reference = Decoder.TryFingerprintReference(Encoding.UTF8.GetBytes(DottedWordmark()), out _)!;

        // Every view spans the wordmark (aspect ≈ 4.6), none is the square dot.
        Assert.All(reference.Variants, v => Assert.InRange(v.Aspect, 3.5, 6.0));
    }

    public static TheoryData<string, int, bool> Icons()
    {
        var data = new TheoryData<string, int, bool>();
        foreach (var shape in new[] { "disc", "ring", "square", "leaf" })
        {
            foreach (var size in new[] { 24, 38, 64, 120 })
            {
                data.Add(shape, size, false);
                data.Add(shape, size, true);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Icons))]
    public void RoundAndSquareIconsDoNotMatchTheWordmark(string shape, int size, bool onDark)
    {
        var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(onDark ? new SKColor(0x11, 0x18, 0x27) : SKColors.Transparent);
            using var paint = new SKPaint { Color = new SKColor(0x86, 0xbc, 0x25), IsAntialias = true, Style = shape == "ring" ? SKPaintStyle.Stroke : SKPaintStyle.Fill, StrokeWidth = size / 6f };
            var r = size * 0.34f;
            switch (shape)
            {
                case "square": canvas.DrawRoundRect(size / 2f - r, size / 2f - r, 2 * r, 2 * r, size / 8f, size / 8f, paint); break;
                case "leaf": canvas.DrawOval(size / 2f, size / 2f, r, r * 0.8f, paint); break;
                default: canvas.DrawCircle(size / 2f, size / 2f, r, paint); break;
            }
        }
        var icon = Decoder.TryFingerprint(LogoVariants.Png(bitmap), out var reason);
        Assert.True(icon is not null, reason);

        Assert.Null(Catalog().Match(icon));
    }

    [Fact]
    public void FixtureNegativesAsSmallIconsDoNotMatchTheWordmark()
    {
        var catalog = Catalog();
        var matched = new List<string>();
        foreach (var path in Directory.EnumerateFiles(LogoFixtures.Negatives, "*.svg").Order(StringComparer.Ordinal))
        {
            foreach (var variant in new[] { "size:32", "size:48", "white-on-dark", "inverted" })
            {
                if (Decoder.TryFingerprint(LogoVariants.Make(path, variant), out _) is { } fp && catalog.Match(fp) is { } m)
                    matched.Add($"{Path.GetFileName(path)} {variant} → {m.BrandId} at {m.Distance}");
            }
        }
        Assert.Empty(matched);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("size:48")]
    [InlineData("inverted")]
    [InlineData("grayscale")]
    [InlineData("padded-card")]
    public void TheWordmarkItselfIsStillRecognised(string variant)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pw-dotted-{Guid.NewGuid():N}.svg");
        File.WriteAllText(path, DottedWordmark());
        try
        {
            var image = Decoder.TryFingerprint(LogoVariants.Make(path, variant), out var reason);
            Assert.True(image is not null, reason);

            Assert.Equal("dotted", Catalog().Match(image)?.BrandId);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
