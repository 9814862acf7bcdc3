using System.Diagnostics;
using System.Globalization;
using PartnerWatch.Detect.Logos;
using PartnerWatch.Tests.Detect.Logos;

namespace PartnerWatch.Benchmarks;

/// <summary>
/// <c>distractors &lt;simple-icons/icons&gt; &lt;fixtures&gt;</c>: a catalogue of the 18 fixture brands plus 8 brands
/// taken from the icon set (26 brands), against every other icon of the set as a distractor, each shown three ways
/// (120 px PNG, JPEG q60, white on a dark band). Prints the false-match rate per distractor image and the nearest
/// look-alikes; also how the icon set's own (monochrome) marks of configured brands fare.
/// </summary>
internal static class DistractorMeasurement
{
    public static readonly string[] ExtraBrands = ["vmware", "siemens", "samsung", "fujitsu", "accenture", "ericsson", "nokia", "bosch"];
    private static readonly LogoTransformation[] Shown = [LogoTransformation.Size120, LogoTransformation.Jpeg60, LogoTransformation.WhiteOnDark, LogoTransformation.Size24, LogoTransformation.Size32, LogoTransformation.Size48];

    public static int Run(string icons, string fixtures, string? only = null)
    {
        var shown = only is null ? Shown : only.Split(',').Select(Enum.Parse<LogoTransformation>).ToArray();
        var decoder = LabelledSet.Decoder();
        var files = LabelledSet.ReferenceFiles(Path.Combine(fixtures, "refs"));
        files.AddRange(ExtraBrands.Select(b => (b, Path.Combine(icons, b + ".svg"))));
        var references = LabelledSet.Fingerprint(files, decoder);
        var catalog = new LogoCatalog(references, new LogoMatchThresholds());
        var brands = references.Select(r => r.BrandId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var configuredSlugs = brands.Concat(["amazonwebservices"]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Console.WriteLine($"catalogue: {brands.Count} brands, {references.Count} reference files, threshold {catalog.Thresholds.MaxDistance}");

        var all = Directory.EnumerateFiles(icons, "*.svg").Order(StringComparer.Ordinal).ToList();
        var distractors = all.Where(f => !configuredSlugs.Contains(Path.GetFileNameWithoutExtension(f))).ToList();
        var results = new List<(string Name, LogoTransformation T, int Distance, string Nearest)>();
        var verified = new List<string>();
        var rejected = 0;
        var clock = Stopwatch.StartNew();
        foreach (var path in distractors)
        {
            foreach (var t in shown)
            {
                ImageFingerprint? fp;
                try { fp = decoder.TryFingerprint(LogoVariants.Make(path, t), out _); }
                catch (InvalidOperationException) { fp = null; }
                if (fp is null) { rejected++; continue; }
                var nearest = catalog.Nearest(fp, Hash256.Bits);
                if (catalog.Match(fp) is { } m && m.Distance > catalog.Thresholds.MaxDistance) verified.Add($"{Path.GetFileNameWithoutExtension(path)} ({t}) → {m.BrandId} {m.Distance}");
                results.Add((Path.GetFileNameWithoutExtension(path), t, nearest?.Distance ?? int.MaxValue,
                    nearest is null ? "-" : $"{nearest.Value.Reference.BrandId}/{nearest.Value.Reference.ReferenceFile}"));
            }
        }
        var matched = results.Where(r => r.Distance <= catalog.Thresholds.MaxDistance).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"distractor icons: {distractors.Count}, images: {results.Count} (+{rejected} unrenderable), false matches: {matched.Count} = {100.0 * matched.Count / results.Count:F3} % per image; icons with any false match: {matched.Select(m => m.Name).Distinct().Count()} = {100.0 * matched.Select(m => m.Name).Distinct().Count() / distractors.Count:F3} %; {clock.Elapsed.TotalSeconds:F0} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"accepted by the verification band ({catalog.Thresholds.MaxDistance} < d ≤ {LogoMatchThresholds.VerifiedMaxDistance}): {verified.Count}; false matches with it: {matched.Count + verified.Count} = {100.0 * (matched.Count + verified.Count) / results.Count:F3} % per image"));
        foreach (var v in verified) Console.WriteLine($"  verified distractor: {v}");
        foreach (var t in shown)
        {
            var ofT = results.Where(r => r.T == t).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {t}: {ofT.Count(r => r.Distance <= catalog.Thresholds.MaxDistance)} / {ofT.Count}"));
        }
        Console.WriteLine("false-match rate per distractor image by threshold:");
        for (var t = 14; t <= 40; t += 2)
        {
            var n = results.Count(r => r.Distance <= t);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  T={t}: {n} = {100.0 * n / results.Count:F3} %"));
        }
        Console.WriteLine("distance histogram of the nearest reference (distractor images):");
        foreach (var bucket in results.GroupBy(r => Math.Min(r.Distance, 120) / 10 * 10).OrderBy(g => g.Key))
        {
            Console.WriteLine($"  {bucket.Key,3}–{bucket.Key + 9,-3} {bucket.Count()}");
        }
        Console.WriteLine("nearest look-alikes:");
        foreach (var r in results.OrderBy(r => r.Distance).Take(25)) Console.WriteLine($"  {r.Distance,4}  {r.Name} ({r.T}) → {r.Nearest}");

        Console.WriteLine("icon-set marks of configured brands (different artwork from the reference; informative only):");
        foreach (var path in all.Where(f => configuredSlugs.Contains(Path.GetFileNameWithoutExtension(f)) && !ExtraBrands.Contains(Path.GetFileNameWithoutExtension(f))))
        {
            var fp = decoder.TryFingerprint(LogoVariants.Make(path, LogoTransformation.Size120), out _);
            var nearest = fp is null ? null : catalog.Nearest(fp, Hash256.Bits);
            Console.WriteLine($"  {Path.GetFileNameWithoutExtension(path),-20} → {nearest?.Reference.BrandId ?? "-"} {nearest?.Distance}");
        }
        return 0;
    }
}
