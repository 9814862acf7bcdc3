using System.Text;
using PartnerWatch.Config;
using static PartnerWatch.Tests.Detect.DetectionHarness;

namespace PartnerWatch.Tests.Detect;

/// <summary>
/// Session 7 (issue 10): infrastructure and powered-by credits in every catalogue language against the vendor as a
/// platform; sponsors listed around a donation channel; the subject of an adopter entry; code samples; "client" as
/// software; names set side by side by markup. Each group holds the near miss that must keep its old answer.
/// </summary>
public sealed class CreditsAndAdoptersTests
{
    [Theory]
    [InlineData("<p>Secure password storage and syncing is provided by Oracle for Teams.</p>", new[] { "oracle" })]
    [InlineData("<footer><p>Hosting by Oracle · CDN by Cisco</p></footer>", new[] { "cisco", "oracle" })]
    [InlineData("<p>Red Hat supports this project with build servers and bandwidth.</p>", new[] { "redhat" })]
    [InlineData("<p>Die Server werden freundlicherweise von Red Hat zur Verfügung gestellt.</p>", new[] { "redhat" })]
    [InlineData("<p>Hosting bereitgestellt von Oracle.</p>", new[] { "oracle" })]
    [InlineData("<p>Ce site est hébergé par Oracle.</p>", new[] { "oracle" })]
    [InlineData("<p>Alojamiento proporcionado por Oracle.</p>", new[] { "oracle" })]
    [InlineData("<p>Site hospedado pela Oracle.</p>", new[] { "oracle" })]
    [InlineData("<p>Server offerti da Red Hat.</p>", new[] { "redhat" })]
    [InlineData("<p>Хостинг предоставлен компанией Oracle.</p>", new[] { "oracle" })]
    [InlineData("<p>本站 CDN 加速服务由阿里云提供。</p>", new[] { "alibabacloud" })]
    [InlineData("<p>ホスティングは Oracle が提供しています。</p>", new[] { "oracle" })]
    [InlineData("<p>호스팅은 Oracle 이 제공합니다.</p>", new[] { "oracle" })]
    [InlineData("<p>الاستضافة مقدمة من Oracle.</p>", new[] { "oracle" })]
    [InlineData("<p>Sunucular Oracle tarafından sağlanmaktadır.</p>", new[] { "oracle" })]
    [InlineData("<p>Máy chủ được cung cấp bởi Oracle.</p>", new[] { "oracle" })]
    [InlineData("<p>Server disediakan oleh Oracle.</p>", new[] { "oracle" })]
    public async Task AnInfrastructureCreditInAnyCatalogueLanguageIsAClaim(string body, string[] brands)
        => Assert.Equal(brands, await BrandsClaimedAsync(body));

    [Theory]
    [InlineData("<p>Host your app on Oracle Cloud in minutes.</p>")]
    [InlineData("<p>Votre site est hébergé sur Oracle Cloud.</p>")]
    [InlineData("<p>Acme supports Oracle Database and Microsoft SQL Server.</p>")]
    [InlineData("<p>我们的客户将 Acme 部署到阿里云。</p>")]
    [InlineData("<p>The SDK stores its cache in Google Cloud Storage.</p>")]
    public async Task TheVendorAsThePlatformStaysAMention(string body)
        => Assert.Empty(await BrandsClaimedAsync(body));

    [Theory]
    [InlineData("<h2>Sponsors</h2><p>GitHub sponsors CI infrastructure.</p>", new[] { "github" })]
    [InlineData("<h2>Sponsors</h2><p>Homebrew is generously supported by Codecademy, Workbrew, <a href=\"https://github.com/github\">GitHub</a>, Custom Ink, " +
                "<a href=\"https://github.com/SAP\">SAP</a> and many other users and organisations via <a href=\"https://github.com/sponsors/Homebrew\">GitHub Sponsors</a>.</p>",
                new[] { "github", "sap" })]
    [InlineData("<h2>Sponsors</h2><p>Acme receives individual donations through GitHub sponsors and NumFocus.</p>", new string[0])]
    [InlineData("<footer><a href=\"https://github.com/acme\">GitHub</a> <a href=\"https://www.linkedin.com/company/acme\">LinkedIn</a></footer>", new string[0])]
    public async Task SponsorsAroundADonationChannelStaySponsorsAndTheChannelStaysAChannel(string body, string[] brands)
        => Assert.Equal(brands, await ClaimedWithGitHubAsync(body));

    [Fact]
    public async Task TheSubjectOfAnAdopterEntryIsTheAdopterNotThePlatform()
    {
        const string body = "<h2>Adopters</h2><ul><li>Red Hat uses Acme as their CNI for self-hosted Kubernetes clusters</li>" +
                            "<li>Cisco uses Acme in Microsoft Azure (self-hosted k8s)</li></ul>";
        Assert.Equal(["cisco", "redhat"], await BrandsClaimedAsync(body));
        Assert.Empty(await BrandsClaimedAsync("<p>Red Hat uses Acme for self-hosted clusters.</p>"));
    }

    [Fact]
    public async Task AnAdopterEntrysEnvironmentFieldNamesItsPlatform()
    {
        const string body = "<h2>Production users</h2><ul><li><em>Operator</em>: Acme Corp</li><li><em>Environments</em>: AWS, Oracle Cloud, Google Cloud, Bare Metal, etc</li>" +
                            "<li><em>Operator</em>: Cisco Systems</li><li><em>Environment</em>: bare metal</li></ul>";
        Assert.Equal(["cisco"], await BrandsClaimedAsync(body));
    }

    [Fact]
    public async Task ALabelledCreditEntryKeepsItsSubjectAndAMentoringProgrammeIsNotASponsor()
    {
        Assert.Equal(["google"], await BrandsClaimedAsync(
            "<h2>Acknowledgements</h2><ul><li><a href=\"https://google.com\">Google</a>: support for many Google Summer of Code students</li><li>Acme Labs — support for our CI</li></ul>"));
        Assert.Equal(["redhat"], await BrandsClaimedAsync("<h2>Acknowledgements</h2><ul><li>Red Hat – support for our CI machines</li></ul>"));
        // Session 5 read "Summer of Code" as a funder phrase; the real pages label taking part in it a mention (issue 10).
        Assert.Empty(await BrandsClaimedAsync("<p>Acme participated in Google Summer of Code 2023.</p>"));
        Assert.Empty(await BrandsClaimedAsync(
            "<h2>Mentorship</h2><p>The project occasionally participates in various, periodic mentoring programs:</p><ul><li>LFX Mentorship</li><li>Google Summer of Code</li></ul>"));
    }

    [Fact]
    public async Task SupportProvidersAndTopContributorsInAFooterArePresented()
        => Assert.Equal(["redhat"], await BrandsClaimedAsync(
            "<footer><div><h4>Top Contributors</h4><ul><li><a href=\"https://www.redhat.com/\">Red Hat</a></li></ul></div>" +
            "<div><h4>Community</h4><ul><li><a href=\"https://www.linkedin.com/company/acme\">LinkedIn</a></li></ul></div></footer>"));

    [Fact]
    public async Task ACodeSampleNamesIdentifiersNotPartners()
    {
        const string code = "<h2>Partners</h2><pre><code>AUTH_SECRET=your-auth-secret-here\nGITHUB_ID=your-github-client-id\nGOOGLE_ID=your-google-client-id</code></pre>";
        Assert.Empty(await ClaimedWithGitHubAsync(code));
        Assert.Equal(["google"], await BrandsClaimedAsync("<h2>Partners</h2><ul><li>Google</li></ul>"));
    }

    [Theory]
    [InlineData("<p>Node.js can also be installed with the IBM i Access Client Solutions product.</p>", new string[0])]
    [InlineData("<p>Register a client id in the Microsoft developer portal.</p>", new string[0])]
    [InlineData("<p>Our client IBM chose Acme for its data centres.</p>", new[] { "ibm" })]
    [InlineData("<p>Client: IBM</p>", new[] { "ibm" })]
    [InlineData("<h2>Clients</h2><ul><li>IBM</li></ul>", new[] { "ibm" })]
    public async Task ClientAloneIsSoftwareWithADeterminerOrLabelItIsACustomer(string body, string[] brands)
        => Assert.Equal(brands, await BrandsClaimedAsync(body));

    [Fact]
    public async Task ACaseStudyLinkLabelPresentsItsCompany()
        => Assert.Equal(["cisco"], await BrandsClaimedAsync(
            "<h2>Companies using Acme</h2><div><a href=\"https://example.test/blog/why-we-use-acme\" aria-label=\"View CaseStudy of Cisco, (opens in new window)\"><img src=\"c1.svg\"></a></div>"));

    [Fact]
    public async Task NamesSetSideBySideByMarkupAreAListNotProse()
    {
        const string wall = "<div class=\"usedby\"><a href=\"https://www.redhat.com/\">Red Hat</a> <a href=\"https://foursquare.test/\">foursquare</a> " +
                            "<a href=\"https://pinterest.test/\">Pinterest</a> <a href=\"https://www.facebook.com/\">Facebook</a> <a href=\"https://evernote.test/\">Evernote</a> " +
                            "<a href=\"https://etsy.test/\">Etsy</a> <a href=\"https://flickr.test/\">Flickr</a> <a href=\"https://npr.test/\">NPR</a></div>";
        Assert.Equal(["meta", "redhat"], await BrandsClaimedAsync(wall));
        Assert.Empty(await BrandsClaimedAsync("<div class=\"usedby\"><p>We build our images on top of the official Red Hat base image every night, and it works well.</p></div>"));
    }

    private static readonly Lazy<PartnerWatch.Detect.ClaimDetector> WithGitHub =
        new(() => new PartnerWatch.Detect.ClaimDetector(new PartnerWatchOptions { Brands = [.. Brands, Brand("github", "GitHub", [], ["github.com"])] }));

    private static async Task<string[]> ClaimedWithGitHubAsync(string body)
    {
        var html = $"<!DOCTYPE html><html><head><title>Acme</title></head><body>{body}</body></html>";
        var collector = WithGitHub.Value.BeginSite();
        await collector.AddPageAsync(await ParseAsync(new Uri("http://site.test/"), Encoding.UTF8.GetBytes(html), "utf-8"), CancellationToken.None);
        return collector.Complete().Select(c => c.BrandId).Order(StringComparer.Ordinal).ToArray();
    }
}
