using System.Collections.Concurrent;
using System.Text;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Cluster;

/// <summary>
/// Company sites on one loopback server for a cluster to watch: each a start page linking to a partners page, answered
/// after <see cref="Latency"/> so a scan lasts long enough to be interrupted. The first <c>claims</c> sites name
/// Microsoft as their partner from the start; the next <c>lateClaims</c> start to once <see cref="RevealLateClaims"/>
/// is called. Counts how often each site's start page was asked for: one request is one scan, whichever node ran it.
/// </summary>
public sealed class ClusterSiteFarm : IAsyncDisposable
{
    public static readonly LatencyProfile Latency = new() { MinDelay = TimeSpan.FromMilliseconds(300), MaxDelay = TimeSpan.FromMilliseconds(500) };

    private readonly ConcurrentDictionary<string, int> _scans = new(StringComparer.Ordinal);
    private readonly int _claims;
    private readonly int _lateClaims;
    private volatile bool _lateRevealed;
    private LoopbackHttpServer _server = null!;

    private ClusterSiteFarm(int count, int claims, int lateClaims)
    {
        SiteIds = Enumerable.Range(0, count).Select(i => $"site-{i:00}").ToList();
        _claims = claims;
        _lateClaims = lateClaims;
    }

    public List<string> SiteIds { get; }

    /// <summary>Sites that claim a Microsoft partnership from the start.</summary>
    public IReadOnlyList<string> EarlyClaimSites => SiteIds.Take(_claims).ToList();

    /// <summary>Sites that start claiming it after <see cref="RevealLateClaims"/>.</summary>
    public IReadOnlyList<string> LateClaimSites => SiteIds.Skip(_claims).Take(_lateClaims).ToList();

    public static async Task<ClusterSiteFarm> StartAsync(int sites, int claims, int lateClaims)
    {
        var farm = new ClusterSiteFarm(sites, claims, lateClaims);
        farm._server = await LoopbackHttpServer.StartAsync(farm.HandleAsync, Latency);
        return farm;
    }

    public Uri Url(string siteId) => _server.Url(siteId + "/");

    public void RevealLateClaims() => _lateRevealed = true;

    /// <summary>How many times each site's start page has been requested so far (sites never asked for count 0).</summary>
    public IReadOnlyDictionary<string, int> ScanCounts() =>
        SiteIds.ToDictionary(s => s, s => _scans.GetValueOrDefault(s), StringComparer.Ordinal);

    private async Task HandleAsync(Microsoft.AspNetCore.Http.HttpContext context)
    {
        var parts = (context.Request.Path.Value ?? "/").Trim('/').Split('/');
        var site = parts[0];
        var index = SiteIds.IndexOf(site);
        if (index < 0)
        {
            context.Response.StatusCode = 404;
            return;
        }

        string html;
        if (parts.Length == 1 || parts[1].Length == 0)
        {
            _scans.AddOrUpdate(site, 1, (_, n) => n + 1);
            html = $"""
                <!doctype html><html><head><title>{site}</title></head><body>
                <h1>{site} builds industrial sensors</h1>
                <p>Rugged sensors for harbours, mines and wind farms since 1998.</p>
                <a href="/{site}/partners.html">Our partners</a></body></html>
                """;
        }
        else
        {
            var claims = index < _claims || (_lateRevealed && index < _claims + _lateClaims);
            html = claims
                ? $"""
                    <!doctype html><html><head><title>{site} partners</title></head><body>
                    <h1>Our partners</h1>
                    <p>{site} is a Microsoft Gold Partner: we are proud to be an official partner of Microsoft.</p>
                    </body></html>
                    """
                : $"""
                    <!doctype html><html><head><title>{site} partners</title></head><body>
                    <h1>Partners</h1><p>We work with regional distributors in twelve countries.</p></body></html>
                    """;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(html));
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
