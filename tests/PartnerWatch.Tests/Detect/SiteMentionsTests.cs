using System.Text;
using PartnerWatch.Config;
using PartnerWatch.Detect;

namespace PartnerWatch.Tests.Detect;

/// <summary>
/// What the collector reports as seen but not claimed (<c>scan --mentions</c>): the brands with a signal and no claim,
/// bounded per site, with the claims exactly what they are without it.
/// </summary>
public sealed class SiteMentionsTests
{
    // 60 brands named in the prose of a news article, one more under a partners heading.
    private static readonly List<BrandOptions> Brands =
        Enumerable.Range(1, 61).Select(i => DetectionHarness.Brand($"b{i:00}", $"Quorvex{i:00}", [], [])).ToList();

    private static string Html()
    {
        var prose = string.Join(" ", Enumerable.Range(1, 60).Select(i => $"Quorvex{i:00} builds software."));
        return $"""
            <!DOCTYPE html><html><head><title>Acme</title></head><body>
            <h1>Acme</h1><section><h2>Our partners</h2><ul><li>Quorvex61</li></ul></section>
            <section><h2>What we do</h2><p>{prose}</p></section>
            <footer><a href="https://example.test/">Quorvex07</a></footer>
            </body></html>
            """;
    }

    private static async Task<SiteClaimCollector> CollectAsync(bool recordMentions)
    {
        var collector = DetectionHarness.Detector(Brands).BeginSite(recordMentions);
        var page = await DetectionHarness.ParseAsync(new Uri("http://site.test/"), Encoding.UTF8.GetBytes(Html()), "utf-8");
        await collector.AddPageAsync(page, CancellationToken.None);
        return collector;
    }

    [Fact]
    public async Task BrandsSeenButNotClaimedAreListedBoundedAndTheClaimsStayTheSame()
    {
        var recorded = await CollectAsync(recordMentions: true);
        var plain = await CollectAsync(recordMentions: false);

        var claims = recorded.Complete();
        Assert.Equal("b61", Assert.Single(claims).BrandId);
        Assert.Equivalent(plain.Complete(), claims, strict: true);

        var mentions = recorded.Mentions();
        Assert.Equal(SiteClaimCollector.MaxMentionsPerSite, mentions.Count);
        Assert.DoesNotContain(mentions, m => m.Brand == "b61");
        Assert.All(mentions, m =>
        {
            Assert.InRange(m.Confidence, 0.0, 0.49);
            Assert.InRange(m.Strongest.Count, 1, SiteClaimCollector.MaxMentionCues);
            Assert.StartsWith("none: ", m.Strongest[0].Context, StringComparison.Ordinal);
        });
        // Most confident first: a brand also in the footer link has two signals and ranks by its count among equals.
        Assert.Equal(mentions.OrderByDescending(m => m.Confidence).Select(m => m.Confidence), mentions.Select(m => m.Confidence));
        var footer = Assert.Single(mentions, m => m.Brand == "b07");
        Assert.Equal(2, footer.Signals);
        Assert.Equal(1, Assert.Single(footer.Dropped).Value);
        Assert.Contains(footer.Strongest, c => c.Context.StartsWith("negative: <footer>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NothingIsRecordedUnlessAskedFor()
    {
        var plain = await CollectAsync(recordMentions: false);

        Assert.Empty(plain.Mentions());
    }
}
