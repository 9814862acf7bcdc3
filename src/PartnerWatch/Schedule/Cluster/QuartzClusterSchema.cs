using Npgsql;
using Quartz;

namespace PartnerWatch.Schedule.Cluster;

/// <summary>
/// Creates what the shared job store needs in PostgreSQL before the scheduler starts: Quartz's <c>qrtz_</c> tables and
/// PartnerWatch's own <c>cluster_nodes</c> (who has been a node, for the cluster view). Every node runs this at start,
/// all at once after a deployment, so it runs under one transaction-scoped advisory lock: concurrent
/// <c>CREATE TABLE IF NOT EXISTS</c> statements can still collide in PostgreSQL's catalog, one after the other cannot.
/// </summary>
/// <remarks>
/// The script is the one Quartz embeds for its own provisioning (<c>create_postgres.sql</c>, the schema of exactly the
/// Quartz version in this build, every statement guarded by IF NOT EXISTS), not the <c>tables_postgres.sql</c> of the
/// Quartz repository, which drops the tables first and is meant for a person with a database client. Quartz then
/// validates the schema itself when the scheduler is built (<see cref="SchemaProvisioning.Validate"/>) and refuses to
/// start, naming what is missing, on a database a newer Quartz needs migrated.
/// </remarks>
public static class QuartzClusterSchema
{
    public const string TablePrefix = "qrtz_";

    /// <summary>Advisory lock key of the scheduler schema ("PWQRTZ01"); distinct from the store's writer lock.</summary>
    private const long SchemaLockKey = 0x5057_5152_545A_3031;

    private const string ScriptResource = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";
    private const string StatementSeparator = "--;;";

    private const string NodesTable = """
        CREATE TABLE IF NOT EXISTS cluster_nodes (
            node_id      TEXT   NOT NULL PRIMARY KEY,
            host         TEXT   NOT NULL,
            process_id   INTEGER NOT NULL,
            version      TEXT   NOT NULL,
            started_at   BIGINT NOT NULL,
            last_seen_at BIGINT NOT NULL,
            stopped_at   BIGINT NULL
        )
        """;

    public static async Task EnsureAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({SchemaLockKey})", cancellationToken);
        foreach (var statement in Statements())
            await ExecuteAsync(connection, transaction, statement, cancellationToken);
        await ExecuteAsync(connection, transaction, NodesTable, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The statements of Quartz's own PostgreSQL script with the table prefix put in, header comments dropped.</summary>
    public static IReadOnlyList<string> Statements()
    {
        using var stream = typeof(IScheduler).Assembly.GetManifestResourceStream(ScriptResource)
            ?? throw new InvalidOperationException($"Quartz no longer embeds {ScriptResource}; see docs/cluster.md (schema).");
        using var reader = new StreamReader(stream);
        var script = reader.ReadToEnd()
            .Replace("{0}", TablePrefix, StringComparison.Ordinal)
            .Replace("{1}", TablePrefix, StringComparison.Ordinal);
        // The separator is a line of its own; the header comment also quotes it, inside a sentence.
        return script.ReplaceLineEndings("\n").Split("\n" + StatementSeparator + "\n", StringSplitOptions.TrimEntries)
            .Where(chunk => chunk.Split('\n').Any(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith("--", StringComparison.Ordinal)))
            .ToList();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
