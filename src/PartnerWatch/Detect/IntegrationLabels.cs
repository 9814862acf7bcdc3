namespace PartnerWatch.Detect;

/// <summary>
/// Section labels that name what a product connects to, not who backs it (session 8): "Plugins", "Outputs", "Event
/// sources", "Supported platforms", 插件, プラグイン, 플러그인, Intégrations… A logo grid under such a label (a heading,
/// a caption or the tab that opens a tab panel) shows integration targets, whatever image folder the logos come from.
/// The bare nouns are anchored to the whole label (<c>^…$</c>), so a sentence that merely mentions a plugin keeps its
/// own reading; "Partners &amp; integrations" stays a partner heading (<see cref="ContextLexicon.ClassifyHeading"/>).
/// Merged into <see cref="ContextLexicon.Languages"/>.
/// </summary>
internal static class IntegrationLabels
{
    public static readonly LanguageCues[] Cues =
    [
        new("en-integrations", new Dictionary<CueKind, string[]>
        {
            [CueKind.Compatibility] = [
                @"^(?:(?:available |official |community |third-party )?(?:plug-?ins|extensions|add-?ons|connectors|outputs|inputs|exporters|adapters|drivers|sdks)|(?:event|data) sources|deploy(?:ment)? targets)$",
                @"\bsupported (?:platforms|clouds?|cloud providers|providers|services|storage|databases|integrations|environments|operating systems|browsers|devices|hardware|registries)\b",
                @"\bworks with your\b", @"\bconnect \w+ (?:with|to) your\b", @"\bforward(?:s|ing)? (?:the )?(?:events|logs|alerts|metrics|data) (?:as output )?to\b"],
        }),
        new("intl-integrations", new Dictionary<CueKind, string[]>
        {
            [CueKind.Compatibility] = [
                @"^(?:intégrations|integraciones|integrações|integrationen|integrazioni|интеграции|plugins|complementos|extensions|erweiterungen|estensioni|extensiones|extensões|плагины|расширения|connecteurs|conectores|konnektoren)$",
                @"^(?:plateformes|plataformas|plattformen|piattaforme|платформы) (?:prises en charge|compatibles|soportadas|suportadas|unterstützte|supportate|поддерживаемые)$",
                @"^(?:unterstützte|поддерживаемые) (?:plattformen|платформы)$",
                "^(?:插件|插件市场|集成|集成方案|扩展|扩展插件|生态集成)$", "^(?:プラグイン|拡張機能|連携|インテグレーション|連携サービス)$",
                "^(?:플러그인|통합|연동|확장|확장 기능|연동 서비스)$", "支持的平台", "対応プラットフォーム", "지원 플랫폼", "지원되는 플랫폼"],
        }),
    ];
}
