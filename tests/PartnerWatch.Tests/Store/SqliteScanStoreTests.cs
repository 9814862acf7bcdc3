using Microsoft.Data.Sqlite;
using PartnerWatch.Store;

namespace PartnerWatch.Tests.Store;

/// <summary>The store tests on the embedded SQLite file, plus what only a file has (WAL mode, a broken file, its path).</summary>
public sealed class SqliteScanStoreTests() : ScanStoreTests(StoreBackend.Sqlite)
{
    [Fact]
    public async Task DatabaseFileIsInWalMode()
    {
        await using var harness = await StartAsync();

        Assert.Equal("wal", await ScalarTextAsync(harness, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task FileThatIsNotADatabaseGivesErrorNamingThePath()
    {
        await using var harness = await StartAsync();
        var otherData = Path.Combine(harness.DataPath, "broken");
        Directory.CreateDirectory(otherData);
        await File.WriteAllTextAsync(Path.Combine(otherData, DataDirectory.DatabaseFileName), new string('x', 4096));

        var store = RelationalScanStore.Create(new SqliteDialect(new DataDirectory(otherData)), new DataDirectory(otherData), harness.Options, harness.Clock);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(CancellationToken.None));

        Assert.Contains(Path.Combine(otherData, DataDirectory.DatabaseFileName), error.Message);
    }

    [Fact]
    public void RelativeDataDirectoryResolvesToAnAbsolutePathWithSubfolders()
    {
        var data = new DataDirectory(Path.Combine("some", "data"));

        Assert.True(Path.IsPathFullyQualified(data.Root));
        Assert.Equal(Path.GetFullPath(Path.Combine(Environment.CurrentDirectory, "some", "data")), data.Root);
        Assert.Equal(Path.Combine(data.Root, "outbox"), data.Outbox);
        Assert.Equal(Path.Combine(data.Root, "evidence"), data.Evidence);
        Assert.Throws<ArgumentException>(() => new DataDirectory(""));
    }

    private static async Task<string> ScalarTextAsync(StoreHarness harness, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={harness.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
