using static PartnerWatch.Tests.Detect.DetectionHarness;

namespace PartnerWatch.Tests.Detect;

/// <summary>
/// How sites word their partner sections beyond a "Partners" heading (issue 10, session 5): thanks to partners for
/// their trust and support, sections that list partners and integrations together, one-sentence claims in prose
/// ("Backed by AWS"), and partner vocabularies of further catalogue languages (Arabic). Each group also holds the
/// near miss that must stay a mention.
/// </summary>
public sealed class PartnerContextWordingTests
{
    private const string Wall = "<ul class=\"items\"><li><img src=\"a.png\" alt=\"红帽\"></li><li><img src=\"b.png\" alt=\"Cisco\"></li></ul>";

    [Theory]
    [InlineData("<h2>合作客户</h2><p class=\"lead\">感谢以下合作伙伴长期以来的信任与支持。</p>")]
    [InlineData("<p class=\"lead\">感谢以下合作伙伴长期以来的信任与支持。</p>")]
    [InlineData("<p>感謝以下合作夥伴長期以來的信任與支持。</p>")]
    [InlineData("<p>感谢各合作单位的大力支持！</p>")]
    [InlineData("<h2>Partners</h2><p>Thanks to the following partners for their long-term trust and support.</p>")]
    [InlineData("<p>We thank our partners for their trust and support.</p>")]
    [InlineData("<p>Wir danken unseren Partnern für ihr Vertrauen und ihre Unterstützung.</p>")]
    [InlineData("<p>Merci à nos partenaires pour leur confiance et leur soutien.</p>")]
    [InlineData("<p>Agradecemos a nuestros socios su confianza y apoyo.</p>")]
    [InlineData("<p>パートナー企業の皆様のご支援とご信頼に感謝いたします。</p>")]
    public async Task ThanksToPartnersForTheirSupportIntroducesAPartnerWall(string lead)
        => Assert.Equal(["cisco", "redhat"], await BrandsClaimedAsync(lead + Wall));

    [Theory]
    [InlineData("<p>支持以下平台：</p>")]
    [InlineData("<p>本产品兼容以下系统。</p>")]
    [InlineData("<h2>Integrations</h2>")]
    public async Task ASupportedPlatformsLeadStaysIncidental(string lead)
        => Assert.Empty(await BrandsClaimedAsync(lead + Wall));

    [Theory]
    [InlineData("<h2>Partners &amp; integrations</h2>")]
    [InlineData("<h2>Integrations and partners</h2>")]
    [InlineData("<h2>Partner und Integrationen</h2>")]
    [InlineData("<h2>合作伙伴与集成</h2>")]
    public async Task AHeadingThatNamesPartnersBesideIntegrationsIsAPartnerSection(string heading)
        => Assert.Equal(["cisco", "redhat"], await BrandsClaimedAsync(heading + Wall));

    [Theory]
    [InlineData("<p>Backed by AWS.</p>", "aws")]
    [InlineData("<p>Acme is backed by Google and a community of contributors.</p>", "google")]
    [InlineData("<p>Thanks to Microsoft for sponsoring our CI.</p>", "microsoft")]
    [InlineData("<p>Thanks to Red Hat for hosting our build machines.</p>", "redhat")]
    [InlineData("<p>Our CI runs on servers donated by Oracle.</p>", "oracle")]
    [InlineData("<p>Hosting is generously provided by Cisco.</p>", "cisco")]
    [InlineData("<p>Intel sponsors our CI.</p>", "intel")]
    [InlineData("<p>The project is supported by Microsoft.</p>", "microsoft")]
    [InlineData("<h2>Acknowledgements</h2><ul><li>Google: support for many Google Summer of Code students</li></ul>", "google")]
    [InlineData("<footer><p>Official consulting by Acme Labs, hosted by <a href=\"https://www.oracle.com\">Oracle</a></p></footer>", "oracle")]
    [InlineData("<footer><p>Copyright © 2017-2026 MIT by <a href=\"https://someone.test\">Some One</a><br>Official consulting by Acme Labs hosted by <a href=\"https://www.oracle.com\">Oracle</a></p></footer>", "oracle")]
    public async Task AOneSentenceClaimInProseIsAClaim(string body, string brand)
        => Assert.Equal([brand], await BrandsClaimedAsync(body));

    [Theory]
    [InlineData("<p>Acme runs on AWS and Google Cloud.</p>")]
    [InlineData("<p>Thanks to Microsoft Teams we could meet every week.</p>")]
    [InlineData("<p>Map data provided by Google.</p>")]
    [InlineData("<p>Deploy to Microsoft Azure with one command.</p>")]
    [InlineData("<footer><p>This site's source is hosted on <a href=\"https://www.oracle.com/code\">Oracle Code</a>.</p></footer>")]
    [InlineData("<p>Acme supports Google Cloud Storage and Amazon S3.</p>")]
    public async Task ProseThatUsesAVendorIsNotAClaim(string body)
        => Assert.Empty(await BrandsClaimedAsync(body));

    [Theory]
    [InlineData("<h2>شركاؤنا</h2>")]
    [InlineData("<h2>الشركاء</h2>")]
    [InlineData("<h2>الرعاة</h2>")]
    [InlineData("<h2>عملاؤنا</h2>")]
    [InlineData("<h3>بدعم من</h3>")]
    public async Task ArabicPartnerAndSponsorHeadingsAreClaims(string heading)
        => Assert.Equal(["cisco", "redhat"], await BrandsClaimedAsync(heading + Wall));

    [Theory]
    [InlineData("<p>هذا المشروع برعاية Microsoft.</p>", "microsoft")]
    [InlineData("<p>بدعم من Google</p>", "google")]
    public async Task ArabicSponsorStatementsAreClaims(string body, string brand)
        => Assert.Equal([brand], await BrandsClaimedAsync(body));

    [Theory]
    [InlineData("الشركاء")]
    [InlineData("شركاؤنا")]
    [InlineData("الرعاة")]
    public void AnArabicPartnerOrSponsorNavLinkPointsToAPartnerPage(string linkText)
        => Assert.Equal(PartnerWatch.Fetch.PartnerPageKeywords.Partner, PartnerWatch.Fetch.PartnerPageKeywords.Score(linkText));

    [Theory]
    [InlineData("<h2>تابعونا</h2><p><a href=\"https://www.linkedin.com/company/acme\">LinkedIn</a></p>")]
    [InlineData("<p>يعمل على Microsoft Windows و Red Hat.</p>")]
    [InlineData("<p>متوافق مع Microsoft Windows.</p>")]
    public async Task ArabicIncidentalMentionsAreNotClaims(string body)
        => Assert.Empty(await BrandsClaimedAsync(body));

    [Theory]
    [InlineData("<h2>深受领先机构信赖</h2><p>加入数千名在生产环境中使用 Acme 的开发者和公司之列</p>")]
    [InlineData("<h2>多くの企業に信頼されています</h2>")]
    [InlineData("<h2>기업들이 신뢰하는 솔루션</h2>")]
    public async Task TrustedByLeadingOrganisationsHeadsACustomerWall(string heading)
        => Assert.Equal(["cisco", "redhat"], await BrandsClaimedAsync(heading + Wall));

    [Theory]
    [InlineData("<h2>Sponsors</h2><p>You can also donate via <a href=\"https://github.com/sponsors/acme\">GitHub Sponsors</a>, Open Collective or a bank transfer.</p>")]
    [InlineData("<h2>Sponsoren</h2><p>Nützliche Informationen, um auf anderem Wege als durch GitHub-Sponsors zu spenden.</p>")]
    public async Task ADonationPlatformNamedAfterABrandIsNotItsSponsorship(string body)
        => Assert.Empty(await ClaimedWithAsync(body, GitHubBrand));

    [Fact]
    public async Task ProseOnASponsorsPageExplainsAndItsListPresents()
    {
        const string page = "<html><head><title>Sponsor Acme</title></head><body><section><h1>Sponsor Acme</h1></section><h2>What is expected of a funded contributor?</h2>" +
                            "<p>Commit access is available to contributors with a reputation for high-quality work: code, GitHub review comments and regular activity.</p>" +
                            "<p>This opportunity is available to contributors who have developed a reputation for reliable, high-quality contributions " +
                            "(code/documentation, GitHub review comments, and GitHub technical discussions; not IRC or other ephemeral places).</p>" +
                            "<div><ul><li>Red Hat</li><li>Cisco</li></ul></div></body></html>";
        Assert.Equal(["cisco", "redhat"], await ClaimedWithAsync(page, GitHubBrand));
    }

    [Fact]
    public async Task AReferenceDocumentationPathIsNotACustomerReferencesPage()
    {
        const string page = "<html><head><title>How to set up object storage</title></head><body><h1>Object storage</h1>" +
                            "<table><tr><td>Red Hat Ceph</td><td>ceph</td></tr><tr><td>Oracle Cloud Object Storage</td><td>s3</td></tr></table></body></html>";
        Assert.Empty(await ClaimedOnPageAsync("http://site.test/reference/how_to_set_up_object_storage/", page));
        Assert.Equal(["oracle", "redhat"], await ClaimedOnPageAsync("http://site.test/referenzen/", page));
    }

    [Fact]
    public async Task ADecorativeSpriteIconIsNotALogo()
    {
        const string menu = "<aside><div class=\"menu\"><svg class=\"icon icon-fw\" aria-hidden=\"true\"><use href=\"#icon-redhat\"/></svg> <a href=\"/forum\">Forum</a><br>" +
                            "<svg class=\"icon heart\"><use href=\"#icon-heart\"/></svg> <a href=\"/sponsor/\">Sponsor</a></div></aside>";
        Assert.Empty(await BrandsClaimedAsync(menu));
    }

    private static readonly List<PartnerWatch.Config.BrandOptions> GitHubBrand =
        [.. Brands, Brand("github", "GitHub", [], ["github.com"])];

    private static async Task<string[]> ClaimedWithAsync(string body, List<PartnerWatch.Config.BrandOptions> brands)
    {
        var html = body.Contains("<html", StringComparison.Ordinal) ? body : $"<!DOCTYPE html><html><head><title>Acme</title></head><body>{body}</body></html>";
        var collector = Detector(brands).BeginSite();
        await collector.AddPageAsync(await ParseAsync(new Uri("http://site.test/"), System.Text.Encoding.UTF8.GetBytes(html), "utf-8"), CancellationToken.None);
        return collector.Complete().Select(c => c.BrandId).Order(StringComparer.Ordinal).ToArray();
    }

    private static async Task<string[]> ClaimedOnPageAsync(string url, string html)
    {
        var collector = Detector().BeginSite();
        await collector.AddPageAsync(await ParseAsync(new Uri(url), System.Text.Encoding.UTF8.GetBytes(html), "utf-8"), CancellationToken.None);
        return collector.Complete().Select(c => c.BrandId).Order(StringComparer.Ordinal).ToArray();
    }
}
