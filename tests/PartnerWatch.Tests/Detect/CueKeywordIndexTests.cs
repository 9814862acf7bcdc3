using System.Text.RegularExpressions;
using PartnerWatch.Detect;

namespace PartnerWatch.Tests.Detect;

/// <summary>
/// The keyword prefilter never rules out a cue regex that would match: over every text of the real and synthetic corpora,
/// each kind's regex (and the disclaimers') that matches is among the kinds the index calls possible — so the lexicon
/// skipping the others gives the same answers. Fragments come from the patterns themselves, so any pattern added later is
/// either covered or makes its kind run always.
/// </summary>
public sealed class CueKeywordIndexTests
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [Fact]
    public void Every_cue_regex_that_matches_a_corpus_text_is_among_the_possible_kinds()
    {
        var index = CuePatterns.Index();
        var regexes = Enum.GetValues<CueKind>().Select(kind => ((int)kind, Build(CuePatterns.Of(kind))))
            .Append((CuePatterns.DisclaimerSlot, Build(CuePatterns.Disclaimers()))).ToList();
        var texts = CorpusSentences.All;
        var missed = new List<string>();
        var skipped = 0L;
        foreach (var text in texts)
        {
            var folded = ChineseScriptFolder.Fold(text);
            var possible = index.Possible(folded);
            foreach (var (slot, regex) in regexes)
            {
                if (!CueKeywordIndex.Has(possible, slot))
                {
                    skipped++;
                    if (regex.IsMatch(folded))
                    {
                        missed.Add($"slot {slot}: {regex.Match(folded).Value} in \"{text}\"");
                    }
                }
            }
        }

        Assert.True(texts.Count > 20_000, $"only {texts.Count} texts read: the corpora were not found");
        Assert.Empty(missed);
        Console.WriteLine($"{texts.Count} texts, {skipped} of {texts.Count * regexes.Count} regex runs skipped");
        // The point of the index: most regex runs are skipped (a prefilter that always says "possible" is useless).
        Assert.True(skipped > texts.Count * (regexes.Count / 2), $"{skipped} of {texts.Count * regexes.Count} regex runs skipped");
    }

    [Fact]
    public void Characters_the_regexes_compare_as_equal_fold_alike()
    {
        // Every BMP character once: the regex engine itself says which ones it takes for each cased fragment letter
        // (scripts without case, CJK and Arabic, match only themselves).
        var all = string.Create(char.MaxValue + 1, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)i;
            }
        });
        var alphabet = Enum.GetValues<CueKind>().SelectMany(CuePatterns.Of).Concat(CuePatterns.Disclaimers())
            .SelectMany(p => p).Where(c => char.IsLetter(c) && (char.ToUpperInvariant(c) != c || char.ToLowerInvariant(c) != c)).Distinct().ToList();
        var unequal = new List<string>();
        foreach (var letter in alphabet)
        {
            foreach (Match m in Regex.Matches(all, Regex.Escape(letter.ToString()), Options))
            {
                if (CueKeywordIndex.Fold(m.Value[0]) != CueKeywordIndex.Fold(letter))
                {
                    unequal.Add($"U+{(int)letter:X4} ~ U+{(int)m.Value[0]:X4}");
                }
            }
        }

        Assert.True(alphabet.Count > 100, $"{alphabet.Count} cased letters");
        Assert.Empty(unequal);
    }

    [Theory]
    [InlineData(@"\bsupport(?:ed)? by\b", "support by|supported by")]
    [InlineData(@"партн[её]р", "партнер|партнёр")]
    [InlineData(@"(?-i:\b[Gg]it[Hh]ub Sponsors\b)", "github sponsors")]
    [InlineData(@"\bdeploy(?:s|ed)? (?:[\w.-]+ ){0,3}?(?:to|on)\b", "deploy |deployed |deploys ")]
    [InlineData(@"(?<!技术|技術)支持(?!单位|者)", "支持")]
    [InlineData(@"(?:在|于)[^。！？]{0,12}(?:上|中)部署", "上部署|中部署")]
    [InlineData(@"(?<![-\w])mitglied", "mitglied")]
    [InlineData(@"^users$", "users")]
    [InlineData(@"©", "©")]
    public void Required_fragments_are_read_from_the_pattern(string pattern, string expected)
        => Assert.Equal(expected.Split('|').Order(), LiteralExtractor.RequiredFragments(pattern)!.Order());

    [Theory]
    [InlineData(@"(a)\1")]          // a backreference: not understood
    [InlineData(@"\w+ing")]         // "ing" is required, but "\w+" then "ing"… is read: see the next case
    [InlineData(@"(?:in|on)?")]     // can match without any letter
    [InlineData(@"(?x) sponsor")]   // the x option changes what spaces mean
    [InlineData(@"[^a]{2}")]
    public void A_pattern_without_required_fragments_makes_its_kind_run_always(string pattern)
    {
        var required = LiteralExtractor.RequiredFragments(pattern);
        var index = new CueKeywordIndex([(0, pattern), (1, "sponsor")]);
        if (required is null)
        {
            Assert.True(CueKeywordIndex.Has(index.Possible("nothing here"), 0));
        }
        else
        {
            // Whatever it names must hold for every match.
            Assert.All(Regex.Matches("sponsoring in one thing", pattern, Options), m => Assert.Contains(required, r => m.Value.Contains(r, StringComparison.OrdinalIgnoreCase)));
        }

        Assert.False(CueKeywordIndex.Has(index.Possible("nothing here"), 1));
        Assert.True(CueKeywordIndex.Has(index.Possible("Our SPONSORS"), 1));
    }

    private static Regex Build(IEnumerable<string> fragments) => new("(?:" + string.Join("|", fragments) + ")", Options | RegexOptions.Compiled);
}
