using System.Globalization;
using PartnerWatch.Detect.Logos;
using PartnerWatch.Tests.Detect.Logos;
using SkiaSharp;

namespace PartnerWatch.Benchmarks;

/// <summary>
/// <c>detail &lt;simple-icons/icons&gt; &lt;fixtures&gt; &lt;out.tsv&gt;</c>: for small images (22–64 px) of the configured
/// reference logos (PNG, JPEG, white on dark) and of every non-configured simple-icons mark, writes one row per
/// (image, nearby brand): the hash distance and the detail similarity (<see cref="LogoCatalog.DetailSimilarity"/>),
/// plus what the production catalogue decided. The thresholds of the small-image detail check are read off this table
/// (docs/logo-matching.md).
/// </summary>
internal static class DetailMeasurement
{
    private const int Radius = 60;
    private static readonly int[] PositiveSizes = [22, 24, 26, 28, 30, 32, 34, 36, 40, 44, 48, 52, 56, 64];
    private static readonly int[] DistractorSizes = [24, 28, 32, 40, 48];

    public static int Run(string icons, string fixtures, string output, string? only = null)
    {
        var decoder = LabelledSet.Decoder();
        var files = LabelledSet.ReferenceFiles(Path.Combine(fixtures, "refs"));
        files.AddRange(DistractorMeasurement.ExtraBrands.Select(b => (b, Path.Combine(icons, b + ".svg"))));
        var references = LabelledSet.Fingerprint(files, decoder);
        var wide = new LogoCatalog(references, new LogoMatchThresholds(MaxDistance: Hash256.Bits));
        var production = new LogoCatalog(references, new LogoMatchThresholds());
        var configured = references.Select(r => r.BrandId).Concat(["amazonwebservices"]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        using var writer = new StreamWriter(output);
        writer.WriteLine("kind\tname\tvariant\ttruth\tbrand\tdistance\tsimilarity\tproduction");

        void Measure(string kind, string name, string variant, string truth, byte[] bytes)
        {
            var fp = decoder.TryFingerprint(bytes, out _);
            if (fp is null) return;
            var decided = production.Match(fp);
            var decision = decided is null ? "-" : $"{decided.BrandId}:{decided.Distance}";
            var byBrand = wide.Candidates(fp, Radius).GroupBy(c => c.Reference.BrandId, StringComparer.OrdinalIgnoreCase);
            var any = false;
            foreach (var brand in byBrand)
            {
                var distance = brand.Min(c => c.Distance);
                var similarity = brand.Select(c => wide.DetailSimilarity(fp, c.Reference)).Max();
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind}\t{name}\t{variant}\t{truth}\t{brand.Key}\t{distance}\t{similarity?.ToString("F4", CultureInfo.InvariantCulture) ?? "NA"}\t{decision}"));
                any = true;
            }
            if (!any) writer.WriteLine($"{kind}\t{name}\t{variant}\t{truth}\t-\t999\tNA\t{decision}");
        }

        if (only is null or "positives")
        {
            foreach (var (brand, path) in LabelledSet.ReferenceFiles(Path.Combine(fixtures, "refs")))
            {
                foreach (var size in PositiveSizes)
                {
                    foreach (var (variant, bytes) in Small(path, size)) Measure("pos", Path.GetFileName(path), variant, brand, bytes);
                }
            }
            Console.WriteLine("positives done");
        }
        if (only is null or "distractors")
        {
            var distractors = Directory.EnumerateFiles(icons, "*.svg").Order(StringComparer.Ordinal)
                .Where(f => !configured.Contains(Path.GetFileNameWithoutExtension(f))).ToList();
            var done = 0;
            foreach (var path in distractors)
            {
                foreach (var size in DistractorSizes)
                {
                    byte[] bytes;
                    try { bytes = LogoVariants.Make(path, $"size:{size}"); }
                    catch (InvalidOperationException) { continue; }
                    Measure("neg", Path.GetFileNameWithoutExtension(path), $"png{size}", "-", bytes);
                }
                if (++done % 500 == 0) Console.WriteLine($"distractors {done}/{distractors.Count}");
            }
        }
        if (only is "wordmarks")
        {
            // Other companies' wordmarks, the hard case for a tiny wordmark: the icon set's names set in common fonts,
            // in configured brands' colours among others, drawn directly at 22–48 px as a browser would.
            var random = new Random(7);
            var words = Directory.EnumerateFiles(icons, "*.svg").Select(Path.GetFileNameWithoutExtension).OfType<string>()
                .Where(w => w.Length is >= 3 and <= 12 && w.All(char.IsLetter) && !configured.Contains(w)).Order(StringComparer.Ordinal).ToList();
            var done = 0;
            foreach (var word in words)
            {
                var text = random.Next(3) switch { 0 => word.ToUpperInvariant(), 1 => char.ToUpperInvariant(word[0]) + word[1..], _ => word };
                var font = WordmarkFonts[random.Next(WordmarkFonts.Length)];
                var colour = WordmarkColours[random.Next(WordmarkColours.Length)];
                foreach (var size in new[] { 24, 28, 32, 40, 48 })
                {
                    if (Wordmark(text, font, colour, size) is not { } bytes) continue;
                    Measure("neg", $"{text}|{Path.GetFileNameWithoutExtension(font)}|{colour}", $"png{size}", "-", bytes);
                }
                if (++done % 500 == 0) Console.WriteLine($"wordmarks {done}/{words.Count}");
            }
        }
        return 0;
    }

    private static readonly string[] WordmarkFonts =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf",
    ];

    // Brand colours of configured wordmarks (NVIDIA green, Qualcomm blue, Oracle red, IBM blue, Intel blue) and plain ones.
    private static readonly string[] WordmarkColours = ["#76B900", "#3253DC", "#C74634", "#0F62FE", "#0071C5", "#000000", "#333333", "#E60012"];

    private static byte[]? Wordmark(string text, string fontPath, string colour, int longSide)
    {
        if (!File.Exists(fontPath)) return null;
        using var typeface = SKTypeface.FromFile(fontPath);
        using var font = new SKFont(typeface, 100) { Edging = SKFontEdging.Antialias, Subpixel = true };
        var width = font.MeasureText(text, out var bounds);
        if (bounds.Width <= 0 || bounds.Height <= 0) return null;
        var scale = longSide / Math.Max(bounds.Width, bounds.Height);
        font.Size = 100 * scale;
        var w = Math.Max(1, (int)Math.Ceiling(bounds.Width * scale) + 2);
        var h = Math.Max(1, (int)Math.Ceiling(bounds.Height * scale) + 2);
        using var bitmap = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            using var paint = new SKPaint { Color = SKColor.Parse(colour), IsAntialias = true };
            canvas.DrawText(text, 1 - bounds.Left * scale, 1 - bounds.Top * scale, SKTextAlign.Left, font, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>The small presentations of a logo measured here: PNG with transparency, JPEG q60 on white, white on a dark band.</summary>
    public static IEnumerable<(string Variant, byte[] Bytes)> Small(string path, int size)
    {
        yield return ($"png{size}", LogoVariants.Png(LogoVariants.Render(path, size)));
        yield return ($"jpeg{size}", LogoVariants.Jpeg(LogoVariants.OnBackground(LogoVariants.Render(path, size), SKColors.White), 60));
        yield return ($"dark{size}", LogoVariants.Png(LogoVariants.Padded(LogoVariants.Silhouette(LogoVariants.Render(path, size), SKColors.White), 4, new SKColor(0x1e, 0x29, 0x3b))));
    }
}
