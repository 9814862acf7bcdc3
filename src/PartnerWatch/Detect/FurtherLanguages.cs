namespace PartnerWatch.Detect;

/// <summary>
/// Context keywords of catalogue languages added in session 6 (Turkish, Vietnamese, Indonesian), kept apart from
/// <see cref="ContextLexicon"/> so that file stays readable; same format, merged into <see cref="ContextLexicon.Languages"/>.
/// </summary>
internal static class FurtherLanguages
{
    public static readonly LanguageCues[] Cues =
    [
        new("tr", new Dictionary<CueKind, string[]>
        {
            // Turkish suffixes pile up on the stem (ortaklarımız = our partners, sponsorlarımız = our sponsors): stems.
            [CueKind.Partner] = [@"\b[iİ]ş ortak", @"\bortaklarımız", @"\bsponsorlar", @"\bdestekçiler", @"\bdestekleyenler", @"\bmüşterilerimiz", @"\breferanslarımız",
                @"tarafından (?:desteklen|sponsor|finanse)", @"\bkatkılarıyla\b", @"\bbize güven", @"\bçözüm ortak"],
            [CueKind.News] = [@"\bhaberler\b", @"\bduyurular", @"\bbasın bülteni"],
            [CueKind.Trademark] = [@"\bticari marka", @"\btescilli marka"],
            [CueKind.Compatibility] = [@"\buyumlu", @"üzerinde çalışır", @"\bsistem gereksinimleri", @"\bdestekler\b", @"\bkurulum\b", @"\byükle(?:yin|me)\b"],
            [CueKind.Jobs] = [@"\bkariyer", @"\biş ilanları", @"\baçık pozisyon", @"\bdeneyim"],
            [CueKind.Comparison] = [@"\bkarşılaştır", @"\baksine\b"],
            [CueKind.Cookie] = [@"\bçerez", @"\bgizlilik", @"\bkvkk\b"],
            [CueKind.Social] = [@"\bbizi takip edin", @"\bpaylaş"],
            [CueKind.AppStore] = [@"\bindir(?:in)?\b"],
            [CueKind.SignIn] = [@"ile giriş yap", @"\bödeme\b"],
        }),
        new("vi", new Dictionary<CueKind, string[]>
        {
            [CueKind.Partner] = [@"\bđối tác\b", @"\bnhà tài trợ\b", @"\btài trợ bởi\b", @"\bđược tài trợ\b", @"\bkhách hàng\b", @"\bđược hỗ trợ bởi\b",
                @"\bnhà hỗ trợ\b", @"\btin tưởng\b", @"\bhợp tác với\b"],
            [CueKind.News] = [@"\btin tức\b", @"\bthông cáo báo chí\b"],
            [CueKind.Trademark] = [@"\bnhãn hiệu\b"],
            [CueKind.Compatibility] = [@"\btương thích\b", @"\bchạy trên\b", @"\bhỗ trợ\b(?! bởi)", @"\byêu cầu hệ thống\b", @"\btriển khai (?:\w+ ){0,2}?(?:lên|trên)\b", @"\bcài đặt\b"],
            [CueKind.Jobs] = [@"\btuyển dụng\b", @"\bviệc làm\b", @"\bkinh nghiệm\b"],
            [CueKind.Comparison] = [@"\bso với\b", @"\bkhác với\b"],
            [CueKind.Cookie] = [@"\bquyền riêng tư\b"],
            [CueKind.Social] = [@"\btheo dõi chúng tôi\b", @"\bchia sẻ\b"],
            [CueKind.AppStore] = [@"\btải về\b", @"\btải xuống\b"],
            [CueKind.SignIn] = [@"\bđăng nhập bằng\b", @"\bthanh toán\b"],
        }),
        new("id", new Dictionary<CueKind, string[]>
        {
            [CueKind.Partner] = [@"\bmitra\b", @"\bkemitraan\b", @"\bdidukung oleh\b", @"\bdisponsori oleh\b", @"\bpelanggan kami\b", @"\bklien kami\b", @"\bpendukung\b",
                @"\bdipercaya oleh\b", @"\bbekerja sama dengan\b", @"\bpenyandang dana\b"],
            [CueKind.News] = [@"\bberita\b", @"\bsiaran pers\b"],
            [CueKind.Trademark] = [@"\bmerek dagang\b"],
            [CueKind.Compatibility] = [@"\bkompatibel\b", @"\bberjalan di\b", @"\bmendukung\b", @"\bpersyaratan sistem\b", @"\bpasang\b", @"\bdeploy ke\b"],
            [CueKind.Jobs] = [@"\bkarier\b", @"\blowongan\b", @"\bpengalaman\b"],
            [CueKind.Comparison] = [@"\bdibandingkan\b", @"\bberbeda dengan\b"],
            [CueKind.Cookie] = [@"\bprivasi\b"],
            [CueKind.Social] = [@"\bikuti kami\b", @"\bbagikan\b"],
            [CueKind.AppStore] = [@"\bunduh\b"],
            [CueKind.SignIn] = [@"\bmasuk dengan\b", @"\bpembayaran\b"],
        }),
    ];
}
