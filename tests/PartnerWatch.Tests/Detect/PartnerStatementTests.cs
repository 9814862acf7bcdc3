using static PartnerWatch.Tests.Detect.DetectionHarness;

namespace PartnerWatch.Tests.Detect;

/// <summary>A partner word in running text makes a claim only when the brand is what the partner word is about.</summary>
public sealed class PartnerStatementTests
{
    [Theory]
    [InlineData("<p>Bergen Energy is an AWS Advanced Consulting Partner.</p>", "aws")]
    [InlineData("<p>Our partners include Microsoft, Cisco and Dell.</p>", "cisco,dell,microsoft")]
    [InlineData("<p>Somos parceiro certificado Google Cloud.</p>", "google")]
    [InlineData("<p>当社はソフトバンクの認定パートナーです。</p>", "softbank")]
    [InlineData("<p>合作伙伴包括华为、英特尔、思科等。</p>", "cisco,huawei,intel")]
    [InlineData("<footer><p>Member of the SAP PartnerEdge program</p></footer>", "sap")]
    [InlineData("<p>Certified Oracle Gold Partner since 2015.</p>", "oracle")]
    [InlineData("<footer><p>Powered by Google Cloud</p><a href=\"https://www.linkedin.com/company/x\"><img src=\"li.png\" alt=\"LinkedIn\"></a>" +
                "<a href=\"https://www.facebook.com/x\"><img src=\"fb.png\" alt=\"Facebook\"></a></footer>", "google")]
    public async Task BrandBoundToThePartnerWordIsClaimed(string body, string expected)
        => Assert.Equal(expected.Split(','), await BrandsClaimedAsync(body));

    [Theory]
    [InlineData("<p>We partner with hospitals using Microsoft Teams to schedule crews.</p>")]
    [InlineData("<p>Our customers are clinics that still run Oracle databases from the 1990s.</p>")]
    [InlineData("<p>Unsere Partner sind Kliniken, die Microsoft Teams nutzen.</p>")]
    [InlineData("<p>我们与使用微软Teams的医院合作。</p>")]
    [InlineData("<p>Nous accompagnons nos clients qui utilisent Salesforce au quotidien.</p>")]
    public async Task BrandInAnotherClauseOfAPartnerSentenceIsNotClaimed(string body)
        => Assert.Empty(await BrandsClaimedAsync(body));

    [Fact]
    public async Task BrandNamedInARunningParagraphIsNotClaimed()
        => Assert.Empty(await BrandsClaimedAsync(
            "<h2>About us</h2><p>Many utilities still run Oracle databases, and most of their staff use Microsoft Excel every day.</p>"));
}
