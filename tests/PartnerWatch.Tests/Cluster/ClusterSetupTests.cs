using Npgsql;
using PartnerWatch.Cli;
using PartnerWatch.Config;
using PartnerWatch.Demo;
using PartnerWatch.Schedule.Cluster;
using PartnerWatch.Tests.Infrastructure;
using PartnerWatch.Tests.Store;

namespace PartnerWatch.Tests.Cluster;

/// <summary>The parts of the cluster that need no second process: the schema under concurrent starts, options, the single node view.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterSetupTests(PostgresServer server) : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await server.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await server.DropDatabaseAsync(_connectionString);
        _dir.Dispose();
    }

    [Fact]
    public async Task EightNodesCreatingTheSchedulerSchemaAtOnceAllSucceedAndLeaveOneSchema()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => QuartzClusterSchema.EnsureAsync(_connectionString, CancellationToken.None))));
        // Again on the existing schema: nothing to do, no error.
        await QuartzClusterSchema.EnsureAsync(_connectionString, CancellationToken.None);

        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_name LIKE 'qrtz\\_%' OR table_name = 'cluster_nodes'", connection);
        // Quartz 4.7.3's PostgreSQL script: 15 tables (jobs, triggers and their kinds, calendars, pauses, fired
        // triggers, scheduler state, locks, execution and misfire history, job status), plus cluster_nodes.
        Assert.Equal(16L, Convert.ToInt64(await command.ExecuteScalarAsync()));
    }

    [Fact]
    public void NodeIdsAreCheckedAndAutoIdsDifferPerProcessStart()
    {
        var problems = ClusterOptionsValidator.Check(new ClusterOptions { NodeId = "two words", CheckinInterval = TimeSpan.FromMilliseconds(100) })
            .Select(p => p.Path).ToList();
        Assert.Equal(["PartnerWatch:Cluster:NodeId", "PartnerWatch:Cluster:CheckinInterval"], problems);
        Assert.Empty(ClusterOptionsValidator.Check(new ClusterOptions()));

        var a = NodeIdentity.Create(new ClusterOptions(), TimeProvider.System);
        var b = NodeIdentity.Create(new ClusterOptions(), TimeProvider.System);
        Assert.StartsWith($"{Environment.MachineName}-{Environment.ProcessId}-", a.Id);
        Assert.NotEqual(a.Id, b.Id); // two containers sharing a host name, both pid 1, still get two ids (65,536 suffixes)
        Assert.Equal("edge-7", NodeIdentity.Create(new ClusterOptions { NodeId = " edge-7 " }, TimeProvider.System).Id);
    }

    [Fact]
    public async Task OnSqliteStatusListsThisProcessAsTheOnlyNodeAndNamesItOnEachScan()
    {
        await using var sites = await DemoSiteServer.StartAsync(CancellationToken.None);
        var loaded = DemoCommand.LoadDemoConfiguration(sites.Origin, _dir.Path);
        loaded.Options.Cluster.NodeId = "solo";
        loaded.Options.Fetch.Browser.Mode = BrowserMode.Never;
        await using var service = await ServiceHost.StartAsync(loaded);

        var status = await service.WaitForStatusAsync(s => s.GetProperty("sites").EnumerateArray().All(site => site.GetProperty("lastScan").ValueKind != System.Text.Json.JsonValueKind.Null));

        var node = Assert.Single(status.GetProperty("nodes").EnumerateArray());
        Assert.Equal("solo", node.GetProperty("id").GetString());
        Assert.Equal("alive", node.GetProperty("state").GetString());
        Assert.True(node.GetProperty("current").GetBoolean());
        Assert.All(status.GetProperty("sites").EnumerateArray(), site => Assert.Equal("solo", site.GetProperty("lastScan").GetProperty("node").GetString()));
    }
}
