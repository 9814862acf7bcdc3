using System.Diagnostics;
using System.Globalization;
using PartnerWatch.Detect.Logos;
using PartnerWatch.Tests.Detect.Logos;
using SkiaSharp;

namespace PartnerWatch.Benchmarks;

/// <summary>
/// <c>largewalls &lt;fixtures&gt; [dump-dir]</c>: the large one-image walls of <see cref="LargeWallScenarios"/> (30 logos
/// with and without gaps, PNG and JPEG; touching logos), each decoded and matched as a scan would: brands found,
/// missed and wrongly named, tiles, and time (decode + split + fingerprint + match).
/// </summary>
internal static class LargeWallMeasurement
{
    public static int Run(string fixtures, string? dump)
    {
        var decoder = LabelledSet.Decoder();
        var catalog = new LogoCatalog(LabelledSet.Fingerprint(LabelledSet.ReferenceFiles(Path.Combine(fixtures, "refs")), decoder), new LogoMatchThresholds());
        var thirty = LargeWallScenarios.FirstRow.Concat(LargeWallScenarios.DarkRow).Concat(LargeWallScenarios.MixedRow).ToList();
        (string Name, Func<SKBitmap> Make, IReadOnlyList<WallLogo> Logos, bool Jpeg)[] scenarios =
        [
            ("30 logos, gaps, PNG", () => LargeWallScenarios.ThirtyLogos(), thirty, false),
            ("30 logos, gaps, JPEG q75", () => LargeWallScenarios.ThirtyLogos(), thirty, true),
            ("30 logos, no gaps, PNG", () => LargeWallScenarios.ThirtyLogos(gap: 0, fill: 0.8), thirty, false),
            ("30 logos, no gaps, JPEG q75", () => LargeWallScenarios.ThirtyLogos(gap: 0, fill: 0.8), thirty, true),
            ("6 touching wordmarks, PNG", LargeWallScenarios.Touching, LargeWallScenarios.TouchingRow, false),
        ];
        foreach (var (name, make, logos, jpeg) in scenarios)
        {
            var bitmap = make();
            var size = $"{bitmap.Width}x{bitmap.Height}";
            var bytes = jpeg ? LogoVariants.Jpeg(bitmap, 75) : LogoVariants.Png(bitmap);
            if (dump is not null)
            {
                Directory.CreateDirectory(dump);
                File.WriteAllBytes(Path.Combine(dump, name.Replace(' ', '_').Replace(',', '_') + (jpeg ? ".jpg" : ".png")), bytes);
            }
            var clock = Stopwatch.StartNew();
            var fingerprint = decoder.TryFingerprint(bytes, out var reason) ?? throw new InvalidOperationException(reason);
            var found = ImageMatches.Find(catalog, fingerprint);
            var ms = clock.Elapsed.TotalMilliseconds;
            var expected = LargeWallScenarios.Brands(logos).ToHashSet();
            var brands = found.Select(f => f.Match.BrandId).ToHashSet();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name} ({size}): {expected.Count(brands.Contains)}/{expected.Count} brands, {fingerprint.Parts.Count} tiles, {ms:F0} ms; missed [{string.Join(", ", expected.Where(b => !brands.Contains(b)))}]; wrong [{string.Join(", ", found.Where(f => !expected.Contains(f.Match.BrandId)).Select(f => $"{f.Match.BrandId}: {f.Detail}"))}]"));
            foreach (var missed in expected.Where(b => !brands.Contains(b)))
            {
                var nearest = fingerprint.Parts.Select(p => (p.Region, Distance: catalog.Candidates(p, 90).Where(c => c.Reference.BrandId == missed).Select(c => c.Distance).DefaultIfEmpty(999).Min()))
                    .MinBy(t => t.Distance);
                Console.WriteLine($"  {missed}: nearest tile {nearest.Region} at {nearest.Distance}");
            }
            if (dump is not null)
                File.WriteAllLines(Path.Combine(dump, name.Replace(' ', '_').Replace(',', '_') + ".txt"), fingerprint.Parts.Select((p, i) => $"tile {i + 1} {p.Region} -> {catalog.Match(p)?.BrandId}"));
        }
        return 0;
    }
}
