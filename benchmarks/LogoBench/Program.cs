using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using PartnerWatch.Config;
using PartnerWatch.Detect.Logos;

// The logo pipeline on its own, for issue 12 (CPU per image, catalogue start-up) and for proving a refactor changes no
// answer: every fingerprint (all variants, maps and wall tiles) is digested per image, so two builds can be diffed.
//   images  <dir> <brands.json> <out.tsv> [maxImages] [split-all]
//           fingerprint + match every image under dir, once each, no cache; wall tiles as the scan cuts them (only an
//           image that matches nothing whole), or of every image that may be a wall with split-all
//   catalog <brands.json> [cacheDir]                    build the reference catalogue, print its time
//   photos  <out.tsv> <dir>...                          the photo test's figures and decision for every raster image
return args switch
{
    ["images", var dir, var brands, var output, .. var rest] => Images(dir, brands, output, rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : int.MaxValue, rest.Contains("split-all")),
    ["catalog", var brands, .. var rest] => Catalog(brands, rest.FirstOrDefault()),
    ["photos", var output, .. var dirs] => Photos(output, dirs),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: images <dir> <brands.json> <out.tsv> [max] | catalog <brands.json> [cacheDir] | photos <out.tsv> <dir>...");
    return 2;
}

// The photo test's figures for every raster image under the folders, decoded as the scan decodes them (≤ 1,024 px):
// path, size, opaque, edge share of the most common colour, distinct colours, area share, and the decision.
static int Photos(string output, string[] dirs)
{
    string[] extensions = [".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp"];
    var lines = new List<string>();
    foreach (var dir in dirs)
    {
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Where(f => extensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Order(StringComparer.Ordinal))
        {
            using var codec = SkiaSharp.SKCodec.Create(file);
            if (codec is null) continue;
            var info = codec.Info;
            var scale = Math.Min(1f, 1024f / Math.Max(info.Width, info.Height));
            var size = scale < 1f ? codec.GetScaledDimensions(scale) : new SkiaSharp.SKSizeI(info.Width, info.Height);
            var decodeInfo = new SkiaSharp.SKImageInfo(size.Width, size.Height, SkiaSharp.SKColorType.Rgba8888, SkiaSharp.SKAlphaType.Premul);
            using var bitmap = new SkiaSharp.SKBitmap(decodeInfo);
            var result = codec.GetPixels(decodeInfo, bitmap.GetPixels());
            if (result == SkiaSharp.SKCodecResult.InvalidScale) continue;
            var pixels = bitmap.GetPixelSpan();
            var opaque = true;
            for (var i = 3; i < pixels.Length; i += 4) if (pixels[i] < 250) { opaque = false; break; }
            var m = PhotoFilter.Measure(bitmap);
            var photo = opaque && PhotoFilter.IsPhoto(bitmap);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{file}\t{bitmap.Width}x{bitmap.Height}\t{(opaque ? "opaque" : "alpha")}\t{m.EdgeShare:F3}\t{m.Distinct}\t{m.AreaShare:F3}\t{(photo ? "PHOTO" : "-")}"));
        }
    }
    File.WriteAllLines(output, lines);
    Console.WriteLine($"{lines.Count} images, {lines.Count(l => l.EndsWith("PHOTO", StringComparison.Ordinal))} judged photos");
    return 0;
}

static PartnerWatchOptions Options(string brandsFile, string? cacheDir)
{
    var brands = JsonSerializer.Deserialize<List<BrandOptions>>(File.ReadAllText(brandsFile))!;
    var options = new PartnerWatchOptions { Brands = brands, BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(brandsFile))! };
    if (cacheDir is not null) options.Storage.DataDirectory = cacheDir;
    return options;
}

static int Catalog(string brandsFile, string? cacheDir)
{
    var options = Options(brandsFile, cacheDir);
    var decoder = new LogoImageDecoder(options);
    var process = Process.GetCurrentProcess();
    var heap0 = GC.GetTotalMemory(forceFullCollection: true);
    var cpu0 = process.TotalProcessorTime;
    var wall = Stopwatch.StartNew();
    var store = cacheDir is null ? null : new ReferenceFingerprintStore(Path.Combine(cacheDir, "cache", "logo-references"), NullLogger.Instance);
    var catalog = new LogoCatalog(options, decoder, NullLogger<LogoCatalog>.Instance, store);
    wall.Stop();
    process.Refresh();
    var cpu = process.TotalProcessorTime - cpu0;
    var variants = catalog.References.Sum(r => r.Fingerprint.Variants.Count);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"catalog: {catalog.References.Count} references, {variants} variants, {catalog.Problems.Count} problems; wall {wall.Elapsed.TotalSeconds:F2} s, CPU {cpu.TotalSeconds:F2} s"));
    // What the loaded catalogue holds (managed heap after a full collection, catalogue alive) and the process's peak.
    var retained = GC.GetTotalMemory(forceFullCollection: true) - heap0;
    GC.KeepAlive(catalog);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"catalog memory: {retained / 1048576.0:F1} MB retained on the managed heap; process peak RSS {PeakRssMb():F0} MB"));
    using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    foreach (var r in catalog.References) sha.AppendData(Encoding.UTF8.GetBytes(r.BrandId + " " + r.ReferenceFile + " " + Digest(r.Fingerprint) + "\n"));
    Console.WriteLine("catalog digest: " + Convert.ToHexString(sha.GetHashAndReset())[..16]);
    return 0;
}

static int Images(string dir, string brandsFile, string output, int max, bool splitAll)
{
    var options = Options(brandsFile, null);
    var decoder = new LogoImageDecoder(options);
    var catalog = new LogoCatalog(options, decoder, NullLogger<LogoCatalog>.Instance);
    string[] extensions = [".png", ".jpg", ".gif", ".webp", ".svg"];
    var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
        .Where(f => extensions.Contains(Path.GetExtension(f)))
        .Order(StringComparer.Ordinal).Take(max).ToList();
    var bytes = files.Select(File.ReadAllBytes).ToList();
    // Warm-up: JIT the pipeline on a few images first, so the figure is the steady state of a long scan.
    Func<ImageFingerprint, bool>? splitWall = splitAll ? null : whole => catalog.Match(whole) is null;
    foreach (var b in bytes.Take(40)) decoder.TryFingerprint(b, splitWall, out _);
    GC.Collect();
    var process = Process.GetCurrentProcess();
    var allocated0 = GC.GetTotalAllocatedBytes(true);
    var gen2 = GC.CollectionCount(2);
    var cpu0 = process.TotalProcessorTime;
    var wall = Stopwatch.StartNew();
    var results = new List<(ImageFingerprint? Fingerprint, string? Reason)>(files.Count);
    foreach (var b in bytes)
    {
        results.Add((decoder.TryFingerprint(b, splitWall, out var reason), reason));
    }
    var fingerprintCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
    var matchCpu0 = Process.GetCurrentProcess().TotalProcessorTime;
    var lines = new List<string>(files.Count);
    var matched = 0;
    for (var i = 0; i < files.Count; i++)
    {
        var (fp, reason) = results[i];
        var found = fp is null ? [] : ImageMatches.Find(catalog, fp);
        if (found.Count > 0) matched++;
        var brands = string.Join(",", found.Select(f => f.Match.BrandId).Order(StringComparer.Ordinal));
        lines.Add($"{Path.GetRelativePath(dir, files[i])}\t{brands}\t{(fp is null ? "reject:" + reason : Digest(fp))}\t{string.Join(" | ", found.Select(f => f.Detail).Order(StringComparer.Ordinal))}");
    }
    var matchCpu = (Process.GetCurrentProcess().TotalProcessorTime - matchCpu0).TotalSeconds;
    wall.Stop();
    File.WriteAllLines(output, lines);
    var allocated = GC.GetTotalAllocatedBytes(true) - allocated0;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"images: {files.Count} ({bytes.Sum(b => (long)b.Length) / 1e6:F1} MB), {results.Count(r => r.Fingerprint is not null)} fingerprinted, {results.Sum(r => r.Fingerprint?.Parts.Count ?? 0)} wall tiles, {matched} with a match"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"fingerprint CPU {fingerprintCpu:F2} s = {1000 * fingerprintCpu / files.Count:F2} ms/image; match CPU {matchCpu:F2} s = {1000 * matchCpu / files.Count:F2} ms/image; wall {wall.Elapsed.TotalSeconds:F1} s; allocated {allocated / 1e9:F2} GB; gen-2 GCs {GC.CollectionCount(2) - gen2}"));
    return 0;
}

static string Digest(ImageFingerprint fp)
{
    var text = new StringBuilder();
    Append(text, fp);
    return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16] + $"/{fp.Variants.Count}v/{fp.Parts.Count}p";
}

static void Append(StringBuilder text, ImageFingerprint fp)
{
    text.Append(CultureInfo.InvariantCulture, $"{fp.Format} {fp.Width}x{fp.Height} {fp.Region};");
    foreach (var v in fp.Variants)
    {
        text.Append(CultureInfo.InvariantCulture, $"{v.Hash} {v.ContentWidth}x{v.ContentHeight} {v.Layout} {v.RenderedLongSide} {v.Colours.Packed:x}");
        if (v.Map is { } map)
        {
            text.Append(CultureInfo.InvariantCulture, $" map {map.Width}x{map.Height}:");
            for (var y = 0; y < map.Height; y++)
                for (var x = 0; x < map.Width; x++) text.Append(map[x, y].ToString("x2", CultureInfo.InvariantCulture));
        }
        text.Append(';');
    }
    foreach (var part in fp.Parts) { text.Append('['); Append(text, part); text.Append(']'); }
}

static double PeakRssMb()
{
    var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
}
