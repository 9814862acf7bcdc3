using PartnerWatch.Tests.Detect.Logos;

namespace PartnerWatch.Benchmarks;

/// <summary>
/// <c>render VARIANT REF OUT [VARIANT REF OUT ...]</c>: the logo variants of the test suite as files, for the image-only
/// sites of the labelled corpus (tests/PartnerWatch.Tests/Corpus/tools/generate_image_sites.py). Outputs stay under
/// 20 KB so the repository stays light.
/// </summary>
internal static class RenderCommand
{
    private const int MaxBytes = 20 * 1024;

    public static int Run(string[] jobs)
    {
        if (jobs.Length == 0 || jobs.Length % 3 != 0)
        {
            Console.Error.WriteLine("usage: render VARIANT REF OUT [VARIANT REF OUT ...]");
            return 2;
        }
        var failed = 0;
        for (var i = 0; i < jobs.Length; i += 3)
        {
            var (variant, reference, output) = (jobs[i], jobs[i + 1], jobs[i + 2]);
            try
            {
                var bytes = variant.StartsWith("wall:", StringComparison.Ordinal) ? Wall(variant, reference) : LogoVariants.Make(reference, variant);
                if (bytes.Length >= MaxBytes)
                    throw new InvalidOperationException($"{bytes.Length} bytes, over the {MaxBytes}-byte budget");
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
    }

    /// <summary>
    /// <c>wall:COLUMNS:STYLE:FORMAT</c> (e.g. <c>wall:3:cards:jpeg75</c>, <c>wall:4:plain:png</c>) with REF a
    /// <c>|</c>-separated list of reference files: one image holding all of them, as a partner wall.
    /// </summary>
    private static byte[] Wall(string variant, string references)
    {
        var parts = variant.Split(':');
        if (parts.Length != 4) throw new ArgumentException($"'{variant}' is not wall:COLUMNS:STYLE:FORMAT");
        var style = Enum.Parse<WallStyle>(parts[2], ignoreCase: true);
        var page = style == WallStyle.Plain ? PartnerWallComposer.White : PartnerWallComposer.LightGrey;
        var logos = references.Split('|').Select(r => new WallLogo(Path.GetFileName(Path.GetDirectoryName(r)) ?? "", r, 120)).ToList();
        var layout = new WallLayout(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), 160, 96, page, style);
        var bitmap = PartnerWallComposer.Compose(logos, layout);
        return parts[3] switch
        {
            "png" => LogoVariants.Png(bitmap),
            _ when parts[3].StartsWith("jpeg", StringComparison.Ordinal) =>
                LogoVariants.Jpeg(bitmap, int.Parse(parts[3][4..], System.Globalization.CultureInfo.InvariantCulture)),
            _ => throw new ArgumentException($"unknown wall format '{parts[3]}'"),
        };
    }
}
