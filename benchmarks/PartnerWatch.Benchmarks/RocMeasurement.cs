using System.Globalization;
using PartnerWatch.Detect.Logos;
using PartnerWatch.Tests.Detect.Logos;

namespace PartnerWatch.Benchmarks;

/// <summary>
/// <c>roc &lt;fixtures&gt; [distractor-icons-dir]</c>: renders every (reference, transformation) variant, measures
/// the distance to the nearest reference of the right brand and of any other brand, and the distance of every
/// negative to the nearest reference; prints recall and false-match rate per threshold and per transformation.
/// </summary>
internal static class RocMeasurement
{
    public static int Run(string fixtures, string? distractorDirectory, int? threshold)
    {
        var decoder = LabelledSet.Decoder();
        var files = LabelledSet.ReferenceFiles(Path.Combine(fixtures, "refs"));
        var references = LabelledSet.Fingerprint(files, decoder);
        // Radius 256 so every gated distance is seen; thresholds are applied afterwards.
        var catalog = new LogoCatalog(references, new LogoMatchThresholds(MaxDistance: Hash256.Bits));
        var production = new LogoCatalog(references, new LogoMatchThresholds());
        var positives = new List<(LogoTransformation T, string Brand, string File, int Right, int Wrong)>();
        var accepted = new List<(LogoTransformation T, string File, string Brand, string? Matched)>();
        foreach (var (brand, path) in files)
        {
            foreach (var t in LabelledSet.Transformations)
            {
                var fp = decoder.TryFingerprint(LogoVariants.Make(path, t), out var reason);
                if (fp is null)
                {
                    Console.Error.WriteLine($"variant {t} of {path} rejected: {reason}");
                    positives.Add((t, brand, Path.GetFileName(path), int.MaxValue, int.MaxValue));
                    continue;
                }
                accepted.Add((t, Path.GetFileName(path), brand, production.Match(fp)?.BrandId));
                var all = catalog.Candidates(fp, Hash256.Bits);
                var right = all.Where(c => c.Reference.BrandId == brand).Select(c => c.Distance).DefaultIfEmpty(int.MaxValue).Min();
                var wrong = all.Where(c => c.Reference.BrandId != brand).Select(c => c.Distance).DefaultIfEmpty(int.MaxValue).Min();
                positives.Add((t, brand, Path.GetFileName(path), right, wrong));
            }
        }
        var negatives = new List<(string Name, int Distance, string Nearest)>();
        var negativeFiles = Directory.EnumerateFiles(Path.Combine(fixtures, "negatives")).ToList();
        if (distractorDirectory is not null) negativeFiles.AddRange(Directory.EnumerateFiles(distractorDirectory, "*.svg").Where(f => !IsConfiguredBrand(f, references)));
        foreach (var path in negativeFiles)
        {
            foreach (var t in new[] { LogoTransformation.Size120, LogoTransformation.Jpeg60, LogoTransformation.WhiteOnDark })
            {
                var fp = decoder.TryFingerprint(LogoVariants.Make(path, t), out _);
                if (fp is null) continue;
                if (production.Match(fp) is { } m) Console.WriteLine($"negative matched by the production catalogue: {Path.GetFileName(path)}:{t} → {m.BrandId} ({m.Distance})");
                var best = catalog.Nearest(fp, Hash256.Bits);
                negatives.Add(($"{Path.GetFileName(path)}:{t}", best?.Distance ?? int.MaxValue, best is null ? "-" : $"{best.Value.Reference.BrandId}/{best.Value.Reference.ReferenceFile}"));
            }
        }

        Console.WriteLine($"positives={positives.Count} negatives={negatives.Count} references={references.Count}");
        Console.WriteLine("T\trecall\twrong-brand\tneg-false-match");
        for (var t = 10; t <= 60; t += 2)
        {
            var recall = positives.Count(p => p.Right <= t && p.Right < p.Wrong) / (double)positives.Count;
            var wrongBrand = positives.Count(p => p.Wrong <= t && p.Wrong <= p.Right) / (double)positives.Count;
            var fm = negatives.Count(n => n.Distance <= t) / (double)Math.Max(1, negatives.Count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t}\t{recall:F3}\t{wrongBrand:F3}\t{fm:F4}"));
        }
        var chosen = threshold ?? LogoMatchThresholds.DefaultMaxDistance;
        Console.WriteLine($"\nper transformation at T={chosen}: recall, wrong-brand, max right distance");
        foreach (var g in positives.GroupBy(p => p.T))
        {
            var recall = g.Count(p => p.Right <= chosen && p.Right < p.Wrong) / (double)g.Count();
            var wrong = g.Count(p => p.Wrong <= chosen && p.Wrong <= p.Right) / (double)g.Count();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{g.Key}\t{recall:F3}\t{wrong:F3}\t{g.Max(p => p.Right)}\t misses: {string.Join(", ", g.Where(p => !(p.Right <= chosen && p.Right < p.Wrong)).Select(p => $"{p.File}({p.Right}/{p.Wrong})"))}"));
        }
        Console.WriteLine($"\nper transformation, production catalogue (T={LogoMatchThresholds.DefaultMaxDistance} + verified band to {LogoMatchThresholds.VerifiedMaxDistance} + detail check of small images): recall, wrong brand");
        foreach (var g in accepted.GroupBy(a => a.T))
        {
            var ok = g.Count(a => string.Equals(a.Matched, a.Brand, StringComparison.OrdinalIgnoreCase));
            var wrong = g.Count(a => a.Matched is not null && !string.Equals(a.Matched, a.Brand, StringComparison.OrdinalIgnoreCase));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{g.Key}\t{ok / (double)g.Count():F3}\twrong={wrong}\t misses: {string.Join(", ", g.Where(a => !string.Equals(a.Matched, a.Brand, StringComparison.OrdinalIgnoreCase)).Select(a => a.File))}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"overall production recall {accepted.Count(a => string.Equals(a.Matched, a.Brand, StringComparison.OrdinalIgnoreCase)) / (double)accepted.Count:F3}"));
        Console.WriteLine("\nnearest negatives:");
        foreach (var n in negatives.OrderBy(n => n.Distance).Take(15)) Console.WriteLine($"{n.Distance}\t{n.Name}\t→ {n.Nearest}");
        return 0;
    }

    public static bool IsConfiguredBrand(string iconPath, IEnumerable<LogoReference> references)
    {
        var slug = Path.GetFileNameWithoutExtension(iconPath);
        return references.Any(r => string.Equals(r.BrandId, slug, StringComparison.OrdinalIgnoreCase))
            || slug is "amazonwebservices" or "amazon";
    }
}
