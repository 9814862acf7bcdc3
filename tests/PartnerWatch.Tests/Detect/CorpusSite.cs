using System.Text.Json;
using System.Text.Json.Serialization;
using PartnerWatch.Config;
using PartnerWatch.Fetch;

namespace PartnerWatch.Tests.Detect;

/// <summary>The labelled corpus in tests/PartnerWatch.Tests/Corpus (format of the shared evaluation kit).</summary>
internal sealed record CorpusFile(
    [property: JsonPropertyName("brands")] List<CorpusBrand> Brands,
    [property: JsonPropertyName("sites")] List<CorpusSite> Sites);

internal sealed record CorpusBrand(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("aliases")] List<string> Aliases,
    [property: JsonPropertyName("domains")] List<string> Domains)
{
    public BrandOptions ToOptions() => new() { Id = Id, Name = Name, Aliases = Aliases, Domains = Domains };
}

internal sealed record CorpusSite(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("truth")] List<string> Truth,
    [property: JsonPropertyName("categories")] List<string> Categories,
    [property: JsonPropertyName("split")] string? Split,
    [property: JsonPropertyName("note")] string Note);

internal static class Corpus
{
    private static readonly Lazy<(string Root, CorpusFile File)> Loaded = new(Load);

    public static string Root => Loaded.Value.Root;
    public static CorpusFile File => Loaded.Value.File;

    public static CorpusSite Site(string id) => File.Sites.Single(s => s.Id == id);

    /// <summary>The site's start page plus the pages it links to that exist on disk (one level, like the crawler).</summary>
    public static async Task<List<CrawledPage>> PagesAsync(CorpusSite site)
    {
        var origin = new Uri("http://corpus.test/");
        var siteDir = System.IO.Path.Combine(Root, "sites", site.Id);
        var start = new Uri(origin, site.Path.EndsWith('/') ? site.Path + "index.html" : site.Path);
        var pages = new List<CrawledPage> { await ReadAsync(start) };
        var seen = new HashSet<string> { start.AbsolutePath };
        foreach (var anchor in pages[0].Document.QuerySelectorAll("a[href]"))
        {
            if (!Uri.TryCreate(start, anchor.GetAttribute("href"), out var link) || link.Host != origin.Host)
            {
                continue;
            }

            var path = Uri.UnescapeDataString(link.AbsolutePath);
            if (path.EndsWith('/'))
            {
                path += "index.html";
            }

            var file = FileFor(path);
            if (file.StartsWith(siteDir, StringComparison.Ordinal) && System.IO.File.Exists(file) && seen.Add(path))
            {
                pages.Add(await ReadAsync(new Uri(origin, path)));
            }
        }

        return pages;
    }

    private static async Task<CrawledPage> ReadAsync(Uri url)
    {
        var file = FileFor(Uri.UnescapeDataString(url.AbsolutePath));
        var bytes = await System.IO.File.ReadAllBytesAsync(file);
        return await DetectionHarness.ParseAsync(url, bytes, DetectionHarness.CharsetOf(file, bytes));
    }

    private static string FileFor(string absolutePath)
        => System.IO.Path.GetFullPath(System.IO.Path.Combine(Root, "sites", absolutePath.TrimStart('/')));

    private static (string, CorpusFile) Load()
    {
        // Another corpus of the same format (e.g. the shared evaluation sample) can be measured by pointing here.
        if (Environment.GetEnvironmentVariable("PARTNERWATCH_DETECT_CORPUS") is { Length: > 0 } overridden)
        {
            var text = System.IO.File.ReadAllText(System.IO.Path.Combine(overridden, "corpus.json"));
            return (overridden, JsonSerializer.Deserialize<CorpusFile>(text) ?? throw new InvalidDataException("corpus.json is empty"));
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "tests", "PartnerWatch.Tests", "Corpus");
            if (System.IO.File.Exists(System.IO.Path.Combine(candidate, "corpus.json")))
            {
                var json = System.IO.File.ReadAllText(System.IO.Path.Combine(candidate, "corpus.json"));
                return (candidate, JsonSerializer.Deserialize<CorpusFile>(json) ?? throw new InvalidDataException("corpus.json is empty"));
            }
        }

        throw new DirectoryNotFoundException($"tests/PartnerWatch.Tests/Corpus/corpus.json not found above {AppContext.BaseDirectory}");
    }
}
