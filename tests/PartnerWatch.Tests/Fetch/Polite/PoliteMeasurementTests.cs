using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PartnerWatch.Config;
using PartnerWatch.Domain;
using PartnerWatch.Hosting;
using PartnerWatch.Scan;
using Xunit.Abstractions;

namespace PartnerWatch.Tests.Fetch.Polite;

/// <summary>
/// The figures in docs/fetching.md: two scans of the same 20 unchanged sites (each its own host, four pages of about
/// 60 KB) in one service process — bytes and requests the sites served, CPU the scans took, connections left open.
/// Asserts only what does not depend on the machine: the second round is all 304s, downloads no page body and finds the
/// same claims. Run: dotnet test --filter "FullyQualifiedName~PoliteMeasurementTests" --logger "console;verbosity=detailed"
/// </summary>
public sealed class PoliteMeasurementTests(ITestOutputHelper output)
{
    private const int SiteCount = 20;

    private static string Filler(int site, string page) => string.Concat(Enumerable.Range(0, 600).Select(i =>
        $"<p>Site {site} {page} paragraph {i}: rugged sensors for harbours, mines and wind farms since 1998.</p>"));

    private static Dictionary<string, string> Pages(int i) => new()
    {
        ["/"] = $"""<!DOCTYPE html><html><body><nav><a href="/partners/">Partners</a> <a href="/about/">About</a> <a href="/about/news/">News</a></nav><h1>Company {i}</h1>{Filler(i, "home")}</body></html>""",
        ["/partners/"] = $"""<!DOCTYPE html><html><body><h1>Our partners</h1><ul><li><img src="c.png" alt="{(i % 2 == 0 ? "Cisco" : "Harbour crane")}"></li></ul>{Filler(i, "partners")}</body></html>""",
        ["/about/"] = $"""<!DOCTYPE html><html><body><h1>About us</h1><a href="/about/news/">News</a>{Filler(i, "about")}</body></html>""",
        ["/about/news/"] = $"""<!DOCTYPE html><html><body><h1>News</h1>{Filler(i, "news")}</body></html>""",
    };

    [Fact]
    public async Task ASecondRoundOverUnchangedSitesCostsOnly304s()
    {
        var sites = await Task.WhenAll(Enumerable.Range(0, SiteCount).Select(i => PoliteSite.StartAsync(Pages(i))));
        try
        {
            var options = new PartnerWatchOptions
            {
                Brands = [new BrandOptions { Id = "cisco", Name = "Cisco", Domains = ["cisco.com"] }],
                Fetch = { AllowPrivateNetworks = true, MaxRetries = 0, MaxConcurrentSites = 4 },
            };
            options.Fetch.Browser.Mode = BrowserMode.Never;
            options.Sites = sites.Select((s, i) => new SiteOptions { Id = $"site-{i:00}", Url = s.BaseUri.ToString() }).ToList();
            await using var provider = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
                .AddPartnerWatchPipeline(options).BuildServiceProvider();

            var first = await RoundAsync(provider, options, sites, "first");
            var second = await RoundAsync(provider, options, sites, "second");
            var remembered = provider.GetRequiredService<global::PartnerWatch.Fetch.RememberedPages>();
            output.WriteLine($"remembered pages: {remembered.Count}, {remembered.Bytes / 1024} KiB");
            await Task.Delay(TimeSpan.FromSeconds(12));
            output.WriteLine($"client connections to the sites 12 s later: {EstablishedTo(sites)}");

            Assert.Equal(first.Claims, second.Claims);
            Assert.Equal(0, second.BodyBytes);
            Assert.Equal(second.Requests, second.NotModified);
        }
        finally
        {
            foreach (var site in sites) await site.DisposeAsync();
        }
    }

    private sealed record Round(string Claims, long BodyBytes, int Requests, int NotModified);

    private async Task<Round> RoundAsync(ServiceProvider provider, PartnerWatchOptions options, PoliteSite[] sites, string name)
    {
        var bytesBefore = sites.Sum(s => s.BodyBytes);
        var seenBefore = sites.Sum(s => s.PageRequests.Count);
        var notModifiedBefore = sites.Sum(s => s.PageRequests.Count(r => r.Status == 304));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        // The sites four at a time, as the service's scheduler runs them (Fetch:MaxConcurrentSites).
        var results = new SiteScanResult[options.Sites.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Sites.Count), new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (i, ct) => results[i] = await provider.GetRequiredService<SiteScanner>().ScanAsync(options.Sites[i], ct));
        var report = new ScanReport(DateTimeOffset.UtcNow, results);
        wall.Stop();
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var connections = EstablishedTo(sites);
        var requests = sites.Sum(s => s.PageRequests.Count) - seenBefore;
        var notModified = sites.Sum(s => s.PageRequests.Count(r => r.Status == 304)) - notModifiedBefore;
        var bytes = sites.Sum(s => s.BodyBytes) - bytesBefore;
        var claims = string.Join("\n", report.Sites.SelectMany(r => r.Claims.Select(c =>
            $"{r.Site} {c.Brand} {c.Status} {c.Confidence} {string.Join(" | ", c.Evidence.Select(e => e.PageUrl + " " + e.Detail))}")));
        var keptHtml = report.Sites.Sum(r => r.FetchedPages.Sum(p => p.Html?.LongLength ?? 0));
        output.WriteLine($"{name} round: {report.Sites.Sum(r => r.PagesScanned)} pages, {requests} page requests ({notModified} answered 304), "
            + $"{bytes / 1024} KiB of bodies served, {report.Sites.Sum(r => r.Claims.Count)} claims, HTML kept in results {keptHtml / 1024} KiB, "
            + $"CPU {cpuUsed.TotalMilliseconds:0} ms, wall {wall.ElapsedMilliseconds} ms, client connections open right after: {connections}");
        return new Round(claims, bytes, requests, notModified);
    }

    /// <summary>Established TCP connections whose remote end is one of the sites (our client side), from /proc/net/tcp.</summary>
    private static int EstablishedTo(PoliteSite[] sites)
    {
        var ports = sites.Select(s => s.BaseUri.Port.ToString("X4")).ToHashSet(StringComparer.Ordinal);
        return File.ReadLines("/proc/net/tcp").Skip(1)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Count(f => f.Length > 3 && f[3] == "01" && ports.Contains(f[2].Split(':')[1]));
    }
}
