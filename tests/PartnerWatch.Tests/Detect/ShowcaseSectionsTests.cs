using static PartnerWatch.Tests.Detect.DetectionHarness;

namespace PartnerWatch.Tests.Detect;

/// <summary>
/// Session 9 (issue 10): sections that show the organisations using or backing a project. A product-page link is how an
/// app showcase or a supporter wall links its entries, and a vendor's
/// name may only start the name of something else in a list of projects. Each test holds the near miss that keeps its
/// old answer.
/// </summary>
public sealed class ShowcaseSectionsTests
{
    private const string OtherCards =
        "<a href=\"https://foo.example/\" class=\"card\"><img src=\"img/apps/foo.svg\" alt=\"\"><small>Foo Notes</small></a>" +
        "<a href=\"https://bar.example/\" class=\"card\"><img src=\"img/apps/bar.svg\" alt=\"\"><small>Bar Chat</small></a>";

    private const string OracleCard =
        "<a href=\"https://www.oracle.com/products/sql-developer/\" class=\"card\"><img src=\"img/apps/oracle.svg\" alt=\"\"><small>Oracle SQL Developer</small></a>";

    [Theory]
    [InlineData("<h2>Desktop apps people rely on, built with Acme</h2>")]
    [InlineData("<h2>Used by</h2>")]
    [InlineData("<h2>Who's using Acme</h2>")]
    public async Task AnAppCardLinkedToItsProductPageUnderAShowcaseHeadingIsAClaim(string heading)
        => Assert.Equal(["oracle"], await BrandsClaimedAsync($"<section>{heading}<div class=\"apps\">{OtherCards}{OracleCard}</div></section>"));

    [Theory]
    [InlineData("<h2>Deploy your database</h2>")]
    [InlineData("<h2>Integrations</h2>")]
    [InlineData("<h2>Ecosystem</h2>")]
    [InlineData("")]
    public async Task TheSameProductLinkElsewhereStillNamesAProductTheSiteWorksWith(string heading)
        => Assert.Empty(await BrandsClaimedAsync($"<section>{heading}<div class=\"apps\">{OtherCards}{OracleCard}</div></section>"));

    [Theory]
    [InlineData("https://www.oracle.com/products/storage/")]
    [InlineData("https://www.oracle.com/product/cdn.html")]
    [InlineData("https://www.oracle.com/pricing/")]
    public async Task AStorageDeliveryOrPricingPageStaysABackendEvenUnderAShowcaseHeading(string href)
        => Assert.Empty(await BrandsClaimedAsync(
            $"<section><h2>Used by</h2><div class=\"apps\">{OtherCards}<a href=\"{href}\" class=\"card\"><img src=\"img/apps/o.svg\" alt=\"\"><small>Oracle Object Store</small></a></div></section>"));

    [Fact]
    public async Task ASupporterWallLinkingAVendorsProductPageStillPresentsTheVendor()
    {
        const string wall =
            "<div class=\"supporterBox\"><a href=\"https://www.daocloud.example/\"><img alt=\"DaoCloud\" src=\"img/supporters/daocloud.svg\"></a></div>" +
            "<div class=\"supporterBox\"><a href=\"https://www.huaweicloud.com/product/ief.html\"><img alt=\"Huawei Cloud\" src=\"img/supporters/huawei.png\"></a></div>";
        Assert.Equal(["huawei"], await BrandsClaimedAsync(wall));

        // A storage backend linked to the vendor's product page stays a backend.
        Assert.Empty(await BrandsClaimedAsync(
            "<h2>Storage backends</h2><div class=\"backendBox\"><a href=\"https://www.huaweicloud.com/product/obs.html\"><img alt=\"Huawei Cloud OBS\" src=\"img/obs.png\"></a></div>"));
    }

    [Fact]
    public async Task AVendorNameThatStartsAProductsNameInAListOfProjectsIsNotTheVendor()
    {
        Assert.Empty(await BrandsClaimedAsync(
            "<h2>Used by</h2><p>Large code bases format with Acme: the Foo toolkit, Bar, Baz, every Oracle Database Connector, Qux Assistant, and many more.</p>"));
        Assert.Equal(["oracle"], await BrandsClaimedAsync(
            "<h2>Used by</h2><p>The following organizations use Acme: Foo, Bar, Oracle, Baz, and many more.</p>"));
        // After an agent phrase or a preposition the name is still the organisation, whatever follows it.
        Assert.Equal(["oracle"], await BrandsClaimedAsync("<h2>Sponsors</h2><p>Our build farm is sponsored by Oracle Cloud Infrastructure.</p>"));
    }
}
