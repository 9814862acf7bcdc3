using System.Collections.Concurrent;
using System.Text.Json;
using PartnerWatch.Cli;
using PartnerWatch.Tests.Infrastructure;
using PartnerWatch.Tests.Schedule;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace PartnerWatch.Tests.Status;

/// <summary>
/// A site that is due and not scanned yet is visible on /status, and the service warns when the due scans are more
/// than the scan slots clear in one interval (issue 11: before, 17 of 20 sites went unscanned and nothing said so).
/// Six sites of about 3 s a scan, one at a time, every 10 s: a round needs 18 s, so sites queue up.
/// </summary>
public sealed class OverdueStatusTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task StatusShowsWhichSitesAreOverdueAndTheServiceWarnsWithTheNumbers()
    {
        await using var farm = await SlowSiteFarm.StartAsync(6, LatencyProfile.Fixed(TimeSpan.FromMilliseconds(1200), TimeSpan.FromMilliseconds(300)));
        var loaded = farm.Configuration(_data.Path);
        loaded.Options.Schedule.RunOnStart = true;
        loaded.Options.Schedule.Jitter = TimeSpan.Zero;
        loaded.Options.Schedule.Interval = TimeSpan.FromSeconds(10);
        loaded.Options.Fetch.MaxConcurrentSites = 1;
        loaded.Options.Fetch.MaxRetries = 0;
        var events = new ConcurrentQueue<LogEvent>();
        await using var logger = new LoggerConfiguration().MinimumLevel.Information().WriteTo.Sink(new CollectingSink(events)).CreateLogger();
        await using var app = ServeCommand.Build(loaded, "http://127.0.0.1:0", logger);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        // While one site is scanned, the others wait: overdue, with when they were due and for how long.
        var status = await PollAsync(client, s => Sites(s).Count(site => site.GetProperty("overdue").GetBoolean()) >= 3);
        var now = DateTimeOffset.UtcNow;
        var overdue = Sites(status).Where(site => site.GetProperty("overdue").GetBoolean()).ToList();
        Assert.All(overdue, site =>
        {
            Assert.InRange(site.GetProperty("dueAt").GetDateTimeOffset(), now.AddMinutes(-1), now);
            Assert.Matches(@"^\d+\.\d\d:\d\d:\d\d$", site.GetProperty("overdueBy").GetString());
            Assert.False(site.GetProperty("scanning").GetBoolean());
        });
        Assert.True(Sites(status).Count(site => site.GetProperty("scanning").GetBoolean()) <= 1, "more scans than Fetch:MaxConcurrentSites");
        Assert.All(Sites(status).Where(site => !site.GetProperty("overdue").GetBoolean()),
            site => Assert.Equal(JsonValueKind.Null, site.GetProperty("overdueBy").ValueKind));

        // The backlog warning names sites, average scan time, concurrency and interval.
        var deadline = DateTime.UtcNow.AddSeconds(45);
        LogEvent? warning = null;
        while (warning is null && DateTime.UtcNow < deadline)
        {
            warning = events.FirstOrDefault(e => e.Level == LogEventLevel.Warning && e.MessageTemplate.Text.StartsWith("Scan backlog", StringComparison.Ordinal));
            if (warning is null) await Task.Delay(250);
        }
        Assert.NotNull(warning);
        Assert.Equal("6", warning.Properties["Sites"].ToString());
        Assert.Equal("1", warning.Properties["Concurrency"].ToString());
        Assert.Equal("00:00:10", warning.Properties["Interval"].ToString());
        Assert.True(int.Parse(warning.Properties["DueScans"].ToString()) > int.Parse(warning.Properties["Capacity"].ToString()));
        var average = TimeSpan.Parse(warning.Properties["AverageScanTime"].ToString());
        Assert.InRange(average, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20));
        await app.StopAsync();
    }

    private static IEnumerable<JsonElement> Sites(JsonElement status) => status.GetProperty("sites").EnumerateArray();

    private static async Task<JsonElement> PollAsync(HttpClient client, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement status;
        do
        {
            using var document = JsonDocument.Parse(await client.GetStringAsync("/status"));
            status = document.RootElement.Clone();
            if (done(status)) return status;
            await Task.Delay(200);
        } while (DateTime.UtcNow < deadline);
        Assert.Fail("status never reached the expected state:\n" + status);
        return status;
    }

    public void Dispose() => _data.Dispose();

    private sealed class CollectingSink(ConcurrentQueue<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);
    }
}
