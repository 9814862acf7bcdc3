using System.Diagnostics;
using System.Globalization;
using PartnerWatch.Detect.Logos;
using PartnerWatch.Tests.Detect.Logos;
using SkiaSharp;

namespace PartnerWatch.Benchmarks;

/// <summary>
/// <c>walls &lt;fixtures&gt; [count] [icons-dir]</c>: composes <c>count</c> random partner walls (4–8 fixture logos, grid or
/// row, plain / cards / table, white or light grey, PNG or JPEG q60–90, one size or mixed sizes), decodes each as one
/// image and prints the share of its logos found (per layout), wrong brands, tiles per wall and time per wall; then the
/// same number of walls of the fixture negatives and, when an icons folder is given, of simple-icons marks that are not
/// configured, where every match is a false one.
/// </summary>
internal static class WallMeasurement
{
    private static readonly string[] NotConfiguredIcons = ["amazonwebservices", "vmware", "siemens", "samsung", "fujitsu", "accenture", "ericsson", "nokia", "bosch"];

    public static int Run(string fixtures, int count, string? icons)
    {
        var decoder = LabelledSet.Decoder();
        var files = LabelledSet.ReferenceFiles(Path.Combine(fixtures, "refs"));
        var catalog = new LogoCatalog(LabelledSet.Fingerprint(files, decoder), new LogoMatchThresholds());
        var byBrand = files.GroupBy(f => f.Brand).ToDictionary(g => g.Key, g => g.Select(f => f.Path).ToList());
        Console.WriteLine($"catalogue: {byBrand.Count} brands, {files.Count} reference files; {count} walls per set");

        var random = new Random(20261126);
        var positives = new List<WallResult>();
        for (var w = 0; w < count; w++)
        {
            var brands = byBrand.Keys.OrderBy(_ => random.Next()).Take(random.Next(4, 9)).ToList();
            var logos = brands.Select(b => (b, byBrand[b][random.Next(byBrand[b].Count)])).ToList();
            positives.Add(Measure(decoder, catalog, logos, random));
        }
        Report("configured logos", positives);
        foreach (var group in positives.GroupBy(p => p.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var logos = group.Sum(g => g.Expected.Count);
            var found = group.Sum(g => g.Expected.Count(e => g.Found.Contains(e)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {group.Key,-28} walls {group.Count(),3}  logos {logos,3}  recall {found / (double)logos:F3}"));
        }
        foreach (var miss in positives.SelectMany(p => p.Expected.Where(e => !p.Found.Contains(e)).Select(e => $"{e} in {p.Kind} ({p.Expected.Count} logos)")).GroupBy(m => m).OrderByDescending(g => g.Count()))
            Console.WriteLine($"  missed: {miss.Key} ×{miss.Count()}");

        var negatives = Directory.EnumerateFiles(Path.Combine(fixtures, "negatives"), "*.svg").Order(StringComparer.Ordinal).ToList();
        SingleLogos(decoder, catalog, files.Concat(negatives.Select(n => ("-" + Path.GetFileNameWithoutExtension(n), n))).ToList());
        Report("fixture negatives", Walls(decoder, catalog, negatives, count, random));
        if (icons is not null && Directory.Exists(icons))
        {
            var configured = byBrand.Keys.Concat(NotConfiguredIcons).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var distractors = Directory.EnumerateFiles(icons, "*.svg").Where(f => !configured.Contains(Path.GetFileNameWithoutExtension(f))).Order(StringComparer.Ordinal).ToList();
            Report("simple-icons distractors", Walls(decoder, catalog, distractors, 4 * count, random));
        }
        return 0;
    }

    private sealed record WallResult(string Kind, List<string> Expected, HashSet<string> Found, HashSet<string> FoundWhole, int Tiles, double Milliseconds, List<string> Wrong);

    private static List<WallResult> Walls(LogoImageDecoder decoder, LogoCatalog catalog, List<string> files, int count, Random random)
    {
        var results = new List<WallResult>();
        for (var w = 0; w < count; w++)
        {
            var picked = files.OrderBy(_ => random.Next()).Take(random.Next(4, 9)).Select(f => ("-" + Path.GetFileNameWithoutExtension(f), f)).ToList();
            try { results.Add(Measure(decoder, catalog, picked, random)); }
            catch (InvalidOperationException) { w--; } // an icon Skia cannot render: pick another wall
        }
        return results;
    }

    private static WallResult Measure(LogoImageDecoder decoder, LogoCatalog catalog, List<(string Brand, string Path)> logos, Random random)
    {
        var columns = random.Next(2) == 0 ? logos.Count : (logos.Count + 1) / 2;
        var style = (WallStyle)random.Next(3);
        var page = random.Next(2) == 0 ? PartnerWallComposer.White : PartnerWallComposer.LightGrey;
        var mixed = random.Next(2) == 0;
        var size = random.Next(100, 161);
        var wallLogos = logos.Select(l => new WallLogo(l.Brand, l.Path, mixed ? random.Next(70, 161) : size)).ToList();
        var layout = new WallLayout(columns, size + 60, (int)(size * 0.75) + 30, page, style);
        var jpeg = random.Next(3) == 0 ? random.Next(60, 91) : 0;
        var bitmap = PartnerWallComposer.Compose(wallLogos, layout);
        var bytes = jpeg > 0 ? LogoVariants.Jpeg(bitmap, jpeg) : LogoVariants.Png(bitmap);
        var kind = $"{(columns == logos.Count ? "row" : "grid")} {style} {(mixed ? "mixed" : "same")} {(jpeg > 0 ? "jpeg" : "png")}";

        var clock = Stopwatch.StartNew();
        var fingerprint = decoder.TryFingerprint(bytes, out var reason) ?? throw new InvalidOperationException(reason);
        var found = ImageMatches.Find(catalog, fingerprint);
        var elapsed = clock.Elapsed.TotalMilliseconds;

        if (Environment.GetEnvironmentVariable("WALLS_DUMP") is { Length: > 0 } dump) Dump(dump, bytes, fingerprint, found, kind + " " + string.Join(",", logos.Select(l => l.Brand)));
        var expected = logos.Select(l => l.Brand).Where(b => !b.StartsWith('-')).ToList();
        var foundBrands = found.Select(f => f.Match.BrandId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var whole = catalog.Match(fingerprint) is { } m ? new HashSet<string>([m.BrandId]) : [];
        var wrong = found.Where(f => !expected.Contains(f.Match.BrandId)).Select(f => $"{f.Match.BrandId} ({f.Detail}) in [{string.Join(", ", logos.Select(l => Path.GetFileName(l.Path)))}] {kind}").ToList();
        return new WallResult(kind, expected, foundBrands, whole, fingerprint.Parts.Count, elapsed, wrong);
    }

    /// <summary>What splitting costs and risks on images that are one logo: tiles made, other brands named, time.</summary>
    private static void SingleLogos(LogoImageDecoder decoder, LogoCatalog catalog, List<(string Brand, string Path)> files)
    {
        foreach (var t in new[] { LogoTransformation.Size120, LogoTransformation.Size400, LogoTransformation.Size800, LogoTransformation.PaddedCard })
        {
            int split = 0, tiles = 0, wrong = 0;
            var images = files.Select(f => (f.Brand, Bytes: LogoVariants.Make(f.Path, t))).ToList();
            var clock = Stopwatch.StartNew();
            foreach (var (brand, bytes) in images)
            {
                var fp = decoder.TryFingerprint(bytes, out _);
                if (fp is null) continue;
                if (fp.Parts.Count > 0) split++;
                tiles += fp.Parts.Count;
                wrong += ImageMatches.Find(catalog, fp).Count(f => f.Match.BrandId != brand);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"single logos {t}: {files.Count} images, {split} split ({tiles} tiles), other brands named: {wrong}; {clock.Elapsed.TotalMilliseconds / files.Count:F1} ms per image (decode + split + match)"));
        }
    }

    // Development aid: the wall with its tiles outlined, and what each tile matched.
    private static void Dump(string directory, byte[] bytes, ImageFingerprint fingerprint, IReadOnlyList<BrandInImage> found, string kind)
    {
        Directory.CreateDirectory(directory);
        var n = Directory.EnumerateFiles(directory, "*.txt").Count();
        File.WriteAllBytes(Path.Combine(directory, $"raw{n:D3}" + (bytes[0] == 0xFF ? ".jpg" : ".bin")), bytes);
        using var wall = SKBitmap.Decode(bytes);
        using (var canvas = new SKCanvas(wall))
        using (var pen = new SKPaint { Color = SKColors.Red, Style = SKPaintStyle.Stroke, StrokeWidth = 1 })
        {
            foreach (var part in fingerprint.Parts)
            {
                if (part.Region is { } r) canvas.DrawRect(SKRect.Create(r.X + 0.5f, r.Y + 0.5f, r.Width - 1, r.Height - 1), pen);
            }
        }
        File.WriteAllBytes(Path.Combine(directory, $"wall{n:D3}.png"), LogoVariants.Png(wall.Copy()));
        File.WriteAllLines(Path.Combine(directory, $"wall{n:D3}.txt"), [kind, .. fingerprint.Parts.Select((p, i) => $"tile {i + 1} {p.Region}"), .. found.Select(f => $"{f.Match.BrandId}: {f.Detail}")]);
    }

    private static void Report(string name, List<WallResult> walls)
    {
        var logos = walls.Sum(w => w.Expected.Count);
        var found = walls.Sum(w => w.Expected.Count(e => w.Found.Contains(e)));
        var whole = walls.Sum(w => w.Expected.Count(e => w.FoundWhole.Contains(e)));
        var times = walls.Select(w => w.Milliseconds).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {walls.Count} walls, {walls.Sum(w => w.Tiles)} tiles ({walls.Average(w => w.Tiles):F1}/wall, {walls.Count(w => w.Tiles == 0)} walls not split)"));
        if (logos > 0)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  per-logo recall {found}/{logos} = {found / (double)logos:F3} (whole image only: {whole}/{logos})"));
        var wrong = walls.SelectMany(w => w.Wrong).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  false matches: {wrong.Count} in {walls.Count} walls ({walls.Count(w => w.Wrong.Count > 0)} walls with any)"));
        foreach (var w in wrong.Take(10)) Console.WriteLine($"    {w}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  decode + split + match per wall: median {times[times.Count / 2]:F0} ms, mean {times.Average():F0} ms, max {times[^1]:F0} ms"));
    }
}
