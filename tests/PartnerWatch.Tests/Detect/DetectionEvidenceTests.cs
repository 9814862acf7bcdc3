using PartnerWatch.Config;
using PartnerWatch.Detect;
using PartnerWatch.Domain;
using static PartnerWatch.Tests.Detect.DetectionHarness;

namespace PartnerWatch.Tests.Detect;

public sealed class DetectionEvidenceTests
{
    [Fact]
    public async Task EvidenceSaysWhichSignalFiredAndWhichContextDecided()
    {
        var claim = Assert.Single(await DetectAsync("<section><h2>Technology partners</h2><img src=\"img/logos/microsoft-logo.png\" alt=\"Microsoft Azure\"></section>"));
        Assert.Equal("microsoft", claim.BrandId);
        var alt = Assert.Single(claim.Evidence, e => e.Detail.StartsWith("alt", StringComparison.Ordinal));
        Assert.Equal(EvidenceKind.LogoText, alt.Kind);
        Assert.Equal("heading \"Technology partners\"", alt.Context);
        Assert.Equal("http://site.test/page0.html", alt.PageUrl);
        Assert.Equal("http://site.test/img/logos/microsoft-logo.png", alt.ImageUrl);
        Assert.Contains(claim.Evidence, e => e.Detail.StartsWith("file name", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SeveralKindsOfEvidenceRaiseConfidence()
    {
        var one = Assert.Single(await DetectAsync("<h2>Partners</h2><p><img src=\"x.png\" alt=\"Cisco\"></p>"));
        var two = Assert.Single(await DetectAsync("<h2>Partners</h2><p><a href=\"https://www.cisco.com/\"><img src=\"x.png\" alt=\"Cisco\"></a> Cisco</p>"));
        Assert.True(two.Confidence > one.Confidence, $"{two.Confidence} should exceed {one.Confidence}");
        Assert.True(two.Confidence <= 0.99);
    }

    [Fact]
    public async Task EvidenceIsAggregatedOverAllPagesOfTheSite()
    {
        var claims = await DetectAsync("<h2>Partners</h2><p><img src=\"a.png\" alt=\"Cisco\"></p>", "<h2>Our clients</h2><p>Cisco</p>");
        var claim = Assert.Single(claims);
        Assert.Equal(["http://site.test/page0.html", "http://site.test/page1.html"], claim.Evidence.Select(e => e.PageUrl).Distinct().Order());
    }

    [Fact]
    public async Task ThresholdDecidesWhatIsReported()
    {
        var strict = new ClaimDetector(new PartnerWatchOptions { Brands = Brands, Detection = { ClaimThreshold = 0.95 } });
        var collector = strict.BeginSite();
        var html = "<html><body><h2>Partners</h2><p><img src=\"a.png\" alt=\"Cisco\"></p></body></html>";
        await collector.AddPageAsync(await ParseAsync(new Uri("http://site.test/"), System.Text.Encoding.UTF8.GetBytes(html), "utf-8"), CancellationToken.None);
        Assert.Empty(collector.Complete());
    }

    [Fact]
    public async Task SnippetsAreBounded()
    {
        var longText = string.Concat(Enumerable.Repeat("word ", 2000));
        var claim = Assert.Single(await DetectAsync($"<h2>Partners</h2><p>{longText} Cisco {longText}</p>"));
        Assert.All(claim.Evidence, e => Assert.True((e.Snippet?.Length ?? 0) <= 200, $"snippet of {e.Snippet?.Length} chars"));
        Assert.All(claim.Evidence, e => Assert.Contains("Cisco", e.Snippet));
    }

    [Fact]
    public async Task DeeplyNestedHostilePageDoesNotCrash()
    {
        var body = string.Concat(Enumerable.Repeat("<div>", 5000)) + "<h2>Partners</h2><p>Cisco</p>" + string.Concat(Enumerable.Repeat("</div>", 5000));
        var claims = await DetectAsync(body);
        Assert.True(claims.Count <= 1);
    }

    [Fact]
    public async Task EmptyPageYieldsNoClaims() => Assert.Empty(await DetectAsync("", "<html></html>"));

    [Fact]
    public async Task GbkPageDeclaredByMetaIsDecoded()
    {
        var html = "<html><head><meta charset=\"gbk\"></head><body><h2>合作伙伴</h2><p>华为、英特尔</p></body></html>";
        var bytes = System.Text.Encoding.GetEncoding(936).GetBytes(html);
        var collector = Detector().BeginSite();
        await collector.AddPageAsync(await ParseAsync(new Uri("http://site.test/"), bytes, CharsetOf("/nonexistent/index.html", bytes)), CancellationToken.None);
        Assert.Equal(["huawei", "intel"], collector.Complete().Select(c => c.BrandId).Order());
    }

    [Fact]
    public async Task ImageMatcherSeamTurnsMatchesIntoLogoImageEvidenceWeightedByContext()
    {
        var matcher = new RecordingImageMatcher("intel");
        var collector = Detector(imageMatchers: [matcher]).BeginSite();
        var html = "<html><body><h2>Partners</h2><p><img src=\"img/p1.png\"><svg viewBox=\"0 0 4 4\"><rect width=\"4\" height=\"4\"/></svg></p>" +
                   "<footer><div class=\"social\"><img src=\"img/s.png\"></div></footer></body></html>";
        await collector.AddPageAsync(await ParseAsync(new Uri("http://site.test/"), System.Text.Encoding.UTF8.GetBytes(html), "utf-8"), CancellationToken.None);

        Assert.Equal(3, matcher.Seen.Count);
        Assert.Contains("<rect", matcher.Seen.Single(i => i.InlineSvg is not null).InlineSvg);
        Assert.False(matcher.Seen.Single(i => i.ImageUrl.AbsolutePath == "/img/p1.png").NegativeContext);
        Assert.True(matcher.Seen.Single(i => i.ImageUrl.AbsolutePath == "/img/s.png").NegativeContext);
        var claim = Assert.Single(collector.Complete());
        Assert.Equal("intel", claim.BrandId);
        Assert.All(claim.Evidence, e => Assert.Equal(EvidenceKind.LogoImage, e.Kind));
        Assert.Contains(claim.Evidence, e => e.ImageUrl == "http://site.test/img/p1.png");
        Assert.DoesNotContain(claim.Evidence, e => e.ImageUrl == "http://site.test/img/s.png");
    }

    private sealed class RecordingImageMatcher(string brandId) : ILogoImageMatcher
    {
        public List<LogoImageCandidate> Seen { get; } = [];

        public ValueTask<IReadOnlyList<LogoImageMatch>> MatchAsync(IReadOnlyList<LogoImageCandidate> images, CancellationToken cancellationToken)
        {
            Seen.AddRange(images);
            IReadOnlyList<LogoImageMatch> matches = images.Select(i => new LogoImageMatch(brandId, i.ImageUrl, "matches refs/intel.png, distance 3/64")).ToList();
            return ValueTask.FromResult(matches);
        }
    }
}
