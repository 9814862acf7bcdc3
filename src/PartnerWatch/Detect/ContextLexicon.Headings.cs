using System.Text.RegularExpressions;

namespace PartnerWatch.Detect;

/// <summary>How a heading, caption or page title reads: the section label rules (kept apart so ContextLexicon.cs stays short).</summary>
internal sealed partial class ContextLexicon
{
    /// <summary>
    /// A heading that lists partners beside integrations or plugins ("Partners &amp; integrations", 合作伙伴与集成)
    /// presents partners: the coordinated nouns name two kinds of entries, and the partner kind is the claim. In a
    /// sentence the negative word still wins ("runs on Windows, our partner's platform").
    /// </summary>
    public Cue? ClassifyHeading(string text)
    {
        var cue = Classify(text);
        if (cue is { Kind: CueKind.Partner } && OnlyEventVerbs(text))
        {
            // "蚂蚁集团携手英特尔打造…", "Acme in collaboration with Intel launches…": a headline, not a partner section.
            return null;
        }

        if (cue is { Kind: CueKind.Compatibility } && text.Length <= 80 && Coordination().IsMatch(text) && FindPartner(text) is { } partner)
        {
            return new Cue(CueKind.Partner, partner);
        }

        return cue;
    }

    /// <summary>Every partner keyword of <paramref name="text"/> lies inside an event verb of the concept table.</summary>
    private bool OnlyEventVerbs(string text)
    {
        try
        {
            var folded = ChineseScriptFolder.Fold(text);
            var verbs = new List<(int Start, int End)>();
            for (var m = _statementOnly.Match(folded); m.Success && verbs.Count < 20; m = m.NextMatch())
            {
                verbs.Add((m.Index, m.Index + m.Length));
            }

            return verbs.Count > 0 && PartnerSpans(text).All(s => verbs.Any(v => s.Start < v.End && s.Start + s.Length > v.Start));
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"&|\+|/|\b(?:and|und|et|y|e|en|och|og|и)\b|[、与和及與]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Coordination();
}
