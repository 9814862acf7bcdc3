using static PartnerWatch.Tests.Detect.DetectionHarness;

namespace PartnerWatch.Tests.Detect;

/// <summary>Brand names written across inline tags, in traditional Chinese, or next to Japanese particles.</summary>
public sealed class NamesAcrossMarkupAndScriptsTests
{
    [Theory]
    [InlineData("<h2>Partners</h2><p>Micro<b>soft</b></p>", "microsoft")]
    [InlineData("<p>We are a <span>Red</span> <span>Hat</span> Ready Partner.</p>", "redhat")]
    [InlineData("<h2>Unsere Kunden</h2><ul><li><strong>S</strong>AP SE</li><li>Dell <em>Technologies</em></li></ul>", "dell,sap")]
    public async Task NameSplitByInlineMarkupIsJoined(string body, string expected)
        => Assert.Equal(expected.Split(','), await BrandsClaimedAsync(body));

    [Fact]
    public async Task CellsOfAListAreNotJoinedIntoOneWord()
    {
        // "Red" and "Hat" in two list items are two words, not the brand.
        Assert.Empty(await BrandsClaimedAsync("<h2>Partners</h2><ul><li>Red</li><li>Hat</li></ul>"));
    }

    [Theory]
    [InlineData("<h2>Partners</h2><p><b>Intel</b>ligent Robotics Lab</p>")]
    [InlineData("<h2>Our customers</h2><p>Hospital <em>Dell</em>wood Clinic</p>")]
    public async Task NameGluedToTheNextTagsLettersIsPartOfALongerWord(string body)
        => Assert.Empty(await BrandsClaimedAsync(body));

    [Fact]
    public async Task KoreanParticleInTheNextTagDoesNotGlue()
        => Assert.Equal(["samsung"], await BrandsClaimedAsync("<h2>고객사</h2><p><b>삼성</b>과 함께합니다</p>"));

    [Theory]
    [InlineData("<h2>合作夥伴</h2><p>微軟、華為</p>", "huawei,microsoft")]
    [InlineData("<h2>客戶</h2><ul><li>戴爾</li><li>英特爾</li></ul>", "dell,intel")]
    [InlineData("<p>本網站由阿里雲提供技術支援。</p>", "alibabacloud")]
    public async Task TraditionalChineseMatchesSimplifiedAliases(string body, string expected)
        => Assert.Equal(expected.Split(','), await BrandsClaimedAsync(body));

    [Theory]
    [InlineData("<h2>客戶端下載</h2><p>微軟 Windows 版</p>")]
    [InlineData("<h2>合作夥伴</h2><p>紅帽子樂隊</p>")]
    public async Task TraditionalChineseNonClaimsStayNonClaims(string body)
        => Assert.Empty(await BrandsClaimedAsync(body));

    [Fact]
    public async Task KatakanaNameAfterAHiraganaParticleIsFound()
        => Assert.Equal(["softbank"], await BrandsClaimedAsync("<p>当社はソフトバンク認定パートナーです。</p>"));

    [Fact]
    public async Task KatakanaNameInsideALongerKatakanaWordIsNot()
        => Assert.Empty(await BrandsClaimedAsync("<h2>パートナー</h2><p>ソフトバンクホークス応援団</p>"));

    [Fact]
    public async Task EvidenceQuotesThePagesOwnTraditionalCharacters()
    {
        var claim = Assert.Single(await DetectAsync("<h2>合作夥伴</h2><p>微軟</p>"));
        Assert.Contains("\"微軟\"", claim.Evidence[0].Detail, StringComparison.Ordinal);
        Assert.Contains("合作夥伴", claim.Evidence[0].Context, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeeplyNestedInlineMarkupIsBoundedAndStillJoined()
    {
        // A hostile page: thousands of nested inline tags in one block; the join walks a bounded number of nodes.
        var open = string.Concat(Enumerable.Repeat("<span>", 3000));
        var close = string.Concat(Enumerable.Repeat("</span>", 3000));
        var claims = await BrandsClaimedAsync($"<h2>Partners</h2><p>Micro{open}soft{close}</p>");
        Assert.Equal(["microsoft"], claims);
    }
}
