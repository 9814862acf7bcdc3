using System.Text.RegularExpressions;

namespace PartnerWatch.Detect;

/// <summary>
/// Section names that say who a section is about without a partner word, read from a heading, a short label or an
/// aria-label only — never from a sentence (session 10, learned from holdout7's misses, retired into tuning).
/// <list type="bullet">
/// <item><b>Acknowledgements</b>: a heading that is only "Thanks" in one of the catalogue's languages (감사의 말, 謝辞,
/// 致谢, Teşekkürler, Cảm ơn, Remerciements…). It is the conventional README/website section in which a project
/// credits the organisations that gave it licences, infrastructure or money. As a sentence word "thanks" is far too
/// common ("thanks for reading", "thanks to the new API"), so only the whole heading counts.</item>
/// <item><b>Organisations using the project</b>: "Companies &amp; Projects Using Git", "Companies using FastAPI",
/// "Unternehmen, die X einsetzen", "使用 X 的公司", "X를 사용하는 기업" — a collective noun for organisations and a use
/// verb; the heading form of "Used by" / "Who's using".</item>
/// <item><b>A collaboration lead</b>: a heading ending in "in collaboration with" over a logo row.</item>
/// <item>And one negative: <b>products supporting</b> a format or protocol ("Registries supporting OCI Artifacts") is a
/// compatibility list (<see cref="CueKind.Compatibility"/>), whatever the page is called.</item>
/// </list>
/// Both are whole-text patterns: a heading that says more ("Thanks for the feedback on our Azure guide") is not one.
/// </summary>
internal static partial class SectionRoles
{
    /// <summary>A partner cue when the whole of <paramref name="text"/> (normalised heading or label) names such a section.</summary>
    public static Cue? Classify(string text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 120)
        {
            return null;
        }

        try
        {
            var trimmed = Decoration().Replace(text, "").Trim();
            if (trimmed.Length == 0)
            {
                return null;
            }

            if (Acknowledgements().Match(trimmed) is { Success: true } thanks)
            {
                return new Cue(CueKind.Partner, thanks.Value);
            }

            if (OrganisationsUsing().Match(trimmed) is { Success: true } users)
            {
                return new Cue(CueKind.Partner, users.Value);
            }

            if (CollaborationLead().Match(trimmed) is { Success: true } collaboration)
            {
                return new Cue(CueKind.Partner, collaboration.Value);
            }

            if (ProductsSupporting().Match(trimmed) is { Success: true } compatible)
            {
                return new Cue(CueKind.Compatibility, compatible.Value);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological heading is no section name.
        }

        return null;
    }

    /// <summary>Emoji, symbols, numbering and punctuation around a heading ("🤝 特别感谢", "7. Danksagung:", "Thanks!").</summary>
    [GeneratedRegex(@"^[\p{So}\p{Sk}\p{Cs}\p{Mn}\p{P}\d\s\uFE0F\u200D]+|[\p{So}\p{Sk}\p{Cs}\p{P}\s\uFE0F\u200D]+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Decoration();

    /// <summary>"Thanks" as a section name, per catalogue language (en, de, fr, es, pt, it, ru, zh, ja, ko, ar, tr, vi, id).</summary>
    [GeneratedRegex(@"^(?:(?:special|many|big) )?(?:thanks|thank you|acknowledge?ments?)(?: (?:to|go(?:es)? to))?$" +
                    @"|^(?:besonderer )?dank(?:e|sagung(?:en)?)?$|^remerciements?$|^agradecimientos?$|^agradecimentos?$|^ringraziamenti$" +
                    @"|^(?:благодарност[иь]|спасибо)$" +
                    @"|^(?:特别|特別)?(?:致谢|致謝|鸣谢|鳴謝|感谢|感謝)$|^謝辞$|^スペシャルサンクス$" +
                    @"|^감사(?:의 ?(?:말|말씀|글|인사))?(?:합니다|드립니다)?$|^고마운 분들$" +
                    @"|^(?:شكر(?: وتقدير)?|الشكر(?: والتقدير)?)$" +
                    @"|^teşekkür(?:ler)?$|^(?:lời )?cảm ơn$|^(?:ucapan )?terima kasih$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Acknowledgements();

    /// <summary>
    /// Organisations that use the project, as a heading: a collective noun for organisations (optionally coordinated
    /// with another: "Companies &amp; Projects") and a use verb before or after the project's name.
    /// </summary>
    [GeneratedRegex(@"^(?:companies|organi[sz]ations|enterprises|businesses|institutions|brands)(?:\s*(?:&|and|,|/)\s*(?:projects|teams|organi[sz]ations|institutions|individuals|companies))?\s+(?:(?:that|who)\s+(?:use|rely on|run)|using|running|relying on|powered by|built (?:on|with))\s+\S.{0,60}$" +
                    @"|^(?:unternehmen|firmen|organisationen),?\s+die\s+.{1,60}\s+(?:nutzen|einsetzen|verwenden)$" +
                    @"|^(?:entreprises|organisations|sociétés)\s+qui\s+utilisent\s+.{1,60}$" +
                    @"|^(?:empresas|organizaciones|organizações)\s+que\s+(?:usan|utilizan|usam|utilizam)\s+.{1,60}$" +
                    @"|^(?:aziende|organizzazioni)\s+che\s+(?:usano|utilizzano)\s+.{1,60}$" +
                    @"|^(?:компании|организации),?\s+(?:использующие|которые используют)\s+.{1,60}$" +
                    @"|^(?:使用|采用|採用).{1,40}的(?:公司|企业|企業|组织|組織)$|^.{1,40}(?:を使っている|を使用している|を利用している|を採用している)(?:企業|会社|組織)$" +
                    @"|^.{1,40}(?:를|을) (?:사용하는|쓰는|도입한) (?:기업|회사|조직)(?:들)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OrganisationsUsing();

    /// <summary>
    /// A heading that ends by introducing the organisations a project is made with ("Contributed by the community, in
    /// collaboration with", "En colaboración con"): the logos after it complete the sentence.
    /// </summary>
    [GeneratedRegex(@"(?:^|[\s,])(?:in (?:collaboration|cooperation) with|in zusammenarbeit mit|en collaboration avec|en colaboración con|em colaboração com|in collaborazione con|в сотрудничестве с)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CollaborationLead();

    /// <summary>
    /// A class of products that support something ("Registries supporting OCI Artifacts", "Browsers that support
    /// WebGPU", "Editors with support for LSP"): a compatibility list, even on a page headed "Adopters". The noun must
    /// name products, not organisations — "Companies supporting Rust" are sponsors, "Supporting Rust" is a call to give.
    /// </summary>
    [GeneratedRegex(@"^(?:registries|browsers|editors|ides|tools|librar(?:y|ies)|clients|platforms|devices|runtimes|databases|operating systems|distributions|distros|plugins|plug-ins|extensions|frameworks|servers|hosts|drivers|sdks|apps|applications|implementations)\s+(?:supporting|that support|which support|with support for|compatible with)\s+\S.{0,60}$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ProductsSupporting();
}
