using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PartnerWatch.Detect.Logos;

namespace PartnerWatch.Benchmarks;

/// <summary>
/// <c>landscape &lt;corpus-dir&gt; [verbose]</c>: the logo-image part of the scorer's run on a corpus written by
/// <c>shared/eval/walls/build_walls.py</c>, image by image. Every wall image in its manifest is decoded and matched as a
/// scan would (<see cref="ImageMatches.Find"/>), without HTTP or text rules, and the result is broken down by what the
/// generator did to the tile (format, treatment, background, size): recall per variant, every false match with its
/// distance and the path that accepted it, pair-level precision/recall per site, and time per image and per wall.
/// A development tool: the headline figure of record stays the scorer's.
/// </summary>
internal static class LandscapeMeasurement
{
    public static int Run(string corpusDirectory, bool verbose)
    {
        using var corpus = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(corpusDirectory, "corpus.json")));
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(corpusDirectory, "manifest.json")));
        var decoder = LabelledSet.Decoder();
        var files = corpus.RootElement.GetProperty("brands").EnumerateArray()
            .SelectMany(b => b.GetProperty("logos").EnumerateArray().Select(l => (b.GetProperty("id").GetString()!, Path.Combine(corpusDirectory, "refs", l.GetString()!))))
            .ToList();
        var clock = Stopwatch.StartNew();
        var catalog = new LogoCatalog(LabelledSet.Fingerprint(files, decoder), new LogoMatchThresholds());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"catalogue: {catalog.References.Count} references in {clock.Elapsed.TotalSeconds:F1} s"));

        var truthBySite = corpus.RootElement.GetProperty("sites").EnumerateArray()
            .ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("truth").EnumerateArray().Select(t => t.GetString()!).ToHashSet());
        var byTag = new SortedDictionary<string, (int Found, int Total)>(StringComparer.Ordinal);
        var falseMatches = new List<string>();
        var misses = new List<string>();
        int tp = 0, fp = 0, fn = 0, images = 0;
        var wallTimes = new List<double>();
        foreach (var site in manifest.RootElement.GetProperty("sites").EnumerateArray())
        {
            var id = site.GetProperty("id").GetString()!;
            var found = new HashSet<string>();
            var siteClock = Stopwatch.StartNew();
            foreach (var image in site.GetProperty("images").EnumerateArray())
            {
                images++;
                var src = image.GetProperty("src").GetString()!.TrimStart('/');
                var bytes = File.ReadAllBytes(Path.Combine(corpusDirectory, "sites", src));
                var brand = image.GetProperty("brand").ValueKind == JsonValueKind.String ? image.GetProperty("brand").GetString() : null;
                var fingerprint = decoder.TryFingerprint(bytes, out var reason);
                var matches = fingerprint is null ? [] : ImageMatches.Find(catalog, fingerprint);
                foreach (var m in matches) found.Add(m.Match.BrandId);
                var describe = Describe(image);
                if (brand is not null)
                {
                    var hit = matches.Any(m => m.Match.BrandId == brand);
                    foreach (var tag in Tags(image))
                    {
                        var (f, t) = byTag.GetValueOrDefault(tag);
                        byTag[tag] = (f + (hit ? 1 : 0), t + 1);
                    }
                    if (!hit)
                    {
                        var nearest = fingerprint is null ? reason : string.Join(", ", catalog.Candidates(fingerprint, 80).Where(c => c.Reference.BrandId == brand).Take(1).Select(c => $"nearest {c.Distance}"));
                        misses.Add($"{brand,-12} {describe} {nearest} {src}");
                    }
                }
                foreach (var m in matches.Where(m => m.Match.BrandId != brand))
                {
                    falseMatches.Add($"{m.Match.BrandId,-12} <- {image.GetProperty("logo").GetString()} {describe} d={m.Match.Distance}/{m.Match.MaxDistance}{(m.Match.DetailSimilarity is { } s ? $" corr={s:F3}" : "")} {src}");
                }
            }
            wallTimes.Add(siteClock.Elapsed.TotalMilliseconds);
            var truth = truthBySite[id];
            tp += found.Count(truth.Contains);
            fp += found.Count(b => !truth.Contains(b));
            fn += truth.Count(b => !found.Contains(b));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pairs (logo images only): precision={tp / (double)Math.Max(1, tp + fp):F3} recall={tp / (double)Math.Max(1, tp + fn):F3} (tp={tp} fp={fp} fn={fn})"));
        var brandTiles = byTag.GetValueOrDefault("all");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"brand tiles found {brandTiles.Found}/{brandTiles.Total}; false matches on {falseMatches.Count} of {images - brandTiles.Total} distractor tiles"));
        foreach (var (tag, (f, t)) in byTag) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {tag,-18} {f,4}/{t,-4} {f / (double)t:F3}"));
        var sorted = wallTimes.Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"time per wall page ({images / (double)wallTimes.Count:F0} images): median {sorted[sorted.Count / 2]:F0} ms, mean {sorted.Average():F0} ms, max {sorted[^1]:F0} ms; per image {sorted.Sum() / images:F1} ms"));
        Console.WriteLine("false matches:");
        foreach (var f in falseMatches.Take(verbose ? int.MaxValue : 60)) Console.WriteLine("  " + f);
        Console.WriteLine("missed brand tiles:");
        foreach (var m in misses.Take(verbose ? int.MaxValue : 60)) Console.WriteLine("  " + m);
        return 0;
    }

    private static IEnumerable<string> Tags(JsonElement image)
    {
        yield return "all";
        yield return "fmt:" + image.GetProperty("format").GetString();
        yield return "treat:" + image.GetProperty("treatment").GetString();
        yield return "style:" + image.GetProperty("style").GetString();
        var h = image.GetProperty("logo_size")[1].GetInt32();
        yield return h <= 24 ? "h:<=24" : h <= 40 ? "h:25-40" : h <= 64 ? "h:41-64" : "h:>64";
        foreach (var tag in image.TryGetProperty("pair_tags", out var tags) ? tags.EnumerateArray().Select(t => t.GetString()!) : []) yield return "tag:" + tag;
    }

    private static string Describe(JsonElement image) =>
        $"[{image.GetProperty("style").GetString()} {image.GetProperty("format").GetString()} {image.GetProperty("treatment").GetString()} bg={image.GetProperty("background").GetString()} size={image.GetProperty("size")[0]}x{image.GetProperty("size")[1]} logo={image.GetProperty("logo_size")[0]}x{image.GetProperty("logo_size")[1]}]";
}
