using AngleSharp.Html.Parser;
using PartnerWatch.Detect;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Detect;

/// <summary>
/// The texts the context rules read, taken from every page of the real corpus (every split: the equivalence tests look
/// at wording, not at labels) and of the synthetic corpus: each element's text as the resolver normalises it, its
/// sentences, and the alt, title, aria-label and content attributes. Distinct texts only, read once per test run.
/// </summary>
internal static class CorpusSentences
{
    private static readonly Lazy<IReadOnlyList<string>> Loaded = new(Load);

    public static IReadOnlyList<string> All => Loaded.Value;

    private static IReadOnlyList<string> Load()
    {
        var texts = new HashSet<string>(StringComparer.Ordinal);
        var parser = new HtmlParser();
        var roots = new[] { RepositoryRoot.Combine("tests", "PartnerWatch.Tests", "RealCorpus", "sites"), RepositoryRoot.Combine("tests", "PartnerWatch.Tests", "Corpus", "sites") };
        foreach (var file in roots.SelectMany(r => Directory.EnumerateFiles(r, "*.htm*", SearchOption.AllDirectories)).Order(StringComparer.Ordinal))
        {
            var document = parser.ParseDocument(File.ReadAllText(file));
            foreach (var element in document.All)
            {
                if (element.TextContent.Length <= 4000)
                {
                    var text = TextNormalizer.Normalize(element.TextContent, 300);
                    texts.Add(text);
                    foreach (var sentence in text.Split(['.', '!', '?', '。', '！', '？', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        texts.Add(sentence);
                    }
                }

                foreach (var name in (string[])["alt", "title", "aria-label", "content"])
                {
                    if (element.GetAttribute(name) is { Length: > 0 } value)
                    {
                        texts.Add(TextNormalizer.Normalize(value, 200));
                    }
                }
            }
        }

        texts.Remove("");
        return [.. texts.Order(StringComparer.Ordinal)];
    }
}
