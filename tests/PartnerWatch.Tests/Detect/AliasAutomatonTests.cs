using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PartnerWatch.Config;
using PartnerWatch.Detect;

namespace PartnerWatch.Tests.Detect;

/// <summary>
/// The brand-name automaton finds what the alternation regex it replaced found: the leftmost occurrence, the longest
/// alias there, never overlapping, word-delimited for Latin names; and a 1,000-brand catalogue changes no finding.
/// </summary>
public sealed class AliasAutomatonTests
{
    private const string WordChar = @"[\p{Lu}\p{Ll}\p{Lt}\p{Nd}]";

    private static bool Delimited(string text, int start, int length)
    {
        static bool Word(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter
            or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.DecimalDigitNumber;
        return (start == 0 || !Word(text[start - 1])) && (start + length == text.Length || !Word(text[start + length]));
    }

    [Fact]
    public void LongestAliasAtTheLeftmostPositionWins()
    {
        var automaton = new AliasAutomaton<string>([("Red Hat", "redhat"), ("Red Hat Enterprise Linux", "rhel"), ("Hat", "hat"), ("Linux", "linux")]);

        var hits = automaton.FindLeftmostLongest("we run red hat enterprise linux and Linux on a Hat", Delimited);

        Assert.Equal(["rhel", "linux", "hat"], hits.Select(h => h.Value));
        Assert.Equal("red hat enterprise linux", "we run red hat enterprise linux and Linux on a Hat".Substring(hits[0].Start, hits[0].Length));
    }

    [Fact]
    public void AShorterAliasIsFoundWhenTheLongerOneIsNotDelimited()
    {
        var automaton = new AliasAutomaton<string>([("Azure", "azure"), ("Azure Cloudsuite", "suite")]);

        var hits = automaton.FindLeftmostLongest("Azure Cloudsuites and Azure", Delimited);

        Assert.Equal([(0, 5), (22, 5)], hits.Select(h => (h.Start, h.Length)));
    }

    [Fact]
    public void FindsWhatTheAlternationRegexFoundOnRandomTexts()
    {
        // Aliases that are prefixes, suffixes and infixes of each other, over a small alphabet so they collide often.
        var random = new Random(12);
        string Word(int min, int max) => new([.. Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => "abcAB1é"[random.Next(7)])]);
        var aliases = Enumerable.Range(0, 300).Select(_ => random.Next(3) == 0 ? Word(1, 3) + " " + Word(1, 3) : Word(2, 5))
            .Where(a => a.Trim().Length >= 2).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var automaton = new AliasAutomaton<string>(aliases.Select(a => (a, a)));
        var alternation = string.Join("|", aliases.OrderByDescending(a => a.Length).ThenBy(a => a, StringComparer.Ordinal).Select(Regex.Escape));
        var regex = new Regex($"(?<!{WordChar})(?:{alternation})(?!{WordChar})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        var compared = 0;
        for (var t = 0; t < 400; t++)
        {
            var text = new StringBuilder();
            while (text.Length < 120)
                text.Append(Word(1, 6)).Append(" -.,微"[random.Next(5)]);
            var expected = regex.Matches(text.ToString()).Select(m => (m.Index, m.Length)).ToList();
            var actual = automaton.FindLeftmostLongest(text.ToString(), Delimited).Select(h => (h.Start, h.Length)).ToList();
            Assert.Equal(expected, actual);
            compared += expected.Count;
        }
        Assert.True(compared > 1000, $"only {compared} matches compared: the random texts do not exercise the automaton");
    }

    [Fact]
    public void AThousandBrandCatalogueChangesNoFinding()
    {
        var filler = Enumerable.Range(0, 1000).Select(i => new BrandOptions
        {
            Id = $"filler{i}",
            Name = $"Zq{Convert.ToString(i, 2)}x Systems",
            Aliases = [$"Zq{i}", $"Qz{i} Labs"],
        });
        var small = new BrandMatcher(DetectionHarness.Brands);
        var large = new BrandMatcher(DetectionHarness.Brands.Concat(filler));
        string[] texts =
        [
            "SAP Silver Partner", "Apple and Oracle", "与Microsoft合作", "战略合作伙伴：高通、英伟达", "我们提供高通量测序服务",
            "取引先：ソフトバンク株式会社", "Micro\u200Bsoft and Red\u00A0H\u200Dat", "the sap rises in spring", "Meta-analysis of trials",
            "we use salesforce daily with Zq101 and Qz7 Labs", "Intelligent automation", "合作伙伴：甲骨文、华为",
        ];

        foreach (var text in texts)
        {
            var normalized = TextNormalizer.Normalize(text);
            var expected = small.FindInText(normalized).Select(h => (h.BrandId, h.Start, h.Length));
            var actual = large.FindInText(normalized).Where(h => !h.BrandId.StartsWith("filler", StringComparison.Ordinal)).Select(h => (h.BrandId, h.Start, h.Length));
            Assert.Equal(expected, actual);
        }
        Assert.Equal(["filler101", "filler7"], large.FindInText(TextNormalizer.Normalize("with Zq101 and Qz7 Labs")).Select(h => h.BrandId));
    }
}
