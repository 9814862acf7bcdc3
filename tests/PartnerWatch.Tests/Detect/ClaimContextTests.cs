using PartnerWatch.Domain;
using static PartnerWatch.Tests.Detect.DetectionHarness;

namespace PartnerWatch.Tests.Detect;

/// <summary>Partner context decides claim vs mention; each incidental kind (neg-*) is covered at least twice.</summary>
public sealed class ClaimContextTests
{
    [Theory]
    [InlineData("<h2>Technology partners</h2><div class=\"logos\"><img src=\"a.png\" alt=\"Red Hat\"></div>")]
    [InlineData("<h2>Unsere Kunden</h2><ul><li>Red Hat</li></ul>")]
    [InlineData("<h2>Technologiepartner</h2><p><img src=\"x.png\" title=\"Red Hat\"></p>")]
    [InlineData("<h2>Ils nous font confiance</h2><div><img src=\"b.png\" alt=\"Red Hat\"></div>")]
    [InlineData("<h3>Socios y aliados</h3><p>Red Hat</p>")]
    [InlineData("<h2>Nossos parceiros</h2><p>Red Hat</p>")]
    [InlineData("<h2>I nostri clienti</h2><svg><title>Red Hat</title></svg>")]
    [InlineData("<h2>Наши партнёры</h2><p>Red Hat</p>")]
    [InlineData("<h2>合作伙伴</h2><p>红帽</p>")]
    [InlineData("<h2>合作夥伴</h2><p>Red Hat</p>")]
    [InlineData("<h2>導入企業</h2><p>Red Hat</p>")]
    [InlineData("<h2>고객사</h2><p>Red Hat</p>")]
    [InlineData("<section aria-label=\"Our customers\"><img src=\"c.png\" alt=\"Red Hat\"></section>")]
    [InlineData("<div id=\"clients\"><img src=\"/img/logos/redhat-logo.png\"></div>")]
    [InlineData("<table><caption>Certifications</caption><tr><td>Red Hat</td></tr></table>")]
    [InlineData("<section><header><p class=\"eyebrow\">Ecosystem</p><h2>Built with the best</h2></header><div class=\"row\"><img src=\"r.png\" alt=\"Red Hat\"></div></section>")]
    [InlineData("<h2>Case studies</h2><div class=\"cards\"><div class=\"card\"><h3>Red Hat</h3><p>Cut build times by half.</p></div></div>")]
    [InlineData("<dl><dt>合作单位</dt><dd>红帽</dd></dl>")]
    [InlineData("<h2>Partners</h2><img data-src=\"/img/logos/redhat.svg\" src=\"data:image/gif;base64,R0lGOD\">")]
    [InlineData("<h2>Partners</h2><div class=\"item\" style=\"background-image:url('/i/red-hat-logo.png')\"></div>")]
    [InlineData("<h2>Partners</h2><picture><source srcset=\"/i/redhat.webp 1x, /i/redhat@2x.webp 2x\"><img src=\"/i/x1.png\"></picture>")]
    public async Task BrandInAPartnerRegionIsClaimed(string body)
        => Assert.Equal(["redhat"], await BrandsClaimedAsync(body));

    [Theory]
    [InlineData("<p>We are a Microsoft Gold Partner.</p>", "microsoft")]
    [InlineData("<p>Socio tecnológico de Oracle desde 2014.</p>", "oracle")]
    [InlineData("<p>战略合作伙伴：华为、英特尔</p>", "huawei,intel")]
    [InlineData("<footer><p>Powered by Google Cloud</p></footer>", "google")]
    [InlineData("<p>本网站由阿里云提供技术支持。</p>", "alibabacloud")]
    [InlineData("<p>Built on AWS.</p>", "aws")]
    public async Task PartnerStatementIsClaimed(string body, string brands)
        => Assert.Equal(brands.Split(','), await BrandsClaimedAsync(body));

    [Fact]
    public async Task LinkToBrandDomainInPartnerSectionIsClaimed()
    {
        var claims = await DetectAsync("<h2>Alianzas</h2><a href=\"https://www.ibm.com/es-es\"><img src=\"img/3.png\"></a>");
        var claim = Assert.Single(claims);
        Assert.Equal("ibm", claim.BrandId);
        Assert.Contains(claim.Evidence, e => e.Kind == EvidenceKind.Link && e.Context == "heading \"Alianzas\"");
    }

    [Fact]
    public async Task NeutralMentionIsNotAClaim()
        => Assert.Empty(await BrandsClaimedAsync("<h2>Guides</h2><p>How to export a report from Salesforce to a spreadsheet.</p>"));

    [Theory]
    [InlineData("<h2>Partners</h2><article><h3>Google opens a region</h3><time>2024-03-02</time><p>Google said it would open a region.</p></article>")]
    [InlineData("<section class=\"news\"><h2>Latest</h2><p>Cisco reports quarterly results.</p></section>")]
    [InlineData("<h2>新闻动态</h2><ul><li>华为发布新一代智能摄像机 <span>2019-04-02</span></li></ul>")]
    public async Task NewsIsNotAClaim(string body) => Assert.Empty(await BrandsClaimedAsync(body));

    [Theory]
    [InlineData("<footer><p>Windows is a trademark of Microsoft Corporation.</p></footer>")]
    [InlineData("<h2>Nos partenaires</h2><p>Intel et le logo Intel sont des marques déposées d'Intel Corporation.</p>")]
    [InlineData("<p>Salesforce是Salesforce公司的注册商标。</p>")]
    public async Task TrademarkNoticeIsNotAClaim(string body) => Assert.Empty(await BrandsClaimedAsync(body));

    [Theory]
    [InlineData("<h2>Partners</h2><p>Our app runs on Microsoft Windows and Apple macOS.</p>")]
    [InlineData("<h2>動作環境</h2><p>Microsoft Windows 11 に対応しています。</p>")]
    [InlineData("<h2>产品</h2><p>全面支持华为鸿蒙系统。</p>")]
    public async Task CompatibilityIsNotAClaim(string body) => Assert.Empty(await BrandsClaimedAsync(body));

    [Theory]
    [InlineData("<section class=\"careers\"><h2>Backend engineer</h2><p>3+ years of experience with AWS.</p></section>")]
    [InlineData("<h2>招聘信息</h2><p>任职要求：熟悉 Oracle 数据库。</p>")]
    [InlineData("<h2>Stellenangebot</h2><p>Ihr Profil: Kenntnisse in SAP ERP.</p>")]
    public async Task JobAdvertIsNotAClaim(string body) => Assert.Empty(await BrandsClaimedAsync(body));

    [Theory]
    [InlineData("<h2>Our customers</h2><p>Unlike Google Sheets, every cell keeps its history.</p>")]
    [InlineData("<p>Im Gegensatz zu AWS rechnen wir in Euro ab.</p>")]
    [InlineData("<p>与甲骨文相比，我们的授权更灵活。</p>")]
    public async Task ComparisonIsNotAClaim(string body) => Assert.Empty(await BrandsClaimedAsync(body));

    [Theory]
    [InlineData("<div class=\"cookies\">We use cookies and Google Analytics. <button>Accept</button></div>")]
    [InlineData("<h2>Partners</h2><div id=\"consent\"><p>Meta Pixel and LinkedIn Insight Tag measure campaigns.</p></div>")]
    public async Task CookieNoticeIsNotAClaim(string body) => Assert.Empty(await BrandsClaimedAsync(body));

    [Theory]
    [InlineData("<footer><a href=\"https://www.linkedin.com/company/acme\" title=\"LinkedIn\"><img src=\"li.png\" alt=\"LinkedIn\"></a></footer>")]
    [InlineData("<h2>Partners</h2><p><a href=\"https://www.linkedin.com/shareArticle?url=x\">Share on LinkedIn</a></p>")]
    [InlineData("<div class=\"social\"><a href=\"https://facebook.com/acme\"><img src=\"fb.png\" alt=\"Facebook\"></a></div>")]
    public async Task SocialFollowOrShareIsNotAClaim(string body) => Assert.Empty(await BrandsClaimedAsync(body));

    [Theory]
    [InlineData("<p><img src=\"badge.png\" alt=\"Get it on Google Play\"></p>")]
    [InlineData("<h2>Partners</h2><a href=\"https://apps.apple.com/app/id1\"><img src=\"img/apple-app-store.png\"></a>")]
    public async Task AppStoreBadgeIsNotAClaim(string body) => Assert.Empty(await BrandsClaimedAsync(body));

    [Theory]
    [InlineData("<p><button>Sign in with Google</button></p>")]
    [InlineData("<p><a href=\"https://login.microsoftonline.com/\">Continue with Microsoft</a></p>")]
    [InlineData("<p>Pagar con Apple Pay</p>")]
    public async Task SignInOrPaymentButtonIsNotAClaim(string body) => Assert.Empty(await BrandsClaimedAsync(body));

    [Theory]
    [InlineData("<h2>合作伙伴</h2><p>慧思科技、北京高通量测序中心</p>")]
    [InlineData("<h2>Our customers</h2><p>Apple cider makers and the local sales force.</p>")]
    public async Task WordContainingAnAliasIsNotAClaim(string body) => Assert.Empty(await BrandsClaimedAsync(body));

    [Fact]
    public async Task FooterLogoStripWithoutPartnerWordsIsNotAClaim()
        => Assert.Empty(await BrandsClaimedAsync("<footer><div class=\"logos\"><img src=\"a.png\" alt=\"Cisco\"></div></footer>"));

    [Fact]
    public async Task NeutralNearerHeadingHidesAnEarlierSectionsPartnerHeading()
        => Assert.Empty(await BrandsClaimedAsync("<section><h2>Partners</h2><p>Many.</p></section><section><h2>Blog</h2><p>Salesforce tips.</p></section>"));

    [Fact]
    public async Task SubheadingUnderAPartnersHeadingKeepsTheClaim()
        => Assert.Equal(["cisco"], await BrandsClaimedAsync("<section><h2>Partners</h2><h3>Networking</h3><ul><li><img src=\"a.png\" alt=\"Cisco\"></li></ul></section>"));
}
