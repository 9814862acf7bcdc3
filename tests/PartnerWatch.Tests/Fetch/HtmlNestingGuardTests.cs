using PartnerWatch.Fetch;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Fetch;

public sealed class HtmlNestingGuardTests
{
    [Fact]
    public void OrdinaryPageIsKeptWhole()
    {
        var html = "<!doctype html><html><head><meta charset=utf-8><style>div > p { color: red }</style></head><body>"
                   + string.Concat(Enumerable.Repeat("<ul>" + string.Concat(Enumerable.Repeat("<li>item", 2000)) + "</ul>", 3))
                   + "<p>one<p>two<br><img src=x.png><!-- <div><div> --></body></html>";
        Assert.Equal(html.Length, HtmlNestingGuard.SafeLength(html));
    }

    [Fact]
    public void HostileNestingIsCutAtTheLimit()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "x";
        var safe = HtmlNestingGuard.SafeLength(html);
        Assert.True(safe < html.Length);
        Assert.Equal(HtmlNestingGuard.MaxDepth, html[..safe].Split("<div>").Length - 1);
    }

    [Fact]
    public async Task DeeplyNestedPageIsScannedUpToTheLimitAndReported()
    {
        var body = "<h1>Partners</h1><img alt=\"Cisco\" src=a.png>" + string.Concat(Enumerable.Repeat("<div>", 50_000)) + "deep";
        await using var server = await LoopbackHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = FixtureResponse.Html("<html><body>" + body + "</body></html>"),
        });
        await using var provider = FetchTestHost.Create();

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        Assert.Single(steps.Pages());
        Assert.Contains(steps.Errors(), e => e.Message.Contains("nested more than 512"));
    }
}
