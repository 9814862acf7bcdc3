using static PartnerWatch.Tests.Detect.DetectionHarness;

namespace PartnerWatch.Tests.Detect;

/// <summary>
/// Vendors named as the platform a site's users run on, deploy to, install from, sign in with or store in; the clouds
/// that the entries of a production-users list name beside themselves; vendors in the running prose of docs,
/// changelogs, news and job pages (issue 10, session 6). Each group holds the near miss that must stay a claim.
/// </summary>
public sealed class MentionsNotClaimsTests
{
    [Theory]
    [InlineData("<p>Our customers deploy Acme to AWS, Microsoft Azure or Google Cloud.</p>")]
    [InlineData("<p>Customers install it from the Red Hat catalog.</p>")]
    [InlineData("<p>Our users store their backups in Google Cloud and Oracle.</p>")]
    [InlineData("<p>Most customers host their clusters on AWS.</p>")]
    [InlineData("<p>Unsere Kunden installieren Acme auf Microsoft Azure.</p>")]
    [InlineData("<p>Nos clients déploient Acme sur Microsoft Azure.</p>")]
    [InlineData("<p>Nuestros clientes despliegan Acme en Microsoft Azure.</p>")]
    [InlineData("<p>我们的客户将 Acme 部署到阿里云和华为云。</p>")]
    [InlineData("<p>お客様は Acme を AWS にデプロイできます。</p>")]
    public async Task AVendorAsThePlatformUsersDeployToIsNotAClaim(string body)
        => Assert.Empty(await BrandsClaimedAsync(body));

    [Theory]
    [InlineData("<p>Our partners include Microsoft, Cisco and Red Hat.</p>", new[] { "cisco", "microsoft", "redhat" })]
    [InlineData("<p>Acme is deployed by our partner Red Hat.</p>", new[] { "redhat" })]
    [InlineData("<p>Hosting is generously provided by Cisco.</p>", new[] { "cisco" })]
    [InlineData("<footer><p>This website is hosted on Microsoft Azure.</p></footer>", new[] { "microsoft" })]
    [InlineData("<footer><p>Our documentation is proudly served with <a href=\"https://www.oracle.com/cloud/\">Oracle Cloud</a>.</p></footer>", new[] { "oracle" })]
    public async Task APartnerStatementBesideUsageWordsStaysAClaim(string body, string[] brands)
        => Assert.Equal(brands, await BrandsClaimedAsync(body));

    [Theory]
    [InlineData("<h2>Production users</h2><ul><li><a href=\"https://acme.test\">Acme Corp</a> — on AWS</li><li><a href=\"https://foo.test\">Foo Bank</a> (Google Cloud)</li></ul>")]
    [InlineData("<h2>Adopters</h2><ul><li>Acme Corp: production on Microsoft Azure</li><li>Foo Bank, staging in <a href=\"https://www.oracle.com/cloud/\">Oracle</a> cloud</li></ul>")]
    [InlineData("<h2>Who is using Acme</h2><table><tr><td><a href=\"https://acme.test\">Acme Corp</a></td><td>runs its API gateway on AWS</td></tr></table>")]
    [InlineData("<h2>谁在使用</h2><ul><li>某某银行（部署于华为云）</li></ul>")]
    public async Task TheCloudAnAdopterNamesBesideItselfIsNotPresented(string body)
        => Assert.Empty(await BrandsClaimedAsync(body));

    [Theory]
    [InlineData("<h2>Production users</h2><ul><li><a href=\"https://www.redhat.com\">Red Hat</a></li><li>Cisco — network automation</li><li>Microsoft, Intel</li></ul>", new[] { "cisco", "intel", "microsoft", "redhat" })]
    [InlineData("<h2>Sponsors</h2><ul><li>Hosting: <a href=\"https://www.oracle.com\">Oracle</a></li></ul>", new[] { "oracle" })]
    public async Task TheNamesAnAdoptersListPresentsStayClaims(string body, string[] brands)
        => Assert.Equal(brands, await BrandsClaimedAsync(body));

    [Theory]
    [InlineData("http://site.test/docs/integrations/azure/", "<h1>Azure AD</h1><p>Register the app in the Microsoft Partner Center and copy its client id.</p>")]
    [InlineData("http://site.test/changelog/", "<h1>Changelog</h1><ul><li>Fixed the AWS partner event source for EventBridge.</li></ul>")]
    [InlineData("http://site.test/blog/2024/acme-on-gcp/", "<h1>Running Acme on GKE</h1><p>This walkthrough shows how a Google Cloud partner would size the cluster.</p>")]
    [InlineData("http://site.test/careers/", "<h1>Careers</h1><p>You have worked at a Microsoft Gold Partner before.</p>")]
    public async Task AVendorInTheProseOfDocsChangelogsBlogsAndJobsIsNotAClaim(string url, string body)
        => Assert.Empty(await ClaimedOnPageAsync(url, body));

    [Fact]
    public async Task TheSiteOwnPartnershipAnnouncementInItsBlogStaysAClaim()
        => Assert.Equal(["redhat"], await ClaimedOnPageAsync("http://site.test/blog/2024/red-hat/",
            "<h1>Acme and Red Hat</h1><p>Today we are proud to announce that we have partnered with Red Hat.</p>"));

    [Theory]
    [InlineData("<p>Read the customer story on <a href=\"https://www.microsoft.com/en/customers/story/acme\">the Azure blog</a>.</p>")]
    [InlineData("<p>Partners can find the setup guide <a href=\"https://www.oracle.com/a/acme-guide\">here</a>.</p>")]
    public async Task ALinkOutsideAPartnerContextNeedsItsOwnRelation(string body)
        => Assert.Empty(await BrandsClaimedAsync(body));

    [Fact]
    public async Task ALinkNamedInAPartnerStatementStaysAClaim()
        => Assert.Equal(["oracle"], await BrandsClaimedAsync("<p>We are a proud partner of <a href=\"https://www.oracle.com\">Oracle</a>.</p>"));

    private static async Task<string[]> ClaimedOnPageAsync(string url, string body)
    {
        var html = $"<!DOCTYPE html><html><head><title>Acme</title></head><body>{body}</body></html>";
        var collector = Detector().BeginSite();
        await collector.AddPageAsync(await ParseAsync(new Uri(url), System.Text.Encoding.UTF8.GetBytes(html), "utf-8"), CancellationToken.None);
        return collector.Complete().Select(c => c.BrandId).Order(StringComparer.Ordinal).ToArray();
    }
}
