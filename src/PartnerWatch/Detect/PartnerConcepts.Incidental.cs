namespace PartnerWatch.Detect;

/// <summary>
/// Incidental concepts beside the partner ones: the vendor as what a product works with, where it is deployed, or the
/// account a reader signs in with. Most languages had these already (<see cref="ContextLexicon"/>); the table adds the
/// forms Japanese, Korean, Turkish, Vietnamese and Indonesian write them in, so a claim word added by the backing
/// concepts (지원을 받다 "receive support") does not turn "supports Windows" (Windows를 지원합니다) into a claim.
/// </summary>
internal static partial class PartnerConcepts
{
    private static RelationConcept[] Incidental =>
    [
        new("compatible-with", CueKind.Compatibility, "the product works with, supports or runs on the vendor", new Dictionary<string, string[]>
        {
            ["en"] = ["compatib", @"\bworks (?:on|with)\b", @"\bruns on\b"],
            ["de"] = ["kompatib", @"läuft (?:auf|unter)\b"],
            ["fr"] = [@"fonctionne (?:sous|avec|sur)\b", @"\bprend en charge\b"],
            ["es"] = [@"\bcompatible con\b", @"funciona (?:en|con)\b"],
            ["pt"] = ["compatív", @"funciona (?:em|com)\b"],
            ["it"] = ["compatibil", @"funziona (?:su|con)\b"],
            ["ru"] = ["совместим", @"работает (?:на|под)\b"],
            ["zh"] = ["兼容", "适配", "运行于"],
            // をサポート(する) = supports X; サポートを受け (received support) is a backing concept instead.
            ["ja"] = ["互換", "をサポート(?:して|し|する|します)", "に対応", "で動作"],
            ["ko"] = ["호환", "(?:을|를)\\s?지원(?:합니다|하며|하는|해요|함|한다|하고|하지)", "에서 (?:실행|동작)"],
            ["ar"] = ["متوافق", "يعمل على", "تعمل على"],
            ["tr"] = [@"\buyumlu", @"üzerinde çalış", @"\bdestekler\b", @"\bdesteklenen (?:platform|sistem|tarayıcı)"],
            ["vi"] = [@"\btương thích\b", @"\bchạy trên\b"],
            ["id"] = [@"\bkompatibel\b", @"\bberjalan di\b", @"\bmendukung\b"],
        }),
        new("deploy-to", CueKind.Compatibility, "the vendor as the place the reader deploys, installs or hosts to", new Dictionary<string, string[]>
        {
            ["en"] = [@"\bdeploy(?:s|ed|ing|ment)? (?:[\w.-]+ ){0,3}?(?:to|on|onto|in|into)\b", @"\bhosted on\b"],
            ["de"] = [@"\bdeploy\w* (?:\w+ ){0,2}?(?:auf|in|nach)\b", @"gehostet auf\b"],
            ["fr"] = [@"déplo\w* (?:\w+ ){0,2}?(?:sur|vers|dans)\b", @"hébergé\w* sur\b"],
            ["es"] = [@"(?:despleg|desplieg)\w* (?:\w+ ){0,2}?en\b", @"alojad\w* en\b"],
            ["pt"] = [@"implant\w* (?:\w+ ){0,2}?(?:em|no|na)\b", @"hospedad\w* (?:em|no|na)\b"],
            ["it"] = [@"distribui\w* (?:\w+ ){0,2}?su\b", @"ospitat\w* su\b"],
            ["ru"] = [@"развер\w* (?:\w+ ){0,2}?(?:на|в)\b", @"размещ\w* на\b"],
            ["zh"] = ["部署(?:到|在|于|至)", "托管(?:在|于)"],
            ["ja"] = ["にデプロイ", "をインストール", "でホスティング", "に移行"],
            ["ko"] = ["에 배포", "에 설치", "(?:로|으로) 마이그레이션"],
            ["ar"] = ["نشر على", "النشر على", "استضافة على"],
            ["tr"] = [@"\b(?:üzerine|üzerinde|üstüne) (?:dağıt|kur|yayınla)", @"\bdağıtım(?:ı)? (?:için|yap)"],
            ["vi"] = [@"\btriển khai (?:\w+ ){0,2}?(?:lên|trên)\b", @"\bcài đặt trên\b"],
            ["id"] = [@"\bdeploy ke\b", @"\bdipasang di\b"],
        }),
        new("sign-in-with", CueKind.SignIn, "the vendor as the account a reader signs in or pays with", new Dictionary<string, string[]>
        {
            ["en"] = [@"\bsign (?:in|up) with\b", @"\blog ?in with\b", @"\bcontinue with\b"],
            ["de"] = [@"\banmelden (?:mit|über)\b", @"\bmit \S+ anmelden\b"],
            ["fr"] = [@"se connecter avec\b", @"connexion avec\b"],
            ["es"] = [@"iniciar sesión con\b", @"\bacceder con\b"],
            ["pt"] = [@"entrar com\b", @"fazer login com\b"],
            ["it"] = [@"accedi con\b", @"\baccesso con\b"],
            ["ru"] = ["войти через", @"войти с помощью"],
            ["zh"] = ["登录", "登入"],
            ["ja"] = ["ログイン", "サインイン"],
            ["ko"] = ["로그인"],
            ["ar"] = ["تسجيل الدخول"],
            ["tr"] = [@"ile giriş yap", @"ile oturum aç"],
            ["vi"] = [@"\bđăng nhập (?:bằng|với)\b"],
            ["id"] = [@"\bmasuk (?:dengan|menggunakan|lewat)\b"],
        }),
    ];
}
