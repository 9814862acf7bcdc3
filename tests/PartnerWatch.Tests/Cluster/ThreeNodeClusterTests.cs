using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using MimeKit;
using Npgsql;
using PartnerWatch.Tests.Alert;
using PartnerWatch.Tests.Infrastructure;
using PartnerWatch.Tests.Store;
using Xunit.Abstractions;

namespace PartnerWatch.Tests.Cluster;

/// <summary>
/// Issue 13's acceptance test: three real <c>PartnerWatch serve</c> processes on one real PostgreSQL, 30 loopback sites
/// scanned every 15 s (cron, so every node's start-up registration leaves the same schedule), a real SMTP sink.
/// Each site is fetched once per firing across the cluster; each unverified claim gives exactly one e-mail;
/// <c>kill -9</c> of one node during a scan leaves every site scanned by the other two from the next firing on (its
/// reserved and interrupted firings are taken over within the failover time, 3 × the 2 s check-in here), with no
/// alert lost or doubled; both survivors' <c>/status</c> agree and show the dead node as lost; evidence any node
/// stored downloads from every node.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ThreeNodeClusterTests(PostgresServer server, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Sites = 30;
    private const int EarlyClaims = 6;
    private const int LateClaims = 4;
    private const string ApiKey = "cluster-test-key-0123456789abcdef";
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan CheckinInterval = TimeSpan.FromSeconds(2);

    /// <summary>Counts are read this long before a firing: the previous round (≈ 3–8 s here once warm) is over by then.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(4);

    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    private string Elapsed => $"[{_clock.Elapsed:mm\\:ss}]";

    private readonly TempDirectory _dir = new();
    private readonly List<ClusterNodeProcess> _nodes = [];
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await server.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await server.DropDatabaseAsync(_connectionString);
        _dir.Dispose();
    }

    [Fact]
    public async Task ThreeNodesScanEachSiteOncePerFiringSurviveAKillAndAgree()
    {
        await using var farm = await ClusterSiteFarm.StartAsync(Sites, EarlyClaims, LateClaims);
        using var smtp = SmtpTestServer.StartNew();
        var config = WriteConfig(farm, smtp.Port);

        // N nodes starting at once with one configuration: one schema, one job per site.
        foreach (var name in new[] { "node-1", "node-2", "node-3" })
            _nodes.Add(ClusterNodeProcess.Start(name, config, _dir.Path, _dir.Combine("data-" + name)));
        try
        {
            await Task.WhenAll(_nodes.Select(n => n.WaitReadyAsync(TimeSpan.FromSeconds(240))));
            Assert.Equal(Sites, await ScalarAsync("SELECT COUNT(*) FROM qrtz_job_details WHERE job_group = 'site-scans'"));
            Assert.Equal(Sites, await ScalarAsync("SELECT COUNT(*) FROM qrtz_triggers WHERE trigger_group = 'site-scans'"));
            // Issue 11's misfire rules survive the database store: each trigger keeps its period as its threshold and a
            // stated instruction (not the smart policy, 0, which skipped firings).
            Assert.Equal(Sites, await ScalarAsync(
                $"SELECT COUNT(*) FROM qrtz_triggers WHERE trigger_group = 'site-scans' AND misfire_threshold = {Tick.TotalMilliseconds} AND misfire_instr <> 0"));

            output.WriteLine($"{Elapsed} all three nodes ready");

            // The first rounds are slow (cold code, three processes and the database on a small machine): the steady state
            // starts with the first firing in which every site was fetched exactly once. Then two more firings, each site
            // fetched exactly once per firing across the cluster.
            await WaitUntilAsync(() => farm.ScanCounts().Values.All(n => n >= 1), TimeSpan.FromSeconds(180),
                () => "every site scanned once; never scanned: " + string.Join(", ", farm.ScanCounts().Where(s => s.Value == 0).Select(s => s.Key)));
            output.WriteLine($"{Elapsed} every site scanned once");
            var before = await CountsBeforeFiringAsync(farm, firingsAhead: 1);
            for (var warm = 0; ; warm++)
            {
                var next = await CountsBeforeFiringAsync(farm, firingsAhead: 1);
                var once = next.All(s => s.Value - before[s.Key] == 1);
                before = next;
                if (once) break;
                Assert.True(warm < 6, "no firing in which every site was fetched exactly once, after " + (warm + 1) + " firings");
            }
            output.WriteLine($"{Elapsed} steady");
            var after = await CountsBeforeFiringAsync(farm, firingsAhead: 1);
            AssertScannedExactly(before, after, 1, "with three nodes");

            // Every early claim alerted once, by whichever node found it.
            await WaitUntilAsync(() => smtp.Received.Count >= EarlyClaims, TimeSpan.FromSeconds(30), "early alerts");
            var status = await _nodes[0].StatusAsync();
            var scannedBy = status.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("lastScan").GetProperty("node").GetString()).ToHashSet();
            output.WriteLine("last scans by: " + string.Join(", ", scannedBy));
            Assert.True(scannedBy.Count >= 2, "the work is shared: scans by " + string.Join(", ", scannedBy));

            // Kill -9 node-3 while it runs a scan; the late claims appear on the sites during that firing.
            farm.RevealLateClaims();
            var victim = _nodes[2];
            var survivors = _nodes.Take(2).ToList();
            await WaitForFiringAsync(TimeSpan.Zero);
            await WaitUntilAsync(async () => (await survivors[0].StatusAsync()).GetProperty("sites").EnumerateArray()
                .Any(s => s.GetProperty("runningOn").GetString() == victim.Name), TimeSpan.FromSeconds(Tick.TotalSeconds - 2), "a scan running on node-3");
            var interrupted = (await survivors[0].StatusAsync()).GetProperty("sites").EnumerateArray()
                .Where(s => s.GetProperty("runningOn").GetString() == victim.Name).Select(s => s.GetProperty("id").GetString()!).ToList();
            victim.Kill();
            var killedAt = DateTimeOffset.UtcNow;
            output.WriteLine($"{Elapsed} killed node-3 at {killedAt:HH:mm:ss.fff} during the scans of {string.Join(", ", interrupted)}");
            await WaitUntilAsync(async () => (await survivors[0].StatusAsync()).GetProperty("nodes").EnumerateArray()
                .Any(n => n.GetProperty("id").GetString() == victim.Name && n.GetProperty("state").GetString() == "lost"), Tick, "node-3 shown as lost");
            output.WriteLine($"{Elapsed} node-3 shown as lost {(DateTimeOffset.UtcNow - killedAt).TotalSeconds:0.0} s after the kill");
            await WaitUntilAsync(async () => (await survivors[0].StatusAsync()).GetProperty("sites").EnumerateArray()
                .Where(s => interrupted.Contains(s.GetProperty("id").GetString()!))
                .All(s => s.GetProperty("lastScan").GetProperty("time").GetDateTimeOffset() > killedAt), Tick, "interrupted scans re-run");
            output.WriteLine($"{Elapsed} its interrupted scans re-run by the others {(DateTimeOffset.UtcNow - killedAt).TotalSeconds:0.0} s after the kill");

            // Its sites keep being scanned: in the next firing, each site exactly once, by the two others.
            before = await CountsBeforeFiringAsync(farm, firingsAhead: 1);
            after = await CountsBeforeFiringAsync(farm, firingsAhead: 1);
            AssertScannedExactly(before, after, 1, "after node-3 was killed");

            output.WriteLine($"{Elapsed} the firing after the kill measured");
            // Both survivors' /status agree: node-3 lost, the others alive, the same last scan and node for every site.
            var views = await Task.WhenAll(survivors.Select(n => n.StatusAsync()));
            foreach (var view in views)
            {
                var nodes = view.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!, n => n.GetProperty("state").GetString());
                Assert.Equal("lost", nodes["node-3"]);
                Assert.Equal("alive", nodes["node-1"]);
                Assert.Equal("alive", nodes["node-2"]);
            }
            Assert.Equal(NodesOf(views[0]), NodesOf(views[1]));
            Assert.Equal(LastScansOf(views[0]), LastScansOf(views[1]));
            foreach (var site in interrupted)
            {
                var last = views[0].GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("id").GetString() == site).GetProperty("lastScan");
                Assert.NotEqual("node-3", last.GetProperty("node").GetString());
                Assert.True(last.GetProperty("time").GetDateTimeOffset() > killedAt, $"{site} scanned again after the kill");
            }

            // No alert lost or doubled: one e-mail per claim site, early and late, each Message-ID once.
            await WaitUntilAsync(() => smtp.Received.Count >= EarlyClaims + LateClaims, TimeSpan.FromSeconds(30), "late alerts");
            await Task.Delay(TimeSpan.FromSeconds(2)); // a doubled e-mail would arrive right behind the first
            var messages = smtp.Received.Select(m => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data)))).ToList();
            Assert.Equal(messages.Count, messages.Select(m => m.MessageId).Distinct().Count());
            var alerted = messages.Select(m => farm.SiteIds.Single(site => (m.Subject ?? "").Contains(site, StringComparison.Ordinal))).Order().ToList();
            Assert.Equal(farm.EarlyClaimSites.Concat(farm.LateClaimSites).Order().ToList(), alerted);

            await AssertEvidenceDownloadsFromEveryNodeAsync(survivors);
            output.WriteLine($"{Elapsed} done");
        }
        catch
        {
            foreach (var node in _nodes) output.WriteLine($"==== {node.Name}\n{Tail(node.Output)}");
            throw;
        }
    }

    /// <summary>Every stored evidence file of every claim downloads, byte for byte, from each surviving node.</summary>
    private async Task AssertEvidenceDownloadsFromEveryNodeAsync(IReadOnlyList<ClusterNodeProcess> nodes)
    {
        var claims = await GetJsonAsync(nodes[0], "api/claims?status=open");
        var checkedFiles = 0;
        foreach (var claim in claims.GetProperty("claims").EnumerateArray())
        {
            var id = claim.GetProperty("id").GetInt64();
            var detail = await GetJsonAsync(nodes[0], $"api/claims/{id}");
            foreach (var manifest in detail.GetProperty("manifests").EnumerateArray())
            {
                foreach (var file in manifest.GetProperty("files").EnumerateArray().Where(f => f.GetProperty("stored").GetBoolean()))
                {
                    var sha = file.GetProperty("sha256").GetString()!;
                    foreach (var node in nodes)
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/claims/{id}/evidence/{sha}");
                        request.Headers.Add("X-Api-Key", ApiKey);
                        using var response = await node.Client.SendAsync(request);
                        Assert.True(response.IsSuccessStatusCode, $"{node.Name}: evidence {sha} of claim {id}: {(int)response.StatusCode}");
                        Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(await response.Content.ReadAsByteArrayAsync())));
                        checkedFiles++;
                    }
                }
            }
        }
        output.WriteLine($"{checkedFiles} evidence downloads checked");
        Assert.True(checkedFiles >= (EarlyClaims + LateClaims) * nodes.Count, $"only {checkedFiles} evidence downloads");
    }

    private static async Task<JsonElement> GetJsonAsync(ClusterNodeProcess node, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Api-Key", ApiKey);
        using var response = await node.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static void AssertScannedExactly(IReadOnlyDictionary<string, int> before, IReadOnlyDictionary<string, int> after, int times, string when)
    {
        var wrong = after.Where(s => s.Value - before[s.Key] != times).Select(s => $"{s.Key}: {s.Value - before[s.Key]}").ToList();
        Assert.True(wrong.Count == 0, $"{when}, each site should be fetched {times} times in {times} firings; " + string.Join(", ", wrong));
    }

    private static List<string> NodesOf(JsonElement status) =>
        status.GetProperty("nodes").EnumerateArray().Select(n => $"{n.GetProperty("id").GetString()}={n.GetProperty("state").GetString()}").Order().ToList();

    private static List<string> LastScansOf(JsonElement status) =>
        status.GetProperty("sites").EnumerateArray()
            .Select(s => $"{s.GetProperty("id").GetString()}@{s.GetProperty("lastScan").GetProperty("time").GetDateTimeOffset():O}" +
                $" by {s.GetProperty("lastScan").GetProperty("node").GetString()}")
            .ToList();

    /// <summary>The scan counts <see cref="Quiet"/> before the <paramref name="firingsAhead"/>th firing from now, when no scan runs.</summary>
    private static async Task<IReadOnlyDictionary<string, int>> CountsBeforeFiringAsync(ClusterSiteFarm farm, int firingsAhead)
    {
        var at = NextFiring(DateTimeOffset.UtcNow + Quiet) + Tick * (firingsAhead - 1) - Quiet;
        await DelayUntilAsync(at);
        return farm.ScanCounts();
    }

    private static async Task WaitForFiringAsync(TimeSpan after)
    {
        var at = NextFiring(DateTimeOffset.UtcNow) + after;
        await DelayUntilAsync(at);
    }

    /// <summary>
    /// Until the wall clock has passed <paramref name="at"/>. Task.Delay runs on another clock and may wake a moment
    /// early; a count taken then made the next window start at the same firing (two counts a millisecond apart: "0 scans").
    /// </summary>
    private static async Task DelayUntilAsync(DateTimeOffset at)
    {
        for (var left = at - DateTimeOffset.UtcNow; left >= TimeSpan.Zero; left = at - DateTimeOffset.UtcNow)
            await Task.Delay(left + TimeSpan.FromMilliseconds(5));
    }

    /// <summary>The next time the cron expression fires: every 15 s of the UTC minute.</summary>
    private static DateTimeOffset NextFiring(DateTimeOffset now)
    {
        var ticks = Tick.Ticks;
        return new DateTimeOffset((now.UtcTicks / ticks + 1) * ticks, TimeSpan.Zero);
    }

    private static async Task WaitUntilAsync(Func<bool> done, TimeSpan within, string what) =>
        await WaitUntilAsync(() => Task.FromResult(done()), within, () => what);

    private static async Task WaitUntilAsync(Func<bool> done, TimeSpan within, Func<string> what) =>
        await WaitUntilAsync(() => Task.FromResult(done()), within, what);

    private static async Task WaitUntilAsync(Func<Task<bool>> done, TimeSpan within, string what) =>
        await WaitUntilAsync(done, within, () => what);

    private static async Task WaitUntilAsync(Func<Task<bool>> done, TimeSpan within, Func<string> what)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what()}");
            await Task.Delay(200);
        }
    }

    private string WriteConfig(ClusterSiteFarm farm, int smtpPort)
    {
        var sites = farm.SiteIds.Select(id => new { Id = id, Name = id, Url = farm.Url(id).ToString(), Cron = $"0/{(int)Tick.TotalSeconds} * * * * ?" });
        var document = new
        {
            PartnerWatch = new
            {
                Brands = new[] { new { Id = "microsoft", Name = "Microsoft", Aliases = new[] { "Microsoft Azure" }, Domains = new[] { "microsoft.com" } } },
                Sites = sites,
                Fetch = new { AllowPrivateNetworks = true, MaxRetries = 0, MaxConcurrentSites = 4, Browser = new { Mode = "Never" } },
                Schedule = new { Jitter = "00:00:00" },
                Smtp = new { Host = "127.0.0.1", Port = smtpPort, Security = "None", From = "partnerwatch@cluster.example", To = new[] { "brand@cluster.example" } },
                Storage = new { Provider = "Postgres", ConnectionString = _connectionString },
                Cluster = new { CheckinInterval = CheckinInterval.ToString("c") },
                Api = new { Key = ApiKey },
                Logging = new { Level = "Information" },
            },
        };
        var path = _dir.Combine("partnerwatch.json");
        File.WriteAllText(path, JsonSerializer.Serialize(document));
        return path;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static string Tail(string text) => text.Length > 6000 ? text[^6000..] : text;
}

/// <summary>
/// Three service processes and PostgreSQL fill a 2-core machine: this collection runs alone, after the parallel ones
/// (its timing is then what it was measured at), on a PostgreSQL server of its own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "cluster";
}
