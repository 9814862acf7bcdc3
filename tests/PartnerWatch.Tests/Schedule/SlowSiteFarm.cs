using System.Collections.Concurrent;
using System.Text;
using PartnerWatch.Config;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Schedule;

/// <summary>
/// Many small company sites on one loopback server, each a start page that links to a partners page, answering as
/// slowly as <see cref="LatencyProfile"/> says. Remembers when each site's start page was asked for: that is when a
/// scan of the site began.
/// </summary>
public sealed class SlowSiteFarm : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Site, DateTimeOffset At)> _scanStarts = new();
    private LoopbackHttpServer _server = null!;

    private SlowSiteFarm(int count) => SiteIds = Enumerable.Range(0, count).Select(i => $"site-{i:00}").ToList();

    public IReadOnlyList<string> SiteIds { get; }

    public static async Task<SlowSiteFarm> StartAsync(int sites, LatencyProfile latency)
    {
        var farm = new SlowSiteFarm(sites);
        farm._server = await LoopbackHttpServer.StartAsync(async context =>
        {
            var path = context.Request.Path.Value ?? "/";
            var parts = path.Trim('/').Split('/');
            if (parts.Length == 0 || !farm.SiteIds.Contains(parts[0]))
            {
                context.Response.StatusCode = 404;
                return;
            }
            var site = parts[0];
            string html;
            if (parts.Length == 1)
            {
                farm._scanStarts.Enqueue((site, DateTimeOffset.UtcNow));
                html = $"""
                    <!doctype html><html><head><title>{site}</title></head><body>
                    <h1>{site} builds industrial sensors</h1>
                    <p>Rugged sensors for harbours, mines and wind farms since 1998.</p>
                    <a href="/{site}/partners.html">Our partners</a></body></html>
                    """;
            }
            else
            {
                html = $"""
                    <!doctype html><html><head><title>{site} partners</title></head><body>
                    <h1>Partners</h1><p>We work with regional distributors in twelve countries.</p></body></html>
                    """;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(html));
        }, latency);
        return farm;
    }

    /// <summary>Every time a scan of a site began (its start page was requested), in order.</summary>
    public IReadOnlyList<(string Site, DateTimeOffset At)> ScanStarts => _scanStarts.ToArray();

    /// <summary>Every path asked for, in order (with query).</summary>
    public IReadOnlyList<string> Requests => _server.Requests;

    /// <summary>The demo brands with this farm's sites instead of the demo's, data in <paramref name="dataDirectory"/>.</summary>
    public LoadedConfiguration Configuration(string dataDirectory)
    {
        var overrides = new Dictionary<string, string?> { ["PartnerWatch:Storage:DataDirectory"] = dataDirectory };
        for (var i = 0; i < SiteIds.Count; i++)
        {
            overrides[$"PartnerWatch:Sites:{i}:Id"] = SiteIds[i];
            overrides[$"PartnerWatch:Sites:{i}:Name"] = SiteIds[i];
            overrides[$"PartnerWatch:Sites:{i}:Url"] = _server.Url(SiteIds[i] + "/").ToString();
        }
        var loaded = ConfigurationLoader.Load(Path.Combine(AppContext.BaseDirectory, "Demo", "demo.json"), overrides);
        loaded.Options.Fetch.Browser.Mode = BrowserMode.Never;
        return loaded;
    }

    /// <summary>Waits until every site was scanned <paramref name="times"/> times or <paramref name="deadline"/> passes.</summary>
    public async Task WaitForScansAsync(int times, DateTimeOffset deadline)
    {
        while (DateTimeOffset.UtcNow < deadline)
        {
            var counts = ScanStarts.GroupBy(s => s.Site).ToDictionary(g => g.Key, g => g.Count());
            if (SiteIds.All(id => counts.GetValueOrDefault(id) >= times)) return;
            await Task.Delay(250);
        }
    }

    /// <summary>The sites whose scan began within [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public IReadOnlySet<string> ScannedBetween(DateTimeOffset from, DateTimeOffset to) =>
        ScanStarts.Where(s => s.At >= from && s.At <= to).Select(s => s.Site).ToHashSet();

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
