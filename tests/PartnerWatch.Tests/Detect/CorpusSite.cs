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
        var start = FollowRedirects(origin, new Uri(origin, site.Path.EndsWith('/') ? site.Path + "index.html" : site.Path));
        var pages = new List<CrawledPage> { await ReadAsync(start) };
        var seen = new HashSet<string> { start.AbsolutePath };
        // Links resolve against <base href> when the page declares one, as in a browser and in the crawler.
        var linkBase = pages[0].Document.QuerySelector("base[href]")?.GetAttribute("href") is { Length: > 0 } declared &&
                       Uri.TryCreate(start, declared, out var b) ? b : start;
        foreach (var anchor in pages[0].Document.QuerySelectorAll("a[href]"))
        {
            if (!Uri.TryCreate(linkBase, anchor.GetAttribute("href"), out var link) || link.Host != origin.Host)
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

    /// <summary>A start page whose sidecar says <c>Status: 301</c> stands for its <c>Location</c> (a few hops at most).</summary>
    private static Uri FollowRedirects(Uri origin, Uri url)
    {
        for (var hop = 0; hop < 5; hop++)
        {
            var sidecar = FileFor(Uri.UnescapeDataString(url.AbsolutePath)) + ".headers";
            var location = System.IO.File.Exists(sidecar)
                ? System.IO.File.ReadAllLines(sidecar).FirstOrDefault(l => l.StartsWith("Location:", StringComparison.OrdinalIgnoreCase))
                : null;
            if (location is null)
            {
                return url;
            }

            var target = location["Location:".Length..].Trim().Replace("__ORIGIN__", origin.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal);
            url = new Uri(url, target);
            if (url.AbsolutePath.EndsWith('/'))
            {
                url = new Uri(url, "index.html");
            }
        }

        return url;
    }

    /// <summary>Decodes like the fetch stage: BOM, then the sidecar's header charset, then &lt;meta&gt;, then sniffing.</summary>
    private static async Task<CrawledPage> ReadAsync(Uri url)
    {
        var file = FileFor(Uri.UnescapeDataString(url.AbsolutePath));
        var bytes = await System.IO.File.ReadAllBytesAsync(file);
        return await DetectionHarness.ParseDecodedAsync(url, bytes, DetectionHarness.HeaderCharsetOf(file));
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
