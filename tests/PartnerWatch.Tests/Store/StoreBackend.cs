using PartnerWatch.Config;

namespace PartnerWatch.Tests.Store;

/// <summary>The database engine a store test runs on: the SQLite file (default) or a fresh PostgreSQL database.</summary>
public abstract class StoreBackend
{
    public static readonly StoreBackend Sqlite = new SqliteBackend();

    public static StoreBackend Postgres(PostgresServer server) => new PostgresBackend(server);

    /// <summary>Points <paramref name="storage"/> at a new, empty database.</summary>
    public abstract Task ProvisionAsync(StorageOptions storage);

    public abstract Task ReleaseAsync(StorageOptions storage);

    private sealed class SqliteBackend : StoreBackend
    {
        public override Task ProvisionAsync(StorageOptions storage)
        {
            storage.Provider = StorageOptions.Sqlite;
            return Task.CompletedTask;
        }

        // The file goes with the temp folder.
        public override Task ReleaseAsync(StorageOptions storage) => Task.CompletedTask;

        public override string ToString() => "SQLite";
    }

    private sealed class PostgresBackend(PostgresServer server) : StoreBackend
    {
        public override async Task ProvisionAsync(StorageOptions storage)
        {
            storage.Provider = StorageOptions.Postgres;
            storage.ConnectionString = await server.CreateDatabaseAsync();
        }

        public override Task ReleaseAsync(StorageOptions storage) =>
            storage.ConnectionString is { } connectionString ? server.DropDatabaseAsync(connectionString) : Task.CompletedTask;

        public override string ToString() => "PostgreSQL";
    }
}
