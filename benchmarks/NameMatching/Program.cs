// Usage (after a Release build of src/PartnerWatch): dotnet run -c Release --project benchmarks/NameMatching -- CORPUS brands-20.json brands-1000.json 400
// (CORPUS: the scan benchmark corpus folder; the brand files: {"PartnerWatch":{"Brands":[...]}} as scan_corpus.catalogue writes them).
// Name matching alone: BrandMatcher.FindInText (automaton) over the text of the benchmark corpus pages with 20 and
// 1,000 brands, against the alternation regex it replaced (built as the old constructor built it).
using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using PartnerWatch.Config;

var asm = typeof(BrandOptions).Assembly;
var matcherType = asm.GetType("PartnerWatch.Detect.BrandMatcher")!;
var normalizer = asm.GetType("PartnerWatch.Detect.TextNormalizer")!;
var normalize = normalizer.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic).First(m => m.Name == "Normalize" && m.GetParameters().Length >= 1);
string Norm(string s) => (string)normalize.Invoke(null, normalize.GetParameters().Length == 1 ? [s] : [s, normalize.GetParameters()[1].DefaultValue ?? 100000])!;

List<BrandOptions> Load(string file)
{
    using var doc = JsonDocument.Parse(File.ReadAllText(file));
    return doc.RootElement.GetProperty("PartnerWatch").GetProperty("Brands").EnumerateArray().Select(b => new BrandOptions
    {
        Id = b.GetProperty("Id").GetString()!, Name = b.GetProperty("Name").GetString()!,
        Aliases = b.TryGetProperty("Aliases", out var a) ? a.EnumerateArray().Select(x => x.GetString()!).ToList() : [],
    }).ToList();
}

var pages = Directory.EnumerateFiles(args[0], "index.html", SearchOption.AllDirectories).Take(int.Parse(args[3])).ToList();
var texts = pages.Select(p => Norm(Regex.Replace(Regex.Replace(File.ReadAllText(p), "<(script|style)[^>]*>.*?</\\1>", " ", RegexOptions.Singleline), "<[^>]+>", " "))).ToList();
Console.WriteLine($"{texts.Count} pages, {texts.Sum(t => t.Length) / 1024} K characters of text");

foreach (var file in new[] { args[1], args[2] })
{
    var brands = Load(file);
    var sw = Stopwatch.StartNew();
    var matcher = Activator.CreateInstance(matcherType, BindingFlags.Public | BindingFlags.Instance, null, [brands], null)!;
    var build = sw.Elapsed.TotalMilliseconds;
    var find = matcherType.GetMethod("FindInText")!;
    var aliases = brands.SelectMany(b => new[] { b.Name }.Concat(b.Aliases)).Select(a => Norm(a)).Where(a => a.Length >= 2 && !a.Any(c => char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.OtherLetter)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    sw.Restart();
    const string w = @"[\p{Lu}\p{Ll}\p{Lt}\p{Nd}]";
    var regex = new Regex($"(?<!{w})(?:{string.Join("|", aliases.OrderByDescending(a => a.Length).ThenBy(a => a, StringComparer.Ordinal).Select(Regex.Escape))})(?!{w})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    var regexBuild = sw.Elapsed.TotalMilliseconds;
    for (var round = 0; round < 3; round++)
    {
        long hitsA = 0, hitsR = 0;
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var t in texts) hitsA += ((System.Collections.ICollection)find.Invoke(matcher, [t, null])!).Count;
        var cpuA = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds;
        cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var t in texts) for (var m = regex.Match(t); m.Success; m = m.NextMatch()) hitsR++;
        var cpuR = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds;
        Console.WriteLine($"{brands.Count} brands ({aliases.Count} delimited aliases), round {round}: automaton {cpuA:0} ms CPU ({cpuA / texts.Count:0.00} ms/page, {hitsA} hits after rules; built in {build:0} ms) | regex {cpuR:0} ms CPU ({cpuR / texts.Count:0.00} ms/page, {hitsR} raw matches; built in {regexBuild:0} ms)");
    }
}
