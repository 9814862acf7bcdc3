using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace PartnerWatch.Store;

/// <summary>
/// The embedded default: one SQLite file (<c>partnerwatch.db</c>) in the data directory, WAL mode. Writers are
/// serialised by SQLite itself: Microsoft.Data.Sqlite begins transactions IMMEDIATE, taking the file's write lock at once.
/// </summary>
internal sealed class SqliteDialect : StoreDialect
{
    private const int BusyTimeoutMilliseconds = 5000;

    private readonly DataDirectory _dataDirectory;
    private readonly string _connectionString;

    public SqliteDialect(DataDirectory dataDirectory)
    {
        _dataDirectory = dataDirectory;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = dataDirectory.DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public override string Location => _dataDirectory.DatabasePath;

    public override string LocationSetting => "PartnerWatch:Storage:DataDirectory";

    public override IReadOnlyList<SchemaMigration> Migrations => SqliteMigrations;

    public override DbConnection CreateConnection() => new SqliteConnection(_connectionString);

    public override Task OnOpenedAsync(DbConnection connection, CancellationToken cancellationToken) =>
        // busy_timeout is per connection: waits for a writer in another process instead of failing at once.
        connection.ExecuteAsync(new CommandDefinition($"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};", cancellationToken: cancellationToken));

    public override async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) =>
        // journal_mode is stored in the file, so setting it once per start is enough.
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL;", cancellationToken: cancellationToken));

    public override void EnsureLocation() => _dataDirectory.EnsureExists(_dataDirectory.Root);

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    public override string InList(string column, string parameter) => $"{column} IN {parameter}";

    /// <summary>Bootstrap: exists before any versioned migration so the current version can be read.</summary>
    public override string CreateSchemaVersionTable => """
        CREATE TABLE IF NOT EXISTS schema_version (
            version    INTEGER NOT NULL PRIMARY KEY,
            applied_at INTEGER NOT NULL
        );
        """;

    /// <summary>Applied in order, each in its own transaction; never edit a released script, append a new one.</summary>
    private static readonly IReadOnlyList<SchemaMigration> SqliteMigrations =
    [
        new(1, "sites, scans, claims, alert outbox", """
            CREATE TABLE sites (
                id               TEXT    NOT NULL PRIMARY KEY,
                url              TEXT    NOT NULL,
                name             TEXT,
                first_scanned_at INTEGER NOT NULL,
                last_scanned_at  INTEGER NOT NULL
            );

            CREATE TABLE scans (
                id          INTEGER NOT NULL PRIMARY KEY,
                site_id     TEXT    NOT NULL REFERENCES sites (id),
                started_at  INTEGER NOT NULL,
                finished_at INTEGER NOT NULL,
                outcome     TEXT    NOT NULL CHECK (outcome IN ('ok', 'failed')),
                pages       INTEGER NOT NULL,
                errors      TEXT    NOT NULL
            );
            CREATE INDEX ix_scans_site ON scans (site_id, id);

            -- One row per (site, brand); state 'open' while seen, 'resolved' after a successful scan without it.
            -- open_alert_id: the new-claim alert of the current open period (NULL = not alerted yet).
            CREATE TABLE claims (
                id            INTEGER NOT NULL PRIMARY KEY,
                site_id       TEXT    NOT NULL REFERENCES sites (id),
                brand_id      TEXT    NOT NULL,
                status        TEXT    NOT NULL,
                state         TEXT    NOT NULL,
                confidence    REAL    NOT NULL,
                first_seen_at INTEGER NOT NULL,
                last_seen_at  INTEGER NOT NULL,
                resolved_at   INTEGER,
                last_scan_id  INTEGER NOT NULL REFERENCES scans (id),
                open_alert_id INTEGER,
                evidence      TEXT    NOT NULL,
                UNIQUE (site_id, brand_id)
            );
            CREATE INDEX ix_claims_open ON claims (state, site_id);

            -- The transactional outbox: written in the same transaction as the scan that caused it.
            CREATE TABLE alerts (
                id              INTEGER NOT NULL PRIMARY KEY,
                claim_id        INTEGER NOT NULL REFERENCES claims (id),
                kind            TEXT    NOT NULL,
                created_at      INTEGER NOT NULL,
                state           TEXT    NOT NULL,
                attempts        INTEGER NOT NULL DEFAULT 0,
                last_error      TEXT,
                next_attempt_at INTEGER NOT NULL,
                sent_at         INTEGER,
                message_id      TEXT    NOT NULL UNIQUE
            );
            CREATE INDEX ix_alerts_due ON alerts (state, next_attempt_at);
            """),
        new(2, "claim lifecycle (acknowledge, resolve after N scans, confirmed), alert kinds, digests, webhook deliveries, evidence", """
            ALTER TABLE claims ADD COLUMN missed_scans INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE claims ADD COLUMN acknowledged_at INTEGER;
            ALTER TABLE claims ADD COLUMN acknowledged_by TEXT;
            ALTER TABLE claims ADD COLUMN acknowledged_note TEXT;
            ALTER TABLE claims ADD COLUMN last_reminded_at INTEGER;
            -- State is now open | resolved | confirmed; a confirmed claim is closed, not open.
            UPDATE claims SET state = 'confirmed', resolved_at = last_seen_at WHERE state = 'open' AND status = 'confirmed';

            -- Rebuilt so that claim_id may be NULL (a digest lists many claims through alert_claims) and to add dedupe_key,
            -- which makes queueing the same reminder or digest twice impossible even across processes.
            CREATE TABLE alerts_v2 (
                id              INTEGER NOT NULL PRIMARY KEY,
                claim_id        INTEGER REFERENCES claims (id),
                kind            TEXT    NOT NULL,
                created_at      INTEGER NOT NULL,
                state           TEXT    NOT NULL,
                attempts        INTEGER NOT NULL DEFAULT 0,
                last_error      TEXT,
                next_attempt_at INTEGER NOT NULL,
                sent_at         INTEGER,
                message_id      TEXT    NOT NULL UNIQUE,
                dedupe_key      TEXT    UNIQUE
            );
            INSERT INTO alerts_v2 (id, claim_id, kind, created_at, state, attempts, last_error, next_attempt_at, sent_at, message_id)
                SELECT id, claim_id, kind, created_at, state, attempts, last_error, next_attempt_at, sent_at, message_id FROM alerts;
            DROP TABLE alerts;
            ALTER TABLE alerts_v2 RENAME TO alerts;
            CREATE INDEX ix_alerts_due ON alerts (state, next_attempt_at);
            CREATE INDEX ix_alerts_claim ON alerts (claim_id);

            CREATE TABLE alert_claims (
                alert_id INTEGER NOT NULL REFERENCES alerts (id),
                claim_id INTEGER NOT NULL REFERENCES claims (id),
                PRIMARY KEY (alert_id, claim_id)
            );

            -- Per-sink delivery state of each alert for sinks other than e-mail (whose state stays on the alert row).
            CREATE TABLE alert_deliveries (
                alert_id        INTEGER NOT NULL REFERENCES alerts (id),
                sink            TEXT    NOT NULL,
                state           TEXT    NOT NULL,
                attempts        INTEGER NOT NULL DEFAULT 0,
                last_error      TEXT,
                next_attempt_at INTEGER NOT NULL,
                sent_at         INTEGER,
                PRIMARY KEY (alert_id, sink)
            );
            CREATE INDEX ix_alert_deliveries_due ON alert_deliveries (state, next_attempt_at);

            -- One manifest per claim and scan; files live under <DataDirectory>/evidence.
            CREATE TABLE evidence_manifests (
                id         INTEGER NOT NULL PRIMARY KEY,
                claim_id   INTEGER NOT NULL REFERENCES claims (id),
                scan_id    INTEGER NOT NULL REFERENCES scans (id),
                created_at INTEGER NOT NULL,
                file       TEXT    NOT NULL,
                sha256     TEXT    NOT NULL,
                blobs      TEXT    NOT NULL,
                UNIQUE (claim_id, scan_id)
            );
            CREATE INDEX ix_evidence_manifests_created ON evidence_manifests (created_at);
            """),
        new(3, "webhook deliveries can fail permanently (HTTP 4xx, refused address): failed_at", """
            -- state 'failed' = given up (the receiver refused the request for good); failed_at says when, so /status can
            -- show recent permanent failures without counting them forever.
            ALTER TABLE alert_deliveries ADD COLUMN failed_at INTEGER;
            """),
        new(4, "outbox leases (used where several instances share a PostgreSQL database; unused on SQLite)", """
            -- Kept so both engines run the same outbox statements; SQLite runs one instance per file and never leases.
            ALTER TABLE alerts ADD COLUMN leased_until INTEGER;
            ALTER TABLE alert_deliveries ADD COLUMN leased_until INTEGER;
            """),
        new(5, "console: analysts' verdicts, claim history and notes, partners confirmed in the console", """
            -- claims.state may now also be 'dismissed' (an analyst said it is not a claim): no alerts while it stays so.
            CREATE TABLE claim_events (
                id       INTEGER NOT NULL PRIMARY KEY,
                claim_id INTEGER NOT NULL REFERENCES claims (id),
                at       INTEGER NOT NULL,
                actor    TEXT    NOT NULL,
                action   TEXT    NOT NULL,
                text     TEXT
            );
            CREATE INDEX ix_claim_events_claim ON claim_events (claim_id, id);

            -- The latest verdict on a claim: 'real' (the alert was right) or 'wrong' (not a claim); none = undecided.
            CREATE TABLE claim_verdicts (
                claim_id INTEGER NOT NULL PRIMARY KEY REFERENCES claims (id),
                verdict  TEXT    NOT NULL CHECK (verdict IN ('real', 'wrong')),
                actor    TEXT    NOT NULL,
                at       INTEGER NOT NULL,
                reason   TEXT
            );

            -- Confirmed partners added in the console, merged with ConfirmedPartners and ConfirmedPartnerSources.
            CREATE TABLE confirmed_partner_entries (
                brand_id TEXT    NOT NULL,
                entry    TEXT    NOT NULL,
                actor    TEXT    NOT NULL,
                added_at INTEGER NOT NULL,
                claim_id INTEGER,
                PRIMARY KEY (brand_id, entry)
            );
            """),
        new(6, "scans record the node that ran them; evidence manifests kept in the database", """
            -- scanned_by: the scheduler instance id of the node that ran the scan (NULL for a one-off scan --store).
            ALTER TABLE scans ADD COLUMN scanned_by TEXT;
            -- content: the manifest JSON itself (sha256 is its hash). NULL for manifests written before this version,
            -- which are still read from evidence/claims/<claimId>/<file>.
            ALTER TABLE evidence_manifests ADD COLUMN content BLOB;
            """),
    ];
}
