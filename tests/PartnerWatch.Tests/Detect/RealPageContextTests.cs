using PartnerWatch.Detect;
using static PartnerWatch.Tests.Detect.DetectionHarness;

namespace PartnerWatch.Tests.Detect;

/// <summary>
/// What real partner, sponsor and customer pages taught (issue 10): their section vocabularies, logo folders, badges,
/// feature tables, vendor links that name a backend, footers and reused card classes. One rule per test group.
/// </summary>
public sealed class RealPageContextTests
{
    [Theory]
    [InlineData("<h2>Current Sponsors</h2><div><img src=\"a.png\" alt=\"Red Hat\"></div>")]
    [InlineData("<h2>Past sponsors</h2><ul><li><a href=\"https://www.redhat.com/\">Red Hat</a></li></ul>")]
    [InlineData("<h3>Supported by</h3><div class=\"grid\"><img src=\"a.png\" alt=\"Red Hat logo\"></div>")]
    [InlineData("<h2>Funding</h2><p>This project receives direct funding from the following sources:</p><div><img src=\"a.png\" alt=\"Red Hat\"></div>")]
    [InlineData("<h2>Acknowledgements</h2><ul><li>Red Hat: build machines</li></ul>")]
    [InlineData("<h1>Who's using Acme?</h1><div><img src=\"a.png\" alt=\"Red Hat\"></div>")]
    [InlineData("<h2>Adopters</h2><table><tr><td>Red Hat</td><td>Tracing</td></tr></table>")]
    [InlineData("<h2>Sponsoren</h2><div><img src=\"a.png\" alt=\"Red Hat\"></div>")]
    [InlineData("<h2>Nos mécènes</h2><div><img src=\"a.png\" alt=\"Red Hat\"></div>")]
    [InlineData("<h2>Patrocinadores</h2><div><img src=\"a.png\" alt=\"Red Hat\"></div>")]
    [InlineData("<h2>Apoiadores</h2><div><img src=\"a.png\" alt=\"Red Hat\"></div>")]
    [InlineData("<h2>Sostenitori</h2><div><img src=\"a.png\" alt=\"Red Hat\"></div>")]
    [InlineData("<h2>Спонсоры</h2><div><img src=\"a.png\" alt=\"Red Hat\"></div>")]
    [InlineData("<h2>赞助商</h2><div><img src=\"a.png\" alt=\"红帽\"></div>")]
    [InlineData("<h3>我们的用户</h3><div><img src=\"a.png\" alt=\"红帽\"></div>")]
    [InlineData("<h2>スポンサー</h2><div><img src=\"a.png\" alt=\"Red Hat\"></div>")]
    [InlineData("<h2>후원사</h2><div><img src=\"a.png\" alt=\"Red Hat\"></div>")]
    [InlineData("<div class=\"supportersWrap\"><img src=\"a.png\" alt=\"Red Hat\"></div>")]
    public async Task SponsorFundingAndAdopterSectionsAreClaims(string body)
        => Assert.Equal(["redhat"], await BrandsClaimedAsync(body));

    [Fact]
    public async Task ALogoInASponsorFolderIsOnALogoStrip()
    {
        Assert.Equal(["redhat"], await BrandsClaimedAsync("<section><div><img src=\"/images/sponsors/redhat.svg\"></div></section>"));
        Assert.Equal(["redhat"], await BrandsClaimedAsync("<div><img src=\"/static/images/user-logos/redhat.png\"></div>"));
        Assert.Empty(await BrandsClaimedAsync("<section><div><img src=\"/images/icons/redhat.svg\"></div></section>"));
    }

    [Fact]
    public async Task APartnerBadgeNamedSoIsAClaimAndAStoreBadgeIsNot()
    {
        Assert.Equal(["aws"], await BrandsClaimedAsync("<div class=\"hero\"><img src=\"/img/aws-partner-badge.png\"></div>"));
        Assert.Empty(await BrandsClaimedAsync("<div class=\"hero\"><img src=\"/img/apple-app-store-badge.png\"></div>"));
    }

    [Fact]
    public async Task VendorsInAYesNoFeatureTableAreNotClaims()
    {
        const string table = "<table><tr><th>Organization</th><th>OSS</th><th>Native OTLP</th></tr>" +
                             "<tr><td>Red Hat</td><td>Yes</td><td>Yes</td></tr><tr><td><a href=\"https://docs.oracle.com/apm\">Oracle</a></td><td>No</td><td>✓</td></tr></table>";
        Assert.Empty(await BrandsClaimedAsync($"<h1>Proveedores</h1>{table}"));
        Assert.Equal(["redhat"], await BrandsClaimedAsync("<h2>Partners</h2><table><tr><td>Red Hat</td><td>Platinum</td><td>Since 2019</td></tr></table>"));
    }

    [Theory]
    [InlineData("<h2>Powered by</h2><ul><li><a href=\"https://aws.amazon.com/s3/\">AWS S3</a> for storage</li></ul>")]
    [InlineData("<h2>Who uses us</h2><p><a href=\"https://www.aliyun.com/product/oss\"><img src=\"o.png\" alt=\"Aliyun OSS\"></a></p>")]
    public async Task AVendorLinkedAsAStorageBackendIsNotAClaim(string body) => Assert.Empty(await BrandsClaimedAsync(body));

    [Fact]
    public async Task ALinkIntoAVendorsDocsOrBlogIsNotAPartnerLinkButItsHomePageIs()
    {
        Assert.Empty(await BrandsClaimedAsync("<h2>Partners</h2><p><a href=\"https://docs.microsoft.com/azure/monitor\">Azure Monitor guide</a></p>"));
        Assert.Empty(await BrandsClaimedAsync("<h2>Customers</h2><p><a href=\"https://blog.oracle.com/case-study\"><img src=\"k.png\"></a></p>"));
        Assert.Equal(["microsoft"], await BrandsClaimedAsync("<h2>Partners</h2><p><a href=\"https://www.microsoft.com/\"><img src=\"m.png\"></a></p>"));
    }

    [Fact]
    public async Task SocialLinksNameOnlyTheirNetworkAsIncidental()
    {
        Assert.Empty(await BrandsClaimedAsync("<footer><a href=\"https://www.facebook.com/acme\">Facebook</a> <a href=\"https://www.linkedin.com/company/acme\">Linkedin</a></footer>"));
        Assert.Empty(await BrandsClaimedAsync("<h2>Partners</h2><p><a href=\"https://www.facebook.com/acme\">Facebook</a></p>"));
        // Another brand's logo linked to a repository or profile on a network is judged by its section.
        Assert.Equal(["intel"], await BrandsClaimedAsync("<h1>Who's using Acme?</h1><div><a href=\"https://github.com/intel/rmd\"><img src=\"i.png\" alt=\"Intel RMD\"></a></div>"));
        Assert.Equal(["cisco"], await BrandsClaimedAsync("<h2>Users</h2><h2>Our users</h2><div><a href=\"https://www.linkedin.com/in/someone/\"><img src=\"c.png\" alt=\"Cisco\"></a></div>"));
    }

    [Fact]
    public async Task AnIncidentalHeadingBeatsAPartnerClassReusedForStyling()
    {
        Assert.Empty(await BrandsClaimedAsync("<h2>生态与设备支持</h2><div class=\"supporters\"><a class=\"adopter-card\" href=\"https://www.nvidia.com/\"><img src=\"n.png\" alt=\"NVIDIA\"></a></div>"));
        Assert.Equal(["nvidia"], await BrandsClaimedAsync("<h2>Community</h2><div class=\"supporters\"><img src=\"n.png\" alt=\"NVIDIA\"></div>"));
    }

    [Fact]
    public async Task ProseUnderAPartnerHeadingNeedsItsOwnStatement()
    {
        Assert.Empty(await BrandsClaimedAsync("<h2>Used by 400,000+ developers.</h2><p>We were amazed how smooth the workspaces ran on our own Dell laptops.</p>"));
        Assert.Equal(["intel"], await BrandsClaimedAsync("<h2>Current sponsors</h2><ul><li>Intel - They cover all of our hosting expenses every month.</li></ul>"));
        Assert.Equal(["intel", "oracle"], await BrandsClaimedAsync("<h2>Used by</h2><p>The following organizations use Acme: Dropbox, Intel, Lyft, Oracle, Quora.</p>"));
    }

    [Fact]
    public async Task AnElidedArticleIsNotABrand()
    {
        Assert.Empty(await BrandsClaimedAsync("<h2>Sponsors</h2><div><img src=\"d.png\" alt=\"Dipartimento di Ingegneria dell'Informazione\"></div>"));
        Assert.Equal(["dell"], await BrandsClaimedAsync("<h2>Sponsors</h2><div><img src=\"d.png\" alt=\"Dell\"></div>"));
    }

    [Fact]
    public async Task AnUndatedArticleCardIsACaseStudyNotNews()
    {
        const string card = "<article class=\"card\"><img src=\"a.png\" alt=\"Red Hat\"><p>Red Hat ships its tools with Acme.</p></article>";
        Assert.Equal(["redhat"], await BrandsClaimedAsync($"<h1>Case studies</h1><section>{card}</section>"));
        Assert.Empty(await BrandsClaimedAsync("<h1>Case studies</h1><section><article><time>2024-05-01</time><img src=\"a.png\" alt=\"Red Hat\"></article></section>"));
    }

    [Fact]
    public async Task AStatementOnAComparisonPageDescribesTheCompetitor()
    {
        const string page = "<html><head><title>Acme Actors vs Oracle Cloud</title></head><body><h1>Acme Actors vs Oracle Cloud</h1>" +
                            "<p>Built on Oracle's platform, its objects offer strong consistency.</p></body></html>";
        Assert.Empty(await BrandsClaimedAsync(page));
    }

    [Fact]
    public async Task APageLeadNamingPluginsMakesTheWallAnIntegrationList()
    {
        const string page = "<html><head><title>Acme ecosystem</title></head><body><h1>Acme ecosystem</h1><p>List of plugins for Acme</p>" +
                            "<ul class=\"list\"><li><img src=\"s.png\" alt=\"Salesforce\"><h4>Salesforce</h4></li></ul></body></html>";
        Assert.Empty(await BrandsClaimedAsync(page));
    }

    [Fact]
    public async Task PoweredByAndBuiltOnBindTheBrandThatFollowsThem()
    {
        Assert.Empty(await BrandsClaimedAsync("<p>Zeplin's Salesforce connector is built on Rust.</p>"));
        Assert.Equal(["salesforce"], await BrandsClaimedAsync("<p>Our CRM connector is built on Salesforce.</p>"));
    }

    [Fact]
    public async Task LogosListedInAnInlineScriptAreReadOnAPartnerPage()
    {
        const string list = "<script>var users = [{ \"link\": \"https://www.oracle.com/\", \"logo\": \"oracle.png\" }," +
                            " { \"link\": \"https://www.example.org/\", \"logo\": \"box.png\" }, { \"link\": \"https://acme.test/\", \"logo\": \"huaweiyun.jpg\" }];</script>";
        Assert.Equal(["huawei", "oracle"], await BrandsClaimedAsync($"<html><head><title>Powered By</title></head><body><h1>Powered By</h1><div id=\"grid\"></div>{list}</body></html>"));
        // The same list on a page that is not about partners, or a script with one image, names no partner.
        Assert.Empty(await BrandsClaimedAsync($"<h1>Download</h1><div id=\"grid\"></div>{list}"));
        Assert.Empty(await BrandsClaimedAsync("<h1>Powered By</h1><script>show(\"oracle.png\")</script>"));
    }

    [Fact]
    public async Task TheSitesOwnBlogAnnouncementOfAPartnershipIsAClaim()
    {
        Assert.Equal(["redhat"], await BrandsClaimedAsync("<article><time>2020-08-04</time><p>Today we’ve partnered with Red Hat to ship a native integration.</p></article>"));
        Assert.Empty(await BrandsClaimedAsync("<article><time>2020-08-04</time><p>Red Hat partnered with a bank in Ohio.</p></article>"));
    }

    [Theory]
    [InlineData("Gradle logo", false)]
    [InlineData("SF Express", false)]
    [InlineData("第四范式", false)]
    [InlineData("angular-formly", false)]
    [InlineData("smartthings.png", false)]
    [InlineData("logo.png", true)]
    [InlineData("Partner wall", true)]
    [InlineData("meta-logo", true)]
    [InlineData("Meta Platforms logo", true)]
    [InlineData("Our partners", true)]
    [InlineData("sponsor logo", true)]
    [InlineData("", true)]
    public async Task APixelMatchContradictedByTheImagesOwnNameIsDropped(string alt, bool claimed)
    {
        var collector = Detector(imageMatchers: [new EverythingIsMeta()]).BeginSite();
        var html = $"<html><body><h2>Sponsors</h2><div><img src=\"img/s1.png\" alt=\"{alt}\"></div></body></html>";
        await collector.AddPageAsync(await ParseAsync(new Uri("http://site.test/"), System.Text.Encoding.UTF8.GetBytes(html), "utf-8"), CancellationToken.None);

        Assert.Equal(claimed ? ["meta"] : [], collector.Complete().Select(c => c.BrandId).ToArray());
    }

    /// <summary>A matcher that takes every image for the Meta logo, as a loose reference does on round icons.</summary>
    private sealed class EverythingIsMeta : ILogoImageMatcher
    {
        public ValueTask<IReadOnlyList<LogoImageMatch>> MatchAsync(IReadOnlyList<LogoImageCandidate> images, CancellationToken cancellationToken)
            => ValueTask.FromResult<IReadOnlyList<LogoImageMatch>>(images.Select(i => new LogoImageMatch("meta", i.ImageUrl, "matches refs/meta.svg, distance 8/256")).ToList());
    }

    [Fact]
    public async Task TheOwnersLogoBesideACopyrightLineIsNotAClaim()
    {
        Assert.Empty(await BrandsClaimedAsync("<footer><div><a href=\"https://www.meta.com\"><img src=\"o.svg\" alt=\"Meta Open Source Logo\"></a><div>Copyright © 2023 Meta, Inc. Built with Docusaurus.</div></div></footer>"));
        Assert.Equal(["microsoft"], await BrandsClaimedAsync("<footer><p>© 2025 Acme.</p><p>Powered by Microsoft Azure</p></footer>"));
    }

    [Fact]
    public async Task ExcitedToShareIsNotASocialShareButton()
        => Assert.Equal(["redhat"], await BrandsClaimedAsync("<p>Today, we are super excited to share that we’ve partnered with Red Hat.</p>"));

    [Fact]
    public async Task AProductNamedCustomerDotIoIsNotACustomersHeading()
        => Assert.Empty(await BrandsClaimedAsync("<h3>Customer.io</h3><p>Google Analytics</p>"));
}
