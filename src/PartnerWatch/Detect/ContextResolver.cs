using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace PartnerWatch.Detect;

/// <summary>
/// Decides, for an element holding a brand mention, whether its surroundings present partners. Works on one page;
/// results for container elements are cached, so a logo wall of fifty images walks its ancestors once.
/// </summary>
/// <remarks>
/// Order of precedence: a negative cue in the mention's own sentence or label wins outright ("Windows is a trademark
/// of Microsoft"). Then the nearest structural context, walking up the ancestors: the element's class/id/aria-label,
/// the nearest preceding heading (or caption/label) at each level, semantic tags. Hard negatives (article, news/blog,
/// cookie, social, jobs, dated items) beat a partner word in the sentence; soft negatives (footer, nav, header, aside)
/// yield to it ("Powered by Microsoft Azure" in a footer). Without structure, a partner word in the sentence is a
/// statement ("We are a Cisco Premier Partner"); failing that, the page itself (title, h1, URL) may be a partners page.
/// </remarks>
internal sealed partial class ContextResolver
{
    private const int MaxAncestorLevels = 40;
    private const int MaxSiblingsScanned = 8;
    private const int CacheFromLevel = 4;

    private static readonly Regex DatePattern = new(
        @"\b(?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2])[-/.]\d{1,2}\b|\b\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}\b|(?:19|20)\d{2}年\d{1,2}月",
        RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));

    private readonly ContextLexicon _lexicon;
    private readonly Dictionary<IElement, Structural> _cache = new();
    // The sentence's own cue, per distinct sentence of the page: a sentence listing several catalogue names is resolved
    // once per mention (with 1,000 brands most names on a partner page are mentions), and Classify runs every cue
    // kind's regex over it. The lexicon is immutable, so the answer depends on the text alone.
    private readonly Dictionary<string, Cue?> _sentenceCues = new(StringComparer.Ordinal);
    private readonly ContextVerdict _pageVerdict;
    private readonly Uri _pageUrl;
    private CueKind? _pageNegativeKind;

    private enum StructuralKind { None, Positive, LogoWall, SoftNegative, HardNegative }

    private sealed record Structural(StructuralKind Kind, string Description, CueKind? Cue = null);

    public ContextResolver(ContextLexicon lexicon, IDocument document, Uri pageUrl)
    {
        _lexicon = lexicon;
        _pageUrl = pageUrl;
        _pageVerdict = ResolvePage(document, pageUrl);
    }

    /// <summary>
    /// The context of a mention in <paramref name="element"/>; <paramref name="sentence"/> is its sentence or label,
    /// <paramref name="mention"/> the brand's words as matched (when known): a partner word in the sentence makes a
    /// statement only if it is about that mention (<see cref="PartnerRelation"/>).
    /// </summary>
    public ContextVerdict Resolve(IElement element, string sentence, Cue? intrinsicNegative = null, string? mention = null)
    {
        if (intrinsicNegative is { } intrinsic && !ShowcaseOverridesProductLink(element, intrinsic))
        {
            return Negative(intrinsic, "target");
        }

        if (_legalNotice is { } legal)
        {
            // Checked before credit statements and badges: "hébergé par OVH" on a mentions-légales page is the law speaking.
            return new ContextVerdict(ContextStrength.Negative, legal);
        }

        if (element.LocalName == "a" && VendorCreditBadge.Is(element, _pageUrl))
        {
            // The vendor's own badge linked to its home page ("Netlify" badge in the footer): a powered-by credit.
            return new ContextVerdict(ContextStrength.Strong, "vendor's credit badge linked to its home page");
        }

        if (!_sentenceCues.TryGetValue(sentence, out var sentenceCue))
        {
            sentenceCue = _lexicon.Classify(sentence);
            _sentenceCues[sentence] = sentenceCue;
        }
        if (sentenceCue is { Kind: CueKind.News } && mention is not null && IsFirstPerson(sentence) && _lexicon.FindPartner(sentence) is { } announced &&
            PartnerRelation.Binds(sentence, mention, _lexicon.PartnerSpans(sentence)))
        {
            // "Today we are proud to announce that we have partnered with Red Hat": the site's own announcement.
            sentenceCue = new Cue(CueKind.Partner, announced);
        }

        if (sentenceCue is { Kind: not CueKind.Partner } negative)
        {
            // "Our CI runs on servers donated by Oracle", "© 2017 MIT by Kamil<br>…hosted by Netlify": the compatibility
            // or copyright words are about something else; the brand itself is the agent of the partner phrase before it.
            // "Homebrew is generously supported by … SAP … via GitHub Sponsors": the payment channel is how the money came,
            // the sponsors are still what the partner phrase lists.
            if (negative.Kind is CueKind.Compatibility or CueKind.Trademark && mention is not null &&
                PartnerRelation.IsAgent(sentence, mention, _lexicon.PartnerSpans(sentence)) && _lexicon.FindPartner(sentence) is { } agentPhrase)
            {
                sentenceCue = new Cue(CueKind.Partner, agentPhrase);
            }
            else if (negative.Kind is CueKind.SignIn && mention is not null && sentence.Replace(negative.Keyword, " ", StringComparison.Ordinal) is var rest &&
                     rest.Contains(mention, StringComparison.OrdinalIgnoreCase) && _lexicon.FindNegative(rest) is null &&
                     PartnerRelation.Binds(rest, mention, _lexicon.PartnerSpans(rest)) && _lexicon.FindPartner(rest) is { } sponsorPhrase)
            {
                // The payment channel names only itself; the sponsors listed around it keep their partner phrase.
                sentenceCue = new Cue(CueKind.Partner, sponsorPhrase);
            }
            else if (negative.Kind is CueKind.Compatibility && mention is not null && EntrySubject.IsAdopter(sentence, mention))
            {
                // "ByteDance uses Cilium as their CNI for self-hosted clusters": under an adopters heading the entry's
                // subject is the adopter; the platform words are about where it runs. Only the structure speaks for it.
                sentenceCue = null;
            }
            else
            {
                return Negative(negative, "sentence");
            }
        }

        var statement = sentenceCue is { Kind: CueKind.Partner } p && (mention is null || PartnerRelation.Binds(sentence, mention, _lexicon.PartnerSpans(sentence)))
            ? $"statement \"{Trim(p.Keyword)}\""
            : null;
        var structural = Walk(element);
        return structural.Kind switch
        {
            // The site's own announcement in its blog ("we've partnered with GitLab") is a claim; news about others is not.
            StructuralKind.HardNegative when structural.Cue == CueKind.News && statement is not null && FirstPerson().IsMatch(sentence)
                => new ContextVerdict(ContextStrength.Strong, $"{statement} (first-person, in {structural.Description})"),
            StructuralKind.HardNegative => new ContextVerdict(ContextStrength.Negative, structural.Description),
            StructuralKind.SoftNegative when statement is not null => new ContextVerdict(ContextStrength.Strong, $"{statement} (in {structural.Description})"),
            StructuralKind.SoftNegative => new ContextVerdict(ContextStrength.Negative, structural.Description),
            StructuralKind.Positive => new ContextVerdict(ContextStrength.Strong, structural.Description),
            StructuralKind.LogoWall when statement is not null => new ContextVerdict(ContextStrength.Strong, statement),
            StructuralKind.LogoWall => new ContextVerdict(ContextStrength.LogoWall, structural.Description),
            // On a comparison page ("Rivet vs Cloudflare") "built on Cloudflare's platform" describes the competitor.
            _ when statement is not null && _pageNegativeKind != CueKind.Comparison => new ContextVerdict(ContextStrength.Strong, statement),
            _ => _pageVerdict,
        };
    }

    [GeneratedRegex(@"\b(?:we|we['’]ve|we['’]re|our|us|wir|unser\w*|uns|nous|notre|nos|nosotros|nuestr\w*|nós|nosso\w*|noi|nostr\w*|мы|наш\w*|нас|biz|bizim|chúng tôi|kami)\b|我们|我們|当社|弊社|저희|نحن|لدينا|\w+نا\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FirstPerson();

    /// <summary>The sentence speaks for the site ("we", "our", 我们, شركاؤنا).</summary>
    public static bool IsFirstPerson(string sentence)
    {
        try
        {
            return FirstPerson().IsMatch(sentence);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static ContextVerdict Negative(Cue cue, string where)
        => new(ContextStrength.Negative, $"{Describe(cue.Kind)} ({where} \"{Trim(cue.Keyword)}\")");

    private Structural Walk(IElement start)
    {
        var visited = new List<IElement>();
        Structural? found = null;
        var logoWall = false;
        var linkedWall = false;
        var neutralRank = int.MaxValue;
        var level = 0;
        // A wall entry's answer depends on the entry (a non-entry mention in the same card caches "none" for the wall's
        // container), so an entry never reads the cache within the levels where a linked wall can be found.
        var entry = LinkedLogoWall.IsEntry(start);
        for (var node = start; node is not null && level < MaxAncestorLevels; node = node.ParentElement, level++)
        {
            // Rules near the mention depend on the level (dated items, the element's own label), so only the
            // upper part of the chain is shared between mentions.
            if (level >= CacheFromLevel && !(entry && level <= MaxWallLevel) && _cache.TryGetValue(node, out var cached) && neutralRank == int.MaxValue && !logoWall && !linkedWall)
            {
                found = cached;
                break;
            }

            if (level >= CacheFromLevel)
            {
                visited.Add(node);
            }
            var tag = node.LocalName;
            if (tag is "body" or "html")
            {
                break;
            }

            var own = Own(node, level, ref logoWall);
            found = own ?? Heading(node, ref neutralRank);
            if (found is not null)
            {
                if (own is { Kind: StructuralKind.Positive } && NegativeHeadingAbove(node, neutralRank) is { } negative)
                {
                    found = negative;
                }

                break;
            }

            linkedWall = linkedWall || entry && level <= MaxWallLevel && IsLinkedLogoWall(node);
        }

        found ??= logoWall ? new Structural(StructuralKind.LogoWall, "logo strip")
            : linkedWall ? new Structural(StructuralKind.LogoWall, LinkedWallDescription)
            : new Structural(StructuralKind.None, "");
        if (found.Kind == StructuralKind.SoftNegative && logoWall)
        {
            found = found with { Kind = StructuralKind.HardNegative };
        }

        // Only the chain up to the first neutral heading shares the answer; caching more would leak a nearer heading's verdict.
        if (neutralRank == int.MaxValue && !logoWall && !linkedWall)
        {
            foreach (var element in visited)
            {
                _cache[element] = found;
            }
        }

        return found;
    }

    /// <summary>
    /// A class is a styling name that sites reuse across sections (a "supporters" card style in a "Supported devices"
    /// section): when the nearest heading above a class-only partner cue is incidental, the heading wins.
    /// </summary>
    private Structural? NegativeHeadingAbove(IElement from, int neutralRank)
    {
        var rank = neutralRank;
        var level = 0;
        for (var node = from; node is not null && node.LocalName is not ("body" or "html") && level < MaxAncestorLevels; node = node.ParentElement, level++)
        {
            if (Heading(node, ref rank) is { } heading)
            {
                return heading.Kind == StructuralKind.HardNegative ? heading : null;
            }

            if (rank == 1)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>What the element itself says: class/id/aria-label, semantic tag, a dated item.</summary>
    private Structural? Own(IElement node, int level, ref bool logoWall)
    {
        var tokens = $"{node.GetAttribute("class")} {node.GetAttribute("id")}";
        var cue = ContextLexicon.ClassifyTokens(tokens, out var wall);
        logoWall |= wall;
        if (cue is { } c)
        {
            return c.Kind == CueKind.Partner
                ? new Structural(StructuralKind.Positive, $"class/id \"{Trim(c.Keyword)}\"")
                : new Structural(StructuralKind.HardNegative, $"{Describe(c.Kind)} (class/id \"{Trim(c.Keyword)}\")", c.Kind);
        }

        if (level > 0 && node.GetAttribute("aria-label") is { Length: > 0 } aria)
        {
            var ariaText = TextNormalizer.Normalize(aria, 200);
            var ariaCue = _lexicon.Classify(ariaText) ?? SectionRoles.Classify(ariaText);
            if (ariaCue is { } a)
            {
                return a.Kind == CueKind.Partner
                    ? new Structural(StructuralKind.Positive, $"aria-label \"{Trim(aria)}\"")
                    : new Structural(StructuralKind.HardNegative, $"{Describe(a.Kind)} (aria-label \"{Trim(aria)}\")", a.Kind);
            }
        }

        if (level > 0 && TabPanelLabel(node) is { } tab)
        {
            return tab;
        }

        switch (node.LocalName)
        {
            // Sites use <article> for any card (a case study, a customer story); only a dated one is a news item.
            case "article" when IsDatedArticle(node):
                return new Structural(StructuralKind.HardNegative, "news/blog (dated <article>)", CueKind.News);
            case "footer" or "nav" or "header" or "aside":
                return new Structural(StructuralKind.SoftNegative, $"<{node.LocalName}>");
            // A code sample names identifiers, providers and endpoints ("GITHUB_ID=your-github-client-id"), never partners.
            case "code" or "pre" or "kbd" or "samp":
                return new Structural(StructuralKind.HardNegative, $"code sample (<{node.LocalName}>)", CueKind.Compatibility);
        }

        if (node.LocalName == "tr" && FeatureMatrix.IsMatrixRow(node))
        {
            return new Structural(StructuralKind.HardNegative, "compatibility statement (feature table row of yes/no cells)", CueKind.Compatibility);
        }

        if (level <= 3 && node.LocalName is "li" or "tr" or "div" or "p" && IsDatedItem(node))
        {
            return new Structural(StructuralKind.HardNegative, "news/blog (dated item)", CueKind.News);
        }

        return null;
    }

    private static bool IsDatedArticle(IElement article)
    {
        if (article.QuerySelector("time, [datetime], [itemprop=datePublished]") is not null)
        {
            return true;
        }

        var text = article.TextContent;
        return DatePattern.IsMatch(text.Length <= 600 ? text : text[..600]);
    }

    private static bool IsDatedItem(IElement node)
    {
        if (node.QuerySelector("time") is not null)
        {
            return true;
        }

        var text = node.TextContent;
        return text.Length <= 400 && DatePattern.IsMatch(text);
    }

    /// <summary>The nearest heading-like element before <paramref name="node"/> at its level, and a caption inside it.</summary>
    private Structural? Heading(IElement node, ref int neutralRank)
    {
        var scanned = 0;
        for (var sibling = node.PreviousElementSibling; sibling is not null && scanned < MaxSiblingsScanned; sibling = sibling.PreviousElementSibling, scanned++)
        {
            if (sibling.LocalName is "section" or "article" or "aside" or "nav" or "footer" or "main" or "form" or "script" or "style")
            {
                continue;
            }

            string? text = null;
            var rank = 7;
            var isLabel = false;
            if (IsHeadingLike(sibling))
            {
                text = sibling.TextContent;
                rank = Rank(sibling);
            }
            else
            {
                var content = sibling.TextContent;
                if (content.Length <= 160 && LastHeadingLike(sibling) is { } inner)
                {
                    text = inner.TextContent;
                    rank = Rank(inner);
                }
                else if (scanned == 0 && sibling.LocalName is "p" or "div" or "span" or "strong" or "b" or "td" or "label" &&
                         content.Trim().Length is > 0 and <= 40 && !content.TrimEnd().EndsWith('.') && sibling.Children.Length <= 1)
                {
                    text = content;
                    isLabel = true;
                }
                else if (scanned == 0 && sibling.LocalName is "p" or "div" && content.Trim().Length is > 0 and <= MaxLeadChars &&
                         sibling.Children.Length <= 2 && IntroducesList(content))
                {
                    // A lead sentence right before a list or wall that introduces it ("We thank the following partners for
                    // their support:", "以下合作伙伴…") speaks for it, like a heading; only its partner words count.
                    text = content;
                    isLabel = true;
                }
            }

            if (text is null)
            {
                continue;
            }

            // The nearest heading decides; a neutral one ("Networking") only lets a higher-ranked heading before it
            // ("Partners" as h2 over h3) speak. A short paragraph right before the element counts only with partner words.
            var labelRank = neutralRank;
            var verdict = ClassifyHeading(text, rank, ref (isLabel ? ref labelRank : ref neutralRank));
            if (isLabel && verdict is { Cue: CueKind.Trademark })
            {
                // A legal line above a sponsor wall ("Logos are trademarks of their owners") is about the pictures'
                // rights, not the section's kind: the heading above it still speaks for the wall.
                continue;
            }

            if (verdict is not null || rank == 1)
            {
                return verdict;
            }
        }

        if (node.LocalName is "figure" or "table" or "fieldset" or "details" &&
            node.Children.FirstOrDefault(c => c.LocalName is "figcaption" or "caption" or "legend" or "summary") is { } caption)
        {
            return ClassifyHeading(caption.TextContent, 7, ref neutralRank);
        }

        return null;
    }

    private Structural? ClassifyHeading(string rawText, int rank, ref int neutralRank)
    {
        var text = TextNormalizer.Normalize(rawText, 200);
        // Section names without a partner word ("감사의 말", "Companies using Git") count as headings only (session 10).
        var cue = _lexicon.ClassifyHeading(text) ?? SectionRoles.Classify(text);
        if (cue is null)
        {
            neutralRank = Math.Min(neutralRank, rank);
            return null;
        }

        if (rank >= neutralRank)
        {
            return null;
        }

        return cue.Value.Kind == CueKind.Partner
            ? new Structural(StructuralKind.Positive, $"heading \"{Trim(text)}\"")
            : new Structural(StructuralKind.HardNegative, $"{Describe(cue.Value.Kind)} (heading \"{Trim(text)}\")", cue.Value.Kind);
    }

    private const int MaxLeadChars = 200;

    private static bool IntroducesList(string content)
    {
        var trimmed = content.TrimEnd();
        return trimmed.EndsWith(':') || trimmed.EndsWith('：') || ListIntroduction().IsMatch(content);
    }

    /// <summary>Words that point at the list that follows, or thank the organisations in it, per catalogue language.</summary>
    [GeneratedRegex(@"\b(?:following|below|these|listed|thank\w*|grateful|gratitude|folgenden?|diesen|danke?n?|dank|suivants?|ci-dessous|merci|remerci\w*|siguientes|agradec\w*|gracias|seguintes|abaixo|agradece\w*|obrigad\w*|seguenti|grazie|ringrazi\w*|следующ\w*|благодар\w*|спасибо)\b|以下|下列|如下|感谢|感謝|鸣谢|鳴謝|致谢|致謝|下記|以下の|感謝|감사|다음|شكر|نشكر|التالية",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ListIntroduction();

    private static bool IsHeadingLike(IElement e)
    {
        if (e.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "caption" or "figcaption" or "legend" or "dt" or "th" or "summary")
        {
            return true;
        }

        if (e.GetAttribute("role") == "heading")
        {
            return true;
        }

        var cls = e.GetAttribute("class");
        return cls is not null && cls.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(t => t.StartsWith("title", StringComparison.OrdinalIgnoreCase) || t.StartsWith("tit", StringComparison.OrdinalIgnoreCase) ||
                      t.Contains("heading", StringComparison.OrdinalIgnoreCase) || t.Equals("hd", StringComparison.OrdinalIgnoreCase) || NamesATitle(t)) ||
               IsBoldLine(e);
    }

    private static IElement? LastHeadingLike(IElement container)
    {
        IElement? last = null;
        var count = 0;
        foreach (var e in container.Descendants<IElement>())
        {
            if (++count > 50)
            {
                break;
            }

            if (IsHeadingLike(e))
            {
                last = e;
            }
        }

        return last;
    }

    private static int Rank(IElement e) => e.LocalName is ['h', var d] && d is >= '1' and <= '6' ? d - '0' : 7;

    internal static string Describe(CueKind kind) => kind switch
    {
        CueKind.Partner => "partner context",
        CueKind.News => "news/blog",
        CueKind.Trademark => "trademark notice",
        CueKind.Compatibility => "compatibility statement",
        CueKind.Jobs => "job advert",
        CueKind.Comparison => "comparison",
        CueKind.Cookie => "cookie/privacy notice",
        CueKind.Social => "social follow/share",
        CueKind.AppStore => "app-store badge",
        CueKind.SignIn => "sign-in/payment button",
        _ => kind.ToString(),
    };

    private static string Trim(string text) => text.Length <= 80 ? text : text[..79] + "…";
}
