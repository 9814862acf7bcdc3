using System.Data.Common;
using PartnerWatch.Config;

namespace PartnerWatch.Store;

/// <summary>
/// What differs between the database engines under <see cref="RelationalScanStore"/>: connections, the schema and its
/// migrations, how a writer excludes other writers, and list parameters. Everything else is the shared SQL in
/// <see cref="StoreSql"/>, so both engines run the same claim lifecycle and outbox code.
/// </summary>
internal abstract class StoreDialect
{
    /// <summary>Where the data is, for messages; never holds a secret (no password).</summary>
    public abstract string Location { get; }

    /// <summary>The configuration key an operator changes to point the store elsewhere, for messages.</summary>
    public abstract string LocationSetting { get; }

    /// <summary>Creates the schema version table if missing; runs inside a write transaction before any migration.</summary>
    public abstract string CreateSchemaVersionTable { get; }

    /// <summary>Applied in order, each in its own write transaction; never edit a released script, append a new one.</summary>
    public abstract IReadOnlyList<SchemaMigration> Migrations { get; }

    /// <summary>
    /// True when several processes may share the database, so reading the due outbox must also claim the rows for a
    /// while (<see cref="OutboxDeliveries.Lease"/>): another instance does not send the same alert meanwhile.
    /// </summary>
    public virtual bool LeasesOutbox => false;

    public abstract DbConnection CreateConnection();

    /// <summary>Per-connection settings, run on every opened connection.</summary>
    public virtual Task OnOpenedAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>An open connection with this engine's per-connection settings applied; the caller disposes it.</summary>
    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            await OnOpenedAsync(connection, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The lifecycle a stored claim row is in (the state column, refined by its acknowledgement).</summary>
    public static ClaimLifecycle Lifecycle(string state, long? acknowledgedAt) => state switch
    {
        "resolved" => ClaimLifecycle.Resolved,
        "confirmed" => ClaimLifecycle.Confirmed,
        "dismissed" => ClaimLifecycle.Dismissed,
        _ => acknowledgedAt is null ? ClaimLifecycle.Open : ClaimLifecycle.Acknowledged,
    };

    /// <summary>Creates what must exist before the first connection (the SQLite file's folder).</summary>
    public virtual void EnsureLocation()
    {
    }

    /// <summary>Database-wide settings, run once at initialisation before the migrations.</summary>
    public virtual Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Begins a transaction that excludes every other writer until it ends, in this and in other processes. Claim and
    /// outbox changes read-then-write (is this claim new? was this reminder queued?), so they must not interleave.
    /// </summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>SQL testing <paramref name="column"/> against a list parameter (Dapper expands or passes an array).</summary>
    public abstract string InList(string column, string parameter);

    public static StoreDialect FromOptions(PartnerWatchOptions options, DataDirectory dataDirectory) =>
        options.Storage.IsPostgres()
            ? new PostgresDialect(options.Storage.ConnectionString ?? "")
            : new SqliteDialect(dataDirectory);
}
