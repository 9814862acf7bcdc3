using static PartnerWatch.Tests.Detect.DetectionHarness;

namespace PartnerWatch.Tests.Detect;

/// <summary>
/// Sponsor walls whose logos are named only by an <c>aria-label</c>/<c>title</c> on a wrapper (<c>&lt;figure&gt;</c>,
/// <c>&lt;li&gt;</c>, a card <c>&lt;div&gt;</c>) or by the vendor domain the logo links to; Arabic (right-to-left) and
/// Turkish, Vietnamese, Indonesian partner vocabularies (issue 10, session 6). Each group holds the near miss.
/// </summary>
public sealed class WrapperLabelsAndLanguagesTests
{
    private const string Hashed = "<img src=\"/img/3f9a2c.png\" alt=\"\">";

    [Theory]
    [InlineData("<figure aria-label=\"Red Hat\">" + Hashed + "</figure>")]
    [InlineData("<figure title=\"Red Hat\">" + Hashed + "</figure>")]
    [InlineData("<ul><li title=\"Red Hat\">" + Hashed + "</li></ul>")]
    [InlineData("<ul><li aria-label=\"Red Hat\"><a href=\"/go/7\">" + Hashed + "</a></li></ul>")]
    [InlineData("<div class=\"card\" aria-label=\"Red Hat\">" + Hashed + "</div>")]
    [InlineData("<div class=\"card\" title=\"Red Hat\"><svg viewBox=\"0 0 10 10\"><path d=\"M0 0h10v10z\"/></svg></div>")]
    [InlineData("<a href=\"https://www.redhat.com/en\">" + Hashed + "</a>")]
    [InlineData("<a href=\"https://www.redhat.com/en/about\"><svg viewBox=\"0 0 10 10\"><path d=\"M0 0h10v10z\"/></svg></a>")]
    [InlineData("<figure>" + Hashed + "<figcaption>Red Hat</figcaption></figure>")]
    public async Task ALogoNamedByItsWrapperOrLinkHostIsClaimedOnASponsorWall(string logo)
        => Assert.Equal(["redhat"], await BrandsClaimedAsync($"<h2>Sponsors</h2><div class=\"grid\">{logo}</div>"));

    [Theory]
    [InlineData("<footer><h4>Sponsored by</h4><div class=\"row\"><a href=\"https://www.redhat.com\">" + Hashed + "</a></div></footer>")]
    [InlineData("<h2>Funding</h2><p class=\"small\">Logos are trademarks of their respective owners and shown with permission.</p><div class=\"grid\"><figure title=\"Red Hat\">" + Hashed + "</figure></div>")]
    [InlineData("<h2>Sponsors</h2><p>Logos are trademarks of their owners</p><div class=\"grid\"><a href=\"https://www.redhat.com\">" + Hashed + "</a></div>")]
    public async Task ASponsorWallSurvivesAFooterAndADisclaimer(string body)
        => Assert.Equal(["redhat"], await BrandsClaimedAsync(body));

    [Theory]
    [InlineData("<h2>Sign in</h2><ul><li title=\"Red Hat\">" + Hashed + "</li></ul>")]
    [InlineData("<h2>Compatible with</h2><div class=\"grid\"><figure aria-label=\"Red Hat\">" + Hashed + "</figure></div>")]
    [InlineData("<h2>Deploy to your cloud</h2><div class=\"grid\"><a href=\"https://www.redhat.com/en\">" + Hashed + "</a></div>")]
    [InlineData("<ul class=\"menu\"><li title=\"Red Hat OpenShift docs\"><a href=\"/docs/openshift\">OpenShift</a></li></ul>")]
    public async Task TheSameWrapperOutsideASponsorWallIsNotAClaim(string body)
        => Assert.Empty(await BrandsClaimedAsync(body));

    [Theory]
    [InlineData("AWS User Group Jaipur")]
    [InlineData("Google Developer Groups Paris")]
    [InlineData("Microsoft Student Club Lyon")]
    public async Task ACommunityGroupNamedAfterAVendorIsNotTheVendor(string alt)
        => Assert.Equal(["redhat"], await BrandsClaimedAsync(
            $"<h2>Community Partners</h2><div class=\"grid\"><img src=\"/img/ug.svg\" alt=\"{alt}\"><img src=\"/img/x.svg\" alt=\"Red Hat\"></div>"));

    private const string Wall = "<ul class=\"items\"><li><img src=\"a.png\" alt=\"红帽\"></li><li><img src=\"b.png\" alt=\"Cisco\"></li></ul>";

    [Theory]
    [InlineData("<h2>شركاء النجاح</h2>")]
    [InlineData("<h2>تحت رعاية</h2>")]
    [InlineData("<h2>الراعي الرسمي</h2>")]
    [InlineData("<h2>شكر وتقدير</h2>")]
    [InlineData("<p>الشركات التي تدعمنا</p>")]
    [InlineData("<h2>موثوق به من قبل</h2>")]
    [InlineData("<h2>داعمونا</h2>")]
    [InlineData("<h2>İş ortaklarımız</h2>")]
    [InlineData("<h2>Sponsorlarımız</h2>")]
    [InlineData("<h2>Đối tác của chúng tôi</h2>")]
    [InlineData("<h2>Nhà tài trợ</h2>")]
    [InlineData("<h2>Mitra kami</h2>")]
    [InlineData("<h2>Didukung oleh</h2>")]
    [InlineData("<h2>후원사</h2>")]
    [InlineData("<h2>Quem usa</h2>")]
    [InlineData("<h2>Con il supporto di</h2>")]
    [InlineData("<h2>Нас поддерживают</h2>")]
    public async Task MorePartnerAndSponsorHeadingsOfCatalogueLanguagesAreClaims(string heading)
        => Assert.Equal(["cisco", "redhat"], await BrandsClaimedAsync(heading + Wall));

    [Fact]
    public async Task AnArabicListSeparatedByArabicCommasBindsEveryName()
        => Assert.Equal(["cisco", "microsoft", "redhat"], await BrandsClaimedAsync("<div dir=\"rtl\" lang=\"ar\"><p>شركاؤنا: Microsoft، Cisco و Red Hat</p></div>"));

    [Theory]
    [InlineData("<p>يستخدم عملاؤنا Microsoft Azure لتشغيل Acme.</p>")]
    [InlineData("<h2>Partners</h2><h3>متوافق مع</h3>")]
    [InlineData("<h2>Partners</h2><h3>Uyumlu platformlar</h3>")]
    [InlineData("<h2>Partners</h2><h3>Tương thích với</h3>")]
    [InlineData("<h2>Partners</h2><h3>Kompatibel dengan</h3>")]
    public async Task IncidentalWordsOfTheseLanguagesStayMentions(string body)
        => Assert.Empty(await BrandsClaimedAsync(body.StartsWith("<h2>", StringComparison.Ordinal) ? body + Wall : body));
}
