namespace PartnerWatch.Detect;

/// <summary>
/// The vendor as the platform, in every catalogue language (session 8). Section labels that name what a product
/// connects to or where it is deployed, not who backs it: "Plugins", "Outputs", "Event
/// sources", "Supported platforms", 插件, プラグイン, 플러그인, Intégrations… A logo grid under such a label (a heading,
/// a caption or the tab that opens a tab panel) shows integration targets, whatever image folder the logos come from.
/// The bare nouns are anchored to the whole label (<c>^…$</c>), so a sentence that merely mentions a plugin keeps its
/// own reading; "Partners &amp; integrations" stays a partner heading (<see cref="ContextLexicon.ClassifyHeading"/>).
/// Publishing verbs join the deploy/install/host verbs of each language ("publish your site to X", X に公開, X에 게시,
/// 发布到 X, publicar en X, menerbitkan ke X): the vendor is where the reader's work goes. Merged into
/// <see cref="ContextLexicon.Languages"/>.
/// </summary>
internal static class PlatformWording
{
    public static readonly LanguageCues[] Cues =
    [
        new("en-integrations", new Dictionary<CueKind, string[]>
        {
            [CueKind.Compatibility] = [
                @"^(?:(?:available |official |community |third-party )?(?:plug-?ins|extensions|add-?ons|connectors|outputs|inputs|exporters|adapters|drivers|sdks)|(?:event|data) sources|deploy(?:ment)? targets)$",
                @"\bsupported (?:platforms|clouds?|cloud providers|providers|services|storage|databases|integrations|environments|operating systems|browsers|devices|hardware|registries)\b",
                @"^(?:deploy(?:ing|ment)?(?: (?:options|targets|platforms|guides?|providers))?|deploy(?:ing)? (?:to|with|on)|hosting (?:platforms|options)|where to (?:deploy|host))$",
                @"\bpublish(?:es|ed|ing)? (?:[\w.-]+ ){0,3}?(?:to|on|onto)\b", @"\bupload(?:s|ed|ing)? (?:[\w.-]+ ){0,3}?to\b",
                // One-click buttons and the reader's runtime: "Run on Google Cloud", "Launch on AWS", "Open in Cloud Shell",
                // "with Firebase as your backend".
                @"\b(?:run|launch|try)(?: it| this| me)? on\b", @"\bopen in (?:[\w.-]+ ){0,2}?(?:codespaces|colab|cloud shell|console)\b",
                @"\bas (?:a|the|your) (?:backend|back-end|database|storage(?: backend)?|object store|identity provider|idp|auth(?:entication)? provider|cdn|host|hosting provider|registry)\b",
                @"\bworks with your\b", @"\bconnect \w+ (?:with|to) your\b", @"\bforward(?:s|ing)? (?:the )?(?:events|logs|alerts|metrics|data) (?:as output )?to\b"],
        }),
        new("intl-integrations", new Dictionary<CueKind, string[]>
        {
            [CueKind.Compatibility] = [
                @"^(?:intégrations|integraciones|integrações|integrationen|integrazioni|интеграции|plugins|complementos|extensions|erweiterungen|estensioni|extensiones|extensões|плагины|расширения|connecteurs|conectores|konnektoren)$",
                @"^(?:plateformes|plataformas|piattaforme|платформы) (?:prises en charge|compatibles|soportadas|suportadas|supportate|поддерживаемые)$",
                @"^(?:unterstützte|поддерживаемые) (?:plattformen|платформы)$",
                @"^(?:déploiement|despliegue|implantação|bereitstellung|развертывание|развёртывание|penerapan|部署|部署平台|部署指南|배포|배포하기)$",
                @"\bpubli\w* (?:\w+ ){0,2}?(?:sur|en|em|no|na|su)\b", @"\bveröffentlich\w* (?:\w+ ){0,2}?(?:auf|in|bei)\b", @"\bопубликова\w* (?:\w+ ){0,2}?(?:на|в)\b",
                @"\b(?:menerbitkan|terbitkan|unggah|deploy|publikasikan) (?:\w+ ){0,3}?(?:ke|di)\b",
                @"\b(?:ejecut\w*|exécut\w*|execut\w*|roda|rodar|ausführ\w*|jalankan|запуска\w*|запуст\w*) (?:\w+ ){0,2}?(?:en|sur|em|no|na|auf|in|di|на|в)\b",
                "(?:发布|發布|上传|上傳)(?:到|至|在)", "上运行", "上運行", "で実行", "上で動作", "で動作", "에서 실행", "에서 동작", "に公開", "へ公開", "にアップロード", "에 게시", "에 업로드", "에 배포",
                "^(?:插件|插件市场|集成|集成方案|扩展|扩展插件|生态集成)$", "^(?:プラグイン|拡張機能|連携|インテグレーション|連携サービス)$",
                "^(?:플러그인|통합|연동|확장|확장 기능|연동 서비스)$", "支持的平台", "対応プラットフォーム", "지원 플랫폼", "지원되는 플랫폼"],
        }),
        new("id-platform", new Dictionary<CueKind, string[]>
        {
            // Indonesian sign-in and payment buttons ("Masuk dengan Google", "Bayar dengan …").
            [CueKind.SignIn] = [@"\bmasuk (?:dengan|menggunakan|lewat)\b", @"\bdaftar (?:dengan|menggunakan)\b", @"\bbayar (?:dengan|via|melalui)\b"],
        }),
    ];
}
