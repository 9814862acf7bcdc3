using System.CommandLine;
using Npgsql;
using PartnerWatch.Config;
using PartnerWatch.Store;

namespace PartnerWatch.Cli;

/// <summary>
/// <c>PartnerWatch migrate-store</c>: copies the embedded SQLite store (claims and their history, scans, the alert
/// outbox and webhook deliveries, reviews, evidence manifests and blobs) into PostgreSQL. Refuses a target that already
/// holds PartnerWatch data unless <c>--force</c>, which replaces it; running it again with <c>--force</c> gives the same
/// result. Stop the service that uses the SQLite file first: a scan recorded during the copy would be left behind.
/// </summary>
public static class MigrateStoreCommand
{
    public const string Name = "migrate-store";
    private const string SqlitePrefix = "sqlite:";

    public static Command Create()
    {
        var from = new Option<string?>("--from")
        {
            Description = "The SQLite store: its data directory or partnerwatch.db (optionally prefixed sqlite:). Default: Storage:DataDirectory of --config.",
            HelpName = "PATH",
        };
        var to = new Option<string?>("--to")
        {
            Description = "PostgreSQL connection string. Default: Storage:ConnectionString of --config (or PartnerWatch__Storage__ConnectionString), which keeps the password off the command line.",
            HelpName = "CONNECTION",
        };
        var force = new Option<bool>("--force") { Description = "Replace what the target database already holds (its PartnerWatch claims, alerts, evidence)." };
        var config = new Option<string?>(PartnerWatchCommandLine.ConfigOption) { Description = "Configuration file to read the defaults from.", HelpName = "FILE" };
        var command = new Command(Name, """
            Copy the embedded SQLite store (claims, history, outbox, reviews, evidence) into PostgreSQL, keeping ids.
            Exit codes: 0 copied, 2 bad usage or the target is not empty (use --force), 3 the copy failed.
            """);
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(force);
        command.Options.Add(config);
        command.SetAction((parsed, cancellationToken) => RunAsync(
            parsed.GetValue(from), parsed.GetValue(to), parsed.GetValue(force), parsed.GetValue(config),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, TimeProvider.System, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(
        string? from, string? to, bool force, string? configFile, TextWriter stdout, TextWriter stderr, TimeProvider time, CancellationToken cancellationToken)
    {
        var options = configFile is null && from is not null && to is not null ? new PartnerWatchOptions() : ConfigurationLoader.Load(configFile).Options;
        var sourcePath = from is null ? options.Storage.DataDirectory
            : from.StartsWith(SqlitePrefix, StringComparison.OrdinalIgnoreCase) ? from[SqlitePrefix.Length..] : from;
        // A path to the database file names its folder: the evidence lives beside it.
        if (string.Equals(Path.GetFileName(sourcePath), DataDirectory.DatabaseFileName, StringComparison.Ordinal))
            sourcePath = Path.GetDirectoryName(Path.GetFullPath(sourcePath)) ?? sourcePath;
        var connectionString = to ?? (options.Storage.IsPostgres() || !string.IsNullOrWhiteSpace(options.Storage.ConnectionString) ? options.Storage.ConnectionString : null);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            stderr.WriteLine("error: no target: give --to \"Host=…;Database=…;Username=…\" or set PartnerWatch:Storage:ConnectionString");
            return ExitCodes.UsageOrConfig;
        }

        DataDirectory sourceData;
        PostgresDialect target;
        try
        {
            sourceData = new DataDirectory(sourcePath);
            target = new PostgresDialect(connectionString);
        }
        catch (ArgumentException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ExitCodes.UsageOrConfig;
        }

        if (!File.Exists(sourceData.DatabasePath))
        {
            stderr.WriteLine($"error: no SQLite store at '{sourceData.DatabasePath}' (--from or PartnerWatch:Storage:DataDirectory)");
            return ExitCodes.UsageOrConfig;
        }

        var copy = new StoreCopy(new SqliteDialect(sourceData), sourceData, target, time);
        try
        {
            var existing = await copy.CountTargetRowsAsync(cancellationToken);
            if (existing > 0 && !force)
            {
                stderr.WriteLine($"error: {target.Location} already holds {existing} PartnerWatch rows; nothing copied. Use --force to replace them.");
                return ExitCodes.UsageOrConfig;
            }

            stderr.WriteLine($"Copying '{sourceData.DatabasePath}' and its evidence into {target.Location}{(existing > 0 ? " (replacing its data)" : "")}");
            var result = await copy.CopyAsync(replace: existing > 0, line => stderr.WriteLine("  " + line), cancellationToken);
            stdout.WriteLine($"Copied {string.Join(", ", result.Rows.Select(r => $"{r.Value} {r.Key}"))}; " +
                             $"{result.BlobsCopied} evidence blobs ({result.BlobBytes / 1024} KiB).");
            if (result.BlobsMissing > 0 || result.ManifestsMissing > 0)
                stdout.WriteLine($"  note: {result.BlobsMissing} blobs and {result.ManifestsMissing} manifest files listed in the database were not in '{sourceData.Evidence}' (pruned or lost) and are left out.");
            stdout.WriteLine("Now set PartnerWatch:Storage:Provider=Postgres and the connection string, and start the service.");
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is NpgsqlException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or IOException)
        {
            // Npgsql messages do not carry the password; the connection string itself is never printed.
            // The rows are one transaction (none are left on failure); blobs come after, and copying them again is harmless.
            stderr.WriteLine($"error: the copy failed: {ex.Message}. Run the command again (with --force if the rows were copied).");
            return ExitCodes.StartupFailed;
        }
    }
}
