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
        INSERT INTO claims (site_id, brand_id, status, state, confidence, first_seen_at, last_seen_at, last_scan_id, evidence, resolved_at)
        VALUES (@SiteId, @BrandId, @Status, @State, @Confidence, @SeenAt, @SeenAt, @ScanId, @Evidence,
                CASE WHEN @State = 'confirmed' THEN @SeenAt END)
        RETURNING id;
        """;

    /// <summary>A closed claim seen again unverified starts a new open period: new first-seen time, not alerted, not acknowledged.</summary>
    public const string ReopenClaim = """
        UPDATE claims SET status = 'unverified', state = 'open', confidence = @Confidence, first_seen_at = @SeenAt,
            last_seen_at = @SeenAt, resolved_at = NULL, last_scan_id = @ScanId, open_alert_id = NULL, evidence = @Evidence,
            missed_scans = 0, acknowledged_at = NULL, acknowledged_by = NULL, acknowledged_note = NULL, last_reminded_at = NULL
        WHERE id = @Id;
        """;

    public const string RefreshClaim = """
        UPDATE claims SET status = @Status, confidence = @Confidence, last_seen_at = @SeenAt, last_scan_id = @ScanId,
            evidence = @Evidence, missed_scans = 0
        WHERE id = @Id;
        """;

    /// <summary>The brand now lists the site as a partner: the claim closes as confirmed.</summary>
    public const string CloseClaimConfirmed = """
        UPDATE claims SET status = 'confirmed', state = 'confirmed', confidence = @Confidence, last_seen_at = @SeenAt,
            last_scan_id = @ScanId, evidence = @Evidence, missed_scans = 0, resolved_at = @SeenAt
        WHERE id = @Id;
        """;

    /// <summary>A partner-list change confirms an open claim: it closes as confirmed now, keeping its last sighting.</summary>
    public const string CloseOpenClaimConfirmedByList = """
        UPDATE claims SET status = 'confirmed', state = 'confirmed', missed_scans = 0, resolved_at = @Now
        WHERE id = @Id AND state = 'open'
        RETURNING open_alert_id AS OpenAlertId;
        """;

    public const string InsertAlert = """
        INSERT INTO alerts (claim_id, kind, created_at, state, attempts, next_attempt_at, message_id, dedupe_key)
        VALUES (@ClaimId, @Kind, @CreatedAt, 'pending', 0, @CreatedAt, @MessageId, @DedupeKey)
        ON CONFLICT (dedupe_key) DO NOTHING
        RETURNING id;
        """;

    public const string InsertDelivery = """
        INSERT INTO alert_deliveries (alert_id, sink, state, attempts, next_attempt_at)
        VALUES (@AlertId, @Sink, 'pending', 0, @CreatedAt)
        ON CONFLICT (alert_id, sink) DO NOTHING;
        """;

    public const string SetClaimAlert = "UPDATE claims SET open_alert_id = @AlertId WHERE id = @ClaimId;";

    /// <summary>Every claim seen by the scan carries its id, so these open claims were not seen.</summary>
    public const string UnseenOpenClaims = """
        SELECT id AS Id, missed_scans AS MissedScans, open_alert_id AS OpenAlertId, evidence AS Evidence
        FROM claims WHERE site_id = @SiteId AND state = 'open' AND last_scan_id <> @ScanId;
        """;

    public const string CountMissedScan = "UPDATE claims SET missed_scans = @MissedScans WHERE id = @Id;";

    public const string ResolveClaim = """
        UPDATE claims SET state = 'resolved', resolved_at = @ResolvedAt, missed_scans = @MissedScans WHERE id = @Id;
        """;

    /// <summary>Open unverified claims alerted at least <c>ReminderInterval</c> ago (or since their last reminder), unacknowledged.</summary>
    public const string ClaimsDueForReminder = """
        SELECT c.id AS Id, COALESCE(c.last_reminded_at, a.created_at) AS Since
        FROM claims c JOIN alerts a ON a.id = c.open_alert_id
        WHERE c.state = 'open' AND c.acknowledged_at IS NULL AND COALESCE(c.last_reminded_at, a.created_at) <= @Cutoff
        ORDER BY c.id;
        """;

    public const string SetReminded = "UPDATE claims SET last_reminded_at = @Now WHERE id = @Id;";

    /// <summary>Open claims whose new-claim notice has not been queued yet (digest mode, or digest just switched off).</summary>
    public const string UnalertedOpenClaims = """
        SELECT id FROM claims WHERE state = 'open' AND open_alert_id IS NULL ORDER BY site_id, brand_id, id;
        """;

    public const string InsertAlertClaim = "INSERT OR IGNORE INTO alert_claims (alert_id, claim_id) VALUES (@AlertId, @ClaimId);";

    public const string DuePendingAlerts = """
        SELECT a.id AS Id, a.message_id AS MessageId, a.kind AS Kind, a.created_at AS CreatedAt, a.attempts AS Attempts,
               a.claim_id AS ClaimId, c.site_id AS SiteId, s.url AS SiteUrl, c.brand_id AS BrandId, c.confidence AS Confidence,
               c.evidence AS Evidence, c.first_seen_at AS FirstSeenAt, c.last_seen_at AS LastSeenAt, c.resolved_at AS ResolvedAt,
               o.message_id AS ThreadMessageId
        FROM alerts a
        LEFT JOIN claims c ON c.id = a.claim_id
        LEFT JOIN sites s ON s.id = c.site_id
        LEFT JOIN alerts o ON o.id = c.open_alert_id AND o.id <> a.id
        WHERE a.state = 'pending' AND a.next_attempt_at <= @Now
        ORDER BY a.next_attempt_at, a.id
        LIMIT @Max;
        """;

    public const string DigestClaims = """
        SELECT ac.alert_id AS AlertId, c.id AS ClaimId, c.site_id AS SiteId, s.url AS SiteUrl, c.brand_id AS BrandId,
               c.confidence AS Confidence, c.evidence AS Evidence, c.first_seen_at AS FirstSeenAt
        FROM alert_claims ac
        JOIN claims c ON c.id = ac.claim_id
        JOIN sites s ON s.id = c.site_id
        WHERE ac.alert_id IN @AlertIds
        ORDER BY c.site_id, c.brand_id;
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
               last_seen_at AS LastSeenAt, open_alert_id IS NOT NULL AS Alerted, acknowledged_at AS AcknowledgedAt
        FROM claims WHERE state = 'open'
        ORDER BY site_id, brand_id;
        """;

    public const string AlertCounts = """
        SELECT COUNT(*) AS Pending, COALESCE(SUM(CASE WHEN attempts > 0 THEN 1 ELSE 0 END), 0) AS Failed,
               MIN(created_at) AS OldestPendingAt,
               (SELECT last_error FROM alerts WHERE state = 'pending' AND last_error IS NOT NULL ORDER BY next_attempt_at DESC, id DESC LIMIT 1) AS LastError
        FROM alerts WHERE state = 'pending';
        """;

    /// <summary>
    /// Webhook backlog: pending deliveries; failed = pending ones that failed at least once plus those given up since
    /// @FailedSince; the last error is the newest of either.
    /// </summary>
    public const string DeliveryCounts = """
        SELECT COALESCE(SUM(CASE WHEN state = 'pending' THEN 1 ELSE 0 END), 0) AS Pending,
               COALESCE(SUM(CASE WHEN (state = 'pending' AND attempts > 0) OR state = 'failed' THEN 1 ELSE 0 END), 0) AS Failed,
               MIN(CASE WHEN state = 'pending' THEN next_attempt_at END) AS OldestPendingAt,
               (SELECT last_error FROM alert_deliveries
                WHERE last_error IS NOT NULL AND (state = 'pending' OR (state = 'failed' AND failed_at >= @FailedSince))
                ORDER BY COALESCE(failed_at, next_attempt_at) DESC, alert_id DESC LIMIT 1) AS LastError
        FROM alert_deliveries WHERE state = 'pending' OR (state = 'failed' AND failed_at >= @FailedSince);
        """;

    public const string MarkDeliveryAbandoned = """
        UPDATE alert_deliveries SET state = 'failed', attempts = attempts + 1, last_error = @Error, failed_at = @FailedAt
        WHERE alert_id = @AlertId AND sink = @Sink AND state = 'pending';
        """;

    /// <summary>Columns of a claim as the API shows it; append a WHERE clause.</summary>
    public const string SelectClaims = """
        SELECT c.id AS Id, c.site_id AS SiteId, s.url AS SiteUrl, c.brand_id AS BrandId, c.state AS State, c.confidence AS Confidence,
               c.first_seen_at AS FirstSeenAt, c.last_seen_at AS LastSeenAt, c.resolved_at AS ResolvedAt,
               c.acknowledged_at AS AcknowledgedAt, c.acknowledged_by AS AcknowledgedBy, c.acknowledged_note AS AcknowledgedNote,
               c.missed_scans AS MissedScans, c.open_alert_id IS NOT NULL AS Alerted, c.evidence AS Evidence
        FROM claims c JOIN sites s ON s.id = c.site_id
        """;

    public const string AcknowledgeClaim = """
        UPDATE claims SET acknowledged_at = @Now, acknowledged_by = @By, acknowledged_note = @Note
        WHERE id = @Id AND state = 'open' AND acknowledged_at IS NULL;
        """;
}

/// <summary>One step of the schema; <see cref="Version"/> values are consecutive from 1.</summary>
internal sealed record SchemaMigration(int Version, string Description, string Sql);
