namespace PartnerWatch.Detect;

/// <summary>
/// Concepts of standing relations: partnership and collaboration, customers and adopters, trust, membership and
/// certification, as section nouns and as sentences ("in Zusammenarbeit mit X", "X와 협력하여", "X ile iş birliği").
/// </summary>
internal static partial class PartnerConcepts
{
    private static RelationConcept[] Relations =>
    [
        new("partner", CueKind.Partner, "the vendor is a partner; partnership; partners as a section noun", new Dictionary<string, string[]>
        {
            ["en"] = ["partner", @"\balliances?\b"],
            ["de"] = ["partner", @"\bkooperation(?:en|spartner)?\b", @"\ballianz"],
            ["fr"] = ["partenaire", @"\bpartenariats?\b", @"\balliances?\b"],
            ["es"] = [@"\bsocios?\b", @"\baliad[oa]s?\b", @"\balianzas?\b", @"\ben alianza con\b"],
            ["pt"] = ["parceir", @"\bparcerias?\b", @"\balianças?\b"],
            ["it"] = ["partner", @"\balleanz[ae]\b"],
            ["ru"] = ["партн[её]р", "альянс"],
            ["zh"] = ["合作伙伴", "伙伴", "战略合作", "合作单位", "合作厂商", "合作品牌"],
            ["ja"] = ["パートナー", "提携", "協業", "協力会社", "協力企業", "アライアンス"],
            ["ko"] = ["파트너", "제휴", "협력사", "협력 기업", "얼라이언스"],
            ["ar"] = ["شركاؤ", "شركائ", "شركاء", "شريك", "شراكة", "بالشراكة مع"],
            ["tr"] = [@"\b[iİ]ş ortak", @"\bortakları", @"\bortaklığ", @"\bçözüm ortağı", @"\bpartner"],
            ["vi"] = [@"\bđối tác\b", @"\bliên minh\b"],
            ["id"] = [@"\bmitra\b", @"\bbermitra dengan\b", @"\bkemitraan\b", @"\baliansi\b"],
        }),
        new("collaboration", CueKind.Partner, "work done together with the vendor: in collaboration with, jointly with, co-developed", new Dictionary<string, string[]>
        {
            ["en"] = [@"\bin (?:collaboration|cooperation|partnership|association) with\b", @"\bjointly (?:developed |built |run |organi[sz]ed )?(?:with|by)\b", @"\bco-?developed with\b", @"\bcollaborators?\b"],
            ["de"] = [@"\bin (?:zusammenarbeit|kooperation|partnerschaft) mit\b", @"\bgemeinsam mit\b", @"\bentwickelt mit\b(?= \p{Lu})"],
            ["fr"] = [@"\ben (?:collaboration|partenariat|coopération|association) avec\b", @"\bconjointement avec\b", @"\bco-?développé avec\b"],
            ["es"] = [@"\ben (?:colaboración|cooperación|asociación) con\b", @"\bcon la colaboración de\b", @"\bconjuntamente con\b"],
            ["pt"] = [@"\bem (?:colaboração|parceria|cooperação) com\b", @"\bcom a colaboração d[aeo]s?\b", @"\bem conjunto com\b"],
            ["it"] = [@"\bin (?:collaborazione|partnership|cooperazione) con\b", @"\bcon la collaborazione di\b", @"\bcongiuntamente con\b"],
            ["ru"] = [@"в (?:сотрудничестве|партн[её]рстве|кооперации) с", @"совместно с\b", "при участии"],
            ["zh"] = ["携手", "联手", "签约", "合作(?:开发|研发|推出|打造|发布)", "联合(?:开发|研发|推出|打造|发布|出品)", "共同(?:开发|研发|打造|推出)", "与[^。！？!?，,]{1,20}?(?:合作|携手|联合)"],
            ["ja"] = ["共同(?:開発|研究|で|運営)", "と(?:の)?(?:協業|提携|協力)(?:し|して|により|で)", "協力のもと"],
            ["ko"] = ["(?:와|과)\\s?(?:협력|제휴|협업|공동)(?:하여|해|하고|으로)", "공동\\s?(?:개발|연구)"],
            ["ar"] = ["بالتعاون مع", "بالاشتراك مع", "بالتنسيق مع"],
            ["tr"] = [@"\biş ?birliğ", @"\bile ortaklaşa\b", @"\bortak(?:laşa)? geliştir"],
            ["vi"] = [@"\bhợp tác (?:với|cùng)\b", @"\bphối hợp (?:với|cùng)\b", @"\bcùng với\b(?=[^.!?]{0,30}\bphát triển\b)"],
            ["id"] = [@"\bbekerja ?sama dengan\b", @"\bkerja ?sama dengan\b", @"\bberkolaborasi dengan\b", @"\bkolaborasi dengan\b"],
        }, StatementOnly: true),
        new("customers", CueKind.Partner, "the vendor is a customer or client; customer stories and references", new Dictionary<string, string[]>
        {
            ["en"] = [@"\bclients\b", @"\bcustomers?\b(?!\.\w)", @"case ?stud", "success stor", @"\breferences\b"],
            ["de"] = [@"\bkunden(?!service|portal|konto|support|dienst|nummer)", @"\breferenzkunden\b", "referenzen", "fallstudie", "erfolgsgeschicht", @"\bkundenprojekte\b"],
            ["fr"] = [@"\bnos clients\b", "références", "études de cas", @"\bcas clients?\b", @"\bils nous ont (?:fait confiance|choisis?)\b"],
            ["es"] = [@"\bclientes\b", @"\bcasos de (?:éxito|estudio|uso)\b", @"\breferencias\b", @"\bnuestros clientes\b"],
            ["pt"] = [@"\bclientes\b", @"\bcasos de (?:sucesso|uso)\b", @"\breferências\b"],
            ["it"] = [@"\bclienti\b", "casi di successo", @"\bcasi studio\b", @"\breferenze\b", @"\bci hanno scelto\b"],
            ["ru"] = ["клиент", "кейсы", "наши заказчики", @"заказчик(?:и|ов)\b"],
            ["zh"] = ["客户(?!端|服务|服務)", "合作客户", "服务客户", "典型客户", "案例"],
            ["ja"] = ["お客様", "主要顧客", "顧客(?:企業|事例|一覧|実績)", "導入企業", "導入事例", "導入実績", "取引先", "主要取引先", "採用企業", "利用企業", "ご利用企業"],
            ["ko"] = ["고객사", "주요 고객", "고객\\s?(?:사례|기업|레퍼런스)", "도입 (?:기업|사례)", "레퍼런스"],
            ["ar"] = ["عملاؤنا", "عملائنا", "العملاء", "قصص النجاح", "دراسات الحالة"],
            ["tr"] = [@"\bmüşteri(?:ler|lerimiz)", @"\breferans(?:lar|larımız)", @"\bbaşarı hikaye"],
            ["vi"] = [@"\bkhách hàng\b", @"\bcâu chuyện thành công\b"],
            ["id"] = [@"\bpelanggan kami\b", @"\bklien(?: kami)?\b", @"\bstudi kasus\b", @"\bkisah sukses\b"],
        }),
        new("trusted-by", CueKind.Partner, "the vendor trusts or chose the site: trusted by, they trust us", new Dictionary<string, string[]>
        {
            ["en"] = ["trusted by", @"\btrusted partner\b", "who we work with", "proud to work with", "in good company"],
            ["de"] = [@"\bvertrauen (?:auf )?uns\b", @"\bsetzen auf uns\b", @"\bvertraut von\b"],
            ["fr"] = [@"\bnous font confiance\b", @"\bils nous font confiance\b", @"\bils nous ont fait confiance\b"],
            ["es"] = [@"\bconfían en (?:nosotros|nuestr)", @"\bempresas que confían\b", @"\bconfiado por\b"],
            ["pt"] = [@"\bconfiam em nós\b", @"\bquem confia\b", @"\bempresas que confiam\b"],
            ["it"] = [@"\bsi affidano a noi\b", @"\bci hanno dato fiducia\b", @"\bhanno scelto di fidarsi\b"],
            ["ru"] = ["нам доверяют", "нас выбирают", "нас выбрали"],
            ["zh"] = ["(?:深受|备受|受到|获得|赢得)[^。！？!?]{0,12}(?:信赖|信任|青睐)", "(?:信赖|信任)我们"],
            ["ja"] = ["信頼され", "信頼いただ", "選ばれて(?:い|き)"],
            ["ko"] = ["신뢰하는", "신뢰받는", "선택한 기업"],
            ["ar"] = ["يثقون بنا", "يثق بنا", "تثق بنا", "موثوق"],
            ["tr"] = [@"\bbize güven", @"\btarafından tercih edil"],
            ["vi"] = [@"\btin tưởng\b", @"\bđược tin dùng\b", @"\btin chọn\b"],
            ["id"] = [@"\bdipercaya oleh\b", @"\bmempercayai kami\b"],
        }),
        new("used-by", CueKind.Partner, "organisations that use the project, named as such: used by, who uses it, adopters", new Dictionary<string, string[]>
        {
            ["en"] = [@"\bused by\b", @"\bwho(?:'s|’s| is) using\b", @"\bwho uses\b", @"\badopters?\b", @"\b(?:production|notable|our|enterprise) users\b"],
            ["de"] = [@"\bwer (?:be)?nutzt\b", @"\bwer verwendet\b", @"\bwer setzt\b[^.!?]{1,30}?\bein\b", @"\bgenutzt von\b", @"\beingesetzt (?:von|bei)\b(?= \p{Lu})", @"\banwender\b"],
            ["fr"] = [@"\bqui (?:l['’])?utilise\b", @"\butilisée? par\b", "ils utilisent"],
            ["es"] = [@"\bquién(?:es)? (?:lo )?(?:usa|utiliza)n?\b", @"\butilizad[oa] por\b", @"\busad[oa] por\b"],
            ["pt"] = [@"\bquem (?:usa|utiliza)\b", @"\butilizad[oa] (?:por|pel[ao]s?)\b", @"\busad[oa] (?:por|pel[ao]s?)\b", "adotantes"],
            ["it"] = [@"\bchi (?:lo )?(?:usa|utilizza)\b", @"\butilizzat[oaie] da\b", @"\busat[oaie] da\b"],
            ["ru"] = ["кто использует", @"используют (?:компании|организации)", @"используется (?:компаниями|в компаниях)"],
            ["zh"] = ["谁在使用", "谁在用", "都在用", "采用者", "用户案例", "我们的用户"],
            ["ja"] = ["導入ユーザー", "利用ユーザー", "誰が使って", "採用事例", "ユーザー企業"],
            ["ko"] = ["사용 기업", "도입 기업", "이용 기업", "사용하는 기업", "누가 사용"],
            ["ar"] = ["من يستخدم", "يستخدمه(?:ا)? (?:كل )?من"],
            ["tr"] = [@"\bkullanan (?:şirketler|kurumlar|firmalar)\b", @"\bkimler kullanıyor\b"],
            ["vi"] = [@"\bai đang sử dụng\b", @"\bđược sử dụng bởi\b"],
            ["id"] = [@"\bdigunakan oleh\b", @"\bsiapa yang menggunakan\b"],
        }),
        new("member-of", CueKind.Partner, "the site is a member of the vendor's programme or the vendor is a member", new Dictionary<string, string[]>
        {
            ["en"] = [@"\bmember of\b", @"memberships?\b", @"\bprogram member\b", @"\b(?:founding|platinum|gold|silver|premier|corporate) members?\b"],
            ["de"] = [@"(?<![-\w])mitglied", @"\bfördermitglied", @"\bmitgliedschaft"],
            ["fr"] = [@"\bmembres? (?:de|du|des|fondateurs?)\b", @"\badhérents?\b", @"\badhésion\b"],
            ["es"] = [@"\bmiembros? (?:de|del|fundadores?)\b", @"\bsomos miembros\b"],
            ["pt"] = [@"\bmembros? (?:d[aeo]s?|fundadores?)\b"],
            ["it"] = [@"\bmembr[oi] (?:di|del|della|fondatori)\b"],
            ["ru"] = [@"член(?:ом|ами|ы)? (?:ассоциации|консорциума|фонда|альянса|союза|сообщества)", @"является членом", @"участник(?:ом|и)? (?:программы|ассоциации|консорциума)"],
            ["zh"] = ["会员单位", "成员单位", "理事单位", "会员企业", "成员企业", "(?:加入|成为)[^。！？!?，,]{1,20}?(?:会员|成员|理事)"],
            ["ja"] = ["(?:正|賛助|法人)会員", "会員企業", "メンバー企業", "に加盟", "加盟企業", "加盟団体"],
            ["ko"] = ["회원사", "회원 기관", "정회원", "의 회원", "멤버사"],
            ["ar"] = ["عضو في", "الأعضاء", "عضوية", "أعضاء"],
            ["tr"] = [@"\büyesi(?:yiz|dir|yüz)\b", @"\büyelerimiz\b", @"\büyeliğ"],
            ["vi"] = [@"\bthành viên (?:của|chính thức)\b", @"\bhội viên\b"],
            ["id"] = [@"\banggota (?:dari|resmi)\b", @"\bmenjadi anggota\b"],
        }),
        new("certified", CueKind.Partner, "the vendor certified or accredited the site, or the site holds the vendor's certificate", new Dictionary<string, string[]>
        {
            ["en"] = ["certifi", "accredit", @"\bauthori[sz]ed (?:reseller|partner|distributor|dealer|service provider|training)\b"],
            ["de"] = ["zertifizier", @"\bakkreditier", @"\bautorisierte[rn]? (?:händler|partner|vertriebspartner)\b"],
            ["fr"] = [@"\bcertifiée?s?\b", @"\baccréditée?s?\b", @"\bagréée?s?\b", @"\brevendeur agréé\b"],
            ["es"] = [@"\bcertificad[oa]s?\b", @"\bacreditad[oa]s?\b", @"\bdistribuidor autorizado\b"],
            ["pt"] = [@"\bcertificad[oa]s?\b", @"\bcredenciad[oa]s?\b", @"\brevendedor autorizado\b"],
            ["it"] = [@"\bcertificat[oaie]\b", @"\baccreditat[oaie]\b", @"\brivenditore autorizzato\b"],
            ["ru"] = ["сертифи", "аккредит", "авторизованный (?:партн[её]р|дилер|реселлер)"],
            ["zh"] = ["授权(?:经销商|代理商?|服务商|合作伙伴|分销商|渠道|培训)", "(?:官方|权威|国际)认证", "认证(?:合作|伙伴|厂商|服务商|供应商|机构|产品)"],
            ["ja"] = ["認定(?:パートナー|企業|資格|を取得|を受け)", "認証取得", "正規(?:代理店|販売店)"],
            ["ko"] = ["인증(?:서|파트너|기관|업체|을 받|을 획득|을 취득)", "공인\\s?(?:파트너|대리점|리셀러)"],
            ["ar"] = ["معتمد(?:ة)? من", "شريك معتمد", "موزع معتمد"],
            ["tr"] = [@"\bsertifikal[ıi]", @"\bakredite\b", @"\byetkili (?:bayi|iş ortağı|distribütör|servis)"],
            ["vi"] = [@"\bchứng nhận\b", @"\bđược công nhận\b", @"\bđại lý (?:chính thức|ủy quyền)\b"],
            ["id"] = [@"\bbersertifikat\b", @"\btersertifikasi\b", @"\bterakreditasi\b", @"\bmitra resmi\b"],
        }),
    ];
}
