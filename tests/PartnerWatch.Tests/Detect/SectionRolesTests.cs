using static PartnerWatch.Tests.Detect.DetectionHarness;

namespace PartnerWatch.Tests.Detect;

/// <summary>
/// Session 10 (learned from holdout7, retired into tuning): a section named only "Thanks" in a catalogue language, or
/// named for the organisations that use the project, is a partner section although its heading has no partner word.
/// The markup is the shape of the real pages (README acknowledgement sections in ko/ja/tr/vi/zh, a "Companies &amp;
/// Projects Using Git" link list, a tablist labelled "Companies using FastAPI"); each group keeps its near miss.
/// </summary>
public sealed class SectionRolesTests
{
    // The section before the acknowledgement is itself a partner section ("스폰서"/"Sponsors": buy the developer a coffee):
    // the neutral-looking "thanks" heading used to block it and leave the licence credit below without context.
    [Theory]
    [InlineData("<h2>Lisans</h2><p><a href=\"LICENSE\">MIT</a></p><h2>Teşekkürler</h2><p>Oracle’a bu projeye verdiği destek için teşekkürler</p>" +
                "<p><a href=\"https://www.oracle.com\"><img src=\"https://cdn.example/brand/logos/company.png\" width=\"200\"></a></p>")]
    [InlineData("<h2>Tác giả</h2><ul><li>Mark</li></ul><h2>Cảm ơn</h2><a href=\"https://www.oracle.com/\"><img src=\"https://cdn.example/oracle-logo.svg\" alt=\"Oracle\"></a>" +
                "<p>Cảm ơn <a href=\"https://www.oracle.com/\">Oracle</a> đã cung cấp hạ tầng giúp chúng tôi kiểm thử trên các trình duyệt thực tế!</p>")]
    [InlineData("<h2>Installation</h2><p>make install</p><h2>Special thanks</h2><p><a href=\"https://www.oracle.com/\"><img src=\"img/oracle-logo.svg\" alt=\"Oracle\"></a></p>")]
    public async Task AnAcknowledgementSectionInAnyCatalogueLanguageCreditsItsOrganisations(string body)
        => Assert.Equal(["oracle"], await BrandsClaimedAsync(body));

    // dromara/carbon's Korean and Japanese READMEs: a sponsor section ("buy the developer a coffee"), then the
    // acknowledgement of a free JetBrains licence with the logo linked to jetbrains.com, then the licence section.
    [Theory]
    [InlineData("<h2>스폰서</h2><p><code>Carbon</code>은 비상업적 오픈소스 프로젝트입니다. <a href=\"https://carbon.example/ko/sponsor.html\">커피 한 잔을 사주세요</a>.</p>" +
                "<h2>감사의 말</h2><p><code>Carbon</code>은 JetBrains 오픈소스 라이선스의 무료 GoLand로 개발되었습니다. 여기서 감사의 말을 전하고 싶습니다.</p>" +
                "<a href=\"https://www.jetbrains.com\" target=\"_blank\"><img src=\"https://carbon.example/jetbrains.svg?v=2.6.x\" height=\"50\" alt=\"JetBrains\"/></a>" +
                "<h2>라이선스</h2><p><code>Carbon</code>은 <code>MIT</code> 라이선스 하에 제공됩니다.</p>")]
    [InlineData("<h2>スポンサー</h2><p><code>Carbon</code> は非営利のオープンソースプロジェクトです，<a href=\"https://carbon.example/ja/sponsor.html\">コーヒーを1杯購入</a> できます</p>" +
                "<h2>謝辞</h2><p><code>Carbon</code> は無料の JetBrains オープンソースライセンスを取得しました，これに感謝します</p>" +
                "<a href=\"https://www.jetbrains.com\" target=\"_blank\"><img src=\"https://carbon.example/jetbrains.svg?v=2.6.x\" height=\"50\" alt=\"JetBrains\"/></a>" +
                "<h2>オープンソースプロトコル</h2><p><code>Carbon</code> は <code>MIT</code> オープンソースプロトコルに準拠しています</p>")]
    public async Task AReadmeAcknowledgementOfALicenceCreditsTheVendor(string body)
    {
        var collector = WithJetBrains.Value.BeginSite();
        var html = $"<!DOCTYPE html><html><head><title>Carbon</title></head><body><article>{body}</article></body></html>";
        await collector.AddPageAsync(await ParseAsync(new Uri("http://site.test/"), System.Text.Encoding.UTF8.GetBytes(html), "utf-8"), CancellationToken.None);
        Assert.Equal(["jetbrains"], collector.Complete().Select(c => c.BrandId).ToArray());
    }

    private static readonly Lazy<PartnerWatch.Detect.ClaimDetector> WithJetBrains =
        new(() => new PartnerWatch.Detect.ClaimDetector(new PartnerWatch.Config.PartnerWatchOptions { Brands = [.. Brands, Brand("jetbrains", "JetBrains", [], ["jetbrains.com"])] }));

    [Theory]
    // More than "Thanks": a heading that is a sentence is not a section name.
    [InlineData("<h2>Thanks for reading our Oracle migration guide</h2><p>Next, we move the data to Oracle.</p>")]
    [InlineData("<h2>Thanks</h2><p>Thanks for reading!</p><h3>Setup</h3><p>Point the driver at your Oracle database.</p>")]
    // The sentence's own incidental words still win inside an acknowledgement section.
    [InlineData("<h2>Thanks</h2><p>The test suite runs on Oracle Linux.</p>")]
    public async Task ThanksThatIsNotASectionNameOrIsAboutAPlatformClaimsNothing(string body)
        => Assert.Empty(await BrandsClaimedAsync(body));

    [Fact]
    public async Task AListOfCompaniesUsingTheProjectIsAUsersWall()
    {
        const string body = "<h2>Companies &amp; Projects Using Git</h2><ul>" +
                            "<li><a href=\"https://github.com/google\" style=\"text-indent:-9999px\">Google</a></li>" +
                            "<li><a href=\"https://github.com/Microsoft\" style=\"text-indent:-9999px\">Microsoft</a></li>" +
                            "<li><a href=\"https://github.com/linkedin\">LinkedIn</a></li></ul>";
        Assert.Equal(["google", "linkedin", "microsoft"], await BrandsClaimedAsync(body));
    }

    [Fact]
    public async Task ATablistLabelledCompaniesUsingTheProjectIsAUsersWall()
    {
        const string body = "<h2>Opinions</h2><div class=\"opinions\"><div role=\"tablist\" aria-label=\"Companies using FastAPI\">" +
                            "<button role=\"tab\" aria-selected=\"true\"><span><img src=\"img/logos/microsoft.svg\" alt=\"Microsoft\"></span></button>" +
                            "<button role=\"tab\" aria-selected=\"false\"><span><img src=\"img/logos/cisco.svg\" alt=\"Cisco\"></span></button></div>" +
                            "<div role=\"tabpanel\"><blockquote>We use it for all our ML services.</blockquote></div></div>";
        Assert.Equal(["cisco", "microsoft"], await BrandsClaimedAsync(body));
    }

    [Fact]
    public async Task ALogoRowAfterACollaborationLeadNamesTheCollaborators()
    {
        const string body = "<div class=\"logo section_padding\"><div class=\"community_title\"><h2>Contributed by the community, in collaboration with</h2></div>" +
                            "<div class=\"marquee\"><div class=\"ind_logo\"><img src=\"img/community_logos/msft_light.svg\" alt=\"Microsoft Logo\" title=\"Microsoft Logo\"></div>" +
                            "<div class=\"ind_logo\"><img src=\"img/community_logos/redhat_light.svg\" alt=\"Redhat Logo\" title=\"Redhat Logo\"></div></div></div>" +
                            "<h2>What is ORAS?</h2><p>Store artifacts in Microsoft Azure Container Registry or in Red Hat Quay.</p>";
        Assert.Equal(["microsoft", "redhat"], await BrandsClaimedAsync(body));
    }

    // oras.land's Adopters page: the registries a tool works with, in a card grid whose images live under img/adopters/.
    [Fact]
    public async Task ProductsSupportingAFormatAreACompatibilityListEvenOnAnAdoptersPage()
    {
        const string body = "<h1>Adopters</h1><div class=\"regsitries section_padding\"><h1>Registries supporting OCI Artifacts</h1></div><div class=\"registrycards\">" +
                            "<div class=\"container\"><a href=\"https://cloud.google.com/artifact-registry\" class=\"card\"><div class=\"imageWrapper\">" +
                            "<img src=\"../img/adopters/google_light.svg\" title=\"Google Artifact Registry\"></div><div class=\"content\"><div class=\"title\"><h4>Google Artifact Registry</h4></div>" +
                            "<p class=\"description\">Store, manage and secure your container images.</p></div></a></div>" +
                            "<div class=\"container\"><a href=\"https://www.oracle.com/cloud/registry/\" class=\"card\"><div class=\"imageWrapper\">" +
                            "<img src=\"../img/adopters/oracle_light.svg\" title=\"Oracle Container Registry\"></div><div class=\"content\"><div class=\"title\"><h4>Oracle Container Registry</h4></div>" +
                            "<p class=\"description\">A managed registry built on open standards.</p></div></a></div></div>";
        Assert.Empty(await BrandsClaimedAsync(body));
    }

    [Theory]
    [InlineData("<h2>Companies</h2><p>Oracle and Microsoft announced a new cloud region.</p>")]
    [InlineData("<h2>Using Oracle with Acme</h2><p>Connect Acme to your Oracle database.</p>")]
    public async Task AHeadingWithoutTheUsersShapeClaimsNothing(string body)
        => Assert.Empty(await BrandsClaimedAsync(body));
}
