using System.Net;
using System.Net.Sockets;
using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PartnerWatch.Config;
using PartnerWatch.Domain;
using PartnerWatch.Fetch;
using PartnerWatch.Hosting;
using PartnerWatch.Scan;

namespace PartnerWatch.Tests.Fetch.Polite;

/// <summary>
/// Whole site scans through the real registrations: a re-scan of an unchanged site costs 304s and finds the same claims;
/// the site's language and proxy reach the wire.
/// </summary>
public sealed class ScanPolitenessTests
{
    private const string Home = """<!DOCTYPE html><html><body><nav><a href="/partner.html">Partner</a></nav><h1>Kessler</h1><p>Sensors since 1998.</p></body></html>""";
    private const string Partners = """<!DOCTYPE html><html><body><h1>Unsere Partner</h1><ul><li><img src="a.png" alt="Cisco"></li></ul></body></html>""";

    private static PartnerWatchOptions Options(Action<FetchOptions>? fetch = null)
    {
        var options = new PartnerWatchOptions
        {
            Brands = [new BrandOptions { Id = "cisco", Name = "Cisco", Domains = ["cisco.com"] }],
            Fetch = { AllowPrivateNetworks = true, MaxRetries = 0, PerHostRequestsPerSecond = 0 },
        };
        options.Fetch.Browser.Mode = BrowserMode.Never;
        fetch?.Invoke(options.Fetch);
        return options;
    }

    private static ServiceProvider Provider(PartnerWatchOptions options, RecordingLoggerProvider? logs = null) =>
        new ServiceCollection().AddLogging(b =>
        {
            b.SetMinimumLevel(logs is null ? LogLevel.Warning : LogLevel.Information);
            if (logs is not null) b.AddProvider(logs);
        }).AddPartnerWatchPipeline(options).BuildServiceProvider();

    private static Task<SiteScanResult> ScanAsync(ServiceProvider provider, SiteOptions site) =>
        provider.GetRequiredService<SiteScanner>().ScanAsync(site, FetchTestHost.Watchdog());

    private static string Describe(SiteScanResult result) => string.Join("\n", result.Claims.Select(c =>
        $"{c.Brand} {c.Status} {c.Confidence} " + string.Join(" | ", c.Evidence.Select(e => $"{e.Kind} {e.PageUrl} {e.Detail} {e.Snippet} {e.Context}"))));

    [Fact]
    public async Task ASecondScanOfAnUnchangedSiteGets304sAndFindsTheSameClaims()
    {
        await using var site = await PoliteSite.StartAsync(new Dictionary<string, string> { ["/"] = Home, ["/partner.html"] = Partners });
        await using var provider = Provider(Options());
        var kessler = new SiteOptions { Id = "kessler", Url = site.BaseUri.ToString() };

        var first = await ScanAsync(provider, kessler);
        var before = site.PageRequests.Count;
        var second = await ScanAsync(provider, kessler);

        Assert.Equal("cisco", Assert.Single(first.Claims).Brand);
        Assert.Equal(Describe(first), Describe(second));
        Assert.Equal(first.PagesScanned, second.PagesScanned);
        Assert.Equal(first.FetchedPages.Select(p => (p.Url, p.Sha256, p.Length)), second.FetchedPages.Select(p => (p.Url, p.Sha256, p.Length)));
        // The second scan asked with the validators of the first and every page answered 304: no body downloaded.
        var again = site.PageRequests.Skip(before).ToList();
        Assert.Equal(2, again.Count);
        Assert.All(again, r => Assert.NotNull(r.IfNoneMatch));
        Assert.All(again, r => Assert.Equal(304, r.Status));
        // The first scan keeps the claim page's bytes for the evidence store; a 304 carries its hash only (the evidence
        // store has the bytes by then: UnchangedEvidenceTests), and the page without findings keeps only its hash.
        Assert.NotNull(first.FetchedPages.Single(p => p.Url.EndsWith("/partner.html")).Html);
        Assert.Null(second.FetchedPages.Single(p => p.Url.EndsWith("/partner.html")).Html);
        Assert.Null(second.FetchedPages.Single(p => p.Url == site.BaseUri.ToString()).Html);
    }

    [Fact]
    public async Task ASiteThatIgnoresRobotsIsScannedInFullAndEveryScanSaysSo()
    {
        await using var site = await PoliteSite.StartAsync(new Dictionary<string, string> { ["/"] = Home, ["/partner.html"] = Partners });
        site.Robots = "User-agent: *\nDisallow: /\n";
        var logs = new RecordingLoggerProvider();
        await using var provider = Provider(Options(), logs);
        var own = new SiteOptions { Id = "own-site", Url = site.BaseUri.ToString(), IgnoreRobots = true };

        var first = await ScanAsync(provider, own);
        await ScanAsync(provider, own);
        var polite = await ScanAsync(provider, new SiteOptions { Id = "polite", Url = site.BaseUri.ToString() });

        Assert.Single(first.Claims);
        Assert.Equal(2, logs.Entries.Count(e => e.Template?.Contains("without reading robots.txt") == true && Equals(e.Properties["Site"], "own-site")));
        // The same host scanned as another site without the override: robots.txt read, nothing fetched, and it says why.
        Assert.True(polite.Failed);
        Assert.Contains("robots.txt disallows it", Assert.Single(polite.Errors).Message);
        Assert.Single(site.Seen, r => r.Path == "/robots.txt");
    }

    [Fact]
    public async Task AChangedPageIsDownloadedAgainAndItsNewContentCounts()
    {
        await using var site = await PoliteSite.StartAsync(new Dictionary<string, string> { ["/"] = Home, ["/partner.html"] = Partners });
        await using var provider = Provider(Options());
        var kessler = new SiteOptions { Id = "kessler", Url = site.BaseUri.ToString() };

        Assert.Single((await ScanAsync(provider, kessler)).Claims);
        site.Set("/partner.html", Partners.Replace("alt=\"Cisco\"", "alt=\"Harbour crane\""));
        var after = await ScanAsync(provider, kessler);

        Assert.Empty(after.Claims);
        Assert.Equal(200, site.PageRequests.Last(r => r.Path == "/partner.html").Status);
    }

    [Fact]
    public async Task WithConditionalRequestsOffEveryPageIsDownloaded()
    {
        await using var site = await PoliteSite.StartAsync(new Dictionary<string, string> { ["/"] = Home, ["/partner.html"] = Partners });
        await using var provider = Provider(Options(f => f.ConditionalRequests = false));
        var kessler = new SiteOptions { Id = "kessler", Url = site.BaseUri.ToString() };

        await ScanAsync(provider, kessler);
        await ScanAsync(provider, kessler);

        Assert.All(site.PageRequests, r => Assert.Null(r.IfNoneMatch));
    }

    [Fact]
    public async Task TheSitesAcceptLanguageIsSentWithEveryRequestAndOthersGetTheDefault()
    {
        await using var site = await PoliteSite.StartAsync(new Dictionary<string, string> { ["/"] = Home, ["/partner.html"] = Partners });
        await using var other = await PoliteSite.StartAsync(new Dictionary<string, string> { ["/"] = Home });
        await using var provider = Provider(Options());

        await ScanAsync(provider, new SiteOptions { Id = "kessler", Url = site.BaseUri.ToString(), AcceptLanguage = "zh-CN,zh;q=0.9" });
        await ScanAsync(provider, new SiteOptions { Id = "other", Url = other.BaseUri.ToString() });

        Assert.Contains(site.Seen, r => r.Path == "/robots.txt");
        Assert.All(site.Seen, r => Assert.Equal("zh-CN,zh;q=0.9", r.AcceptLanguage));
        Assert.All(other.Seen, r => Assert.Equal("en;q=0.9,*;q=0.5", r.AcceptLanguage));
    }

    [Fact]
    public async Task ASitesProxySeesItsRequestsAsTunnelsToTheCheckedAddress()
    {
        await using var site = await PoliteSite.StartAsync(new Dictionary<string, string> { ["/"] = Home, ["/partner.html"] = Partners });
        await using var proxy = await TunnelProxy.StartAsync();
        await using var provider = Provider(Options(f => f.AllowPrivateProxy = true));

        var result = await ScanAsync(provider, new SiteOptions { Id = "kessler", Url = site.BaseUri.ToString(), Proxy = proxy.Url });

        Assert.Single(result.Claims);
        Assert.NotEmpty(proxy.Connects);
        // The proxy is asked for the address the guard allowed, never for a name it would resolve itself.
        Assert.All(proxy.Connects, target => Assert.Equal($"127.0.0.1:{site.BaseUri.Port}", target));
        Assert.Equal(3, site.Seen.Count); // robots.txt and two pages, all through the tunnel
        Assert.Equal(site.Seen.Count, proxy.Requests);
    }

    [Fact]
    public async Task AProxyOnAPrivateAddressIsRefusedUnlessAllowed()
    {
        await using var site = await PoliteSite.StartAsync(new Dictionary<string, string> { ["/"] = Home });
        await using var proxy = await TunnelProxy.StartAsync();
        await using var provider = Provider(Options());
        // A name, so that the start-up check (which judges IP literals) lets it through: the connect-time check must hold.
        var url = proxy.Url.Replace("127.0.0.1", "localhost");

        var result = await ScanAsync(provider, new SiteOptions { Id = "kessler", Url = site.BaseUri.ToString(), Proxy = url });

        Assert.True(result.Failed);
        Assert.Contains("AllowPrivateProxy", Assert.Single(result.Errors).Message);
        Assert.Empty(proxy.Connects);
        Assert.Empty(site.Seen);
    }

    [Fact]
    public void StartUpChecksNameTheKeyOfABadLanguageOrProxy()
    {
        var options = Options();
        options.Sites = [new SiteOptions { Id = "a", Url = "https://a.example/", AcceptLanguage = "en;q=banana", Proxy = "http://10.0.0.5:3128" }];
        options.Fetch.Proxy = "socks5://proxy.example:1080";

        var problems = new PartnerWatchOptionsValidator().Check(options).Select(p => p.ToString()).ToList();

        Assert.Contains(problems, p => p.StartsWith("PartnerWatch:Sites:0:AcceptLanguage", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("PartnerWatch:Sites:0:Proxy", StringComparison.Ordinal) && p.Contains("AllowPrivateProxy"));
        Assert.Contains(problems, p => p.StartsWith("PartnerWatch:Fetch:Proxy", StringComparison.Ordinal) && p.Contains("http://"));
    }

    /// <summary>A minimal HTTP proxy that only tunnels (CONNECT), recording what it was asked to connect to.</summary>
    private sealed class TunnelProxy : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly ConcurrentQueue<string> _connects = new();
        private Task _accepting = Task.CompletedTask;
        private int _requests;

        public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        public IReadOnlyList<string> Connects => _connects.ToArray();
        /// <summary>HTTP requests seen inside the tunnels (request lines starting with GET).</summary>
        public int Requests => Volatile.Read(ref _requests);

        public static Task<TunnelProxy> StartAsync()
        {
            var proxy = new TunnelProxy();
            proxy._listener.Start();
            proxy._accepting = proxy.AcceptAsync();
            return Task.FromResult(proxy);
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    _ = ServeAsync(client);
                }
            }
            catch (OperationCanceledException) { }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using var _ = client;
            var stream = client.GetStream();
            var head = new StringBuilder();
            var one = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one, _stop.Token) == 1)
                head.Append((char)one[0]);
            var parts = head.ToString().Split(' ');
            if (parts.Length < 2 || parts[0] != "CONNECT")
            {
                await stream.WriteAsync("HTTP/1.1 405 Method Not Allowed\r\n\r\n"u8.ToArray(), _stop.Token);
                return;
            }
            _connects.Enqueue(parts[1]);
            var colon = parts[1].LastIndexOf(':');
            using var target = new TcpClient();
            await target.ConnectAsync(IPAddress.Parse(parts[1][..colon].Trim('[', ']')), int.Parse(parts[1][(colon + 1)..]), _stop.Token);
            await stream.WriteAsync("HTTP/1.1 200 Connection established\r\n\r\n"u8.ToArray(), _stop.Token);
            var upstream = target.GetStream();
            await Task.WhenAny(CountingCopyAsync(stream, upstream), upstream.CopyToAsync(stream, _stop.Token));
        }

        private async Task CountingCopyAsync(Stream from, Stream to)
        {
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
            {
                var text = Encoding.ASCII.GetString(buffer, 0, read);
                for (var at = text.IndexOf("GET ", StringComparison.Ordinal); at >= 0; at = text.IndexOf("GET ", at + 4, StringComparison.Ordinal))
                    Interlocked.Increment(ref _requests);
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            try { await _accepting; } catch (OperationCanceledException) { }
            _stop.Dispose();
        }
    }
}
