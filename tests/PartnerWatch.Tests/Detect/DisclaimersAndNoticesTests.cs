using static PartnerWatch.Tests.Detect.DetectionHarness;

namespace PartnerWatch.Tests.Detect;

/// <summary>
/// Trademark notices, legal pages and disclaimers that deny a relation (issue 10, session 9's precision sweep): they name
/// vendors beside the very words a claim uses ("not sponsored by", "must not imply sponsorship", "제휴 관계가 없으며",
/// "不得暗示…赞助"). Each group keeps the near miss that must stay a claim.
/// </summary>
public sealed class DisclaimersAndNoticesTests
{
    [Theory]
    [InlineData("<div><p>Acme Tools is an independent project and is not affiliated with, sponsored by or endorsed by Oracle.</p></div>")]
    [InlineData("<div><p>Using the Cisco name in a fork must not cause confusion or imply Cisco sponsorship.</p></div>")]
    [InlineData("<div><p>이 도구는 Samsung과 제휴 관계가 없으며, Samsung의 후원이나 승인을 받지 않았습니다.</p></div>")]
    [InlineData("<div><p>포크에서 Microsoft 로고를 쓸 때 혼동을 주거나 Microsoft 후원을 암시해서는 안 됩니다.</p></div>")]
    [InlineData("<div><p>在衍生版本中使用华为标识不得引起混淆或暗示华为的赞助。</p></div>")]
    [InlineData("<div><p>本工具与阿里云没有任何合作关系。</p></div>")]
    [InlineData("<div><p>このツールは Google とは一切提携しておらず、Google の後援も受けていません。</p></div>")]
    [InlineData("<div><p>Dieses Werkzeug steht in keiner Verbindung zu Red Hat und wird nicht von Red Hat gesponsert.</p></div>")]
    [InlineData("<div><p>Cet outil n'est pas affilié à Intel ni sponsorisé par Intel.</p></div>")]
    [InlineData("<div><p>Esta herramienta no está afiliada ni patrocinada por Samsung.</p></div>")]
    [InlineData("<div><p>Esta ferramenta não é afiliada nem patrocinada pela Dell.</p></div>")]
    [InlineData("<div><p>Этот инструмент не является партнёром Qualcomm и не спонсируется Qualcomm.</p></div>")]
    public async Task ADisclaimerThatDeniesARelationIsNotAClaim(string body)
        => Assert.Empty(await BrandsClaimedAsync(body));

    [Theory]
    [InlineData("<p>Acme is proudly sponsored by Oracle.</p><p>We are not affiliated with Google.</p>", new[] { "oracle" })]
    [InlineData("<p>Acme 프로젝트는 Microsoft의 후원을 받습니다.</p><p>Google과는 제휴 관계가 없습니다.</p>", new[] { "microsoft" })]
    [InlineData("<p>本项目由华为赞助。</p><p>本项目与阿里云无关。</p>", new[] { "huawei" })]
    [InlineData("<p>Mit freundlicher Unterstützung von SAP.</p><p>Wir stehen in keiner Verbindung zu Cisco.</p>", new[] { "sap" })]
    public async Task AClaimBesideADisclaimerAboutAnotherVendorStaysAClaim(string body, string[] brands)
        => Assert.Equal(brands, await BrandsClaimedAsync(body));

    [Theory]
    [InlineData("<h2>Partners</h2><p>Acme Cloud Labs</p><p>Java is a trademark of Oracle and/or its affiliates.</p>")]
    [InlineData("<h2>Партнёры</h2><p>Acme Cloud Labs</p><p>Java и JavaScript являются торговыми марками Oracle в США и других странах.</p>")]
    [InlineData("<h2>Socios</h2><p>Acme Cloud Labs</p><p>Java es una marca comercial de Oracle.</p>")]
    [InlineData("<h2>パートナー</h2><p>Acme Cloud Labs</p><p>Java は Oracle の商標です。</p>")]
    public async Task ATrademarkLineUnderAPartnerHeadingIsNotAClaim(string body)
        => Assert.Empty(await BrandsClaimedAsync(body));

    [Theory]
    [InlineData("http://site.test/third-party-notices/", "<h1>Third-party notices</h1><p>Hosting is generously provided by IBM.</p>")]
    [InlineData("http://site.test/ko/legal/", "<h1>법적 고지 사항</h1><p>Microsoft 및 모든 기여자는 이 문서의 라이선스를 부여합니다. Microsoft Azure 후원.</p>")]
    [InlineData("http://site.test/zh/statement/", "<h1>商标声明</h1><p>本站由阿里云赞助。</p>")]
    [InlineData("http://site.test/ja/notices/", "<h1>法的通知</h1><p>協賛: Microsoft</p>")]
    [InlineData("http://site.test/de/hinweise/", "<h1>Rechtliche Hinweise</h1><p>Unterstützt von SAP.</p>")]
    public async Task ATrademarkOrLegalNoticePageClaimsNothing(string url, string body)
        => Assert.Empty(await ClaimedOnPageAsync(url, body));

    [Theory]
    [InlineData("http://site.test/ko/guides/backend/firebase/", "<h1>Firebase 인증</h1><p><a href=\"https://firebase.google.com/\">Firebase</a> 인증을 설정합니다.</p>")]
    [InlineData("http://site.test/zh/docs/auth/", "<h2>身份认证</h2><ul><li>华为云</li><li>阿里云</li></ul>")]
    [InlineData("http://site.test/de/beitragen/", "<p>Wenn der PR zusammengeführt ist, fügt ein TC-Mitglied sie zu den Cisco-Gruppen hinzu.</p>")]
    public async Task AuthenticationAndRoleWordsAreNotPartnerWords(string url, string body)
        => Assert.Empty(await ClaimedOnPageAsync(url, body));

    [Theory]
    [InlineData("<h2>보유 인증</h2><ul><li>Red Hat</li><li>Cisco</li></ul>", new[] { "cisco", "redhat" })]
    [InlineData("<h2>认证合作伙伴</h2><ul><li>阿里云</li></ul>", new[] { "alibabacloud" })]
    [InlineData("<h2>Mitglieder</h2><ul><li>SAP</li><li>Dell</li></ul>", new[] { "dell", "sap" })]
    [InlineData("<h2>Sponsors</h2><p>Microsoft, who make VS Code, back our editor work.</p>", new[] { "microsoft" })]
    public async Task CertificationMembershipAndEditorNamesStayClaims(string body, string[] brands)
        => Assert.Equal(brands, await BrandsClaimedAsync(body));

    private static async Task<string[]> ClaimedOnPageAsync(string url, string body)
    {
        var html = $"<!DOCTYPE html><html><head><title>Acme</title></head><body>{body}</body></html>";
        var collector = Detector().BeginSite();
        await collector.AddPageAsync(await ParseAsync(new Uri(url), System.Text.Encoding.UTF8.GetBytes(html), "utf-8"), CancellationToken.None);
        return collector.Complete().Select(c => c.BrandId).Order(StringComparer.Ordinal).ToArray();
    }
}
