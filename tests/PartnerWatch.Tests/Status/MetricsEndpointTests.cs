using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using PartnerWatch.Cli;
using PartnerWatch.Config;
using PartnerWatch.Demo;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Status;

/// <summary>
/// <c>/metrics</c> scraped as Prometheus does, after the demo's scans: the text format parses line by line and carries
/// the scans by outcome, their durations, pages and images fetched, fetch errors by kind, open claims by brand and alerts.
/// </summary>
public sealed class MetricsEndpointTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task ScrapeAfterTheDemoScansShowsWhatHappened()
    {
        await using var sites = await DemoSiteServer.StartAsync(CancellationToken.None);
        // The demo's configuration plus a site whose port refuses connections.
        var loaded = ConfigurationLoader.Load(Path.Combine(AppContext.BaseDirectory, "Demo", "demo.json"), new Dictionary<string, string?>
        {
            ["PartnerWatch:Sites:0:Url"] = new Uri(sites.Origin, "dongfang-shiyun/").ToString(),
            ["PartnerWatch:Sites:1:Url"] = new Uri(sites.Origin, "contoso-systems/").ToString(),
            ["PartnerWatch:Sites:2:Url"] = new Uri(sites.Origin, "brightwave-news/").ToString(),
            ["PartnerWatch:Sites:3:Id"] = "gone",
            ["PartnerWatch:Sites:3:Url"] = $"http://127.0.0.1:{FreePort()}/",
            ["PartnerWatch:Fetch:MaxRetries"] = "0",
            // One scheduler thread per site: with more sites than MaxConcurrentSites + 1 the last site's first run was
            // seen to wait for the scheduler's idle cycle (reported separately; the scheduler is not this test's subject).
            ["PartnerWatch:Fetch:MaxConcurrentSites"] = "4",
            ["PartnerWatch:Storage:DataDirectory"] = _data.Path,
        });
        await using var service = await ServiceHost.StartAsync(loaded);
        await service.WaitForStatusAsync(s =>
            s.GetProperty("alerts").GetProperty("pending").GetInt32() == 0 && s.GetProperty("openClaims").GetArrayLength() > 0);

        // Scrape as Prometheus does until all four scans (three demo sites, one refused) are counted.
        PrometheusText metrics;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(180); // generous: shared CI cores
        do
        {
            var response = await service.Client.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
            metrics = PrometheusText.Parse(await response.Content.ReadAsStringAsync());
            if (metrics.Sum("partnerwatch_scans_total") >= 4 && metrics.Sum("partnerwatch_alerts_total", ("event", "sent")) >= 1) break;
            await Task.Delay(250);
        } while (DateTime.UtcNow < deadline);

        Assert.Equal("counter", metrics.Types["partnerwatch_scans_total"]);
        Assert.True(metrics.Sum("partnerwatch_scans_total", ("outcome", "unverified")) >= 1);
        Assert.True(metrics.Sum("partnerwatch_scans_total", ("outcome", "clean")) >= 2);
        Assert.True(metrics.Sum("partnerwatch_scans_total", ("outcome", "failed")) >= 1, string.Join("\n", metrics.Samples));
        Assert.Equal("histogram", metrics.Types["partnerwatch_scan_duration_seconds"]);
        Assert.True(metrics.Sum("partnerwatch_scan_duration_seconds_count") >= 4);
        Assert.True(metrics.Sum("partnerwatch_scan_duration_seconds_bucket", ("le", "+Inf")) >= 4);
        Assert.True(metrics.Sum("partnerwatch_pages_fetched_total") >= 5);
        Assert.True(metrics.Sum("partnerwatch_images_fetched_total") >= 1);
        Assert.True(metrics.Sum("partnerwatch_fetch_errors_total", ("kind", "connection")) >= 1);
        Assert.True(metrics.Sum("partnerwatch_claims_open", ("brand", "microsoft")) >= 1);
        Assert.True(metrics.Has("partnerwatch_claims_open") && metrics.Samples.Any(s => s.Name == "partnerwatch_claims_open" && s.Labels["brand"] == "google"));
        Assert.True(metrics.Sum("partnerwatch_alerts_total", ("event", "queued")) >= 1);
        Assert.True(metrics.Sum("partnerwatch_alerts_total", ("event", "sent")) >= 1);
        Assert.True(metrics.Has("partnerwatch_outbox_oldest_age_seconds"));
        Assert.True(metrics.Has("partnerwatch_outbox_pending"));

        // Every series the Grafana dashboard queries exists (no browser ran here, so no render was counted).
        var dashboard = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy", "grafana", "partnerwatch-dashboard.json"));
        var queried = System.Text.RegularExpressions.Regex.Matches(dashboard, @"partnerwatch_[a-z_]+").Select(m => m.Value).Distinct().ToList();
        Assert.True(queried.Count >= 8);
        Assert.All(queried.Where(n => n != "partnerwatch_browser_renders_total"), name => Assert.True(metrics.Has(name), $"the dashboard queries {name}, which /metrics lacks"));
    }

    [Fact]
    public async Task ReadinessNamesEachCheckAndLivenessRunsNone()
    {
        await using var sites = await DemoSiteServer.StartAsync(CancellationToken.None);
        var loaded = DemoCommand.LoadDemoConfiguration(sites.Origin, _data.Path);
        loaded.Options.Schedule.RunOnStart = false;
        await using var service = await ServiceHost.StartAsync(loaded);

        var ready = await service.Client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var readyJson = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", readyJson.RootElement.GetProperty("status").GetString());
        var checks = readyJson.RootElement.GetProperty("checks");
        foreach (var name in new[] { "database", "scheduler", "outbox" })
            Assert.Equal("Healthy", checks.GetProperty(name).GetProperty("status").GetString());

        using var live = JsonDocument.Parse(await service.Client.GetStringAsync("/healthz"));
        Assert.Equal("Healthy", live.RootElement.GetProperty("status").GetString());
        Assert.Empty(live.RootElement.GetProperty("checks").EnumerateObject());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => _data.Dispose();
}
