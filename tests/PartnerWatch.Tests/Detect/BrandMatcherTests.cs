using PartnerWatch.Detect;

namespace PartnerWatch.Tests.Detect;

public sealed class BrandMatcherTests
{
    private readonly BrandMatcher _matcher = new(DetectionHarness.Brands);

    private string[] Find(string text, string? topic = null)
        => _matcher.FindInText(TextNormalizer.Normalize(text), topic).Select(h => h.BrandId).ToArray();

    [Fact]
    public void FullWidthNameIsFoundAfterNfkc() => Assert.Equal(["nvidia"], Find("ＮＶＩＤＩＡ"));

    [Fact]
    public void ZeroWidthCharactersInsideANameAreIgnored()
        => Assert.Equal(["microsoft", "redhat"], Find("Micro\u200Bsoft and Red\u00A0H\u200Dat"));

    [Theory]
    [InlineData("Intelligent automation")]
    [InlineData("IBMers meet")]
    [InlineData("Ciscoesque design")]
    [InlineData("Microsoftware")]
    public void NameInsideALongerWordIsNotFound(string text) => Assert.Empty(Find(text));

    [Theory]
    [InlineData("Centre de recerca en Intel·ligència Artificial")]
    [InlineData("Màster en Intel·ligència de Negoci")]
    public void CatalanGeminateLKeepsTheWordWhole(string text) => Assert.Empty(Find(text));

    [Fact]
    public void InterpunctBetweenWordsStillSeparatesNames() => Assert.Equal(["intel", "ibm"], Find("Intel · IBM·"));

    [Fact]
    public void NameNextToChineseTextIsFound() => Assert.Equal(["microsoft"], Find("与Microsoft合作"));

    [Fact]
    public void LowercaseNameThatIsNotACommonWordMatches() => Assert.Equal(["salesforce"], Find("we use salesforce daily"));

    [Fact]
    public void TwoWordsThatSpellABrandAreNotTheBrand() => Assert.Empty(Find("Our sales force visits farmers"));

    [Theory]
    [InlineData("the sap rises in spring")]
    [InlineData("Sap from maple trees")]
    public void AcronymMustBeWrittenInCapitals(string text) => Assert.Empty(Find(text));

    [Fact]
    public void AcronymInCapitalsMatches() => Assert.Equal(["sap"], Find("SAP Silver Partner"));

    [Theory]
    [InlineData("a glass of apple juice")]
    [InlineData("the oracle said")]
    [InlineData("add meta tags")]
    [InlineData("Meta-analysis of trials")]
    [InlineData("Apple trees line the lane")]
    public void CommonWordAliasNeedsCapitalAndTheBrandSense(string text) => Assert.Empty(Find(text));

    [Fact]
    public void CapitalisedCommonWordAliasMatches() => Assert.Equal(["apple", "oracle"], Find("Apple and Oracle"));

    [Theory]
    [InlineData("我们提供高通量测序服务")]
    [InlineData("慧思科技有限公司")]
    [InlineData("采用高通滤波器")]
    public void CjkAliasInsideALongerWordIsNotFound(string text) => Assert.Empty(Find(text));

    [Theory]
    [InlineData("与思科合作", "cisco")]
    [InlineData("思科技术支持", "cisco")]
    [InlineData("战略合作伙伴：高通、英伟达", "qualcomm")]
    public void CjkAliasAsAWordIsFound(string text, string brand) => Assert.Contains(brand, Find(text));

    [Fact]
    public void OracleBoneScriptIsNotOracleOnAnOracleBonePage()
        => Assert.Empty(Find("合作单位：甲骨文研究中心", topic: "殷墟甲骨文研究院 | 项目介绍"));

    [Fact]
    public void JiaguwenIsOracleOnACompanyPage() => Assert.Contains("oracle", Find("合作伙伴：甲骨文、华为", topic: "某某软件公司"));

    [Fact]
    public void KatakanaAliasInsideALongerKatakanaWordIsNotFound()
    {
        Assert.Empty(Find("ネオソフトバンクス"));
        Assert.Equal(["softbank"], Find("取引先：ソフトバンク株式会社"));
    }

    [Theory]
    [InlineData("/img/logos/microsoft-logo.png", "microsoft")]
    [InlineData("img/partner/redhat.png", "redhat")]
    [InlineData("logo_red_hat.svg?v=3", "redhat")]
    [InlineData("https://cdn.test/a/aws2.png", "aws")]
    [InlineData("/u/%E5%8D%8E%E4%B8%BA.png", "huawei")]
    [InlineData("dell-technologies.png", "dell")]
    public void FileNameNamesBrand(string url, string brand) => Assert.Equal(brand, _matcher.FindInFileName(url)?.BrandId);

    [Theory]
    [InlineData("/img/a8f3c1.png")]
    [InlineData("/img/sapphire.png")]
    [InlineData("/img/intelligence.png")]
    [InlineData("data:image/png;base64,aWJt")]
    public void OpaqueOrUnrelatedFileNameNamesNothing(string url) => Assert.Null(_matcher.FindInFileName(url));

    [Theory]
    [InlineData("www.redhat.com", "redhat")]
    [InlineData("developer.apple.com", "apple")]
    [InlineData("aws.amazon.com", "aws")]
    [InlineData("REDHAT.COM.", "redhat")]
    public void HostOfBrandDomainOrSubdomainIsFound(string host, string brand) => Assert.Equal(brand, _matcher.FindByHost(host)?.BrandId);

    [Theory]
    [InlineData("notredhat.com")]
    [InlineData("redhat.com.evil.test")]
    [InlineData("amazon.com")]
    public void LookalikeHostIsNotTheBrand(string host) => Assert.Null(_matcher.FindByHost(host));

    [Fact]
    public void EmptyBrandListMatchesNothing()
    {
        var matcher = new BrandMatcher([]);
        Assert.Empty(matcher.FindInText("Microsoft"));
        Assert.Null(matcher.FindInFileName("microsoft.png"));
        Assert.Null(matcher.FindByHost("microsoft.com"));
    }
}
