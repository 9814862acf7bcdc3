using System.Text;
using static PartnerWatch.Tests.Detect.DetectionHarness;

namespace PartnerWatch.Tests.Detect;

/// <summary>
/// Session 8, round 2: four kinds of wording the newer tune sites use. Backing named as a noun with its giver after
/// "from" is a claim; a shared file or form on a vendor's host is the vendor's tool, not a sponsor; a legal notice or
/// privacy policy names the host because the law requires it; a container whose class names the project's users is a
/// users wall. Each group keeps the near miss that must not change.
/// </summary>
public sealed class BackingFromAndLegalPagesTests
{
    private static string Page(string title, string body) => $"<!DOCTYPE html><html><head><title>{title}</title></head><body>{body}</body></html>";

    private static async Task<string[]> ClaimedAtAsync(string url, string html)
    {
        var collector = Detector().BeginSite();
        var page = await ParseAsync(new Uri(url), Encoding.UTF8.GetBytes(html), "utf-8");
        await collector.AddPageAsync(page, CancellationToken.None);
        return collector.Complete().Select(c => c.BrandId).Order(StringComparer.Ordinal).ToArray();
    }

    // --- C: "<backing noun> from <Brand>" ---

    [Theory]
    [InlineData("Over the years the project got generous sponsorship from <a href=\"https://www.ibm.com/\">IBM</a> for its build farm.")]
    [InlineData("Funding from IBM paid for two years of maintenance.")]
    [InlineData("We are grateful for the continued support from IBM.")]
    [InlineData("This release was made with a grant from IBM.")]
    public async Task BackingNamedAsANounWithItsGiverAfterFromIsAClaim(string sentence)
    {
        var html = Page("About the project", $"<h2>History</h2><p>{sentence}</p>");
        Assert.Equal(["ibm"], await BrandsClaimedAsync(html));
    }

    [Fact]
    public async Task APluralSponsorshipsHeadingPresentsTheLogosUnderIt()
    {
        var html = Page("Acme", "<h2>Past company sponsorships</h2><div class=\"grid\">" +
                                "<a href=\"https://www.oracle.com/\"><img src=\"/img/o.png\" alt=\"Oracle\"></a>" +
                                "<a href=\"https://www.cisco.com/\"><img src=\"/img/c.png\" alt=\"Cisco\"></a></div>");
        Assert.Equal(["cisco", "oracle"], await BrandsClaimedAsync(html));
    }

    [Theory]
    [InlineData("Our sponsors helped us migrate from IBM mainframes to commodity servers.")]
    [InlineData("Sponsors can import their data from Oracle in one click.")]
    [InlineData("Many of our supporters switched from Oracle last year.")]
    public async Task FromAfterAVerbOfMovingStaysAPlace(string sentence)
    {
        var html = Page("Acme", $"<h2>Notes</h2><p>{sentence}</p>");
        Assert.Empty(await BrandsClaimedAsync(html));
    }

    [Fact]
    public async Task SupportForAVendorStaysCompatibility()
    {
        var html = Page("Acme", "<h2>What's in 2.0</h2><p>Version 2 adds support for Oracle databases.</p>");
        Assert.Empty(await BrandsClaimedAsync(html));
    }

    // --- I: a shared file or form on a vendor's host ---

    [Theory]
    [InlineData("https://drive.google.com/file/d/1AbCdEf/view", "Download the sponsorship prospectus")]
    [InlineData("https://docs.google.com/forms/d/e/1FAIpQL/viewform", "Apply to become a sponsor")]
    [InlineData("https://forms.gle/abc123", "Sponsor enquiry form")]
    [InlineData("https://docs.google.com/presentation/d/1XyZ/edit", "Sponsor deck")]
    [InlineData("https://onedrive.live.com/view.aspx?resid=1", "Prospectus (PDF)")]
    public async Task ASharedFileOrFormUnderASponsorHeadingIsTheVendorsToolNotASponsor(string href, string text)
    {
        var html = Page("Sponsors | DevConf", $"<h2>Sponsorship</h2><p>Interested? <a href=\"{href}\">{text}</a></p>" +
                                             "<h2>Gold sponsors</h2><a href=\"https://www.redhat.com/\"><img src=\"/img/rh.png\" alt=\"Red Hat\"></a>");
        Assert.Equal(["redhat"], await BrandsClaimedAsync(html));
    }

    [Fact]
    public async Task TheVendorsHomePageUnderTheSameHeadingIsStillASponsor()
    {
        var html = Page("Sponsors | DevConf", "<h2>Gold sponsors</h2><a href=\"https://about.google.com/\"><img src=\"/img/g.png\" alt=\"Google\"></a>");
        Assert.Equal(["google"], await BrandsClaimedAsync(html));
    }

    // --- H: legal notices and privacy policies ---

    [Theory]
    [InlineData("https://site.test/mentions-legales/", "Mentions légales", "Ce site est hébergé par Oracle, société immatriculée au RCS.")]
    [InlineData("https://site.test/impressum.html", "Impressum", "Dieses Angebot wird bereitgestellt von Oracle. Verantwortlich: Max Muster.")]
    [InlineData("https://site.test/about/legal-notice", "Legal notice", "This website is hosted by Oracle, registered office: Austin, Texas.")]
    [InlineData("https://site.test/page.html", "特定商取引法に基づく表記", "本サイトはOracleによって提供されています。")]
    [InlineData("https://site.test/privacy/", "Privacy policy", "Our site is hosted by Oracle, which processes access logs on our behalf.")]
    [InlineData("https://site.test/page.html", "Política de privacidad", "Este sitio está alojado por Oracle.")]
    public async Task ALegalNoticeNamesTheHostByLawNotAsACredit(string url, string heading, string sentence)
    {
        var html = Page(heading, $"<h1>{heading}</h1><p>{sentence}</p><p><a href=\"https://www.oracle.com/\">oracle.com</a></p>");
        Assert.Empty(await ClaimedAtAsync(url, html));
    }

    [Fact]
    public async Task TheSameHostingCreditOnAnAboutPageIsStillAClaim()
    {
        var html = Page("About us", "<h1>About us</h1><p>This website is hosted by Oracle.</p>");
        Assert.Equal(["oracle"], await ClaimedAtAsync("https://site.test/about/", html));
    }

    [Fact]
    public async Task AnAboutPageWhoseFooterLinksToTheImpressumIsNotALegalNotice()
    {
        var html = Page("About us", "<h1>About us</h1><p>This website is hosted by Cisco.</p>" +
                                   "<footer><a href=\"/impressum/\">Impressum</a> · <a href=\"/datenschutz/\">Datenschutzerklärung</a></footer>");
        Assert.Equal(["cisco"], await ClaimedAtAsync("https://site.test/about/", html));
    }

    // --- D (part): a users wall named by its class ---

    [Theory]
    [InlineData("featured-users")]
    [InlineData("section section--users")]
    [InlineData("hero tk-users")]
    public async Task AWallWhoseClassNamesTheUsersIsAUsersWall(string classes)
    {
        var html = Page("Acme", "<h1>Acme</h1><p>A fast runtime.</p>" +
                                $"<section class=\"{classes}\"><h2>Built by the community, for the community</h2><div class=\"columns\">" +
                                "<img src=\"/img/oracle.svg\" alt=\"Oracle\">" +
                                "<img src=\"/img/cisco.svg\" alt=\"Cisco\">" +
                                "<img src=\"/img/sap.svg\" alt=\"SAP\"></div></section>");
        Assert.Equal(["cisco", "oracle", "sap"], await BrandsClaimedAsync(html));
    }

    // Unlinked logos: logos linked to their organisations' home pages make a wall by their structure alone
    // (LinkedLogoWall), whatever the class says; this checks the class tokens by themselves.
    [Theory]
    [InlineData("fa fa-users")]
    [InlineData("usersettings")]
    [InlineData("user-menu")]
    public async Task AnIconOrAccountClassIsNotAUsersWall(string classes)
    {
        var html = Page("Acme", "<h1>Acme</h1><p>A fast runtime.</p>" +
                                $"<section class=\"{classes}\"><h2>Built by the community, for the community</h2><div class=\"columns\">" +
                                "<img src=\"/img/oracle.svg\" alt=\"Oracle\">" +
                                "<img src=\"/img/cisco.svg\" alt=\"Cisco\">" +
                                "<img src=\"/img/sap.svg\" alt=\"SAP\"></div></section>");
        Assert.Empty(await BrandsClaimedAsync(html));
    }
}
