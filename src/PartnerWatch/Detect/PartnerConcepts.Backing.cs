namespace PartnerWatch.Detect;

/// <summary>
/// Concepts of backing: the vendor sponsors, supports, funds, provides or hosts something for the site, or is thanked
/// for it (README credits: "Thanks to JetBrains for the free open-source licences" in every language).
/// A property, not a field: the table in <see cref="PartnerConcepts"/> reads it during its own initialisation, and
/// field initialisers of partial files run in no defined order.
/// </summary>
internal static partial class PartnerConcepts
{
    /// <summary>Things a vendor gives a project that a thank-you names ("for the free licences", "for hosting our CI").</summary>
    private const string Gifts = @"(?:licen[cs]es?|support\w*|sponsor\w*|host\w*|provid\w*|donat\w*|fund\w*|infrastructure|servers?|resources|credits|ci|tools?|ides?|accounts?|subscriptions?|bandwidth|compute|grants?|generosity|cdn|mirrors?|builds?|testing)";

    private static RelationConcept[] Backing =>
    [
        new("sponsor", CueKind.Partner, "the vendor sponsors the site or project; sponsors as a section noun", new Dictionary<string, string[]>
        {
            ["en"] = [@"\bsponsor(?:s|ed|ships?|ing)?\b", @"\b(?:title|main|lead|headline|platinum|gold|silver|bronze|diamond|corporate) sponsors?\b"],
            ["de"] = [@"\bsponsor(?:en|in|innen|ing)?\b", @"\bgesponsert (?:von|durch)\b", @"\b(?:haupt|premium|gold|silber|bronze)sponsor", @"\bschirmherrschaft\b"],
            ["fr"] = [@"\bsponsors?\b", @"\bsponsoris(?:é|ée|és|ées) par\b", @"\bparrain(?:é|ée|és|ées) par\b", @"\bparrainage\b", @"\bmécènes?\b", @"\bmécénat\b"],
            ["es"] = [@"\bpatrocinador(?:es|as?)?\b", @"\bpatrocinad[oa]s? por\b", @"\bpatrocinio\b", @"\bmecenas\b", @"\bmecenazgo\b"],
            ["pt"] = [@"\bpatrocinador(?:es|as?)?\b", @"\bpatrocinad[oa]s? (?:por|pel[ao]s?)\b", @"\bpatrocínio\b", @"\bmecenas\b"],
            ["it"] = [@"\bsponsor\b", @"\bsponsorizzat[oaie] da\b", @"\bcon il patrocinio d", @"\bpatrocinat[oaie] da\b", @"\bmecenati\b"],
            ["ru"] = ["спонсор", @"спонсиру\w*", "генеральный партн[её]р", "меценат"],
            ["zh"] = ["赞助", "冠名", "(?:金牌|银牌|铜牌|钻石|白金|特别|独家|首席)(?:赞助|合作)"],
            ["ja"] = ["スポンサー", "協賛", "後援", "冠スポンサー", "特別協賛"],
            ["ko"] = ["후원", "스폰서", "협찬"],
            ["ar"] = ["الرعاة", "رعاة", "الراعي", "راعي", "برعاية", "تحت رعاية", "رعاية من"],
            ["tr"] = [@"\bsponsor", @"\bsponsorluğ", @"tarafından sponsor"],
            ["vi"] = [@"\bnhà tài trợ\b", @"\bđơn vị tài trợ\b", @"\btài trợ\b", @"\bbảo trợ\b"],
            ["id"] = [@"\bsponsor(?:ship)?\b", @"\bdisponsori oleh\b", @"\bpenyokong\b"],
        }),
        new("supported-by", CueKind.Partner, "the vendor backs the project: supported by, with the support of, supporters", new Dictionary<string, string[]>
        {
            ["en"] = [@"\bsupported by\b", @"\bwith (?:the )?(?:generous |kind |financial |continued |ongoing )?support (?:of|from)\b", @"\bsupporters?\b", @"\bmade possible by\b", @"\bbacked by\b"],
            ["de"] = [@"\bunterstützt (?:von|durch)\b", @"\bmit (?:der )?(?:freundlichen |großzügigen |finanziellen )?unterstützung (?:von|der|des|durch)\b", @"\bunterstützer(?:innen)?\b", @"\bermöglicht (?:durch|von)\b", @"\bförderer\b",
                // The passive puts the agent first: "Das Projekt wird von X gefördert". Not "unterstützt": "Windows wird von
                // Acme unterstützt" is compatibility.
                @"\bvon\b[^.!?]{1,40}?\b(?:gefördert|gesponsert|finanziert|ermöglicht)\b"],
            ["fr"] = [@"\bsoutenu(?:e|s|es)? par\b", @"\bavec le (?:généreux |précieux |soutien financier )?soutien (?:de|d['’]|du|des)", @"\bgrâce au soutien (?:de|d['’]|du|des)", @"\bavec le concours (?:de|d['’]|du|des)", @"\bsoutiens\b", @"\bils nous soutiennent\b", @"\brendu possible par\b"],
            ["es"] = [@"\bapoyad[oa]s? por\b", @"\bcon el (?:generoso |valioso )?apoyo (?:de|del)\b", @"\brespaldad[oa]s? por\b", @"\bgracias al apoyo (?:de|del)\b", @"\bpatrocinadores y colaboradores\b"],
            ["pt"] = [@"\bapoiad[oa]s? (?:por|pel[ao]s?)\b", @"\bcom o (?:generoso )?apoio d[aeo]s?\b", @"\bapoiadores\b", @"\bgraças ao apoio d[aeo]s?\b"],
            ["it"] = [@"\bsupportat[oaie] da\b", @"\bsostenut[oaie] da\b", @"\bcon il (?:generoso )?(?:supporto|sostegno|contributo) d", @"\bgrazie al (?:supporto|sostegno|contributo) d", @"\bsostenitori\b"],
            ["ru"] = [@"при (?:\w+ )?поддержке", "нас поддерживают", "поддержали нас", @"поддерживает (?:этот|наш) проект"],
            // 在 X 的支持下, 得到/获得/受到 X 的支持/资助, 由 X 支持/赞助.
            ["zh"] = ["在[^。！？!?]{1,30}?的(?:大力|鼎力)?(?:支持|资助|赞助|帮助)下", "(?:得到|获得|受到)[^。！？!?]{1,30}?的(?:大力|鼎力|慷慨)(?:支持|帮助)", "(?:得到|获得|受到)[^。！？!?]{1,30}?的(?:资助|赞助)", "由(?!于|於)[^。！？!?，,]{1,20}?(?:支持|赞助|资助)", "支持单位", "支持者"],
            // Verb last, honorific receiving forms: X 社のご支援を受けて, X から支援をいただいて, X にご協力いただき.
            ["ja"] = ["(?:ご)?(?:支援|協力|協賛|後援|援助)(?:を|も)?(?:受け|いただ|頂|賜)", "(?:支援|協力|協賛|後援)(?:により|によって|のもと|の下)", "支援企業", "支援団体", "支援者", "ご支援", "サポーター"],
            // X의 후원을 받고, X로부터 지원을 받아, X에서 후원해 주셨습니다.
            ["ko"] = ["(?:지원|후원|협찬|도움)(?:을|를)?\\s?받", "(?:지원|후원|협찬|도움)(?:해|하여)?\\s?주(?:신|셔서|셨|었)", "의 지원(?:으로|을 받아|에 힘입어)", "지원 기관", "후원사", "후원 기업"],
            ["ar"] = ["بدعم من", "بدعم كريم من", "بفضل دعم", "مدعوم من", "مدعومة من", "بمساهمة من", "الداعمين", "الداعمون", "داعمو"],
            // X tarafından desteklenmektedir; X'in desteğiyle; X'in katkılarıyla.
            ["tr"] = [@"tarafından desteklen", @"\bdesteğiyle\b", @"\bdesteği ile\b", @"\bdestekleri(?:yle|nden)\b", @"\bkatkılarıyla\b", @"\bdestekçi", @"\bdestekleyen(?:ler| şirketler| kurumlar)\b"],
            // "với sự hỗ trợ của X" as one span: the hỗ trợ inside is backing, not the compatibility word.
            ["vi"] = [@"\bvới sự (?:hỗ trợ|ủng hộ|tài trợ|đồng hành|giúp đỡ) (?:của|từ)\b", @"\bđược (?:hỗ trợ|ủng hộ|bảo trợ) bởi\b", @"\bnhà hỗ trợ\b", @"\bđồng hành cùng\b", @"\bđơn vị đồng hành\b", @"\bủng hộ\b"],
            ["id"] = [@"\bdidukung (?:penuh )?oleh\b", @"\bdengan dukungan (?:dari )?", @"\bberkat dukungan\b", @"\bdukungan dari\b", @"\bpendukung\b", @"\bdisokong oleh\b"],
        }),
        new("funded-by", CueKind.Partner, "money from the vendor: funded by, grants, funders, investors", new Dictionary<string, string[]>
        {
            ["en"] = [@"\bfunded by\b", @"\bfunding from\b", @"\bfunders?\b", @"\bgrants? (?:awarded )?(?:by|from)\b", @"\binvestors\b", @"\bbacked by\b", @"\bdonors?\b"],
            ["de"] = [@"\bgefördert (?:von|durch)\b", @"\bfinanziert (?:von|durch)\b", @"\bförderung (?:durch|von)\b", @"\bgeldgeber", @"\binvestoren\b", @"\bspender\b"],
            ["fr"] = [@"\bfinancée?s? par\b", @"\bsubventionnée?s? par\b", @"\bfinanceurs\b", @"\binvestisseurs\b", @"\bbailleurs de fonds\b", @"\bdonateurs\b"],
            ["es"] = [@"\bfinanciad[oa]s? por\b", @"\bsubvencionad[oa]s? por\b", @"\bfinanciadores\b", @"\binversores\b", @"\binversionistas\b", @"\bdonantes\b"],
            ["pt"] = [@"\bfinanciad[oa]s? (?:por|pel[ao]s?)\b", @"\bfinanciadores\b", @"\binvestidores\b", @"\bdoadores\b", @"\bfomento d[aeo]\b"],
            ["it"] = [@"\bfinanziat[oaie] da\b", @"\bfinanziatori\b", @"\binvestitori\b", @"\bdonatori\b"],
            ["ru"] = ["финансир", "инвестор", @"грант\w* (?:от|компании)", "при финансовой поддержке"],
            ["zh"] = ["资助", "投资方", "投资机构", "投资人", "战略投资", "领投", "基金支持"],
            ["ja"] = ["助成", "資金提供", "出資", "投資家", "(?:の|から)(?:資金|助成)"],
            ["ko"] = ["투자(?:를|을)?\\s?(?:받|유치)", "투자사", "투자자", "(?:재정|자금|연구비|펀딩)\\s?(?:지원|후원)"],
            ["ar"] = ["بتمويل من", "ممول من", "مموّل من", "ممولة من", "الممولين", "الممولون", "المستثمرين", "المستثمرون", "منحة من"],
            ["tr"] = [@"tarafından finanse", @"\bfinanse edil", @"\bhibe(?:si|ler|siyle)?\b", @"\byatırımcı", @"\bfonlanmaktadır\b", @"tarafından fonlan"],
            ["vi"] = [@"\bnhà đầu tư\b", @"\bđược tài trợ\b", @"\btài trợ bởi\b", @"\bquỹ tài trợ\b"],
            ["id"] = [@"\bdidanai oleh\b", @"\bpendanaan dari\b", @"\bpenyandang dana\b", @"\binvestor kami\b", @"\bhibah dari\b"],
        }),
        new("thanks-for", CueKind.Partner, "a credit that thanks the vendor for what it gives (licences, hosting, CI, infrastructure, support)", new Dictionary<string, string[]>
        {
            ["en"] = [@"\b(?:(?:special |many |huge |big )?thanks(?: (?:go(?:es)? )?to)?|thank you|we(?: would like to| want to)? thank|(?:we are|we're|are) (?:very |deeply )?(?:grateful|thankful) to)\b(?=[^.!?]{1,80}\bfor (?:[\w-]+ ){0,5}" + Gifts + @"\b)",
                @"\b(?:free|complimentary|open[- ]source|oss|community) licen[cs]es? (?:\w+ )?(?:from|provided by|courtesy of|granted by|donated by|sponsored by)\b", @"\backnowledge?ments?\b"],
            // "Dank an", "Wir danken X für", "Vielen Dank an X für die kostenlosen Lizenzen" (not "dank X" = because of X).
            ["de"] = [@"\b(?:vielen |herzlichen |besonderen |großen |ein großes )?dank (?:an|gilt)\b", @"\bwir danken\b", @"\bdanke an\b", @"\bbedanken uns (?:herzlich )?bei\b", @"\bdanksagung(?:en)?\b", @"\blizenzen (?:\w+ )?(?:von|bereitgestellt von)\b"],
            ["fr"] = [@"\b(?:un )?(?:grand |immense )?merci (?:à|a|aux)\b", @"\b(?:nous )?remerci(?:ons|ement|ements)\b", @"\blicences? (?:\w+ )?(?:offertes?|fournies?) par\b"],
            ["es"] = [@"\b(?:muchas )?gracias a\b(?=[^.!?]{1,80}\bpor\b)", @"\bagradecimientos?\b", @"\bagradecemos\b", @"\bagradecer a\b", @"\blicencias? (?:\w+ )?(?:proporcionadas?|donadas?|cedidas?) por\b"],
            ["pt"] = [@"\bobrigad[oa] (?:à|ao|a|aos|às)\b", @"\bagradecimentos?\b", @"\bagradecemos\b", @"\bagradecer (?:à|ao|a|aos)\b", @"\blicenças? (?:\w+ )?(?:fornecidas?|doadas?|cedidas?) (?:por|pel[ao]s?)\b"],
            ["it"] = [@"\b(?:un )?(?:grande |sentito )?grazie a\b(?=[^.!?]{1,80}\bper\b)", @"\bringrazi(?:amo|amenti|amento|are)\b", @"\blicenze (?:\w+ )?(?:fornite|offerte|donate) da\b"],
            // "Спасибо JetBrains за бесплатные лицензии"; благодарим / благодарность (not благодаря = because of).
            ["ru"] = [@"\bспасибо\b(?=[^.!?]{1,80}\bза\b)", @"благодар(?:им|ность|ности|ностью)", @"выражаем (?:\w+ )?благодарность"],
            // 感谢/鸣谢/致谢 X 提供/赞助/的支持; 为本项目提供 (X 为本项目提供免费许可).
            ["zh"] = ["(?:感谢|鸣谢|致谢)[^。！？!?]{0,40}(?:支持|支援|赞助|资助|提供|捐赠|捐助|帮助|许可|授权|服务器|托管)", "^(?:致谢|鸣谢|特别感谢|感谢)$", "为(?:本项目|本站|本网站|我们|本社区|社区|项目)(?:免费)?提供"],
            ["ja"] = ["感謝(?:します|いたします|申し上げ|しています|しております|の意)", "謝辞", "御礼", "(?:に|へ)(?:深く|心より)?(?:感謝|お礼)"],
            // 감사 alone is also "audit": only the forms of thanking.
            ["ko"] = ["감사(?:드립니다|합니다|를 드립니다|드려요|의 말씀|의 인사|의 뜻|의 말|를 표합니다)", "감사한 분들"],
            ["ar"] = ["نشكر", "شكر(?:ا|ًا)? (?:ل|خاص)", "شكر وتقدير", "الشكر (?:ل|إلى)", "نتقدم بالشكر", "نتوجه بالشكر"],
            // X'e … için teşekkür ederiz; teşekkürler.
            ["tr"] = [@"\bteşekkür", @"\bsağladıkları (?:\w+ )?için\b"],
            // "Cảm ơn X đã hỗ trợ …" as one span, so the hỗ trợ inside is the thanks, not a compatibility word.
            ["vi"] = [@"\b(?:xin )?(?:cảm ơn|cám ơn)\b(?:[^.!?]{0,60}?\bđã (?:hỗ trợ|tài trợ|cung cấp|đồng hành|ủng hộ|tặng)\b)?", @"\blời cảm ơn\b", @"\btri ân\b"],
            ["id"] = [@"\bterima ?kasih (?:kepada|untuk|atas)\b", @"\bucapan terima ?kasih\b", @"\bberterima ?kasih\b"],
        }),
        new("provided-by", CueKind.Partner, "the vendor provides, donates or hosts something for the site (in-kind credits)", new Dictionary<string, string[]>
        {
            ["en"] = [@"\b(?:is|are|was|were) (?:generously |kindly |graciously |proudly )?(?:provided|donated|hosted|contributed|offered) by\b", @"\bdonat(?:ed|ions?) (?:by|from)\b", @"\bcourtesy of\b", @"\bin-kind\b",
                @"\blicen[cs]es? (?:is |are |were )?(?:generously |kindly )?(?:provided|granted|donated|sponsored) by\b"],
            ["de"] = [@"\b(?:bereitgestellt|zur verfügung gestellt|gespendet|gestiftet) (?:von|durch)\b", @"\bvon\b[^.!?]{1,40}?\b(?:bereitgestellt|zur verfügung gestellt|gespendet|gestiftet)\b", @"\bsachspende"],
            ["fr"] = [@"\b(?:fournie?s?|offerte?s?|mise?s? à disposition|donnée?s?) par\b", @"\bdon (?:de|d['’])"],
            ["es"] = [@"\b(?:proporcionad|ofrecid|donad|cedid|aportad)[oa]s? por\b", @"\bcortesía de\b", @"\bdonación de\b"],
            ["pt"] = [@"\b(?:fornecid|oferecid|doad|disponibilizad|cedid)[oa]s? (?:por|pel[ao]s?)\b", @"\bcortesia d[aeo]\b", @"\bdoação d[aeo]\b"],
            ["it"] = [@"\b(?:fornit|offert|donat|mess)[oaie] (?:a disposizione )?da\b", @"\bper gentile concessione di\b", @"\bdonazione di\b"],
            ["ru"] = [@"предоставл\w* (?:компани\w*|бесплатно)", @"(?:безвозмездно|бесплатно) предостав", @"пожертвова\w* (?:от|компани)"],
            ["zh"] = ["由(?!于|於)[^。！？!?，,]{1,20}?(?:提供|捐赠|捐助|赞助)", "(?:免费|无偿)提供", "捐赠", "捐助"],
            ["ja"] = ["(?:ご)?提供(?:を受け|いただ|頂|くださ|して(?:いただ|くださ|頂))", "(?:の|による)(?:ご)?(?:提供|寄付|寄贈)(?:で|により|を受け)", "寄贈", "寄付(?:を受け|いただ)", "無償(?:で)?提供"],
            ["ko"] = ["제공(?:받|해\\s?주)", "(?:무상|무료)(?:로)?\\s?제공", "기증", "기부(?:를|을)?\\s?받"],
            ["ar"] = ["(?:مقدمة|مقدّمة|مقدم|مقدّم) (?:من|بواسطة)", "بتبرع من", "تبرع(?:ت)? (?:به|بها)", "مجان(?:ا|ًا) من"],
            ["tr"] = [@"tarafından (?:ücretsiz )?(?:olarak )?(?:sağlan|sunul|bağışlan|barındırıl|verilmekte)", @"\bbağışla(?:dığı|dıkları|nan)\b"],
            ["vi"] = [@"\bđược (?:cung cấp|tặng|trao tặng|tài trợ|lưu trữ) (?:miễn phí )?bởi\b", @"\bdo [^.!?]{1,30}? (?:cung cấp|tài trợ|tặng)\b"],
            ["id"] = [@"\b(?:disediakan|diberikan|disumbangkan|dihosting|di-host) (?:secara gratis )?oleh\b", @"\bsumbangan dari\b"],
        }),
        new("powered-by", CueKind.Partner, "a powered-by credit: the vendor's technology runs the site, stated as a credit", new Dictionary<string, string[]>
        {
            ["en"] = ["powered by", @"\bbuilt (?:on|with)\b"],
            ["de"] = [@"\bpowered by\b", @"\bbetrieben von\b"],
            ["fr"] = ["propulsé par", @"\bpropulsée par\b", @"\bfonctionne grâce à\b"],
            ["es"] = ["impulsado por", @"\bimpulsada por\b", "con la tecnología de", @"\bcon tecnología de\b"],
            ["pt"] = [@"\bimpulsionad[oa] (?:por|pel[ao])\b", @"\bcom tecnologia d[aeo]\b", @"\bdesenvolvido com\b"],
            ["it"] = [@"\bcon (?:la )?tecnologia d", @"\bspinto da\b"],
            ["ru"] = [@"\bна технологиях\b"],
            ["zh"] = ["技术支持", "提供技术支持", "(?:基于|依托)[^。！？!?]{0,12}(?:技术|平台)构建"],
            ["ja"] = ["技術提供", "技術協力"],
            ["ko"] = ["기술 (?:지원|제공|협력)", "기술 파트너"],
            ["ar"] = ["مدعوم بتقنية", "بتقنية من", "مشغل بواسطة"],
            ["tr"] = [@"\bteknolojisiyle\b"],
            ["vi"] = [@"\bvận hành bởi\b"],
            ["id"] = [@"\bdiberdayakan oleh\b"],
        }),
    ];
}
