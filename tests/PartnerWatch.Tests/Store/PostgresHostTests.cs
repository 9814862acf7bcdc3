using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PartnerWatch.Cli;
using PartnerWatch.Config;
using PartnerWatch.Demo;
using PartnerWatch.Domain;
using PartnerWatch.Store;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Store;

/// <summary><c>scan --store</c> and <c>serve</c> end to end with <c>Storage:Provider = Postgres</c>, on a real server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresHostTests(PostgresServer server) : IAsyncLifetime
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
    public async Task ScanWithStoreRecordsTheClaimAndItsAlertInPostgres()
    {
        await using var sites = await DemoSiteServer.StartAsync(CancellationToken.None);
        var logos = Path.Combine(AppContext.BaseDirectory, "Demo", "logos").Replace("\\", "/");
        var config = _dir.Combine("scan.json");
        await File.WriteAllTextAsync(config, $$"""
            { "PartnerWatch": {
                "Brands": [ { "Id": "microsoft", "Name": "Microsoft", "Aliases": ["微软"], "Domains": ["microsoft.com"], "Logos": ["{{logos}}/microsoft.svg"] } ],
                "Sites": [ { "Id": "dongfang-shiyun", "Url": "{{sites.Origin}}dongfang-shiyun/" } ],
                "Fetch": { "AllowPrivateNetworks": true, "MaxRetries": 0 },
                "Storage": { "DataDirectory": "{{_dir.Combine("data").Replace("\\", "/")}}", "Provider": "Postgres", "ConnectionString": "{{_connectionString}}" } } }
            """);
        var (args, error) = CliArguments.Parse(["scan", "--config", config, "--store"]);
        Assert.Null(error);
        var stderr = new StringWriter();

        var exit = await ScanCommand.RunAsync(args!, new StringWriter(), stderr, CancellationToken.None);

        Assert.True(exit == ExitCodes.UnverifiedClaims, stderr.ToString());
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM claims WHERE site_id = 'dongfang-shiyun' AND brand_id = 'microsoft' AND state = 'open'"));
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM alerts"));
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM evidence_manifests"));
        Assert.False(File.Exists(_dir.Combine("data", DataDirectory.DatabaseFileName)));
        Assert.Single(Directory.EnumerateFiles(_dir.Combine("data", "outbox"), "*.eml"));
        Assert.DoesNotContain("Password", stderr.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ServiceOnPostgresIsReadyAndShowsStoredClaims()
    {
        var overrides = new Dictionary<string, string?>
        {
            ["PartnerWatch:Brands:0:Id"] = "microsoft",
            ["PartnerWatch:Brands:0:Name"] = "Microsoft",
            ["PartnerWatch:Sites:0:Id"] = "sensenets",
            ["PartnerWatch:Sites:0:Url"] = "http://127.0.0.1:9/",
            ["PartnerWatch:Sites:0:Cron"] = "0 0 0 1 1 ? 2099",
            ["PartnerWatch:Schedule:Jitter"] = "00:00:00",
            ["PartnerWatch:Storage:DataDirectory"] = _dir.Combine("data"),
            ["PartnerWatch:Storage:Provider"] = "Postgres",
            ["PartnerWatch:Storage:ConnectionString"] = _connectionString,
        };
        await using var service = await ServiceHost.StartAsync(ConfigurationLoader.Load(null, overrides));
        // On PostgreSQL the node joins the Quartz cluster after the host has started: ready within seconds, not at once.
        var ready = HttpStatusCode.ServiceUnavailable;
        for (var until = DateTime.UtcNow.AddSeconds(60); ready != HttpStatusCode.OK && DateTime.UtcNow < until; await Task.Delay(250))
            ready = (await service.Client.GetAsync("/readyz")).StatusCode;
        Assert.Equal(HttpStatusCode.OK, ready);

        var now = DateTimeOffset.UtcNow;
        await service.Services.GetRequiredService<IScanStore>().RecordScanAsync(new SiteScanResult("sensenets", "https://sensenets.example/", 2, [],
            [new Claim("microsoft", ClaimStatus.Unverified, 0.97, [new Evidence(EvidenceKind.Text, "https://sensenets.example/partners", "names the brand")])])
        {
            StartedAt = now,
            FinishedAt = now,
        }, CancellationToken.None);

        var status = await service.WaitForStatusAsync(s => s.GetProperty("openClaims").GetArrayLength() == 1);
        var claim = status.GetProperty("openClaims")[0];
        Assert.Equal(("sensenets", "microsoft"), (claim.GetProperty("site").GetString(), claim.GetProperty("brand").GetString()));
        Assert.False(File.Exists(_dir.Combine("data", DataDirectory.DatabaseFileName)));
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
