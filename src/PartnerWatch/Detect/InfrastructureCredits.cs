namespace PartnerWatch.Detect;

/// <summary>
/// Infrastructure and powered-by credits in every catalogue language (issue 10, session 7): the site says a vendor
/// provides, hosts, serves or supports it ("Hosting provided by X", "CDN by X", "X supports this project", 由 X 提供,
/// bereitgestellt von X). The vendor is the agent of the credit — a powered-by claim — unlike the vendor as the
/// platform a user deploys to ("host your app on X", a compatibility word). Merged into <see cref="ContextLexicon.Languages"/>.
/// </summary>
internal static class InfrastructureCredits
{
    public static readonly LanguageCues[] Cues =
    [
        new("en-credits", new Dictionary<CueKind, string[]>
        {
            [CueKind.Partner] = [
                @"\b(?:is|are|was|were) (?:generously |kindly |graciously |proudly )?(?:provided|sponsored|donated|hosted|powered|served|delivered) by\b",
                @"\b(?:hosting|cdn|dns|ci|infrastructure|bandwidth|servers?|mirrors?|compute|storage|search|email|monitoring|error tracking|builds?) (?:by|courtesy of)\b",
                @"\bsupports? (?:this|the|our) (?:project|work|community|development|foundation)\b", @"\bsupports us\b"],
        }),
        new("de-credits", new Dictionary<CueKind, string[]>
        {
            [CueKind.Partner] = [@"\b(?:bereitgestellt|zur verfügung gestellt|gehostet|gesponsert|gespendet) (?:von|durch)\b",
                @"\b(?:hosting|cdn|infrastruktur|server) (?:von|durch)\b", @"\bunterstützt (?:dieses|das|unser) projekt\b",
                // The German passive puts the agent first: "Die Server werden von Red Hat zur Verfügung gestellt".
                @"\bvon\b[^.!?]{1,40}?\b(?:bereitgestellt|zur verfügung gestellt|gehostet|gesponsert|gespendet)\b"],
        }),
        new("fr-credits", new Dictionary<CueKind, string[]>
        {
            [CueKind.Partner] = [@"\b(?:hébergée?s?|fournie?s?|offerte?s?|mise?s? à disposition|sponsorisée?s?) par\b", @"\bavec le soutien d(?:e\b|')",
                @"\bgrâce au soutien d(?:e\b|')", @"\bsoutient (?:ce|le|notre) projet\b"],
        }),
        new("es-credits", new Dictionary<CueKind, string[]>
        {
            [CueKind.Partner] = [@"\b(?:alojad|proporcionad|ofrecid|donad|hospedad)[oa]s? por\b", @"\bcortesía de\b", @"\bcon el apoyo de\b",
                @"\bapoya (?:este|el|nuestro) proyecto\b"],
        }),
        new("pt-credits", new Dictionary<CueKind, string[]>
        {
            [CueKind.Partner] = [@"\b(?:hospedad|fornecid|oferecid|doad|disponibilizad)[oa]s? (?:por|pel[ao]s?)\b", @"\bcortesia d[aeo]\b", @"\bapoia (?:este|o|nosso) projeto\b"],
        }),
        new("it-credits", new Dictionary<CueKind, string[]>
        {
            [CueKind.Partner] = [@"\b(?:ospitat|fornit|offert|donat)[oaie] da\b", @"\bmess[oaie] a disposizione da\b", @"\bper gentile concessione di\b",
                @"\bsostiene (?:questo|il|il nostro) progetto\b"],
        }),
        new("ru-credits", new Dictionary<CueKind, string[]>
        {
            [CueKind.Partner] = [@"(?:хостинг|cdn|инфраструктур\w*|сервер\w*)[^.!?]{0,20}?предоставл\w*", @"предоставлен\w* компани\w*", @"поддерживает (?:этот|наш|проект)"],
        }),
        new("zh-credits", new Dictionary<CueKind, string[]>
        {
            // 由 X 提供 (CDN 加速由又拍云提供), X 提供(技术)支持/赞助/服务器; the 支持 inside is the credit, not "supports".
            [CueKind.Partner] = ["由[^。！？!?，,]{1,20}?提供(?:支持|赞助|服务|服務|托管|加速|算力|服务器|伺服器|资源|資源)?", "(?:感谢|感謝|鸣谢|鳴謝)[^。！？!?]{0,30}提供",
                "提供(?:的)?(?:CDN|云服务|雲服務|服务器|伺服器|托管|算力|主机|主機)(?:支持|赞助|服务|服務)?"],
        }),
        new("ja-credits", new Dictionary<CueKind, string[]>
        {
            [CueKind.Partner] = ["(?:ホスティング|CDN|インフラ|サーバー?|配信)[^。！？]{0,12}?(?:提供|協力|支援)", "提供\\s*[:：]", "(?:の|による)(?:ご)?(?:提供|支援|協力)(?:で|により|を受け)"],
        }),
        new("ko-credits", new Dictionary<CueKind, string[]>
        {
            [CueKind.Partner] = ["(?:호스팅|CDN|인프라|서버)[^.。!?]{0,12}?(?:제공|지원|후원)", "에서 (?:제공|후원)(?:하는|합니다|했습니다)", "의 지원(?:으로|을 받아)"],
        }),
        new("ar-credits", new Dictionary<CueKind, string[]>
        {
            [CueKind.Partner] = ["(?:مقدمة|مقدّمة|مقدم|مقدّم) (?:من|بواسطة)", "مستضاف(?:ة)? (?:لدى|من قبل|بواسطة)", "(?:الاستضافة|استضافة|البنية التحتية|الخوادم)[^.،]{0,20}?(?:من|بواسطة)"],
        }),
        new("tr-vi-id-credits", new Dictionary<CueKind, string[]>
        {
            [CueKind.Partner] = [@"tarafından (?:sağlan|barındırıl|bağışlan)", @"\bđược (?:cung cấp|lưu trữ) bởi\b", @"\b(?:disediakan|dihosting|di-host) oleh\b"],
        }),
    ];
}
