using System.Globalization;
using PartnerWatch.Detect.Logos;
using PartnerWatch.Tests.Detect.Logos;
using SkiaSharp;

namespace PartnerWatch.Benchmarks;

/// <summary>
/// <c>whitelogos &lt;refs-dir&gt; &lt;simple-icons/icons&gt; [every-nth-icon]</c>: every reference logo (folders
/// <c>refs/&lt;brand&gt;/&lt;file&gt;</c>, e.g. the RealCorpus refs) drawn the way sites draw logos on dark bands with CSS —
/// a <b>white silhouette on a transparent PNG</b> — and as a small wordmark fitted into boxes of at most 120 × 30 px
/// (transparent PNG in its own colours, and white on transparency), matched against a catalogue of all the references;
/// then the simple-icons marks that are not configured, white on transparency at 32, 64 and 120 px, as distractors.
/// Prints recall per size, every miss with the nearest distance to its brand, and every false match.
/// </summary>
internal static class WhiteLogoMeasurement
{
    private static readonly int[] WhiteSizes = [24, 32, 40, 48, 64, 80, 100, 120, 160];
    private static readonly (int W, int H)[] WordmarkBoxes = [(64, 16), (80, 20), (100, 24), (120, 30)];
    private static readonly int[] DistractorSizes = [32, 64, 120];

    public static int Run(string refs, string icons, int every)
    {
        var decoder = LabelledSet.Decoder();
        var files = LabelledSet.ReferenceFiles(refs);
        var catalog = new LogoCatalog(LabelledSet.Fingerprint(files, decoder), new LogoMatchThresholds());
        Console.WriteLine($"catalogue: {catalog.References.Count} references of {files.Select(f => f.Brand).Distinct().Count()} brands");
        var misses = new List<string>();
        var wrong = new List<string>();
        var tally = new SortedDictionary<string, (int Found, int Total)>(StringComparer.Ordinal);

        void Probe(string brand, string path, string row, byte[] bytes)
        {
            var fp = decoder.TryFingerprint(bytes, out var reason);
            var found = fp is null ? [] : ImageMatches.Find(catalog, fp);
            var hit = found.Any(m => m.Match.BrandId == brand);
            var (f, t) = tally.GetValueOrDefault(row);
            tally[row] = (f + (hit ? 1 : 0), t + 1);
            foreach (var m in found.Where(m => m.Match.BrandId != brand)) wrong.Add($"{row,-18} {Path.GetFileName(path)} → {m.Match.BrandId} d={m.Match.Distance}");
            if (hit) return;
            if (Environment.GetEnvironmentVariable("PW_SAVE_MISSES") is { } dir)
            {
                Directory.CreateDirectory(dir);
                File.WriteAllBytes(Path.Combine(dir, $"{brand}-{Path.GetFileNameWithoutExtension(path)}-{row.Replace(' ', '-')}.png"), bytes);
            }
            var nearest = fp is null ? reason : string.Join(", ", catalog.Candidates(fp, 80).Where(c => c.Reference.BrandId == brand).Take(1).Select(c => $"nearest {c.Distance} ({c.Reference.ReferenceFile})"));
            misses.Add($"{row,-18} {brand,-14} {Path.GetFileName(path)} {fp?.Width}x{fp?.Height} {nearest}");
        }

        foreach (var (brand, path) in files)
        {
            foreach (var size in WhiteSizes)
            {
                Probe(brand, path, $"white {size}", LogoVariants.Png(LogoVariants.Silhouette(LogoVariants.Render(path, size), SKColors.White)));
            }
            using var master = LogoVariants.Render(path, 512);
            var aspect = master.Width / (double)master.Height;
            if (aspect < 2) continue; // a wordmark, not an emblem
            foreach (var (w, h) in WordmarkBoxes)
            {
                var side = (int)Math.Round(Math.Min(w, h * aspect)); // the longer side of the logo fitted into the box
                Probe(brand, path, $"wordmark {w}x{h}", LogoVariants.Png(LogoVariants.Render(path, side)));
                Probe(brand, path, $"white wm {w}x{h}", LogoVariants.Png(LogoVariants.Silhouette(LogoVariants.Render(path, side), SKColors.White)));
            }
        }
        foreach (var (row, (f, t)) in tally) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {row,-18} {f,4}/{t,-4} {f / (double)t:F3}"));
        Console.WriteLine($"wrong brand: {wrong.Count}");
        foreach (var w in wrong) Console.WriteLine("  " + w);
        Console.WriteLine("misses:");
        foreach (var m in misses) Console.WriteLine("  " + m);

        var configured = files.Select(f => f.Brand).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var distractors = Directory.EnumerateFiles(icons, "*.svg").Order(StringComparer.Ordinal)
            .Where(f => !configured.Contains(Path.GetFileNameWithoutExtension(f))).Where((_, i) => i % Math.Max(1, every) == 0).ToList();
        var images = 0;
        var falseMatches = new List<string>();
        foreach (var path in distractors)
        {
            foreach (var size in DistractorSizes)
            {
                ImageFingerprint? fp;
                try { fp = decoder.TryFingerprint(LogoVariants.Png(LogoVariants.Silhouette(LogoVariants.Render(path, size), SKColors.White)), out _); }
                catch (InvalidOperationException) { continue; }
                if (fp is null) continue;
                images++;
                foreach (var m in ImageMatches.Find(catalog, fp)) falseMatches.Add($"{Path.GetFileNameWithoutExtension(path)} white {size} → {m.Match.BrandId} d={m.Match.Distance}/{m.Match.MaxDistance}{(m.Match.DetailSimilarity is { } s ? $" corr={s:F3}" : "")}");
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"white distractors: {distractors.Count} icons, {images} images, false matches {falseMatches.Count} = {100.0 * falseMatches.Count / Math.Max(1, images):F3} % per image"));
        foreach (var f in falseMatches) Console.WriteLine("  " + f);
        return 0;
    }
}
