using System.Text.RegularExpressions;

namespace PartnerWatch.Detect;

/// <summary>
/// Whether a brand mentioned in a sentence with a partner word is what the partner word is about
/// ("We are an AWS Advanced Consulting Partner", "战略合作伙伴：华为、英特尔") rather than some other noun in a longer
/// clause ("We partner with hospitals using Microsoft Teams"). The brand must sit close to a partner word — the words
/// between them are few, and none of them opens another clause or names a tool being used (<see cref="Breakers"/>).
/// Names and list separators between them do not count, so a list after "Our partners include" binds every item.
/// </summary>
internal static partial class PartnerRelation
{
    /// <summary>Lower-case words allowed between the partner word and the brand ("Gold", "certificado", "with").</summary>
    private const int MaxLowerCaseWords = 4;

    /// <summary>Han/kana/hangul characters allowed between them, list separators and other names excluded.</summary>
    private const int MaxCjkLetters = 8;

    private const int MaxGapChars = 160;

    /// <summary>Words that start another clause or say that something is being used, per language (en de fr es pt it ru zh ja ko).</summary>
    [GeneratedRegex(
        @"\b(?:using|uses|use|used|via|through|which|that|who|whose|where|while|whereas|but|because|although|runs?|running|like|such as" +
        @"|nutzen|nutzt|verwenden|verwendet|welche[rs]?|mittels" +
        @"|qui|utilisant|utilisent|utilise|grâce à" +
        @"|que|usando|utilizan|utiliza|mediante" +
        @"|usam|utilizam" +
        @"|che|utilizzano|utilizza" +
        @"|котор\w*|используя|использу\w*" +
        // Session 6: deploying, installing, hosting, storing, migrating — the vendor is the platform, not the partner.
        @"|deploy\w*|install\w*|host|hosts|hosting|stor(?:e|es|ed|ing)|migrat\w*|upload\w*|bereitstell\w*|installier\w*|déplo\w*|despl[ei]eg\w*|implant\w*|развер\w*|установ\w*" +
        // Session 10: usage in Turkish, Vietnamese and Indonesian ("X kullanarak", "sử dụng X", "menggunakan X").
        @"|kullan\w*|sử dụng|menggunakan|memakai)\b" +
        @"|,\s*(?:die|der|das|welche)\b" +
        @"|使用|采用|运行|を使|사용|部署|安装|托管|存储|迁移|デプロイ|インストール|배포|설치|يستخدم|تستخدم|باستخدام|لتشغيل" +
        @"|を用い|を利用して|で使|이용하여|이용해|활용하여|활용해",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Breakers();

    /// <summary>A usage word right before the brand makes it a tool being used ("using Microsoft Teams", "使用微软Teams").</summary>
    [GeneratedRegex(@"(?:\b(?:using|uses|use|utilisant|usando|utilizando|nutzen|nutzt|mit hilfe von)\s*|使用|采用|利用)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UsageBefore();

    [GeneratedRegex(@"\s(?:by|on|with|par|por|von|durch|da|de)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EndsWithPreposition();

    /// <summary>
    /// A gap after the partner word that ends with a preposition of place: the brand is where something happens ("a
    /// customer story on the Azure blog", "our users, in Google Cloud"), not whom the partner word is about. "with", "of",
    /// "at" and "von/de/da" are left out: "partner with Red Hat", "partner of Oracle", "our partners at Cisco".
    /// </summary>
    [GeneratedRegex(@"(?:^|\s)(?:on|onto|in|into|to|from|via|inside|within|auf|nach|sur|dans|vers|en|desde|em|no|na|su|на|в)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EndsWithPlacePreposition();

    [GeneratedRegex(@"[\p{Lu}\p{Ll}][\p{L}\p{Mn}\p{Nd}'’.-]*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LatinWord();

    /// <summary>
    /// The site's own credit line naming what it runs on ("this website is hosted on", "our docs are served with"): a
    /// powered-by claim about the name that follows, where "host your clusters on" is compatibility. One phrase for the
    /// agent test below and the partner cues of <see cref="ContextLexicon"/>.
    /// </summary>
    internal const string SiteCreditLine = @"(?:this|our) (?:site|website|web site|docs|documentation|blog|mirror|demo)(?: \w+)? (?:is |are )?(?:proudly )?(?:hosted|served|deployed|running|built) (?:on|with)";

    /// <summary>
    /// A phrase that makes the name right after it the agent of backing, sponsoring or donating ("donated by Oracle"), or the
    /// host the site says it itself runs on ("this site is hosted on Azure": a powered-by credit, unlike "host your app on Azure").
    /// </summary>
    [GeneratedRegex(@"\b(?:(?:sponsored|supported|backed|funded|donated|provided|hosted|powered|made possible|offered|contributed|granted)(?: \w+ly)? by|courtesy of|thanks to|donations? from|grants? from|" + SiteCreditLine + @")\s+(?:the\s+)?(?:generous\s+)?$|(?:由|获得|得到)$|برعاية\s*$|بدعم من\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AgentBefore();

    /// <summary>
    /// True when <paramref name="mention"/> follows an agent phrase in <paramref name="sentence"/> ("servers donated by
    /// Oracle") or a partner phrase follows it directly ("Google Summer of Code").
    /// </summary>
    public static bool IsAgent(string sentence, string mention, IReadOnlyList<(int Start, int Length)> partnerSpans)
    {
        for (var at = sentence.IndexOf(mention, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = sentence.IndexOf(mention, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            // The partner phrase names the brand's own programme right after it ("Google Summer of Code", "AWS Partner").
            var end = at + mention.Length;
            if (partnerSpans.Any(s => s.Start >= end && s.Start - end <= 1))
            {
                return true;
            }

            try
            {
                if (at > 0 && AgentBefore().IsMatch(sentence[Math.Max(0, at - 40)..at]))
                {
                    return true;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>True when some occurrence of <paramref name="mention"/> in <paramref name="sentence"/> is bound to one of the partner keyword spans.</summary>
    public static bool Binds(string sentence, string mention, IReadOnlyList<(int Start, int Length)> partnerSpans)
    {
        if (partnerSpans.Count == 0 || string.IsNullOrEmpty(mention))
        {
            return false;
        }

        var folded = ChineseScriptFolder.Fold(sentence);
        var target = ChineseScriptFolder.Fold(mention);
        var found = false;
        for (var at = folded.IndexOf(target, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = folded.IndexOf(target, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            found = true;
            if (UsedAsTool(folded, at))
            {
                continue;
            }

            foreach (var (start, length) in partnerSpans)
            {
                // "powered by", "built on", "sponsored by" take their object after them: in "Zeplin's Adobe XD
                // integration is built on Rust" the brand before the phrase is not what it is built on.
                if (at < start && EndsWithPreposition().IsMatch(folded.Substring(start, length)))
                {
                    continue;
                }

                var gapStart = start + length <= at ? start + length : at + target.Length;
                var gapEnd = start + length <= at ? at : start;
                if (gapEnd < gapStart)
                {
                    return true; // the keyword contains the mention or overlaps it ("Microsoft Partner Network")
                }

                var gap = folded[gapStart..gapEnd];
                var markedSource = at < start && MarkedAsSource(folded, at + target.Length);
                if (ShortNeutralGap(gap, markedSource) && !(start < at && EndsWithPlace(gap) && !GiverAfterBackingNoun(folded.Substring(start, length), gap)))
                {
                    return true;
                }
            }
        }

        // The mention is not in the sentence as written (a label joined with its caption, a normalised form): the
        // partner word is all there is to go on.
        return !found;
    }

    /// <summary>
    /// "Sponsorship from Vercel", "funding from the Sovereign Tech Fund": after a noun of backing, "from" names who gave
    /// it, not a place. Only "from" and only these nouns: "migrating from AWS" and "our users, in Google Cloud" stay places.
    /// </summary>
    [GeneratedRegex(@"^(?:sponsor(?:ship)?s?|funding|grants?|donations?|credits?|support(?: from)?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BackingNoun();

    [GeneratedRegex(@"(?:^|\s)from\s+(?:the\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EndsWithFrom();

    private static bool GiverAfterBackingNoun(string partnerWord, string gap)
    {
        try
        {
            return BackingNoun().IsMatch(partnerWord.Trim()) && EndsWithFrom().IsMatch(gap) &&
                   gap.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 3;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool EndsWithPlace(string gap)
    {
        try
        {
            return EndsWithPlacePreposition().IsMatch(gap);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>True when an agent phrase ("sponsored by", "thanks to", برعاية) stands right before some occurrence of <paramref name="mention"/>.</summary>
    public static bool FollowsAgentPhrase(string sentence, string mention)
    {
        for (var at = sentence.IndexOf(mention, StringComparison.OrdinalIgnoreCase); at > 0;
             at = sentence.IndexOf(mention, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                if (AgentBefore().IsMatch(sentence[Math.Max(0, at - 40)..at]))
                {
                    return true;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }

        return false;
    }

    private static bool UsedAsTool(string sentence, int mentionStart)
    {
        var from = Math.Max(0, mentionStart - 24);
        try
        {
            return UsageBefore().IsMatch(sentence[from..mentionStart]);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// Brand first, verb last (Japanese, Korean, Turkish): the brand carries a particle or suffix that makes it the source,
    /// agent or addressee of the clause's verb — 「JetBrains 社から…の提供を受けています」, 「JetBrains의 후원을 받고」,
    /// 「JetBrains에서 … 제공받고」, "JetBrains'e … için teşekkür ederiz", "JetBrains tarafından … desteklenmektedir" —
    /// and the object in between (無償のオープンソースライセンス, ücretsiz açık kaynak lisansları) is longer than the
    /// few words a prepositional language leaves between "thanks to" and the brand.
    /// </summary>
    [GeneratedRegex(@"^\s*(?:社|様|さま|さん|株式会社|殿)?\s*(?:から|より|が|には|に|へ|の)" +
                    @"|^\s*(?:사|社|측)?\s*(?:에서|에게서|로부터|으로부터|의|이|가|께서|께|에게)(?![\uAC00-\uD7AF])" +
                    @"|^['’](?:e|a|ye|ya|in|ın|un|ün|nin|nın|nun|nün|den|dan|ten|tan|nden|ndan)\b|^\s+(?:tarafından|şirketine|şirketinin|şirketinden)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SourceParticle();

    /// <summary>Gap limits for a brand marked as source by <see cref="SourceParticle"/>: the rest of its clause.</summary>
    private const int MaxLowerCaseWordsMarked = 8;

    private const int MaxCjkLettersMarked = 30;

    private static bool MarkedAsSource(string sentence, int afterMention)
    {
        try
        {
            return afterMention < sentence.Length && SourceParticle().IsMatch(sentence[afterMention..Math.Min(sentence.Length, afterMention + 16)]);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool ShortNeutralGap(string gap, bool markedSource = false)
    {
        var maxLower = markedSource ? MaxLowerCaseWordsMarked : MaxLowerCaseWords;
        var maxCjk = markedSource ? MaxCjkLettersMarked : MaxCjkLetters;
        if (gap.Length > MaxGapChars)
        {
            return false;
        }

        try
        {
            if (Breakers().IsMatch(gap))
            {
                return false;
            }

            // Capitalised words are names (other list items, "Advanced Consulting"); lower-case ones are the relation's own words.
            var lower = 0;
            foreach (Match word in LatinWord().Matches(gap))
            {
                if (char.IsLower(word.Value[0]) && !IsListWord(word.Value) && ++lower > maxLower)
                {
                    return false;
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }

        // CJK has no spaces: each piece between list separators (another list item, 提供, 认定) must be short.
        foreach (var piece in gap.Split(ListSeparators))
        {
            if (piece.Count(c => BrandMatcher.IsHan(c) || c is >= '\u3040' and <= '\u30FF' or >= '\uAC00' and <= '\uD7AF') > maxCjk)
            {
                return false;
            }
        }

        return true;
    }

    private static readonly char[] ListSeparators = ['、', '，', ',', '；', ';', '：', ':', '/', '|', '·', '　', '،', '؛'];

    private static bool IsListWord(string word)
        => word is "and" or "or" or "und" or "oder" or "et" or "ou" or "y" or "o" or "e" or "ed" or "i" or "и" or "или" or "&" or "ve" or "và" or "dan";
}
