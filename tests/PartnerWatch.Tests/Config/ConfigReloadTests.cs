using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PartnerWatch.Cli;
using PartnerWatch.Config;
using PartnerWatch.Schedule;
using PartnerWatch.Tests.Infrastructure;
using Quartz;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace PartnerWatch.Tests.Config;

/// <summary>
/// The configuration file edited while <c>serve</c> runs (issue 15, item 6): the real service host, a real file rewritten
/// the way editors save (temporary file + rename), loopback fixture sites that count what is fetched.
/// </summary>
public sealed class ConfigReloadTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private readonly ConcurrentQueue<LogEvent> _log = new();
    private LoopbackHttpServer _sites = null!;
    private WebApplication? _app;
    private HttpClient _client = null!;

    private string ConfigFile => _temp.Combine("config", "partnerwatch.json");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_temp.Combine("config"));
        var page = FixtureResponse.Html("<html><body><h1>Our customers</h1><p>We build things.</p></body></html>");
        _sites = await LoopbackHttpServer.StartAsync(new Dictionary<string, FixtureResponse>
        {
            ["/alpha/"] = page,
            ["/beta/"] = page,
        });
    }

    [Fact]
    public async Task EditsWhileRunningAddScanAndListASiteRemoveOneAndMoveAChangedIntervalsNextScan()
    {
        Write(Config(sites: [("alpha", null)], interval: "01:00:00"));
        await StartAsync();
        var status = await WaitForStatusAsync(s => LastScan(s, "alpha") is not null);
        var alphaScanned = LastScan(status, "alpha")!.Value;
        var nextBefore = NextScan(status, "alpha")!.Value;

        // Add a site; give alpha an interval of its own; change a key only a restart applies.
        Write(Config(sites: [("alpha", "02:00:00"), ("beta", null)], interval: "01:00:00", maxPages: 2));
        status = await WaitForStatusAsync(s => Site(s, "beta") is { } beta && beta.GetProperty("lastScan").ValueKind == JsonValueKind.Object
            && s.GetProperty("configuration").GetProperty("generation").GetInt32() == 2);
        Assert.Contains("/beta/", _sites.Requests);
        // The changed interval moved alpha's next scan: its last scan + the new 2 h, not the old 1 h.
        var nextAfter = NextScan(status, "alpha")!.Value;
        Assert.InRange(nextAfter, alphaScanned.AddHours(2) - TimeSpan.FromSeconds(1), alphaScanned.AddHours(2) + TimeSpan.FromSeconds(1));
        Assert.True(nextAfter - nextBefore > TimeSpan.FromMinutes(50), $"next scan moved from {nextBefore:O} to {nextAfter:O} only");
        Assert.Contains("PartnerWatch:Fetch:MaxPagesPerSite", status.GetProperty("configuration").GetProperty("needsRestart").EnumerateArray().Select(k => k.GetString()));
        Assert.Contains(_log, e => e.Level == LogEventLevel.Warning && e.RenderMessage().Contains("needs restart: \"PartnerWatch:Fetch:MaxPagesPerSite\""));

        // Remove the first site: no longer listed, no longer scheduled.
        Write(Config(sites: [("beta", null)], interval: "01:00:00", maxPages: 2));
        // (The sites and the reload state are published one after the other: wait for both, as the invalid-edit test does.)
        status = await WaitForStatusAsync(s => Site(s, "alpha") is null
            && s.GetProperty("configuration").GetProperty("generation").GetInt32() == 3);
        var scheduler = await _app!.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.False(await scheduler.Exists(SiteScanJob.KeyFor("alpha")));
        Assert.True(await scheduler.Exists(SiteScanJob.KeyFor("beta")));
        Assert.Null(status.GetProperty("configuration").GetProperty("lastReloadError").GetString());
    }

    [Fact]
    public async Task AnInvalidEditIsRefusedNamingEveryKeyAndTheRunningSitesKeepBeingScanned()
    {
        Write(Config(sites: [("alpha", null)], interval: "00:00:10"));
        await StartAsync();
        await WaitForStatusAsync(s => LastScan(s, "alpha") is not null);

        // Two mistakes: a site without a usable URL and an interval below the minimum; and a new site that must not appear.
        Write(Config(sites: [("alpha", null), ("beta", null)], interval: "00:00:01").Replace(_sites.Url("/beta/").ToString(), "not a url"));
        var status = await WaitForStatusAsync(s => s.GetProperty("configuration").GetProperty("lastReloadError").ValueKind == JsonValueKind.String);
        var problems = status.GetProperty("configuration").GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Contains(problems, p => p.StartsWith("PartnerWatch:Sites:1:Url", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("PartnerWatch:Schedule:Interval", StringComparison.Ordinal));
        var refused = _log.Where(e => e.Level == LogEventLevel.Error && e.MessageTemplate.Text.StartsWith("Configuration reload refused")).ToList();
        Assert.Contains(refused, e => e.Properties["Key"].ToString() == "\"PartnerWatch:Sites:1:Url\"");
        Assert.Contains(refused, e => e.Properties["Key"].ToString() == "\"PartnerWatch:Schedule:Interval\"");
        Assert.Equal(1, status.GetProperty("configuration").GetProperty("generation").GetInt32());
        Assert.Null(Site(status, "beta"));

        // The running configuration stays: alpha is scanned again on its 10 s interval.
        var fetchedBefore = _sites.Requests.Count(r => r == "/alpha/");
        await WaitForStatusAsync(_ => _sites.Requests.Count(r => r == "/alpha/") > fetchedBefore, TimeSpan.FromSeconds(60));
        Assert.DoesNotContain("/beta/", _sites.Requests);

        // Fixing the file applies it and clears the error.
        Write(Config(sites: [("alpha", null), ("beta", null)], interval: "00:00:10"));
        // (The new sites and the reload state are published one after the other: wait for both.)
        status = await WaitForStatusAsync(s => Site(s, "beta") is not null
            && s.GetProperty("configuration").GetProperty("lastReloadError").ValueKind == JsonValueKind.Null);
        Assert.Empty(status.GetProperty("configuration").GetProperty("problems").EnumerateArray());
    }

    [Fact]
    public async Task ConfirmingAPartnerInTheFileClosesItsOpenClaimWithoutRestart()
    {
        // The demo's claim: dongfang-shiyun shows Microsoft's logo and name under its partner heading.
        await using var demo = await LoopbackHttpServer.ServeFolderAsync(PartnerWatch.Demo.DemoSiteServer.SitesRoot);
        Write(DemoConfig(demo, confirmed: false));
        await StartAsync();
        await WaitForStatusAsync(s => s.GetProperty("openClaims").EnumerateArray()
            .Any(c => c.GetProperty("site").GetString() == "dongfang-shiyun" && c.GetProperty("brand").GetString() == "microsoft"));

        Write(DemoConfig(demo, confirmed: true));
        var status = await WaitForStatusAsync(s => s.GetProperty("openClaims").GetArrayLength() == 0);
        Assert.Equal(2, status.GetProperty("configuration").GetProperty("generation").GetInt32());
        Assert.Empty(status.GetProperty("configuration").GetProperty("needsRestart").EnumerateArray());
    }

    private string DemoConfig(LoopbackHttpServer demo, bool confirmed) =>
        JsonSerializer.Serialize(new
        {
            PartnerWatch = new
            {
                Brands = new[]
                {
                    new
                    {
                        Id = "microsoft", Name = "Microsoft", Aliases = new[] { "微软", "Microsoft Azure" }, Domains = new[] { "microsoft.com", "azure.com" },
                        Logos = new[] { Path.Combine(AppContext.BaseDirectory, "Demo", "logos", "microsoft.svg") },
                    },
                },
                ConfirmedPartners = confirmed ? new Dictionary<string, string[]> { ["microsoft"] = ["dongfang-shiyun"] } : [],
                Sites = new[] { new { Id = "dongfang-shiyun", Name = "东方视云科技", Url = demo.Url("/dongfang-shiyun/").ToString() } },
                Fetch = new { AllowPrivateNetworks = true, Browser = new { Mode = "Never" } },
                Schedule = new { Interval = "01:00:00", RunOnStart = false, Jitter = "00:00:00" },
                Storage = new { DataDirectory = _temp.Combine("data") },
                Smtp = new { From = "partnerwatch@test.example", To = new[] { "team@test.example" } },
            },
        });

    private string Config((string Id, string? Interval)[] sites, string interval, int maxPages = 1) =>
        JsonSerializer.Serialize(new
        {
            PartnerWatch = new
            {
                Brands = new[] { new { Id = "microsoft", Name = "Microsoft", Domains = new[] { "microsoft.com" } } },
                Sites = sites.Select(s => s.Interval is null
                    ? (object)new { s.Id, Name = s.Id, Url = _sites.Url($"/{s.Id}/").ToString() }
                    : new { s.Id, Name = s.Id, Url = _sites.Url($"/{s.Id}/").ToString(), s.Interval }),
                Fetch = new { AllowPrivateNetworks = true, MaxPagesPerSite = maxPages, Browser = new { Mode = "Never" } },
                Schedule = new { Interval = interval, RunOnStart = false, Jitter = "00:00:00" },
                Storage = new { DataDirectory = _temp.Combine("data") },
                Smtp = new { From = "partnerwatch@test.example", To = new[] { "team@test.example" } },
            },
        });

    // As editors save: a temporary file renamed over the old one, so the service never reads half a file.
    private void Write(string json)
    {
        var temporary = ConfigFile + ".tmp";
        File.WriteAllText(temporary, json);
        File.Move(temporary, ConfigFile, overwrite: true);
    }

    private async Task StartAsync()
    {
        var loaded = ConfigurationLoader.Load(ConfigFile);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
        var logger = new LoggerConfiguration().MinimumLevel.Information().WriteTo.Sink(new CollectingSink(_log)).CreateLogger();
        _app = ServeCommand.Build(loaded, "http://127.0.0.1:0", logger);
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
    }

    private async Task<JsonElement> WaitForStatusAsync(Func<JsonElement, bool> done, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        JsonElement status;
        do
        {
            using var document = JsonDocument.Parse(await _client.GetStringAsync("/status"));
            status = document.RootElement.Clone();
            if (done(status)) return status;
            await Task.Delay(200);
        } while (DateTime.UtcNow < deadline);
        Assert.Fail("status never reached the expected state:\n" + status + "\nlog:\n" + string.Join("\n", _log.Select(e => e.RenderMessage())));
        return status;
    }

    private static JsonElement? Site(JsonElement status, string id) =>
        status.GetProperty("sites").EnumerateArray().Where(s => s.GetProperty("id").GetString() == id).Select(s => (JsonElement?)s).FirstOrDefault();

    private static DateTimeOffset? LastScan(JsonElement status, string id) =>
        Site(status, id) is { } site && site.GetProperty("lastScan") is { ValueKind: JsonValueKind.Object } last
            ? last.GetProperty("time").GetDateTimeOffset()
            : null;

    private static DateTimeOffset? NextScan(JsonElement status, string id) =>
        Site(status, id)?.GetProperty("nextScan") is { ValueKind: JsonValueKind.String } next ? next.GetDateTimeOffset() : null;

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            _client.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        await _sites.DisposeAsync();
        _temp.Dispose();
    }

    private sealed class CollectingSink(ConcurrentQueue<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);
    }
}
