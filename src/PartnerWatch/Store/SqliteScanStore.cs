using System.Data.Common;
using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using PartnerWatch.Config;
using PartnerWatch.Scan;

namespace PartnerWatch.Store;

/// <summary>
/// <see cref="IScanStore"/> on an embedded SQLite file (<c>partnerwatch.db</c> in the data directory), WAL mode.
/// Every call opens its own pooled connection, so concurrent callers share no connection state.
/// </summary>
internal sealed partial class SqliteScanStore : IScanStore
{
    /// <summary>Bounds what one hostile page can make us store per claim and per scan.</summary>
    internal const int MaxStoredEvidencePerClaim = 25;
    internal const int MaxStoredErrorsPerScan = 100;
    internal const int MaxStoredTextLength = 2000;

    private const string MessageIdDomain = "partnerwatch.local";
    private const int BusyTimeoutMilliseconds = 5000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly DataDirectory _dataDirectory;
    private readonly PartnerWatchOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SqliteScanStore> _logger;
    private readonly string _connectionString;
    private readonly SemaphoreSlim _initializeGate = new(1, 1);
    private volatile bool _initialized;

    public SqliteScanStore(DataDirectory dataDirectory, PartnerWatchOptions options, TimeProvider timeProvider, ILogger<SqliteScanStore> logger)
    {
        _dataDirectory = dataDirectory;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = dataDirectory.DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>Schema version this code writes; a database with a higher version is refused.</summary>
    public static int CodeSchemaVersion => SqliteSql.Migrations[^1].Version;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _initializeGate.WaitAsync(cancellationToken);
        try
        {
            if (_initialized)
            {
                return;
            }

            _dataDirectory.EnsureExists(_dataDirectory.Root);
            await using var connection = await OpenAsync(cancellationToken);
            // journal_mode is stored in the file, so setting it once per start is enough.
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL;", cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(SqliteSql.CreateSchemaVersionTable, cancellationToken: cancellationToken));

            var version = await ReadSchemaVersionAsync(connection, null, cancellationToken);
            ThrowIfNewerThanCode(version);
            foreach (var migration in SqliteSql.Migrations.Where(m => m.Version > version))
            {
                await ApplyAsync(connection, migration, cancellationToken);
            }

            _initialized = true;
            LogReady(_dataDirectory.DatabasePath, CodeSchemaVersion);
        }
        catch (SqliteException ex)
        {
            throw new InvalidOperationException(
                $"Cannot open the database '{_dataDirectory.DatabasePath}' (PartnerWatch:Storage:DataDirectory): {ex.Message}", ex);
        }
        finally
        {
            _initializeGate.Release();
        }
    }

    public async Task<RecordedScan> RecordScanAsync(SiteScanResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (string.IsNullOrWhiteSpace(result.Site))
        {
            throw new ArgumentException("The scan result has no site id; it cannot be recorded.", nameof(result));
        }

        await EnsureInitializedAsync(cancellationToken);
        var now = _timeProvider.GetUtcNow();
        var finishedAt = result.FinishedAt == default ? now : result.FinishedAt;
        var startedAt = result.StartedAt == default ? finishedAt : result.StartedAt;
        var seenAt = ToUnixMs(startedAt);

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await connection.ExecuteAsync(new CommandDefinition(SqliteSql.UpsertSite, new
        {
            Id = result.Site,
            Url = result.Url ?? "",
            Name = SiteName(result.Site),
            ScannedAt = ToUnixMs(finishedAt),
        }, transaction, cancellationToken: cancellationToken));

        var scanId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(SqliteSql.InsertScan, new
        {
            SiteId = result.Site,
            StartedAt = ToUnixMs(startedAt),
            FinishedAt = ToUnixMs(finishedAt),
            Outcome = result.Failed ? "failed" : "ok",
            Pages = result.PagesScanned,
            Errors = SerializeErrors(result.Errors),
        }, transaction, cancellationToken: cancellationToken));

        int newClaims = 0, alertsQueued = 0;
        foreach (var claim in DistinctByBrand(result.Claims))
        {
            var status = claim.Status == ClaimStatus.Confirmed ? "confirmed" : "unverified";
            var values = new
            {
                SiteId = result.Site,
                BrandId = claim.Brand,
                Status = status,
                Confidence = double.IsFinite(claim.Confidence) ? Math.Clamp(claim.Confidence, 0, 1) : 0,
                SeenAt = seenAt,
                ScanId = scanId,
                Evidence = SerializeEvidence(claim.Evidence),
            };

            var existing = await connection.QuerySingleOrDefaultAsync<ClaimRow>(new CommandDefinition(
                SqliteSql.FindClaim, values, transaction, cancellationToken: cancellationToken));
            long claimId;
            bool alerted;
            if (existing is null)
            {
                claimId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    SqliteSql.InsertClaim, values, transaction, cancellationToken: cancellationToken));
                alerted = false;
                newClaims++;
            }
            else if (existing.State != "open")
            {
                claimId = existing.Id;
                await connection.ExecuteAsync(new CommandDefinition(
                    SqliteSql.ReopenClaim, new { existing.Id, values.Status, values.Confidence, values.SeenAt, values.ScanId, values.Evidence },
                    transaction, cancellationToken: cancellationToken));
                alerted = false;
                newClaims++;
            }
            else
            {
                claimId = existing.Id;
                await connection.ExecuteAsync(new CommandDefinition(
                    SqliteSql.RefreshOpenClaim, new { existing.Id, values.Status, values.Confidence, values.SeenAt, values.ScanId, values.Evidence },
                    transaction, cancellationToken: cancellationToken));
                alerted = existing.OpenAlertId is not null;
            }

            // One alert per open period of an unverified claim: a claim that was open as confirmed and turns
            // unverified (partner list changed) is alerted once too; one already alerted is not alerted again.
            if (status == "unverified" && !alerted)
            {
                await QueueNewClaimAlertAsync(connection, transaction, claimId, now, cancellationToken);
                alertsQueued++;
            }
        }

        var resolved = 0;
        if (!result.Failed)
        {
            resolved = await connection.ExecuteAsync(new CommandDefinition(SqliteSql.ResolveUnseenClaims, new
            {
                SiteId = result.Site,
                ScanId = scanId,
                ResolvedAt = ToUnixMs(finishedAt),
            }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return new RecordedScan(scanId, newClaims, alertsQueued, resolved);
    }

    public async Task<IReadOnlyList<PendingAlert>> GetPendingAlertsAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await EnsureInitializedAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PendingAlertRow>(new CommandDefinition(SqliteSql.DuePendingAlerts, new
        {
            Now = ToUnixMs(_timeProvider.GetUtcNow()),
            Max = max,
        }, cancellationToken: cancellationToken));

        return rows.Select(r => new PendingAlert(
            r.Id, r.MessageId, r.SiteId, r.SiteUrl, r.BrandId, r.Confidence, DeserializeEvidence(r.Evidence, r.Id),
            FromUnixMs(r.FirstSeenAt), FromUnixMs(r.CreatedAt), r.Attempts)).ToList();
    }

    public async Task MarkAlertSentAsync(long alertId, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SqliteSql.MarkAlertSent,
            new { Id = alertId, SentAt = ToUnixMs(sentAt) }, cancellationToken: cancellationToken));
    }

    public async Task MarkAlertFailedAsync(long alertId, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SqliteSql.MarkAlertFailed,
            new { Id = alertId, Error = Truncate(error ?? ""), NextAttemptAt = ToUnixMs(nextAttemptAt) },
            cancellationToken: cancellationToken));
    }

    public async Task<StoreStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        var sites = await connection.QueryAsync<SiteStatusRow>(new CommandDefinition(SqliteSql.SiteStatuses, cancellationToken: cancellationToken));
        var claims = await connection.QueryAsync<OpenClaimRow>(new CommandDefinition(SqliteSql.OpenUnverifiedClaims, cancellationToken: cancellationToken));
        var counts = await connection.QuerySingleAsync<AlertCountsRow>(new CommandDefinition(SqliteSql.AlertCounts, cancellationToken: cancellationToken));

        return new StoreStatus(
            sites.Select(s => new SiteStatus(
                s.SiteId, s.Url, s.LastScanAt is { } at ? FromUnixMs(at) : null, s.LastOutcome, (int)(s.LastPages ?? 0),
                DeserializeErrors(s.LastErrors))).ToList(),
            claims.Select(c => new OpenClaim(
                c.Id, c.SiteId, c.BrandId, c.Confidence, FromUnixMs(c.FirstSeenAt), FromUnixMs(c.LastSeenAt), c.Alerted != 0)).ToList(),
            (int)counts.Pending,
            (int)counts.Failed);
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await EnsureInitializedAsync(cancellationToken);
            await using var connection = await OpenAsync(cancellationToken);
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT 1;", cancellationToken: cancellationToken)) == 1;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogPingFailed(ex.Message);
            return false;
        }
    }

    private async Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        if (!_initialized)
        {
            await InitializeAsync(cancellationToken);
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // busy_timeout is per connection: waits for a writer in another process instead of failing at once.
            await connection.ExecuteAsync(new CommandDefinition($"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};", cancellationToken: cancellationToken));
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task ApplyAsync(SqliteConnection connection, SchemaMigration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Re-read inside the (immediate) transaction: another process may have migrated meanwhile.
        var version = await ReadSchemaVersionAsync(connection, transaction, cancellationToken);
        ThrowIfNewerThanCode(version);
        if (version >= migration.Version)
        {
            return;
        }

        if (version != migration.Version - 1)
        {
            throw new InvalidOperationException(
                $"Database '{_dataDirectory.DatabasePath}' is at schema version {version}; migration {migration.Version} cannot follow it.");
        }

        await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(SqliteSql.InsertSchemaVersion,
            new { migration.Version, AppliedAt = ToUnixMs(_timeProvider.GetUtcNow()) }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        LogMigrated(migration.Version, migration.Description);
    }

    private static async Task<int> ReadSchemaVersionAsync(SqliteConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(SqliteSql.CurrentSchemaVersion, transaction: transaction, cancellationToken: cancellationToken));

    private void ThrowIfNewerThanCode(int version)
    {
        if (version > CodeSchemaVersion)
        {
            throw new InvalidOperationException(
                $"Database '{_dataDirectory.DatabasePath}' has schema version {version}, but this PartnerWatch knows only up to " +
                $"version {CodeSchemaVersion}. Run a newer PartnerWatch, or point PartnerWatch:Storage:DataDirectory elsewhere.");
        }
    }

    private async Task QueueNewClaimAlertAsync(SqliteConnection connection, DbTransaction transaction, long claimId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var alertId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(SqliteSql.InsertAlert, new
        {
            ClaimId = claimId,
            Kind = "new-claim",
            CreatedAt = ToUnixMs(now),
            MessageId = $"pending-{nonce}@{MessageIdDomain}",
        }, transaction, cancellationToken: cancellationToken));

        // The id makes the Message-ID recognisable; the nonce keeps it unique if the database is ever recreated
        // and ids restart (mail clients silently drop a second message with a Message-ID they have seen).
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE alerts SET message_id = @MessageId WHERE id = @AlertId; " + SqliteSql.SetClaimAlert,
            new { AlertId = alertId, ClaimId = claimId, MessageId = $"alert-{alertId}.{nonce}@{MessageIdDomain}" },
            transaction, cancellationToken: cancellationToken));
    }

    private string? SiteName(string siteId)
    {
        var name = _options.Sites.FirstOrDefault(s => string.Equals(s.Id, siteId, StringComparison.OrdinalIgnoreCase))?.Name;
        return string.IsNullOrWhiteSpace(name) ? null : name;
    }

    /// <summary>A detector bug or hostile input may list a brand twice; the strongest sighting wins.</summary>
    private static IEnumerable<Claim> DistinctByBrand(IReadOnlyList<Claim>? claims) =>
        (claims ?? [])
            .Where(c => c is not null && !string.IsNullOrWhiteSpace(c.Brand))
            .GroupBy(c => c.Brand, StringComparer.Ordinal)
            .Select(g => g.MaxBy(c => c.Confidence)!);

    private static string SerializeEvidence(IReadOnlyList<Evidence>? evidence) =>
        JsonSerializer.Serialize(
            (evidence ?? []).Where(e => e is not null).Take(MaxStoredEvidencePerClaim).Select(e => e with
            {
                PageUrl = Truncate(e.PageUrl ?? ""),
                Detail = Truncate(e.Detail ?? ""),
                ImageUrl = TruncateOrNull(e.ImageUrl),
                Snippet = TruncateOrNull(e.Snippet),
                Context = TruncateOrNull(e.Context),
            }).ToList(),
            Json);

    private IReadOnlyList<Evidence> DeserializeEvidence(string json, long alertId)
    {
        try
        {
            return JsonSerializer.Deserialize<List<Evidence>>(json, Json) ?? [];
        }
        catch (JsonException ex)
        {
            LogUnreadableEvidence(alertId, ex.Message);
            return [];
        }
    }

    private static string SerializeErrors(IReadOnlyList<ScanError>? errors) =>
        JsonSerializer.Serialize(
            (errors ?? []).Where(e => e is not null).Take(MaxStoredErrorsPerScan)
                .Select(e => new ScanError(Truncate(e.Url ?? ""), Truncate(e.Message ?? ""))).ToList(),
            Json);

    private static IReadOnlyList<ScanError> DeserializeErrors(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<ScanError>>(json, Json) ?? [];
        }
        catch (JsonException)
        {
            return [new ScanError("", "stored scan errors are unreadable")];
        }
    }

    private static string Truncate(string value) => value.Length <= MaxStoredTextLength ? value : value[..MaxStoredTextLength] + "…";

    private static string? TruncateOrNull(string? value) => value is null ? null : Truncate(value);

    internal static long ToUnixMs(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    internal static DateTimeOffset FromUnixMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {DatabasePath} ready at schema version {SchemaVersion}")]
    private partial void LogReady(string databasePath, int schemaVersion);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied database migration {SchemaVersion}: {Description}")]
    private partial void LogMigrated(int schemaVersion, string description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database ping failed: {Reason}")]
    private partial void LogPingFailed(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evidence of alert {AlertId} is unreadable and is left out: {Reason}")]
    private partial void LogUnreadableEvidence(long alertId, string reason);

    private sealed class ClaimRow
    {
        public long Id { get; init; }
        public string State { get; init; } = "";
        public string Status { get; init; } = "";
        public long? OpenAlertId { get; init; }
    }

    private sealed class PendingAlertRow
    {
        public long Id { get; init; }
        public string MessageId { get; init; } = "";
        public long CreatedAt { get; init; }
        public int Attempts { get; init; }
        public string SiteId { get; init; } = "";
        public string SiteUrl { get; init; } = "";
        public string BrandId { get; init; } = "";
        public double Confidence { get; init; }
        public string Evidence { get; init; } = "[]";
        public long FirstSeenAt { get; init; }
    }

    private sealed class SiteStatusRow
    {
        public string SiteId { get; init; } = "";
        public string Url { get; init; } = "";
        public long? LastScanAt { get; init; }
        public string? LastOutcome { get; init; }
        public long? LastPages { get; init; }
        public string? LastErrors { get; init; }
    }

    private sealed class OpenClaimRow
    {
        public long Id { get; init; }
        public string SiteId { get; init; } = "";
        public string BrandId { get; init; } = "";
        public double Confidence { get; init; }
        public long FirstSeenAt { get; init; }
        public long LastSeenAt { get; init; }
        public long Alerted { get; init; }
    }

    private sealed class AlertCountsRow
    {
        public long Pending { get; init; }
        public long Failed { get; init; }
    }
}
