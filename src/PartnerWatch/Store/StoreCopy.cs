using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace PartnerWatch.Store;

/// <summary>
/// Copies an embedded SQLite store (database and evidence folder) into PostgreSQL, so a team that started small keeps
/// its claims, their history, the outbox and the evidence when it moves to several nodes. Rows keep their ids (alert
/// Message-IDs, evidence links and claim numbers stay valid) and are copied in one transaction: a failed copy leaves
/// the target as it was. Evidence blobs are content-addressed, so copying them again is harmless.
/// </summary>
internal sealed class StoreCopy(SqliteDialect source, DataDirectory sourceData, PostgresDialect target, TimeProvider time)
{
    /// <summary>The store's tables in foreign-key order, with whether they have an identity <c>id</c> to move on after the copy.</summary>
    public static readonly IReadOnlyList<(string Table, bool Identity)> Tables =
    [
        ("sites", false), ("scans", true), ("claims", true), ("alerts", true), ("alert_claims", false), ("alert_deliveries", false),
        ("evidence_manifests", true), ("claim_events", true), ("claim_verdicts", false), ("confirmed_partner_entries", false),
    ];

    private const int ProgressEvery = 500;

    /// <summary>Rows in the target's store tables; 0 means empty (the scheduler's own tables are not counted).</summary>
    public async Task<long> CountTargetRowsAsync(CancellationToken cancellationToken)
    {
        await NewSchema(target).InitializeAsync(cancellationToken);
        await using var connection = await target.OpenConnectionAsync(cancellationToken);
        long rows = 0;
        foreach (var (table, _) in Tables)
        {
            rows += await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM {table};", cancellationToken: cancellationToken));
        }

        return rows;
    }

    /// <summary>Copies everything; with <paramref name="replace"/> the target's store rows are deleted first, in the same transaction.</summary>
    public async Task<StoreCopyResult> CopyAsync(bool replace, Action<string> progress, CancellationToken cancellationToken)
    {
        // The source is brought to this version's schema first, as `serve` would on start: the copy reads today's columns.
        await NewSchema(source).InitializeAsync(cancellationToken);
        await NewSchema(target).InitializeAsync(cancellationToken);
        var legacyFiles = new EvidenceFiles(sourceData);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var blobs = new HashSet<string>(StringComparer.Ordinal);
        var missingManifests = 0;

        await using (var from = await source.OpenConnectionAsync(cancellationToken))
        await using (var to = await target.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await target.BeginWriteAsync(to, cancellationToken))
        {
            if (replace)
            {
                await to.ExecuteAsync(new CommandDefinition(
                    $"TRUNCATE {string.Join(", ", Tables.Select(t => t.Table))} RESTART IDENTITY;", transaction: transaction, cancellationToken: cancellationToken));
            }

            foreach (var (table, identity) in Tables)
            {
                var columns = (await to.QueryAsync<string>(new CommandDefinition(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @Table ORDER BY ordinal_position;",
                    new { Table = table }, transaction, cancellationToken: cancellationToken))).ToList();
                var total = await from.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM {table};", cancellationToken: cancellationToken));
                var insert = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))});";
                long copied = 0;
                var rows = await from.QueryAsync(new CommandDefinition($"SELECT {string.Join(", ", columns)} FROM {table} ORDER BY rowid;",
                    cancellationToken: cancellationToken));
                foreach (IDictionary<string, object?> row in rows)
                {
                    var values = new DynamicParameters();
                    foreach (var column in columns) values.Add(column, row[column]);
                    if (table == "evidence_manifests")
                    {
                        // Manifests written before they moved into the database are files: their bytes come along.
                        if (row["content"] is null)
                        {
                            var file = legacyFiles.PathOf((long)row["claim_id"]!, (string)row["file"]!);
                            var content = file is not null && File.Exists(file) ? await File.ReadAllBytesAsync(file, cancellationToken) : null;
                            if (content is null) missingManifests++;
                            values.Add("content", content);
                        }

                        blobs.UnionWith(StoreValues.DeserializeStrings(row["blobs"] as string));
                    }

                    await to.ExecuteAsync(new CommandDefinition(insert, values, transaction, cancellationToken: cancellationToken));
                    if (++copied % ProgressEvery == 0) progress($"{table}: {copied}/{total}");
                }

                if (identity)
                {
                    await to.ExecuteAsync(new CommandDefinition(
                        $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false);",
                        transaction: transaction, cancellationToken: cancellationToken));
                }

                counts[table] = copied;
                progress($"{table}: {copied}/{total}");
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var sourceBlobs = new LocalEvidenceBlobs(sourceData);
        var targetBlobs = new PostgresEvidenceBlobs(target, NewSchema(target), time);
        long blobsCopied = 0, blobsMissing = 0, bytes = 0, done = 0;
        foreach (var sha in blobs.Order(StringComparer.Ordinal))
        {
            if (await sourceBlobs.ReadAsync(sha, cancellationToken) is { } content)
            {
                await targetBlobs.WriteAsync(content, cancellationToken);
                blobsCopied++;
                bytes += content.LongLength;
            }
            else
            {
                blobsMissing++;
            }

            if (++done % 100 == 0) progress($"evidence blobs: {done}/{blobs.Count}");
        }

        progress($"evidence blobs: {done}/{blobs.Count} ({bytes / 1024} KiB)");
        return new StoreCopyResult(counts, blobsCopied, blobsMissing, bytes, missingManifests);
    }

    private StoreSchema NewSchema(StoreDialect dialect) => new(dialect, time, NullLogger<StoreSchema>.Instance);
}

/// <param name="Rows">Rows copied per table.</param>
/// <param name="BlobsMissing">Blobs a manifest lists that were not in the source folder (pruned or lost): left out.</param>
/// <param name="ManifestsMissing">Manifest files a row names that were not in the source folder: copied without content.</param>
internal sealed record StoreCopyResult(IReadOnlyDictionary<string, long> Rows, long BlobsCopied, long BlobsMissing, long BlobBytes, int ManifestsMissing);
