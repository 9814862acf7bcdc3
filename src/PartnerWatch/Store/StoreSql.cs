namespace PartnerWatch.Store;

/// <summary>
/// The statements of the store, in SQL that both SQLite and PostgreSQL accept (ON CONFLICT, RETURNING, LIMIT,
/// CASE instead of boolean columns); what differs (schema, list parameters, locking) is in <see cref="StoreDialect"/>.
/// Times are stored as Unix milliseconds UTC (64-bit integers) everywhere: comparable, sortable and engine-neutral.
/// Growable vocabularies (claim state, alert kind/state) are plain text without CHECK constraints, because SQLite
/// cannot alter a CHECK without rebuilding the table.
/// </summary>
internal static class StoreSql
{
    public const string CurrentSchemaVersion = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";

    public const string InsertSchemaVersion = "INSERT INTO schema_version (version, applied_at) VALUES (@Version, @AppliedAt);";

    public const string UpsertSite = """
        INSERT INTO sites (id, url, name, first_scanned_at, last_scanned_at)
        VALUES (@Id, @Url, @Name, @ScannedAt, @ScannedAt)
        ON CONFLICT (id) DO UPDATE SET url = excluded.url, name = excluded.name, last_scanned_at = excluded.last_scanned_at;
        """;

    public const string InsertScan = """
        INSERT INTO scans (site_id, started_at, finished_at, outcome, pages, errors, scanned_by)
        VALUES (@SiteId, @StartedAt, @FinishedAt, @Outcome, @Pages, @Errors, @ScannedBy)
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

    /// <summary>Open claims that were alerted, with when (and when last reminded), for <c>ClaimPolicy.ReminderDue</c>.</summary>
    public const string AlertedOpenClaims = """
        SELECT c.id AS Id, a.created_at AS AlertedAt, c.last_reminded_at AS LastRemindedAt, c.acknowledged_at AS AcknowledgedAt
        FROM claims c JOIN alerts a ON a.id = c.open_alert_id
        WHERE c.state = 'open'
        ORDER BY c.id;
        """;

    public const string SetReminded = "UPDATE claims SET last_reminded_at = @Now WHERE id = @Id;";

    /// <summary>Open claims whose new-claim notice has not been queued yet (digest mode, or digest just switched off).</summary>
    public const string UnalertedOpenClaims = """
        SELECT id FROM claims WHERE state = 'open' AND open_alert_id IS NULL ORDER BY site_id, brand_id, id;
        """;

    public const string InsertAlertClaim = "INSERT INTO alert_claims (alert_id, claim_id) VALUES (@AlertId, @ClaimId) ON CONFLICT DO NOTHING;";

    public const string DuePendingAlerts = """
        SELECT a.id AS Id, a.message_id AS MessageId, a.kind AS Kind, a.created_at AS CreatedAt, a.attempts AS Attempts,
               a.claim_id AS ClaimId, c.site_id AS SiteId, s.url AS SiteUrl, c.brand_id AS BrandId, c.confidence AS Confidence,
               c.evidence AS Evidence, c.first_seen_at AS FirstSeenAt, c.last_seen_at AS LastSeenAt, c.resolved_at AS ResolvedAt,
               o.message_id AS ThreadMessageId
        FROM alerts a
        LEFT JOIN claims c ON c.id = a.claim_id
        LEFT JOIN sites s ON s.id = c.site_id
        LEFT JOIN alerts o ON o.id = c.open_alert_id AND o.id <> a.id
        WHERE a.state = 'pending' AND a.next_attempt_at <= @Now AND COALESCE(a.leased_until, 0) <= @Now
        ORDER BY a.next_attempt_at, a.id
        LIMIT @Max;
        """;

    /// <summary>The WHERE clause of <see cref="DuePendingAlerts"/>, replaced to load given alerts by id.</summary>
    public const string DuePendingAlertsFilter = "WHERE a.state = 'pending' AND a.next_attempt_at <= @Now AND COALESCE(a.leased_until, 0) <= @Now";

    /// <summary>
    /// PostgreSQL only: takes the due alerts no other instance holds (SKIP LOCKED) and leases them until @LeasedUntil,
    /// atomically, so each due alert goes to one instance. Sent/failed clears the lease.
    /// </summary>
    public const string LeaseDueAlerts = """
        UPDATE alerts SET leased_until = @LeasedUntil
        WHERE id IN (
            SELECT id FROM alerts
            WHERE state = 'pending' AND next_attempt_at <= @Now AND COALESCE(leased_until, 0) <= @Now
            ORDER BY next_attempt_at, id
            LIMIT @Max
            FOR UPDATE SKIP LOCKED)
        RETURNING id;
        """;

    public const string DueDeliveries = """
        SELECT alert_id, sink, attempts, next_attempt_at FROM alert_deliveries
        WHERE state = 'pending' AND next_attempt_at <= @Now AND COALESCE(leased_until, 0) <= @Now
        ORDER BY next_attempt_at, alert_id, sink
        LIMIT @Max;
        """;

    /// <summary>PostgreSQL only: <see cref="DueDeliveries"/> taken and leased atomically, as <see cref="LeaseDueAlerts"/>.</summary>
    public const string LeaseDueDeliveries = """
        UPDATE alert_deliveries d SET leased_until = @LeasedUntil
        FROM (
            SELECT alert_id, sink FROM alert_deliveries
            WHERE state = 'pending' AND next_attempt_at <= @Now AND COALESCE(leased_until, 0) <= @Now
            ORDER BY next_attempt_at, alert_id, sink
            LIMIT @Max
            FOR UPDATE SKIP LOCKED) due
        WHERE d.alert_id = due.alert_id AND d.sink = due.sink
        RETURNING d.alert_id, d.sink, d.attempts, d.next_attempt_at;
        """;

    /// <summary>Format with the dialect's list test of <c>ac.alert_id</c> against <c>@AlertIds</c>.</summary>
    public const string DigestClaims = """
        SELECT ac.alert_id AS AlertId, c.id AS ClaimId, c.site_id AS SiteId, s.url AS SiteUrl, c.brand_id AS BrandId,
               c.confidence AS Confidence, c.evidence AS Evidence, c.first_seen_at AS FirstSeenAt
        FROM alert_claims ac
        JOIN claims c ON c.id = ac.claim_id
        JOIN sites s ON s.id = c.site_id
        WHERE {0}
        ORDER BY c.site_id, c.brand_id;
        """;

    public const string MarkAlertSent = """
        UPDATE alerts SET state = 'sent', sent_at = @SentAt, leased_until = NULL WHERE id = @Id AND state = 'pending';
        """;

    public const string MarkAlertFailed = """
        UPDATE alerts SET attempts = attempts + 1, last_error = @Error, next_attempt_at = @NextAttemptAt, leased_until = NULL
        WHERE id = @Id AND state = 'pending';
        """;

    public const string SiteStatuses = """
        SELECT s.id AS SiteId, s.url AS Url, sc.finished_at AS LastScanAt, sc.outcome AS LastOutcome,
               sc.pages AS LastPages, sc.errors AS LastErrors, sc.scanned_by AS LastScanBy
        FROM sites s
        LEFT JOIN scans sc ON sc.id = (SELECT MAX(id) FROM scans WHERE site_id = s.id)
        ORDER BY s.id;
        """;

    public const string OpenUnverifiedClaims = """
        SELECT id AS Id, site_id AS SiteId, brand_id AS BrandId, confidence AS Confidence, first_seen_at AS FirstSeenAt,
               last_seen_at AS LastSeenAt, CASE WHEN open_alert_id IS NOT NULL THEN 1 ELSE 0 END AS Alerted, acknowledged_at AS AcknowledgedAt
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
        UPDATE alert_deliveries SET state = 'failed', attempts = attempts + 1, last_error = @Error, failed_at = @FailedAt, leased_until = NULL
        WHERE alert_id = @AlertId AND sink = @Sink AND state = 'pending';
        """;

    /// <summary>Columns of a claim as the API shows it; append a WHERE clause.</summary>
    public const string SelectClaims = """
        SELECT c.id AS Id, c.site_id AS SiteId, s.url AS SiteUrl, c.brand_id AS BrandId, c.state AS State, c.confidence AS Confidence,
               c.first_seen_at AS FirstSeenAt, c.last_seen_at AS LastSeenAt, c.resolved_at AS ResolvedAt,
               c.acknowledged_at AS AcknowledgedAt, c.acknowledged_by AS AcknowledgedBy, c.acknowledged_note AS AcknowledgedNote,
               c.missed_scans AS MissedScans, CASE WHEN c.open_alert_id IS NOT NULL THEN 1 ELSE 0 END AS Alerted, c.evidence AS Evidence
        FROM claims c JOIN sites s ON s.id = c.site_id
        """;

    public const string AcknowledgeClaim = """
        UPDATE claims SET acknowledged_at = @Now, acknowledged_by = @By, acknowledged_note = @Note
        WHERE id = @Id AND state = 'open' AND acknowledged_at IS NULL;
        """;
}

/// <summary>One step of the schema; <see cref="Version"/> values are consecutive from 1.</summary>
internal sealed record SchemaMigration(int Version, string Description, string Sql);
