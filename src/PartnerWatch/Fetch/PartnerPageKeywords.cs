using System.Globalization;
using System.Text;

namespace PartnerWatch.Fetch;

/// <summary>
/// Words in link text or URLs that point to pages where a site shows its partners, customers or ecosystem.
/// One list, weighted: partner pages first, then customers/references, then ecosystem-like pages, then "about".
/// Extend it here; matching is case- and accent-insensitive substring matching.
/// </summary>
public static class PartnerPageKeywords
{
    public const int Partner = 10;
    public const int Customer = 8;
    public const int Ecosystem = 6;
    public const int About = 3;

    public static readonly IReadOnlyList<(string Keyword, int Weight)> All =
    [
        // partners
        ("partners", Partner), ("partner", Partner), ("partnership", Partner),
        ("合作伙伴", Partner), ("合作夥伴", Partner), ("伙伴", Partner), ("夥伴", Partner),
        ("パートナー", Partner), ("파트너", Partner),
        ("partenaires", Partner), ("partenaire", Partner), ("socios", Partner), ("aliados", Partner),
        ("parceiros", Partner), ("parceria", Partner), ("партнёры", Partner), ("партнеры", Partner), ("партнер", Partner),
        ("الشركاء", Partner), ("شركاؤنا", Partner), ("الرعاة", Partner),
        // Session 7: the other catalogue languages' menu words (fa, tr, id, vi, ko, fr, ru stems).
        ("شرکا", Partner), ("همکاران تجاری", Partner), ("iş ortakları", Partner), ("is-ortaklari", Partner), ("mitra", Partner),
        ("đối tác", Partner), ("doi-tac", Partner), ("partenariat", Partner), ("партнёр", Partner), ("협력사", Partner), ("제휴", Partner),
        // sponsors, supporters and funders (conference, lab and open-source sites list them on their own page)
        ("sponsors", Partner), ("sponsor", Partner), ("supporters", Partner), ("backers", Partner), ("funding", Customer),
        ("sponsoren", Partner), ("förderer", Partner), ("mecenes", Partner), ("patrocinador", Partner), ("sostenitori", Partner),
        ("спонсор", Partner), ("赞助", Partner), ("贊助", Partner), ("スポンサー", Partner), ("協賛", Partner), ("협찬", Partner), ("후원", Partner),
        ("스폰서", Partner), ("unterstützer", Partner), ("apoiadores", Partner), ("financiadores", Partner), ("donors", Partner), ("funders", Partner),
        ("الداعمون", Partner), ("الداعمين", Partner), ("رعاة", Partner), ("حامیان", Partner), ("اسپانسر", Partner), ("destekçiler", Partner),
        ("pendukung", Partner), ("nhà tài trợ", Partner), ("nha-tai-tro", Partner), ("支持者", Partner), ("鸣谢", Customer), ("致谢", Customer),
        ("acknowledg", Customer), ("捐赠", Customer),
        // Session 8: the names project sites give the page of the companies that pay for them.
        ("benefactors", Partner), ("patrons", Partner), ("mecenat", Partner), ("funded by", Partner), ("supported by", Partner),
        // customers and references
        ("customers", Customer), ("customer", Customer), ("clients", Customer), ("client", Customer),
        ("合作客户", Customer), ("客户", Customer), ("客戶", Customer), ("案例", Customer),
        ("導入事例", Customer), ("お客様", Customer), ("고객", Customer),
        ("kunden", Customer), ("referenzen", Customer), ("références", Customer), ("references", Customer),
        ("clientes", Customer), ("clienti", Customer), ("клиент", Customer), ("case-studies", Customer), ("case studies", Customer),
        ("عملاؤنا", Customer), ("العملاء", Customer), ("مشتریان", Customer), ("müşteriler", Customer), ("pelanggan", Customer), ("khách hàng", Customer),
        ("khach-hang", Customer), ("고객사", Customer), ("도입 사례", Customer), ("導入実績", Customer), ("事例", Customer),
        // users and adopters ("Who's using", "Production users", "Powered by" pages)
        ("users", Customer), ("adopters", Customer), ("who-uses", Customer), ("showcase", Customer), ("powered-by", Customer), ("powered by", Customer),
        ("用户", Customer), ("用戶", Customer), ("采用者", Customer), ("導入企業", Customer), ("採用企業", Customer), ("usuarios", Customer), ("utilisateurs", Customer),
        ("used by", Customer), ("trusted by", Customer), ("companies using", Customer), ("companies-using", Customer), ("who's using", Customer), ("who is using", Customer), ("who uses", Customer), ("we are using", Customer), ("we-are-using", Customer), ("whos-using", Customer), ("who-is-using", Customer), ("谁在使用", Customer), ("谁在用", Customer),
        ("пользователи", Customer), ("ユーザー事例", Customer),
        // ecosystem-like pages
        ("alliances", Ecosystem), ("alliance", Ecosystem), ("alianzas", Ecosystem), ("ecosystem", Ecosystem), ("members", Ecosystem),
        // Project sites thank their sponsors and infrastructure donors on a "Credits" or "Thanks" page (session 7).
        ("credits", Ecosystem), ("thanks", Ecosystem),
        ("生态", Ecosystem), ("生態", Ecosystem), ("合作", Ecosystem), ("integrations", Ecosystem), ("technology", Ecosystem),
        // about
        // Not "support": on most company sites it is the help desk (a benchmark of 300 sites spent a page of every site's
        // budget on /support/ links and stopped scanning its news page), and it named partners on one corpus site only.
        ("about", About), ("关于我们", About), ("關於我們", About), ("über uns", About), ("ueber-uns", About),
        ("uber-uns", About), ("a-propos", About), ("qui-sommes-nous", About), ("sobre", About), ("chi-siamo", About),
        ("о компании", About), ("会社概要", About), ("회사소개", About),
    ];

    private static readonly (string Folded, int Weight)[] FoldedKeywords = All.Select(k => (Fold(k.Keyword), k.Weight)).ToArray();

    /// <summary>Highest weight of any keyword found in <paramref name="text"/>, 0 when none.</summary>
    public static int Score(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return 0;
        var folded = Fold(text);
        var best = 0;
        foreach (var (keyword, weight) in FoldedKeywords)
            if (weight > best && folded.Contains(keyword, StringComparison.Ordinal)) best = weight;
        return best;
    }

    /// <summary>Lower-case, strip accents (é → e, ü → u) and unify ё/е so one spelling matches the other.</summary>
    private static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Replace('ё', 'е').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            // Keep Japanese dakuten/handakuten (combining after FormD) — dropping them would change the word.
            if (category == UnicodeCategory.NonSpacingMark && c is not ('\u3099' or '\u309A')) continue;
            builder.Append(c);
        }
        // Lower-cased again: the invariant culture leaves 'İ' (Turkish capital dotted I) upper case until its dot is gone.
        return builder.ToString().ToLowerInvariant().Normalize(NormalizationForm.FormC);
    }
}
