using static PartnerWatch.Tests.Detect.DetectionHarness;

namespace PartnerWatch.Tests.Detect;

/// <summary>Markup shapes seen on real company sites (page builders, Chinese CMS templates, sliders).</summary>
public sealed class RealisticMarkupTests
{
    [Fact]
    public async Task PageBuilderWidgetsKeepTheHeadingOfTheirColumn()
        => Assert.Equal(["cisco"], await BrandsClaimedAsync(
            "<div class=\"elementor-widget-wrap\"><div class=\"elementor-element\"><div class=\"elementor-widget-container\"><h2 class=\"elementor-heading-title\">Our Partners</h2></div></div>" +
            "<div class=\"elementor-element\"><div class=\"elementor-widget-container\"><img src=\"/wp-content/uploads/2023/01/cisco-logo-300x150.png\" alt=\"\"></div></div></div>"));

    [Fact]
    public async Task ChineseCmsTitleBlockAndSliderLinks()
        => Assert.Equal(["huawei", "intel"], await BrandsClaimedAsync(
            "<div class=\"index-box\"><div class=\"title\"><span>合作伙伴</span><em>PARTNERS</em></div><div class=\"swiper\"><div class=\"swiper-slide\">" +
            "<a href=\"https://www.huawei.com\" target=\"_blank\"><img src=\"/uploads/5b1e.png\"></a></div><div class=\"swiper-slide\"><img src=\"/uploads/77.png\" alt=\"英特尔\"></div></div></div>"));

    [Fact]
    public async Task FooterColumnHeadedPartnersIsAClaimButFriendlyLinksAreNot()
        => Assert.Equal(["aws"], await BrandsClaimedAsync(
            "<footer><div class=\"col\"><h4>Partners</h4><ul><li><a href=\"https://aws.amazon.com/\">AWS</a></li></ul></div>" +
            "<div class=\"col\"><h4>友情链接</h4><ul><li><a href=\"https://www.aliyun.com/\">阿里云</a></li></ul></div></footer>"));

    [Fact]
    public async Task HomePageNewsListIsNotAClaimEvenWithPartnershipWords()
        => Assert.Empty(await BrandsClaimedAsync(
            "<section><h2>Latest news</h2><ul><li><a href=\"news.html\">Acme and Microsoft sign partnership agreement</a></li></ul></section>" +
            "<div class=\"news-list\"><a href=\"#\">华为与本公司达成战略合作</a></div>"));

    [Fact]
    public async Task PartnerBadgeInTheSiteHeaderIsAClaim()
        => Assert.Equal(["microsoft"], await BrandsClaimedAsync(
            "<header><a href=\"/\"><img src=\"logo.png\" alt=\"Acme\"></a><img src=\"badge.svg\" alt=\"Microsoft Solutions Partner\"></header>"));

    [Fact]
    public async Task SocialIconsAsInlineSvgInTheFooterAreNotClaims()
        => Assert.Empty(await BrandsClaimedAsync(
            "<footer><a href=\"https://www.linkedin.com/company/acme\"><svg><title>LinkedIn</title><path d=\"M0 0\"/></svg></a>" +
            "<a href=\"https://www.facebook.com/acme\" aria-label=\"Facebook\"><svg><path d=\"M0 0\"/></svg></a></footer>"));

    [Fact]
    public async Task PaymentMethodLogosAreNotClaims()
        => Assert.Empty(await BrandsClaimedAsync(
            "<div class=\"payment-methods\"><img src=\"visa.png\" alt=\"Visa\"><img src=\"apple-pay.png\" alt=\"Apple Pay\"><img src=\"gpay.png\" alt=\"Google Pay\"></div>"));

    [Fact]
    public async Task TestimonialFromACustomerIsAClaim()
        => Assert.Equal(["dell"], await BrandsClaimedAsync(
            "<section class=\"testimonials\"><h2>What our customers say</h2><blockquote>“Rollout took two weeks.”<cite>— Jane Roe, CIO, Dell Technologies</cite></blockquote></section>"));
}
