namespace PartnerWatch.Detect;

/// <summary>
/// Where a name in text sits within its block decides whether the context above it speaks for it: a heading presents
/// the names it lists, not every word of the prose or the qualifiers beside another name; a statement in the running
/// prose of a docs, news or job page is about the text's subject unless the site speaks for itself.
/// </summary>
internal static class MentionShape
{
    /// <param name="context">The verdict of the mention's element and sentence.</param>
    /// <param name="block">The text of the mention's nearest block.</param>
    /// <param name="position">Where the mention starts in <paramref name="block"/>, or -1 when it is not found there.</param>
    /// <param name="sentence">The mention's sentence.</param>
    /// <param name="words">The brand's words as the page writes them.</param>
    public static ContextVerdict Refine(ContextVerdict context, string block, int position, string sentence, string words, ContextLexicon lexicon, bool prosePage)
    {
        if (position < 0 || context.Strength is ContextStrength.Negative or ContextStrength.None)
        {
            return context;
        }

        var statement = context.Description.StartsWith("statement", StringComparison.Ordinal);
        var prose = TextSpans.IsProseMention(block, position);
        if (context.Strength == ContextStrength.Strong && !statement && prose && !Bound(sentence, words, lexicon))
        {
            // A testimonial under "Used by" that mentions "our own Docker image": prose needs its own partner statement.
            return new ContextVerdict(ContextStrength.None, $"prose under {context.Description}");
        }

        if (context.Strength == ContextStrength.Page && (prose || TextSpans.IsParagraph(block)))
        {
            // On a sponsors page the prose explains how to give ("review comments on GitHub"); only the names it lists or
            // a sentence with its own partner statement (resolved as Strong) present partners.
            return new ContextVerdict(ContextStrength.None, $"prose on {context.Description}");
        }

        if (!statement && TextSpans.QualifiesAnotherSubject(block, position) && !Bound(sentence, words, lexicon))
        {
            // "Acme Corp — production on AWS", "Foo Bank (Google Cloud)": the entry presents Acme; the cloud it names
            // beside itself is what Acme runs on.
            return new ContextVerdict(ContextStrength.None, $"qualifies another entry under {context.Description}");
        }

        if (!statement && TextSpans.NamesProductOfBrand(block, position, words.Length) && !PartnerRelation.FollowsAgentPhrase(sentence, words))
        {
            // "…, every Datadog Agent Integration, …" under "Used by": the entry is the vendor's product, not the vendor.
            return new ContextVerdict(ContextStrength.None, $"names a product of the brand under {context.Description}");
        }

        if (statement && prosePage && (prose || TextSpans.IsParagraph(block)) && !ContextResolver.IsFirstPerson(sentence) &&
            !PartnerRelation.FollowsAgentPhrase(sentence, words))
        {
            // Docs, changelogs, news and job ads name vendors as subjects ("register the app in the Microsoft Partner
            // Center"); only the site's own voice ("we partnered with…") or an agent phrase ("sponsored by X") claims.
            return new ContextVerdict(ContextStrength.None, $"prose of a docs/news page ({context.Description})");
        }

        return context;
    }

    private static bool Bound(string sentence, string words, ContextLexicon lexicon)
        => PartnerRelation.Binds(sentence, words, lexicon.PartnerSpans(sentence));
}
