namespace PartnerWatch.Store;

/// <summary>
/// Every SQL text of the SQLite store: the schema migrations and the statements. The statements use only SQL that
/// PostgreSQL also accepts (ON CONFLICT, RETURNING, LIMIT), so a PostgreSQL store later differs mainly in its migrations.
/// Times are stored as Unix milliseconds UTC (INTEGER) everywhere: comparable, sortable and engine-neutral.
/// Growable vocabularies (claim state, alert kind/state) are plain text without CHECK constraints, because SQLite
/// cannot alter a CHECK without rebuilding the table.
/// </summary>
internal static class SqliteSql
{
    /// <summary>Bootstrap: exists before any versioned migration so the current version can be read.</summary>
    public const string CreateSchemaVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version    INTEGER NOT NULL PRIMARY KEY,
            applied_at INTEGER NOT NULL
        );
        """;

    public const string CurrentSchemaVersion = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";

    public const string InsertSchemaVersion = "INSERT INTO schema_version (version, applied_at) VALUES (@Version, @AppliedAt);";

    /// <summary>Applied in order, each in its own transaction; never edit a released script, append a new one.</summary>
    public static readonly IReadOnlyList<SchemaMigration> Migrations =
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
    ];

    public const string UpsertSite = """
        INSERT INTO sites (id, url, name, first_scanned_at, last_scanned_at)
        VALUES (@Id, @Url, @Name, @ScannedAt, @ScannedAt)
        ON CONFLICT (id) DO UPDATE SET url = excluded.url, name = excluded.name, last_scanned_at = excluded.last_scanned_at;
        """;

    public const string InsertScan = """
        INSERT INTO scans (site_id, started_at, finished_at, outcome, pages, errors)
        VALUES (@SiteId, @StartedAt, @FinishedAt, @Outcome, @Pages, @Errors)
        RETURNING id;
        """;

    public const string FindClaim = """
        SELECT id AS Id, state AS State, status AS Status, open_alert_id AS OpenAlertId
        FROM claims WHERE site_id = @SiteId AND brand_id = @BrandId;
        """;

    public const string InsertClaim = """
        INSERT INTO claims (site_id, brand_id, status, state, confidence, first_seen_at, last_seen_at, last_scan_id, evidence)
        VALUES (@SiteId, @BrandId, @Status, 'open', @Confidence, @SeenAt, @SeenAt, @ScanId, @Evidence)
        RETURNING id;
        """;

    /// <summary>A resolved claim seen again starts a new open period: new first-seen time, not alerted yet.</summary>
    public const string ReopenClaim = """
        UPDATE claims SET status = @Status, state = 'open', confidence = @Confidence, first_seen_at = @SeenAt,
            last_seen_at = @SeenAt, resolved_at = NULL, last_scan_id = @ScanId, open_alert_id = NULL, evidence = @Evidence
        WHERE id = @Id;
        """;

    public const string RefreshOpenClaim = """
        UPDATE claims SET status = @Status, confidence = @Confidence, last_seen_at = @SeenAt, last_scan_id = @ScanId,
            evidence = @Evidence
        WHERE id = @Id;
        """;

    public const string InsertAlert = """
        INSERT INTO alerts (claim_id, kind, created_at, state, attempts, next_attempt_at, message_id)
        VALUES (@ClaimId, @Kind, @CreatedAt, 'pending', 0, @CreatedAt, @MessageId)
        RETURNING id;
        """;

    public const string SetClaimAlert = "UPDATE claims SET open_alert_id = @AlertId WHERE id = @ClaimId;";

    /// <summary>Every claim seen by the scan carries its id, so the rest of the site's open claims were not seen.</summary>
    public const string ResolveUnseenClaims = """
        UPDATE claims SET state = 'resolved', resolved_at = @ResolvedAt
        WHERE site_id = @SiteId AND state = 'open' AND last_scan_id <> @ScanId;
        """;

    public const string DuePendingAlerts = """
        SELECT a.id AS Id, a.message_id AS MessageId, a.created_at AS CreatedAt, a.attempts AS Attempts,
               c.site_id AS SiteId, s.url AS SiteUrl, c.brand_id AS BrandId, c.confidence AS Confidence,
               c.evidence AS Evidence, c.first_seen_at AS FirstSeenAt
        FROM alerts a
        JOIN claims c ON c.id = a.claim_id
        JOIN sites s ON s.id = c.site_id
        WHERE a.state = 'pending' AND a.next_attempt_at <= @Now
        ORDER BY a.next_attempt_at, a.id
        LIMIT @Max;
        """;

    public const string MarkAlertSent = """
        UPDATE alerts SET state = 'sent', sent_at = @SentAt WHERE id = @Id AND state = 'pending';
        """;

    public const string MarkAlertFailed = """
        UPDATE alerts SET attempts = attempts + 1, last_error = @Error, next_attempt_at = @NextAttemptAt
        WHERE id = @Id AND state = 'pending';
        """;

    public const string SiteStatuses = """
        SELECT s.id AS SiteId, s.url AS Url, sc.finished_at AS LastScanAt, sc.outcome AS LastOutcome,
               sc.pages AS LastPages, sc.errors AS LastErrors
        FROM sites s
        LEFT JOIN scans sc ON sc.id = (SELECT MAX(id) FROM scans WHERE site_id = s.id)
        ORDER BY s.id;
        """;

    public const string OpenUnverifiedClaims = """
        SELECT id AS Id, site_id AS SiteId, brand_id AS BrandId, confidence AS Confidence, first_seen_at AS FirstSeenAt,
               last_seen_at AS LastSeenAt, open_alert_id IS NOT NULL AS Alerted
        FROM claims WHERE state = 'open' AND status = 'unverified'
        ORDER BY site_id, brand_id;
        """;

    public const string AlertCounts = """
        SELECT COUNT(*) AS Pending, COALESCE(SUM(CASE WHEN attempts > 0 THEN 1 ELSE 0 END), 0) AS Failed
        FROM alerts WHERE state = 'pending';
        """;
}

/// <summary>One step of the schema; <see cref="Version"/> values are consecutive from 1.</summary>
internal sealed record SchemaMigration(int Version, string Description, string Sql);
