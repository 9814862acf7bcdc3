using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PartnerWatch.Alert;
using PartnerWatch.Domain;
using PartnerWatch.Store;
using static PartnerWatch.Tests.Store.StoreHarness;

namespace PartnerWatch.Tests.Store;

/// <summary>
/// The store tests on a real PostgreSQL server, plus what only a shared server has: several service instances on one
/// database, and a connection string that holds a password.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresScanStoreTests(PostgresServer server) : ScanStoreTests(StoreBackend.Postgres(server))
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task DueAlertsTakenByOneInstanceAreNotHandedToAnotherUntilTheLeaseRunsOut()
    {
        await using var harness = await StartAsync();
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"), Unverified("contoso"));
        var other = harness.StartInstance().GetRequiredService<IScanStore>();

        var first = await harness.Store.GetPendingAlertsAsync(10, None);
        var second = await other.GetPendingAlertsAsync(10, None);

        Assert.Equal(2, first.Count);
        Assert.Empty(second);

        // The first instance died before marking them: the other takes them over once the lease has run out.
        harness.Clock.Advance(RelationalScanStore.OutboxLease);
        var takenOver = await other.GetPendingAlertsAsync(10, None);
        Assert.Equal(first.Select(a => a.MessageId).Order(), takenOver.Select(a => a.MessageId).Order());
    }

    [Fact]
    public async Task DueWebhookDeliveriesTakenByOneInstanceAreNotHandedToAnother()
    {
        await using var harness = await StartAsync(o => o.Webhooks =
        [
            new PartnerWatch.Config.WebhookOptions { Url = "https://hooks.example/a" },
            new PartnerWatch.Config.WebhookOptions { Url = "https://hooks.example/b" },
        ]);
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));
        var other = harness.StartInstance().GetRequiredService<IScanStore>();

        var first = await harness.Store.GetPendingDeliveriesAsync(10, None);
        var second = await other.GetPendingDeliveriesAsync(10, None);

        Assert.Equal(["webhook:0", "webhook:1"], first.Select(d => d.Sink));
        Assert.All(first, d => Assert.Equal(("sensenets", "microsoft"), (d.Alert.SiteId, d.Alert.BrandId)));
        Assert.Empty(second);

        // A failed attempt ends the lease: the retry is due at its own time, for whichever instance asks first.
        await harness.Store.MarkDeliveryFailedAsync(first[0].Alert.Id, "webhook:0", "HTTP 503", harness.Clock.GetUtcNow().AddMinutes(1), None);
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var retry = Assert.Single(await other.GetPendingDeliveriesAsync(10, None));
        Assert.Equal(("webhook:0", 1), (retry.Sink, retry.Attempts));
    }

    [Fact]
    public async Task TwoInstancesDispatchingAtOnceSendEachAlertOnce()
    {
        await using var harness = await StartAsync();
        for (var i = 0; i < 6; i++)
        {
            await harness.RecordAsync($"site{i}", failed: false, Unverified("microsoft"), Unverified("contoso"));
        }

        var other = harness.StartInstance().GetRequiredService<AlertDispatcher>();
        await Task.WhenAll(
            Task.Run(() => harness.Dispatcher.DispatchPendingAsync(None)),
            Task.Run(() => other.DispatchPendingAsync(None)));

        var sent = Directory.GetFiles(harness.OutboxPath, "*.eml");
        Assert.Equal(12, sent.Length);
        Assert.Equal(12, await harness.CountAsync("SELECT COUNT(*) FROM alerts WHERE state = 'sent'"));
        Assert.Empty(await harness.Store.GetPendingAlertsAsync(50, None));
    }

    [Fact]
    public async Task TwoInstancesRecordingTheSameClaimAtOnceQueueOneAlert()
    {
        await using var harness = await StartAsync();
        var stores = new[] { harness.Store, harness.StartInstance().GetRequiredService<IScanStore>(), harness.StartInstance().GetRequiredService<IScanStore>() };
        var scans = Enumerable.Range(0, 30).Select(i => (Store: stores[i % 3], Scan: new SiteScanResult("sensenets", "https://sensenets.example/", 2, [], [Unverified("microsoft")])
        {
            StartedAt = StoreHarness.Start.AddSeconds(i),
            FinishedAt = StoreHarness.Start.AddSeconds(i + 1),
        }));

        var results = await Task.WhenAll(scans.Select(s => Task.Run(() => s.Store.RecordScanAsync(s.Scan, None))));

        Assert.Equal(1, results.Sum(r => r.AlertsQueued));
        Assert.Equal(1, await harness.CountAsync(AlertCount));
        Assert.Equal(1, await harness.CountAsync("SELECT COUNT(*) FROM claims"));
        Assert.Equal(30, await harness.CountAsync("SELECT COUNT(*) FROM scans"));
    }

    [Fact]
    public async Task InstancesStartingTogetherOnAnEmptyDatabaseMigrateItOnce()
    {
        var connectionString = await server.CreateDatabaseAsync();
        try
        {
            var options = new PartnerWatch.Config.PartnerWatchOptions { Storage = { Provider = "Postgres", ConnectionString = connectionString } };
            using var temp = new Infrastructure.TempDirectory();
            var stores = Enumerable.Range(0, 4).Select(_ => RelationalScanStore.Create(new PostgresDialect(connectionString), new DataDirectory(temp.Path),
                options, TimeProvider.System)).ToList();

            await Task.WhenAll(stores.Select(s => Task.Run(() => s.InitializeAsync(None))));

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM schema_version", connection);
            Assert.Equal(stores[0].CodeSchemaVersion, Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
            Assert.All(await Task.WhenAll(stores.Select(s => s.PingAsync(None))), Assert.True);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await server.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task UnreachableServerGivesErrorNamingTheDatabaseAndKeyButNotThePassword()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now: connection refused
        var dialect = new PostgresDialect($"Host=127.0.0.1;Port={port};Database=partnerwatch;Username=pw;Password=Sup3r-Secret-Pw;Timeout=5");
        using var temp = new Infrastructure.TempDirectory();
        var store = RelationalScanStore.Create(dialect, new DataDirectory(temp.Path), new PartnerWatch.Config.PartnerWatchOptions(), TimeProvider.System);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(None));

        Assert.Contains($"PostgreSQL database 'partnerwatch' on 127.0.0.1:{port}", error.Message);
        Assert.Contains("PartnerWatch:Storage:ConnectionString", error.Message);
        Assert.DoesNotContain("Sup3r-Secret-Pw", error.ToString());
        Assert.False(await store.PingAsync(None));
    }
}
