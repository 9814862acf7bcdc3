using System.Text.RegularExpressions;

namespace PartnerWatch.Detect;

/// <summary>What a piece of context says about a brand mention near it.</summary>
internal enum CueKind
{
    /// <summary>Presents partners, customers, suppliers, certifications, memberships, "powered by".</summary>
    Partner,
    News,
    Trademark,
    Compatibility,
    Jobs,
    Comparison,
    Cookie,
    Social,
    AppStore,
    /// <summary>"Sign in with …" and payment buttons.</summary>
    SignIn,
}

/// <summary>The keywords of one language, by kind; fragments are .NET regular expressions matched case-insensitively.</summary>
internal sealed record LanguageCues(string Language, IReadOnlyDictionary<CueKind, string[]> Fragments);

/// <summary>A keyword found in some text: its kind and the words that matched.</summary>
internal readonly record struct Cue(CueKind Kind, string Keyword);

/// <summary>
/// Every context keyword in one place, per language. To support a language or a phrase, add a fragment below;
/// nothing else changes. Latin fragments use <c>\b</c> where a short word must not match inside another one;
/// CJK fragments have no word boundaries (the scripts have none).
/// </summary>
internal sealed partial class ContextLexicon
{
    /// <summary>
    /// "Client" alone is mostly software ("client id", "IBM i Access Client Solutions", "API client"); as a partner word it
    /// needs a determiner, a label shape or a showcase noun ("our client", "Client: Acme", alt="client logo").
    /// </summary>
    private const string ClientAsPartner = @"\b(?:our|key|valued|featured|satisfied|happy|long-standing) client\b(?![-_]|\s+(?:ids?|secrets?|side|librar(?:y|ies)|apps?|applications?|sdks?|certificates?|credentials?|keys?|tools?|software)\b)|(?<![-_.\w])client\s*:|\bclient\s+(?:logos?|list|stor(?:y|ies)|testimonials?|cases?|references?)\b";

    /// <summary>
    /// A donation platform as the way to pay ("via GitHub Sponsors", "durch GitHub-Sponsors zu spenden", a "GitHub Sponsors"
    /// button: the product's name, capitalised or hyphenated), not the verb of a sponsor statement ("GitHub sponsors CI
    /// infrastructure").
    /// </summary>
    private const string DonationChannel = @"\bgithub-sponsors\b|(?-i:\b[Gg]it[Hh]ub Sponsors\b)|\bgithub sponsors(?=\s*(?:$|[.,;:!?)\]]|(?:and|or|page|profile|button|account|program(?:me)?)\b))|\b(?:via|through|with|using|from|on) github sponsors\b";

    public static readonly IReadOnlyList<LanguageCues> Languages =
    [
        new("en", new Dictionary<CueKind, string[]>
        {
            [CueKind.Partner] = [@"\bsponsor(?:s|ed|ships?|ing)?\b",
                // Session 8: backing named as a noun with its giver after "from" ("generous support from Acme", "a grant
                // from Acme"); "support for" stays a compatibility phrase.
                @"\b(?:(?:generous|financial|kind|continued|ongoing|in-kind) )?(?:support|grants?) from\b", @"\bsupporters?\b", @"\bsupported by\b", @"\bfunding\b", @"\bfunded by\b", @"\bfunders?\b", @"\bdonors?\b", @"\bbackers?\b",
                @"\bbenefactors?\b", @"\bpatrons?\b", @"\backnowledge?ments?\b", @"\bwith thanks to\b", @"\bwho(?:'s|’s| is) using\b", @"\bwho uses\b", @"\badopters?\b",
                @"\b(?:production|notable|our|enterprise) users\b", @"\btrusted partner\b", @"\bcollaborators?\b", @"case ?stud", "success stor", "testimonial", @"\baffiliations?\b", @"\bofficial partner\b", "partner", @"\bclients\b", ClientAsPartner, @"\bcustomers?\b(?!\.\w)", "trusted by", "powered by", @"built (?:on|with)\b",
                @"\balliances?\b", "ecosystem", "certifi", "accredit", @"memberships?\b", @"\bmember of\b", @"\bprogram member\b",
                @"\bresellers?\b", @"\bdistributors?\b", @"\bsuppliers?\b", @"\bvendors?\b", "who we work with", "proud to work with",
                @"\breferences\b", @"\bused by\b", "in good company", @"\bsponsored by\b",
                // One-sentence claims: the brand is the agent of backing, donating or hosting ("Backed by AWS",
                // "servers donated by Hetzner", "thanks to GitHub for hosting our CI"), or its funding programme.
                @"\bbacked by\b", @"\bhosted by\b", @"\bdonat(?:ed|ions?) (?:by|from)\b", @"\bcourtesy of\b", @"\bin-kind\b",
                @"\b(?:generously|kindly) (?:provided|donated|sponsored|hosted|supported|contributed|offered)(?: by)?\b",
                @"\b(?:hosting|infrastructure|servers|bandwidth|cdn|ci|compute|credits|mirrors?) (?:is |are |was |were )?(?:provided|offered|contributed) by\b",
                @"\b(?:thanks? to|thankful to|grateful to|we thank)\b(?=[^.!?]{1,60}?\bfor (?:(?:their|its|his|her|the|generous(?:ly)?|continued|kind|long-term) )*(?:support\w*|sponsor\w*|host\w*|provid\w*|donat\w*|fund\w*|infrastructure|servers?|resources|credits|ci)\b)",
                @"\b(?:top|corporate|company|organi[sz]ation(?:al)?|major) contributors\b", @"\b(?:commercial )?support providers\b",
                // The site's own credit line: the vendor it says it itself runs on is a powered-by claim (session 6), while
                // "host your clusters on X" stays a compatibility statement.
                @"\b" + PartnerRelation.SiteCreditLine + @"\b",
                // Session 6: a bare "Users" heading over a logo wall, the organisations that participate in a project.
                @"^users$", @"\bparticipants\b", @"\bparticipating (?:organi[sz]ations|companies|members)\b",
                @"^(?:utilisateurs|usuarios|usuários|utenti|пользователи|用户|ユーザー|사용자)$"],
            [CueKind.News] = [@"\bupdates\b", "what's new", @"\bchangelog\b", @"\brelease notes\b", @"\binsights\b", @"\bevents\b", @"\bwebinars?\b", @"\bnews\b", @"\bblog\b", @"\bpress\b", @"\bannounce", @"\breported\b", "according to", @"\banalysts?\b", @"\bshares rose\b"],
            [CueKind.Trademark] = ["trademark", @"registered marks?\b", "respective owners", "all rights reserved by", "©", @"\bcopyright\b"],
            [CueKind.Compatibility] = ["compatib", @"\bruns on\b", @"\bworks (?:on|with)\b", "system requirements", @"\brequires\b", @"\bsupports\b(?! (?:this|the|our) (?:project|work|community|development|foundation)\b| us\b)",
                @"\bsupport for\b", @"\bavailable for\b", @"\boptimi[sz]ed for\b", @"\badapted to\b", @"\bdesigned for\b", @"\bplug-?in for\b",
                @"\bintegrates? with\b", @"\bintegrations\b", @"\blist of (?:plugins|providers|integrations)\b", @"\bstorage backends?\b", @"\bnatively\b",
                // The vendor as the place a user's software is deployed to, installed from, hosted or stored on (session 6).
                @"\bdeploy(?:s|ed|ing|ment)? (?:[\w.-]+ ){0,3}?(?:to|on|onto|in|into)\b", @"\bone-click deploy", @"\binstall(?:s|ed|ing|ation)? (?:[\w.-]+ ){0,3}?(?:from|on|via)\b",
                @"\bhost(?:s|ing)? (?:[\w.-]+ ){0,3}?on\b", @"\bhosted on\b", @"\bstor(?:e|es|ed|ing) (?:[\w.-]+ ){0,3}?(?:in|on)\b", @"\bmigrat(?:e|es|ed|ing) (?:[\w.-]+ ){0,3}?(?:to|from)\b",
                @"\bself-host",
                // An adopter entry's field that names where the adopter runs ("Environment: AWS, bare metal").
                @"\b(?:environments?|platforms?|cloud providers?)\s*:"],
            [CueKind.Jobs] = [@"\bjoin (?:us|our team)\b", @"\bopen (?:positions|roles)\b", @"\bjobs?\b", @"\bcareers?\b", @"\bhiring\b", "vacanc", "recruit", @"experience (?:with|in)\b", @"knowledge of\b",
                @"\bskills?\b", @"\bapply now\b", @"\brequirements\b", @"\bfamiliarity with\b"],
            // "VS Code" is an editor's name, not "versus": an app wall captioned "VS Code" is no comparison (session 9, text10).
            [CueKind.Comparison] = [@"\bunlike\b", @"compared (?:to|with)\b",
                @"\bvs\.?(?=\s|$)(?!\s*code\b)", @"\bversus\b", @"alternative to\b",
                @"\b(?:better|cheaper|faster) than\b", @"\bswitch(?:ing)? from\b"],
            [CueKind.Cookie] = ["cookie", @"\bprivacy\b", "data protection", "consent", @"\bgdpr\b", @"\btracking\b", @"\bpixel\b"],
            [CueKind.Social] = ["stay connected", @"\bfollow\b", @"\bshare (?:on|this|via|it)\b", @"^share$", "connect with us", "find us on", "join us on", @"\bsocial\b"],
            [CueKind.AppStore] = ["app store", "google play", "download on", "get it on", @"available on the\b", "microsoft store"],
            // Donation platforms are ways to pay, not sponsors ("donate via GitHub Sponsors", "GitHub-Sponsors").
            [CueKind.SignIn] = [DonationChannel, @"\bopen ?collective\b", @"\bpatreon\b", @"\bliberapay\b", @"\bsign (?:in|up) with\b", @"\blog ?in with\b", @"\bcontinue with\b", @"\bpay with\b", @"\bcheckout\b",
                @"\bpayments?\b", "apple pay", "google pay"],
        }),
        new("de", new Dictionary<CueKind, string[]>
        {
            [CueKind.Partner] = ["sponsoren", "förderer", @"gefördert (?:von|durch)\b", "unterstützer", @"\bmit freundlicher unterstützung\b", "anwender", "fallstudie", "erfolgsgeschicht", @"\bkunden(?!service|portal|konto)", "referenzen", "zertifizier",
                // Session 9: "Mitglied" alone or with its organisation; a compound names a person's role ("TC-Mitglied",
                // "Vorstandsmitglieder"), except the supporting member that backs an association (Fördermitglied).
                @"(?<![-\w])mitglied", "fördermitglied", "lieferanten",
                "vertrauen uns", @"unterstützt (?:von|durch)\b", "allianz"],
            [CueKind.News] = ["aktuelles", "neuigkeiten", @"\bpresse", "nachrichten", @"\bstellt\b.*\bvor\b", @"\bhat am\b"],
            [CueKind.Trademark] = ["marke", "warenzeichen", "eingetragene", @"\bmarkenrechtlich"],
            [CueKind.Compatibility] = ["kompatib", @"läuft (?:auf|unter)\b", "systemvoraussetzung", "systemanforderung", @"unterstützt\b(?! (?:von|durch))",
                @"installier\w* (?:\w+ ){0,2}?(?:auf|von|über)\b", @"bereitstell\w* (?:\w+ ){0,2}?(?:auf|in)\b", @"\bdeploy\w* (?:\w+ ){0,2}?(?:auf|in|nach)\b", @"gehostet auf\b", @"speicher\w* (?:\w+ ){0,2}?(?:in|auf)\b"],
            [CueKind.Jobs] = ["stellenangebot", "karriere", "kenntnisse", @"erfahrung (?:mit|in)\b", "ihr profil", @"m/w/d", "bewerb"],
            [CueKind.Comparison] = ["im gegensatz zu", @"\banders als\b", "im vergleich", @"\bstatt\b"],
            [CueKind.Cookie] = ["datenschutz", "dsgvo"],
            [CueKind.Social] = ["folgen sie uns", @"\bteilen\b"],
            [CueKind.AppStore] = [@"laden im\b", @"jetzt bei\b"],
            [CueKind.SignIn] = [@"\banmelden mit\b", @"\bmit \S+ anmelden\b", "bezahlen", @"zahlen mit\b"],
        }),
        new("fr", new Dictionary<CueKind, string[]>
        {
            [CueKind.Partner] = [@"\bsponsors?\b", "mécènes", @"soutenu par\b", @"financé par\b", "soutiens", "ils utilisent", "études de cas", "témoignages", "ils nous ont choisi", "partenaire", "ils nous font confiance", "nous font confiance", "références", "propulsé par",
                @"\bmembre de\b", "fournisseurs", "certifié"],
            [CueKind.News] = ["actualités", @"\bactus?\b", "communiqué"],
            [CueKind.Trademark] = [@"marques? (?:déposée|commerciale|de commerce)", @"sont des marques\b", @"est une marque\b", @"\bmarques? (?:appartiennent|sont la propriété)"],
            [CueKind.Compatibility] = [@"fonctionne (?:sous|avec|sur)\b", "configuration requise", @"\bprend en charge\b", @"déplo\w* (?:\w+ ){0,2}?(?:sur|vers|dans)\b", @"install\w* (?:\w+ ){0,2}?(?:sur|depuis|via)\b",
                @"hébergé\w* sur\b", @"stock\w* (?:\w+ ){0,2}?(?:sur|dans)\b"],
            [CueKind.Jobs] = ["emploi", "recrut", @"\bposte\b", "candidat"],
            [CueKind.Comparison] = ["contrairement", "par rapport à", @"\bà la différence de\b"],
            [CueKind.Cookie] = ["confidentialité", @"\brgpd\b", "traceurs"],
            [CueKind.Social] = ["suivez-nous", "suivez nous", "partager"],
            [CueKind.AppStore] = ["disponible sur", "télécharg"],
            [CueKind.SignIn] = [@"se connecter avec\b", @"connexion avec\b", @"payer avec\b", "paiement"],
        }),
        new("es", new Dictionary<CueKind, string[]>
        {
            [CueKind.Partner] = ["patrocinador", @"patrocinado por\b", @"financiado por\b", @"apoyado por\b", @"\bquién usa\b", "casos de éxito", "casos de estudio", @"\bsocios?\b", @"\balianzas?\b", @"\baliados?\b", @"\bclientes\b", "confían en nosotros",
                "impulsado por", "con la tecnología de", "proveedores", @"\bmiembro de\b", "certificado"],
            [CueKind.News] = ["noticias", @"\bprensa\b"],
            [CueKind.Trademark] = [@"marcas? registradas?", @"\bes una marca\b", @"\bmarcas? comerciales?\b", @"\bson marcas\b"],
            [CueKind.Compatibility] = [@"funciona (?:en|con)\b", "requisitos", @"\bcompatible con\b", @"(?:despleg|desplieg)\w* (?:\w+ ){0,2}?en\b", @"instal\w* (?:\w+ ){0,2}?(?:en|desde)\b", @"alojad\w* en\b",
                @"almacen\w* (?:\w+ ){0,2}?en\b"],
            [CueKind.Jobs] = ["empleo", "vacante", @"experiencia (?:en|con)\b", "trabaja con nosotros"],
            [CueKind.Comparison] = ["a diferencia de", @"comparado con\b"],
            [CueKind.Cookie] = ["privacidad"],
            [CueKind.Social] = ["síguenos", "compartir", @"\bredes\b"],
            [CueKind.AppStore] = ["disponible en", "descárga"],
            [CueKind.SignIn] = [@"iniciar sesión con\b", @"pagar con\b", @"\bacceder con\b"],
        }),
        new("pt", new Dictionary<CueKind, string[]>
        {
            [CueKind.Partner] = ["patrocinador", "apoiadores", @"financiado por\b", @"apoiado por\b", "adotantes", "casos de sucesso", "parceir", "parcerias?", @"\bquem usa\b", @"usado por\b", @"com o apoio d[aeo]\b", "agradecimentos", "financiadores", @"patrocinado por\b", @"\bclientes\b", "confiam em nós", "fornecedores", "certificad"],
            [CueKind.News] = ["notícias", "imprensa"],
            [CueKind.Trademark] = [@"marcas? registradas?", @"\bmarcas? comerciais\b", @"\bmarca comercial\b", @"\bé uma marca\b", @"\bsão marcas\b"],
            [CueKind.Compatibility] = ["compatív", @"funciona (?:em|com)\b", @"implant\w* (?:\w+ ){0,2}?(?:em|no|na)\b", @"instal\w* (?:\w+ ){0,2}?(?:em|no|na|a partir)\b",
                @"hospedad\w* (?:em|no|na)\b", @"armazen\w* (?:\w+ ){0,2}?(?:em|no|na)\b"],
            [CueKind.Jobs] = [@"\bvagas?\b", @"experiência (?:em|com)\b", "trabalhe conosco"],
            [CueKind.Comparison] = ["ao contrário d", @"comparado (?:a|com)\b"],
            [CueKind.Cookie] = ["privacidade"],
            [CueKind.Social] = ["siga-nos", "compartilh"],
            [CueKind.AppStore] = [@"disponível n[oa]\b", @"\bbaixe\b"],
            [CueKind.SignIn] = [@"entrar com\b", @"pagar com\b"],
        }),
        new("it", new Dictionary<CueKind, string[]>
        {
            [CueKind.Partner] = [@"\bsponsor\b", "sostenitori", @"con il (?:supporto|sostegno) d", "ringraziamenti", @"sponsorizzat\w* da\b", @"chi (?:usa|utilizza)\b", @"utilizzato da\b", @"finanziato da\b", @"supportato da\b", "casi di successo", @"\bclienti\b", "ci hanno scelto", "si affidano a noi", "fornitori", "alleanze", "certificat"],
            [CueKind.News] = ["notizie", "comunicato"],
            [CueKind.Trademark] = [@"marchi(?:o)? registrat", @"\bmarchi(?:o)? (?:commercial|di proprietà)", @"\bè un marchio\b", @"\bsono marchi\b"],
            [CueKind.Compatibility] = ["compatibil", @"funziona (?:su|con)\b", "requisiti", @"distribui\w* (?:\w+ ){0,2}?su\b", @"install\w* (?:\w+ ){0,2}?(?:su|da)\b", @"ospitat\w* su\b"],
            [CueKind.Jobs] = ["lavora con noi", "posizioni aperte", @"esperienza (?:con|in)\b"],
            [CueKind.Comparison] = ["rispetto a", "a differenza di"],
            [CueKind.Cookie] = [@"\binformativa\b"],
            [CueKind.Social] = ["seguici", "condividi"],
            [CueKind.AppStore] = ["scarica"],
            [CueKind.SignIn] = [@"accedi con\b", @"paga con\b"],
        }),
        new("ru", new Dictionary<CueKind, string[]>
        {
            [CueKind.Partner] = ["спонсор", "при поддержке", "нас поддерживают", "поддержали нас", "благодарности", "меценат", "кто использует", "финансир", "кейсы", "партн[её]р", "клиент", "нам доверяют", "поставщик", "сертифи"],
            [CueKind.News] = ["новост", "пресс-релиз"],
            [CueKind.Trademark] = [@"товарн\w* знак", @"торгов\w* марк", @"зарегистрированн\w* марк"],
            [CueKind.Compatibility] = ["совместим", @"работает (?:на|под)\b", "системные требования", @"развер\w* (?:\w+ ){0,2}?(?:на|в)\b", @"развёрт\w* (?:\w+ ){0,2}?(?:на|в)\b", @"установ\w* (?:\w+ ){0,2}?(?:на|из|с)\b", @"размещ\w* на\b"],
            [CueKind.Jobs] = ["ваканси", "опыт работы"],
            [CueKind.Comparison] = ["в отличие от", "по сравнению"],
            [CueKind.Cookie] = ["конфиденциальн", "куки"],
            [CueKind.Social] = ["подписывайтесь", "поделиться", "соцсет"],
            [CueKind.AppStore] = ["скачать", "загрузите"],
            [CueKind.SignIn] = ["войти через", "оплат"],
        }),
        new("zh", new Dictionary<CueKind, string[]>
        {
            // Simplified and traditional together: a site may mix them.
            [CueKind.Partner] = ["赞助", "贊助", "资助", "資助", "支持者", "我们的用户", "我們的用戶", "谁在使用", "誰在使用", "采用者", "採用者", "用户案例", "用戶案例", "案例", "合作机构", "合作機構", "支持单位", "支持單位", "资质", "資質", "合作伙伴", "合作夥伴", "战略合作", "戰略合作", "合作客户", "合作客戶", "客户(?!端|服务|服務)", "客戶(?!端|服务|服務)", "生态伙伴", "生態夥伴",
                "技术支持", "技術支持", "技術支援", "合作单位", "合作單位", "合作厂商", "合作廠商", "合作品牌", "供应商", "供應商",
                // Session 9: 认证 alone is mostly authentication (身份认证, 认证信息, OAuth 认证); certification walls say
                // 认证证书/认证合作伙伴/通过…认证/官方认证.
                "认证(?:证书|證書|合作|伙伴|夥伴|厂商|廠商|服务商|服務商|供应商|供應商|资质|資質|机构|機構|体系|體系|产品|產品|标志|標誌)", "(?:通过|通過|获得|獲得|荣获|榮獲|取得)[^。！？，,]{0,12}认证", "(?:官方|权威|權威|国际|國際)认证",
                "会员单位", "會員單位", "成员单位", "伙伴", "夥伴", "合作", "鸣谢", "鳴謝",
                // Thanks for trust and support ("感谢以下合作伙伴长期以来的信任与支持"): the 支持 inside is gratitude, not
                // "supports"; the whole phrase is one partner cue and masks the compatibility word within it.
                "(?:感谢|感謝|鸣谢|鳴謝|致谢|致謝)[^。！？!?]{0,40}(?:支持|支援|信任|帮助|幫助|厚爱|厚愛)", "(?:大力|鼎力|倾力|傾力)支持",
                // "深受领先机构信赖" (trusted by leading organisations) heads a customer wall.
                "(?:深受|备受|備受|受到|获得|獲得|赢得|贏得)[^。！？!?]{0,12}(?:信赖|信賴|信任|青睐|青睞)", "(?:信赖|信賴|信任)我们"],
            [CueKind.News] = ["新闻", "新聞", "资讯", "資訊", "动态", "動態", "报道", "報導"],
            [CueKind.Trademark] = ["商标", "商標", "版权所有", "版權所有", "知识产权声明", "知識產權聲明"],
            [CueKind.Compatibility] = ["(?<!技术|技術)支持(?!单位|者)", "兼容", "适配", "適配", "系统要求", "系統需求", "运行于", "運行於",
                "部署(?:到|在|于|於|至)", "(?:在|于)[^。！？]{0,12}(?:上|中)部署", "安装", "安裝", "托管(?:在|于)", "存储(?:在|于)", "迁移(?:到|至)"],
            [CueKind.Jobs] = ["招聘", "职位", "職位", "岗位", "崗位", "任职要求", "任職要求", "熟悉", "经验", "經驗", "加入我们"],
            [CueKind.Comparison] = ["不同于", "不同於", "相比", "相較", "比起"],
            [CueKind.Cookie] = ["隐私", "隱私", "个人信息"],
            [CueKind.Social] = ["关注我们", "關注我們", "分享到", "微信公众号"],
            [CueKind.AppStore] = ["下载", "下載"],
            [CueKind.SignIn] = ["登录", "登入", "登錄", "支付", "付款"],
        }),
        new("ar", new Dictionary<CueKind, string[]>
        {
            // Arabic attaches articles and pronouns to the word (الشركاء, شركاؤنا, شركائنا), so fragments are stems.
            [CueKind.Partner] = ["شركاؤ", "شركائ", "شركاء", "شريك", "الرعاة", "رعاة", "الراعي", "برعاية", "بدعم من", "الداعمين", "الداعمون",
                "بتمويل من", "الممولين", "عملاؤنا", "عملائنا", "العملاء", "يثقون بنا", "قصص النجاح", "دراسات الحالة", "مدعوم من", "بالشراكة مع", "شراكة",
                // Session 6: under the patronage of, official sponsor, supporters with a pronoun, "supports us", thanks and
                // appreciation, trusted by, in cooperation with, members.
                "تحت رعاية", "راعي", "داعمو", "داعمين", "داعمي", "(?:تدعم|يدعم|دعم|دعمت|دعموا)نا", "شكر وتقدير", "شكر خاص", "نشكر",
                "موثوق", "يثق بنا", "تثق بنا", "بالتعاون مع", "عضو في", "الأعضاء", "الموردين", "الممولون", "مدعومة من", "من يستخدم"],
            [CueKind.News] = ["أخبار", "الأخبار", "المدونة", "بيان صحفي"],
            [CueKind.Trademark] = ["علامة تجارية", "علامات تجارية", "جميع الحقوق محفوظة"],
            [CueKind.Compatibility] = ["متوافق", "التوافق", "يعمل على", "تعمل على", "متطلبات النظام", "(?:يدعم|تدعم)(?!نا|ه|ها|هم)",
                // uses, using, to run, deploy on, install, host on: the vendor as the platform (session 6).
                "يستخدم", "تستخدم", "باستخدام", "لتشغيل", "نشر على", "النشر على", "تثبيت", "استضافة على"],
            [CueKind.Jobs] = ["وظائف", "الوظائف", "انضم إلى فريقنا", "التوظيف"],
            [CueKind.Comparison] = ["مقارنة", "على عكس", "بخلاف"],
            [CueKind.Cookie] = ["الخصوصية", "ملفات تعريف الارتباط"],
            [CueKind.Social] = ["تابعونا", "تابعنا", "شارك"],
            [CueKind.AppStore] = ["حمّل", "حمل التطبيق", "متوفر على"],
            [CueKind.SignIn] = ["تسجيل الدخول", "الدفع"],
        }),
        new("ja", new Dictionary<CueKind, string[]>
        {
            [CueKind.Partner] = ["スポンサー", "協賛", "支援企業", "採用企業", "導入ユーザー", "利用企業", "導入事例", "事例", "パートナー", "導入企業", "導入実績", "取引先", "提携", "お客様", "協力会社", "認定", "信頼され", "信頼いただ"],
            [CueKind.News] = ["ニュース", "お知らせ", "プレスリリース"],
            [CueKind.Trademark] = ["登録商標", "商標", "トレードマーク"],
            [CueKind.Compatibility] = ["対応", "動作環境", "デプロイ", "インストール", "ホスティング"],
            [CueKind.Jobs] = ["採用", "求人", "応募", "経験"],
            [CueKind.Comparison] = ["と比べ", "と違い", "とは異なり"],
            [CueKind.Cookie] = ["個人情報", "クッキー"],
            [CueKind.Social] = ["フォロー", "シェア"],
            [CueKind.AppStore] = ["ダウンロード"],
            [CueKind.SignIn] = ["ログイン", "決済"],
        }),
        new("ko", new Dictionary<CueKind, string[]>
        {
            [CueKind.Partner] = ["후원", "스폰서", "함께하는 기업", "지원 기관", "사용 기업", "도입 기업", "사례", "협력", "주요 고객", "파트너", "고객사", "협력사", "제휴",
                // Session 9: 인증 alone is mostly authentication ("Firebase 인증", "인증 토큰"); a certification wall names
                // the certificate, the body or the act of obtaining it.
                "인증(?:서|현황|기관|업체|파트너|마크|제품|획득|취득|을 받|을 획득|을 취득)", "(?:공식|보유|획득한?|취득한?)\\s?인증", "인증된 (?:파트너|업체|기업|제품)",
                "신뢰하는", "신뢰받는"],
            [CueKind.News] = ["뉴스", "소식", "보도"],
            [CueKind.Trademark] = ["상표", "트레이드마크", "법적 고지"],
            [CueKind.Compatibility] = ["호환", "시스템 요구", "에 배포", "에 설치", "에서 설치"],
            [CueKind.Jobs] = ["채용", "경력", "우대"],
            [CueKind.Comparison] = ["에 비해", "와 달리", "과 달리"],
            [CueKind.Cookie] = ["개인정보", "쿠키"],
            [CueKind.Social] = ["팔로우", "공유"],
            [CueKind.AppStore] = ["다운로드"],
            [CueKind.SignIn] = ["로그인", "결제"],
        }),
        .. FurtherLanguages.Cues,
        .. DisclaimerWording.Cues,
        .. InfrastructureCredits.Cues,
        .. PlatformWording.Cues,
        // Session 10: the reference concept table (relation by relation, every catalogue language).
        .. PartnerConcepts.Cues,
    ];

    /// <summary>Prefixes of class/id sub-tokens (split at '-', '_', ' ') that mark a region; language-neutral by nature.</summary>
    public static readonly IReadOnlyDictionary<CueKind, string[]> ClassTokenPrefixes = new Dictionary<CueKind, string[]>
    {
        [CueKind.Partner] = ["partner", "client", "customer", "kunden", "referenz", "references", "referencias", "alliance", "ecosystem", "trusted", "certif",
            "member", "supplier", "sponsor", "supporter", "adopter", "participant", "backer", "donor", "funder", "usedby", "powered", "partenaire", "socio", "aliado", "parceir", "clienti", "hezuo", "huoban"],
        [CueKind.News] = ["news", "blog", "press", "article", "post", "aktuell", "noticia", "xinwen"],
        [CueKind.Cookie] = ["cookie", "consent", "gdpr", "privacy"],
        [CueKind.Social] = ["social", "share", "sharing", "follow", "sns", "redes"],
        [CueKind.Jobs] = ["job", "career", "recruit", "vacanc", "karriere"],
        [CueKind.AppStore] = ["appstore", "badge", "googleplay", "playstore"],
        [CueKind.SignIn] = ["login", "signin", "oauth", "pay", "checkout"],
        [CueKind.Trademark] = ["trademark", "legal", "copyright"],
    };

    /// <summary>Class/id prefixes of a logo strip with no words: a weaker hint of a partner wall.</summary>
    public static readonly string[] LogoWallTokenPrefixes = ["logos", "logo-", "brands", "wall", "marquee", "carousel-logos"];

    /// <summary>
    /// Whole class/id sub-tokens that name a wall of the project's users (<c>featured-users</c>, <c>section--users</c>,
    /// <c>tk-users</c>, <c>id="users"</c>): matched whole, never as a prefix ("usersettings"), and not on an icon
    /// (<c>fa fa-users</c> draws a people glyph).
    /// </summary>
    private static readonly string[] UsersWallTokens = ["users", "adopters", "customers"];

    private readonly (CueKind Kind, Regex Regex)[] _regexes;

    /// <summary>Every disclaimer of <see cref="DisclaimerWording"/>: the partner words inside one are denied, not stated.</summary>
    private readonly Regex _disclaimer;

    /// <summary>Event verbs of <see cref="PartnerConcepts.StatementOnlyFragments"/>: a heading made only of these is a headline.</summary>
    private readonly Regex _statementOnly;

    /// <summary>Which regexes can match a text at all (<see cref="CueKeywordIndex"/>); null: all run, the tests' reference.</summary>
    private readonly CueKeywordIndex? _keywords;

    /// <param name="prefilter">False only in tests: every regex runs over every text, as before the keyword index.</param>
    public ContextLexicon(bool prefilter = true)
    {
        _regexes = Enum.GetValues<CueKind>()
            // Fragments are folded like the text they are matched against (導入企業 and 合作夥伴 included).
            .Select(kind => (kind, new Regex("(?:" + string.Join("|", CuePatterns.Of(kind)) + ")",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1))))
            .ToArray();
        _disclaimer = new Regex("(?:" + string.Join("|", CuePatterns.Disclaimers()) + ")",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));
        _keywords = prefilter ? CuePatterns.Index() : null;
        _statementOnly = new Regex(
            "(?:" + string.Join("|", PartnerConcepts.StatementOnlyFragments.Select(ChineseScriptFolder.Fold)) + ")",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));
        CompiledRegexWarmUp.Run([.. _regexes.Select(r => r.Regex), _disclaimer, _statementOnly]);
    }

    private ulong Possible(string folded) => _keywords?.Possible(folded) ?? ulong.MaxValue;

    /// <summary>The first negative cue in <paramref name="text"/> (negative kinds win over partner words), else a partner cue.</summary>
    public Cue? Classify(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // Traditional characters fold to simplified ones (same length), so one keyword list serves both scripts.
        var folded = ChineseScriptFolder.Fold(text);
        var possible = Possible(folded);
        var partnerSpans = PartnerSpans(folded, possible);
        foreach (var (kind, regex) in _regexes)
        {
            // A kind none of whose keywords occurs cannot match: its regex is not run (same answer, a tenth of the cost).
            if (kind != CueKind.Partner && CueKeywordIndex.Has(possible, (int)kind) && SafeMatch(regex, folded, text, partnerSpans) is { } match)
            {
                return new Cue(kind, match);
            }
        }

        return partnerSpans.Count > 0 ? new Cue(CueKind.Partner, text.Substring(partnerSpans[0].Start, partnerSpans[0].Length)) : null;
    }

    public Cue? FindNegative(string text)
    {
        var cue = Classify(text);
        return cue is { Kind: not CueKind.Partner } ? cue : null;
    }

    /// <summary>The first partner keyword in <paramref name="text"/> that no disclaimer denies ("not sponsored by" is no sponsorship).</summary>
    public string? FindPartner(string text)
        => PartnerSpans(text) is [var first, ..] ? text.Substring(first.Start, first.Length) : null;

    /// <summary>Every partner keyword in <paramref name="text"/> with its position (for the statement rule).</summary>
    public List<(int Start, int Length)> PartnerSpans(string text) => PartnerSpans(ChineseScriptFolder.Fold(text), null);

    /// <summary>Of already folded text (same length: the offsets hold for the original), given the regexes that can match it.</summary>
    private List<(int Start, int Length)> PartnerSpans(string folded, ulong? possible)
    {
        var spans = new List<(int, int)>();
        if (string.IsNullOrEmpty(folded) || !CueKeywordIndex.Has(possible ??= Possible(folded), (int)CueKind.Partner))
        {
            return spans;
        }

        try
        {
            var denied = CueKeywordIndex.Has(possible.Value, CuePatterns.DisclaimerSlot) ? DisclaimerSpans(folded) : [];
            for (var m = _regexes[(int)CueKind.Partner].Regex.Match(folded); m.Success && spans.Count < 20; m = m.NextMatch())
            {
                if (!denied.Any(d => m.Index >= d.Start && m.Index < d.Start + d.Length))
                {
                    spans.Add((m.Index, m.Length));
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Treated as no keyword: the mention then needs structure to count.
        }

        return spans;
    }

    /// <summary>Where disclaimers lie in already folded text (usually none: the regex fails fast on text without a denial).</summary>
    private List<(int Start, int Length)> DisclaimerSpans(string folded)
    {
        var spans = new List<(int, int)>();
        for (var m = _disclaimer.Match(folded); m.Success && spans.Count < 20; m = m.NextMatch())
        {
            spans.Add((m.Index, m.Length));
        }

        return spans;
    }

    /// <summary>Classifies class/id/role tokens: negative prefixes win, a logo-wall token is reported as a weak partner cue.</summary>
    public static Cue? ClassifyTokens(string? tokens, out bool logoWall)
    {
        logoWall = false;
        if (string.IsNullOrWhiteSpace(tokens))
        {
            return null;
        }

        Cue? partner = null;
        foreach (var raw in tokens.Split([' ', '\t', '\n', '-', '_'], StringSplitOptions.RemoveEmptyEntries).SelectMany(SplitCamelCase))
        {
            var token = raw.ToLowerInvariant();
            foreach (var (kind, prefixes) in ClassTokenPrefixes)
            {
                foreach (var prefix in prefixes)
                {
                    if (token.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        if (kind != CueKind.Partner)
                        {
                            return new Cue(kind, raw);
                        }

                        partner ??= new Cue(kind, raw);
                    }
                }
            }
        }

        if (partner is null)
        {
            var words = tokens.Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(t => SplitCamelCase(t).Prepend(t)).Select(t => t.ToLowerInvariant()).ToList();
            logoWall = LogoWallTokenPrefixes.Any(p => words.Any(t => t.StartsWith(p, StringComparison.Ordinal)));
            logoWall |= !HasIconToken(tokens) && tokens.Split([' ', '\t', '\n', '-', '_'], StringSplitOptions.RemoveEmptyEntries)
                .Any(t => UsersWallTokens.Contains(t, StringComparer.OrdinalIgnoreCase));
        }

        return partner;
    }

    /// <summary>A class or symbol id that names a UI icon (<c>icon</c>, <c>icon-fw</c>, <c>icon-github</c>, <c>fa-github</c>).</summary>
    public static bool HasIconToken(string? tokens)
        => !string.IsNullOrEmpty(tokens) && tokens.Split([' ', '-', '_', ':'], StringSplitOptions.RemoveEmptyEntries)
            .Any(t => t.Equals("icon", StringComparison.OrdinalIgnoreCase) || t.Equals("icons", StringComparison.OrdinalIgnoreCase) ||
                      t.Equals("fa", StringComparison.OrdinalIgnoreCase) || t.Equals("bi", StringComparison.OrdinalIgnoreCase));

    /// <summary>"sponsorLogos" → "sponsor", "Logos"; "supporters-wrap" is split at '-' before this.</summary>
    private static IEnumerable<string> SplitCamelCase(string token)
    {
        var start = 0;
        for (var i = 1; i < token.Length; i++)
        {
            if (char.IsUpper(token[i]) && char.IsLower(token[i - 1]))
            {
                yield return token[start..i];
                start = i;
            }
        }

        yield return token[start..];
    }

    /// <summary>
    /// The first match that does not lie inside a partner phrase: the 支持 of "感谢…的信任与支持" is gratitude, the
    /// "support" of "thanks to X for their support" is not a compatibility claim.
    /// </summary>
    private static string? SafeMatch(Regex regex, string folded, string original, List<(int Start, int Length)> masks)
    {
        try
        {
            for (var match = regex.Match(folded); match.Success; match = match.NextMatch())
            {
                var inside = masks.Any(m => match.Index >= m.Start && match.Index + match.Length <= m.Start + m.Length);
                if (!inside)
                {
                    return original.Substring(match.Index, match.Length);
                }
            }

            return null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }
}
