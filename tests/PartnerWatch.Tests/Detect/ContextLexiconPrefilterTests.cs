using PartnerWatch.Detect;

namespace PartnerWatch.Tests.Detect;

/// <summary>
/// The lexicon with its keyword prefilter answers exactly as the lexicon that runs every regex over every text: the
/// cue (kind and words) of Classify and ClassifyHeading, and every partner span, for every text of the real and synthetic
/// corpora — so the scan's claims and evidence cannot change, only its cost.
/// </summary>
public sealed class ContextLexiconPrefilterTests
{
    [Fact]
    public void Classify_with_the_prefilter_equals_classify_without_it_on_every_corpus_text()
    {
        var fast = new ContextLexicon();
        var reference = new ContextLexicon(prefilter: false);
        var differences = new List<string>();
        foreach (var text in CorpusSentences.All)
        {
            if (fast.Classify(text) != reference.Classify(text) || fast.ClassifyHeading(text) != reference.ClassifyHeading(text) ||
                !fast.PartnerSpans(text).SequenceEqual(reference.PartnerSpans(text)))
            {
                differences.Add(text);
            }
        }

        Assert.True(CorpusSentences.All.Count > 20_000);
        Assert.Empty(differences);
    }
}
