namespace PartnerWatch.Detect;

/// <summary>
/// One relation a page can state about a vendor ("sponsored by", "thanks to … for", "member of") or an incidental one
/// ("compatible with", "sign in with"), with the ways each catalogue language writes it. <see cref="Wordings"/> maps a
/// language code to <see cref="ContextLexicon"/> fragments (.NET regexes, case-insensitive; Latin ones with <c>\b</c>,
/// CJK ones without boundaries).
/// </summary>
/// <remarks>
/// <see cref="StatementOnly"/>: the wordings are verbs of an event ("携手", "in collaboration with", "X와 협력하여"); in a
/// heading they make a headline about two named parties ("蚂蚁集团携手英特尔…"), not the label of a partner section, so
/// <see cref="ContextLexicon.ClassifyHeading"/> does not read them as one.
/// </remarks>
internal sealed record RelationConcept(string Id, CueKind Kind, string Meaning, IReadOnlyDictionary<string, string[]> Wordings, bool StatementOnly = false);

/// <summary>
/// Session 10: the reference concept table. The older keyword lists of <see cref="ContextLexicon"/> grew page by page
/// from the open corpus splits and held only the phrasings those pages used; this table starts from the relation
/// instead — sponsorship, backing, funding, thanks for licences or hosting, provision, partnership, collaboration,
/// customers, adopters, membership, certification — and writes each one as a native writer of every catalogue
/// language would (inflections, passive and honorific forms, brand-first verb-last order in Japanese, Korean and
/// Turkish, the nouns of section headings). It was written from dictionaries and usage, not from corpus pages.
/// Whatever overlaps the older lists is harmless (one alternation per kind). Merged into
/// <see cref="ContextLexicon.Languages"/> as one <see cref="LanguageCues"/> entry per language, so
/// <see cref="ContextLexicon.Classify"/> keeps its kinds and precedence (a negative word still wins).
/// Word order: where a language puts the brand first and the verb last, the brand is bound to the verb by its
/// case particle (<see cref="PartnerRelation"/>), so the verb phrase alone is the cue here.
/// </summary>
internal static partial class PartnerConcepts
{
    /// <summary>The languages of the catalogue (see <see cref="ContextLexicon.Languages"/>): every concept writes each one.</summary>
    public static readonly string[] CatalogueLanguages = ["en", "de", "fr", "es", "pt", "it", "ru", "zh", "ja", "ko", "ar", "tr", "vi", "id"];

    public static readonly IReadOnlyList<RelationConcept> Table = [.. Backing, .. Relations, .. Incidental];

    /// <summary>Partner wordings that state a relation in a sentence but never label a section (<see cref="RelationConcept.StatementOnly"/>).</summary>
    public static readonly string[] StatementOnlyFragments = Table
        .Where(concept => concept.StatementOnly)
        .SelectMany(concept => concept.Wordings.Values.SelectMany(f => f))
        .Distinct()
        .ToArray();

    /// <summary>The table as lexicon entries: one per language, fragments grouped by kind.</summary>
    public static readonly LanguageCues[] Cues = Table
        .SelectMany(concept => concept.Wordings.Select(w => (Language: w.Key, concept.Kind, Fragments: w.Value)))
        .GroupBy(w => w.Language)
        .Select(language => new LanguageCues(language.Key + "-concepts", language
            .GroupBy(w => w.Kind)
            .ToDictionary(kind => kind.Key, kind => kind.SelectMany(w => w.Fragments).Distinct().ToArray())))
        .ToArray();
}
