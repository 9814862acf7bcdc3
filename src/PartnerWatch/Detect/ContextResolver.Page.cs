using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace PartnerWatch.Detect;

/// <summary>What the page as a whole says (its title, h1, lead and URL): a partners page, an incidental page, or prose.</summary>
internal sealed partial class ContextResolver
{
    /// <summary>
    /// The page is documentation, a changelog, a blog or news post or a job advert (by its URL, title or h1): its running
    /// prose names vendors as subjects of the text; only the site's own first-person statement there is a claim.
    /// </summary>
    public bool IsProsePage { get; private set; }

    [GeneratedRegex(@"(?:^|/)(?:docs?|documentation|guides?|manual|tutorials?|reference|handbook|changelog|changes|releases?|release-notes|blog|news|posts?|articles?|press|careers?|jobs?)(?:/|$|\.html?$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ProsePath();

    [GeneratedRegex(@"\b(?:documentation|docs|changelog|release notes|tutorial|guide|how to)\b|文档|文檔|教程|指南|更新日志|ドキュメント|チュートリアル|문서|가이드",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ProseTitle();

    /// <summary>
    /// Set when the page is a legal notice or privacy policy (by URL, title or h1): what it says about the site's host,
    /// processors and registrar it says because the law requires it (Impressum, mentions légales, 特定商取引法, GDPR),
    /// so no credit or statement on it is a claim. Null otherwise.
    /// </summary>
    private string? _legalNotice;

    [GeneratedRegex(@"(?:^|/)(?:impressum|imprint|mentions?[-_]?l[eé]gales?|legal[-_]?notice|legal|aviso[-_]?legal|nota[-_]?legal|note[-_]?legali|tokushoho|tokutei|privacy(?:[-_]?(?:policy|notice|statement))?|datenschutz(?:erklaerung|erklarung)?|confidentialite|politique[-_]de[-_]confidentialite|privacidad|politica[-_]de[-_]privacidad|privacidade|trademarks?(?:[-_](?:policy|notices?|guidelines))?|third[-_]?party[-_]?notices|disclaimers?)(?:/|$|\.html?$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LegalNoticePath();

    // Session 9: trademark, third-party and disclaimer notices join the legal pages; being generic words, they must
    // open the heading or title ("Trademarks", "법적 고지 사항", "商标声明"), not merely occur in it.
    [GeneratedRegex(@"^\s*(?:trademarks?(?:\s+(?:policy|notices?|guidelines|information|and\s+copyrights?))?|third[- ]party\s+notices|(?:legal\s+)?disclaimers?|rechtliche\s+hinweise|markenrichtlinien|haftungsausschluss|avis\s+juridiques?|avis\s+de\s+non-responsabilit[eé]|avisos?\s+legales|aviso\s+de\s+marcas|isen[cç][aã]o\s+de\s+responsabilidade|marchi\s+registrati|правовая\s+информация|юридическая\s+информация|товарные\s+знаки|отказ\s+от\s+ответственности)\b|^\s*(?:법적\s?고지|상표\s?(?:정책|고지|안내)|商标(?:声明|政策|说明)|商標(?:声明|聲明|政策|について|ポリシー|に関する)|法律声明|法律聲明|免责声明|免責聲明|法的(?:通知|事項|情報)|免責事項)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RightsNoticeTitle();

    [GeneratedRegex(@"\b(?:impressum|imprint|mentions l[eé]gales|legal notices?|legal disclosure|aviso legal|nota legal|note legali|privacy (?:policy|notice|statement)|datenschutzerkl[aä]rung|datenschutzhinweise|politique de confidentialit[eé]|pol[ií]tica de privacidad(?:e)?|informativa (?:sulla )?privacy)\b|特定商取引法|特定商取引に関する|プライバシーポリシー|个人信息保护政策|隐私政策|개인정보\s?처리방침",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LegalNoticeTitle();

    private static string? LegalNoticeOf(IDocument document, Uri pageUrl)
    {
        if (LegalNoticePath().IsMatch(pageUrl.AbsolutePath))
        {
            return $"legal notice (page URL \"{Trim(pageUrl.AbsolutePath)}\")";
        }

        foreach (var (source, text) in new[] { ("page heading", TextNormalizer.Normalize(document.QuerySelector("h1")?.TextContent, 200)), ("page title", TextNormalizer.Normalize(document.Title, 200)) })
        {
            if (LegalNoticeTitle().Match(text) is { Success: true } match)
            {
                return $"legal notice ({source} \"{Trim(match.Value)}\")";
            }

            if (RightsNoticeTitle().Match(text) is { Success: true } rights)
            {
                return $"trademark/legal notice ({source} \"{Trim(rights.Value.Trim())}\")";
            }
        }

        return null;
    }

    private ContextVerdict ResolvePage(IDocument document, Uri pageUrl)
    {
        try
        {
            _legalNotice = LegalNoticeOf(document, pageUrl);
        }
        catch (RegexMatchTimeoutException)
        {
            _legalNotice = null;
        }

        var verdict = ResolvePageKind(document, pageUrl);
        IsProsePage = _pageNegativeKind is CueKind.News or CueKind.Jobs || ProsePath().IsMatch(pageUrl.AbsolutePath) ||
                      ProseTitle().IsMatch(TextNormalizer.Normalize(document.QuerySelector("h1")?.TextContent, 200)) ||
                      ProseTitle().IsMatch(TextNormalizer.Normalize(document.Title, 200));
        return verdict;
    }

    private ContextVerdict ResolvePageKind(IDocument document, Uri pageUrl)
    {
        var title = TextNormalizer.Normalize(document.Title, 200);
        var h1Element = document.QuerySelector("h1");
        var h1 = TextNormalizer.Normalize(h1Element?.TextContent, 200);
        // The lead under the page heading qualifies it: "Casdoor ecosystem — List of plugins for casdoor".
        if (h1Element?.NextElementSibling is { LocalName: "p" or "div" } lead && lead.TextContent.Length <= 300 &&
            _lexicon.FindNegative(TextNormalizer.Normalize(lead.TextContent, 300)) is { Kind: CueKind.Compatibility or CueKind.Comparison } leadCue)
        {
            _pageNegativeKind = leadCue.Kind;
            return new ContextVerdict(ContextStrength.Negative, $"{Describe(leadCue.Kind)} (page lead \"{Trim(leadCue.Keyword)}\")");
        }

        var path = pageUrl.AbsolutePath.Replace('/', ' ').Replace('.', ' ');
        foreach (var (source, text) in new[] { ("page heading", h1), ("page title", title) })
        {
            if (_lexicon.ClassifyHeading(text) is { } cue)
            {
                _pageNegativeKind = cue.Kind == CueKind.Partner ? null : cue.Kind;
                return cue.Kind == CueKind.Partner
                    ? new ContextVerdict(ContextStrength.Page, $"{source} \"{Trim(text)}\"")
                    : new ContextVerdict(ContextStrength.Negative, $"{Describe(cue.Kind)} ({source} \"{Trim(text)}\")");
            }
        }

        if (ContextLexicon.ClassifyTokens(path, out _) is { } pathCue)
        {
            _pageNegativeKind = pathCue.Kind == CueKind.Partner ? null : pathCue.Kind;
            return pathCue.Kind == CueKind.Partner
                ? new ContextVerdict(ContextStrength.Page, $"page URL \"{Trim(pageUrl.AbsolutePath)}\"")
                : new ContextVerdict(ContextStrength.Negative, $"{Describe(pathCue.Kind)} (page URL \"{Trim(pageUrl.AbsolutePath)}\")");
        }

        return ContextVerdict.None;
    }
}
