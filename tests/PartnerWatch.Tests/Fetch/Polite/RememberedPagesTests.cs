using PartnerWatch.Config;
using PartnerWatch.Fetch;

namespace PartnerWatch.Tests.Fetch.Polite;

/// <summary>The page cache stays within its byte budget, least recently used out first, and forgets old or foreign entries.</summary>
public sealed class RememberedPagesTests
{
    private sealed record Findings(long EstimatedBytes, bool MayBeEvidence) : IPageFindings;

    private sealed class Clock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    // The size a page takes is its findings' (no body is kept: the evidence store has it by hash).
    private static RememberedPage Page(string path, int findingsBytes, DateTimeOffset at) =>
        new(new Uri("https://example.com" + path), 200, "\"v1\"", null, "00", 50_000, null, [], [], new Findings(findingsBytes, true), at);

    [Fact]
    public void TheLeastRecentlyUsedPagesLeaveWhenTheBudgetIsFull()
    {
        var clock = new Clock(DateTimeOffset.Parse("2026-12-07T00:00:00Z"));
        var options = new PartnerWatchOptions { Fetch = { PageCacheBytes = 100_000 } };
        var pages = new RememberedPages(options, clock);

        for (var i = 0; i < 20; i++)
        {
            pages.Remember("g", Page($"/p{i}", 10_000, clock.Now));
            Assert.NotNull(pages.Find("g", new Uri("https://example.com/p0"))); // p0 stays in use
        }

        Assert.True(pages.Bytes <= 100_000, $"{pages.Bytes} bytes held");
        Assert.NotNull(pages.Find("g", new Uri("https://example.com/p0")));
        Assert.NotNull(pages.Find("g", new Uri("https://example.com/p19")));
        Assert.Null(pages.Find("g", new Uri("https://example.com/p1")));
    }

    [Fact]
    public void PagesOfAnotherDetectionSetupOrPastTheirAgeAreNotUsed()
    {
        var clock = new Clock(DateTimeOffset.Parse("2026-12-07T00:00:00Z"));
        var options = new PartnerWatchOptions { Fetch = { PageCacheMaxAge = TimeSpan.FromHours(1) } };
        var pages = new RememberedPages(options, clock);
        pages.Remember("brands-v1", Page("/partners", 1000, clock.Now));

        Assert.Null(pages.Find("brands-v2", new Uri("https://example.com/partners")));
        Assert.NotNull(pages.Find("brands-v1", new Uri("https://example.com/partners")));
        clock.Now += TimeSpan.FromHours(2);
        Assert.Null(pages.Find("brands-v1", new Uri("https://example.com/partners")));
        Assert.Equal(0, pages.Bytes);
    }

    [Fact]
    public void AnEvidencePageIsRememberedByItsHashNotItsBody()
    {
        var clock = new Clock(DateTimeOffset.Parse("2026-12-07T00:00:00Z"));
        var pages = new RememberedPages(new PartnerWatchOptions(), clock);

        // A 200 KB partners page with findings that may be evidence: what is held is its findings, not its 200 KB.
        pages.Remember("g", new RememberedPage(new Uri("https://example.com/partners"), 200, "\"v1\"", null, new string('a', 64), 200_000,
            null, [], [], new Findings(2_000, MayBeEvidence: true), clock.Now));

        Assert.InRange(pages.Bytes, 2_000, 4_000);
    }
}
