using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PartnerWatch.Fetch;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Fetch;

public sealed class SsrfGuardTests
{
    private static readonly IPAddress SecondLoopback = IPAddress.Parse("127.0.0.2");

    /// <summary>Treats 127.0.0.2 as "private" and everything else as public, and counts what it was asked.</summary>
    private sealed class SecondLoopbackIsPrivatePolicy : IAddressPolicy
    {
        public ConcurrentQueue<IPAddress> Asked { get; } = new();

        public string? RefusalReason(IPAddress address)
        {
            Asked.Enqueue(address);
            return address.Equals(SecondLoopback) ? "a test-private address" : null;
        }
    }

    private static Dictionary<string, FixtureResponse> Page(string html = "<html><body>hello</body></html>") =>
        new() { ["/"] = FixtureResponse.Html(html) };

    [Fact]
    public async Task DefaultOptionsRefuseLoopbackWithAClearMessage()
    {
        await using var server = await BoundHttpServer.StartAsync(Page());
        await using var provider = FetchTestHost.Create(allowPrivateNetworks: false);

        var steps = await provider.CrawlAsync(server.BaseUri, FetchTestHost.Watchdog());

        var error = Assert.Single(steps.Errors());
        Assert.Empty(steps.Pages());
        Assert.Equal("refused: 127.0.0.1 is a loopback address; set PartnerWatch:Fetch:AllowPrivateNetworks=true to allow", error.Message);
        Assert.Equal(0, server.Connections);
        Assert.Empty(server.Requests);
    }

    public static TheoryData<string> LoopbackSpellings => new()
    {
        "http://2130706433:{port}/",
        "http://0x7f000001:{port}/",
        "http://127.1:{port}/",
        "http://0177.0.0.1:{port}/",
        "http://127.000.000.001:{port}/",
        "http://localhost:{port}/",
        "http://LocalHost:{port}/",
        "http://[::ffff:127.0.0.1]:{port}/",
        "http://[::ffff:7f00:1]:{port}/",
    };

    [Theory]
    [MemberData(nameof(LoopbackSpellings))]
    public async Task OddSpellingOfLoopbackIsRefused(string spelling)
    {
        await using var server = await BoundHttpServer.StartAsync(Page());
        await using var provider = FetchTestHost.Create(allowPrivateNetworks: false);
        var url = new Uri(spelling.Replace("{port}", server.Port.ToString()));

        var steps = await provider.CrawlAsync(url, FetchTestHost.Watchdog());

        var error = Assert.Single(steps.Errors());
        Assert.StartsWith("refused: ", error.Message);
        Assert.Contains("loopback", error.Message);
        Assert.Equal(0, server.Connections);
    }

    /// <summary>The control for the test above: each spelling really does reach the loopback server when allowed.</summary>
    [Theory]
    [MemberData(nameof(LoopbackSpellings))]
    public async Task OddSpellingOfLoopbackReachesTheServerWhenPrivateNetworksAreAllowed(string spelling)
    {
        await using var server = await BoundHttpServer.StartAsync(Page());
        await using var provider = FetchTestHost.Create(allowPrivateNetworks: true);
        var url = new Uri(spelling.Replace("{port}", server.Port.ToString()));

        var steps = await provider.CrawlAsync(url, FetchTestHost.Watchdog());

        Assert.Empty(steps.Errors());
        Assert.Single(steps.Pages());
        Assert.Equal(["/"], server.Requests);
    }

    [Fact]
    public async Task RedirectToPrivateAddressIsRefusedAndTheTargetSeesNothing()
    {
        await using var target = await BoundHttpServer.StartAsync(SecondLoopback, Page("<p>internal secrets</p>"));
        await using var site = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/"] = FixtureResponse.Redirect(target.Url("/admin").ToString()),
        });
        var policy = new SecondLoopbackIsPrivatePolicy();
        await using var provider = FetchTestHost.Create(allowPrivateNetworks: false, policy: policy);
        var fetcher = provider.GetRequiredService<WebFetcher>();

        // GetResourceAsync follows redirects to any host (images live on CDNs), so only the guard stands in the way.
        var failure = await Assert.ThrowsAsync<FetchFailedException>(
            () => fetcher.GetResourceAsync(site.BaseUri, 100_000, FetchTestHost.Watchdog()));

        Assert.StartsWith("refused: 127.0.0.2 is a test-private address", failure.Message);
        Assert.Contains(target.Url("/admin").ToString(), failure.Message);
        Assert.Equal(["/"], site.Requests);
        Assert.Equal(0, target.Connections);
        Assert.Empty(target.Requests);
    }

    [Fact]
    public async Task ImageRedirectToPrivateAddressIsRefused()
    {
        await using var target = await BoundHttpServer.StartAsync(SecondLoopback, new Dictionary<string, FixtureResponse>
        {
            ["/logo.png"] = new(200, "image/png", [1, 2, 3]),
        });
        await using var site = await BoundHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/img/logo.png"] = FixtureResponse.Redirect(target.Url("/logo.png").ToString()),
        });
        await using var provider = FetchTestHost.Create(allowPrivateNetworks: false, policy: new SecondLoopbackIsPrivatePolicy());
        var fetcher = provider.GetRequiredService<WebFetcher>();

        var failure = await Assert.ThrowsAsync<FetchFailedException>(
            () => fetcher.GetResourceAsync(site.Url("/img/logo.png"), 1000, FetchTestHost.Watchdog()));

        Assert.StartsWith("refused: 127.0.0.2", failure.Message);
        Assert.Equal(0, target.Connections);
    }

    [Fact]
    public async Task RefusedConnectionIsNotRetried()
    {
        await using var target = await BoundHttpServer.StartAsync(SecondLoopback, Page());
        var policy = new SecondLoopbackIsPrivatePolicy();
        await using var provider = FetchTestHost.Create(allowPrivateNetworks: false, configure: o => o.MaxRetries = 3, policy: policy);

        var steps = await provider.CrawlAsync(target.BaseUri, FetchTestHost.Watchdog());

        var error = Assert.Single(steps.Errors());
        Assert.DoesNotContain("attempts", error.Message);
        Assert.Equal([SecondLoopback], policy.Asked.ToArray());
        Assert.Equal(0, target.Connections);
    }

    [Fact]
    public async Task AllowedAddressIsStillFetchedUnderACustomPolicy()
    {
        await using var site = await BoundHttpServer.StartAsync(Page());
        await using var provider = FetchTestHost.Create(allowPrivateNetworks: false, policy: new SecondLoopbackIsPrivatePolicy());

        var steps = await provider.CrawlAsync(site.BaseUri, FetchTestHost.Watchdog());

        Assert.Single(steps.Pages());
        Assert.Empty(steps.Errors());
    }
}
