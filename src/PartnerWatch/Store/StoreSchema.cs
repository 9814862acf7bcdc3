using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;

namespace PartnerWatch.Store;

/// <summary>
/// Creates or migrates the schema of the store's database once per process, before any other part of the store (or
/// the PostgreSQL blob store) touches it; refuses a database newer than this code.
/// </summary>
internal sealed class StoreSchema(StoreDialect dialect, TimeProvider time, ILogger<StoreSchema> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _initialized;

    /// <summary>Schema version this code writes for its engine; a database with a higher version is refused.</summary>
    public int CodeVersion => dialect.Migrations[^1].Version;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (!_initialized)
        {
            await InitializeAsync(cancellationToken);
        }
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_initialized)
            {
                return;
            }

            dialect.EnsureLocation();
            await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
            await dialect.PrepareAsync(connection, cancellationToken);
            await using (var bootstrap = await dialect.BeginWriteAsync(connection, cancellationToken))
            {
                await connection.ExecuteAsync(new CommandDefinition(dialect.CreateSchemaVersionTable, transaction: bootstrap, cancellationToken: cancellationToken));
                await bootstrap.CommitAsync(cancellationToken);
            }

            var version = await ReadVersionAsync(connection, null, cancellationToken);
            ThrowIfNewerThanCode(version);
            foreach (var migration in dialect.Migrations.Where(m => m.Version > version))
            {
                await ApplyAsync(connection, migration, cancellationToken);
            }

            _initialized = true;
            logger.LogDatabaseReady(dialect.Location, CodeVersion);
        }
        catch (Exception ex) when (ex is DbException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"Cannot open the database {Quoted(dialect.Location)} ({dialect.LocationSetting}): {ex.Message}", ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The schema version of an open database (0 when empty).</summary>
    public static async Task<int> ReadVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(StoreSql.CurrentSchemaVersion, transaction: transaction, cancellationToken: cancellationToken));

    private async Task ApplyAsync(DbConnection connection, SchemaMigration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken);
        // Re-read inside the (immediate) transaction: another process may have migrated meanwhile.
        var version = await ReadVersionAsync(connection, transaction, cancellationToken);
        ThrowIfNewerThanCode(version);
        if (version >= migration.Version)
        {
            return;
        }

        if (version != migration.Version - 1)
        {
            throw new InvalidOperationException(
                $"Database {Quoted(dialect.Location)} is at schema version {version}; migration {migration.Version} cannot follow it.");
        }

        await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(StoreSql.InsertSchemaVersion,
            new { migration.Version, AppliedAt = StoreValues.ToUnixMs(time.GetUtcNow()) }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        logger.LogMigrated(migration.Version, migration.Description);
    }

    /// <summary>A file path is quoted; a described database ("PostgreSQL database 'x' on host:5432") already is.</summary>
    public static string Quoted(string location) => location.Contains('\'', StringComparison.Ordinal) ? location : $"'{location}'";

    private void ThrowIfNewerThanCode(int version)
    {
        if (version > CodeVersion)
        {
            throw new InvalidOperationException(
                $"Database {Quoted(dialect.Location)} has schema version {version}, but this PartnerWatch knows only up to " +
                $"version {CodeVersion}. Run a newer PartnerWatch, or point {dialect.LocationSetting} elsewhere.");
        }
    }
}

/// <summary>What every part of the relational store shares: the engine, the migrated schema, the options and the clock.</summary>
internal sealed class StoreContext(StoreDialect dialect, StoreSchema schema, Config.PartnerWatchOptions options, TimeProvider time, ILogger<RelationalScanStore> logger)
{
    public StoreDialect Dialect => dialect;
    public StoreSchema Schema => schema;
    public Config.PartnerWatchOptions Options => options;
    public TimeProvider Time => time;
    public ILogger Logger => logger;

    /// <summary>A pooled connection on a migrated database; the caller disposes it.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        return await dialect.OpenConnectionAsync(cancellationToken);
    }

    public static Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, object values, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql, values, transaction, cancellationToken: cancellationToken));
}

internal static partial class StoreLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Database} ready at schema version {SchemaVersion}")]
    public static partial void LogDatabaseReady(this ILogger logger, string database, int schemaVersion);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied database migration {SchemaVersion}: {Description}")]
    public static partial void LogMigrated(this ILogger logger, int schemaVersion, string description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database ping failed: {Reason}")]
    public static partial void LogPingFailed(this ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Evidence for {What} could not be written: {Reason}")]
    public static partial void LogEvidenceWriteFailed(this ILogger logger, string what, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Evidence retention: deleted {Manifests} manifests and {Blobs} blobs")]
    public static partial void LogEvidencePruned(this ILogger logger, int manifests, int blobs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evidence of claim or alert {Id} is unreadable and is left out: {Reason}")]
    public static partial void LogUnreadableEvidence(this ILogger logger, long id, string reason);
}
