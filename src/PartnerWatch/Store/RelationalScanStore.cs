using System.Data.Common;
using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Logging;
using PartnerWatch.Config;
using PartnerWatch.Domain;

namespace PartnerWatch.Store;

/// <summary>
/// <see cref="IScanStore"/> on a relational database through ADO.NET and Dapper: the embedded SQLite file (default) or
/// PostgreSQL, whose differences live in the <see cref="StoreDialect"/>. Every call opens its own pooled connection, so
/// concurrent callers share no connection state; every claim change and its alerts are one write transaction.
/// </summary>
internal sealed partial class RelationalScanStore : IScanStore
{
    /// <summary>Bounds what one hostile page can make us store per claim and per scan.</summary>
    internal const int MaxStoredEvidencePerClaim = 25;
    internal const int MaxStoredErrorsPerScan = 100;
    internal const int MaxStoredTextLength = 2000;

    private const string MessageIdDomain = "partnerwatch.local";

    /// <summary>
    /// How long an instance that took due alerts (where the dialect leases, <see cref="StoreDialect.LeasesOutbox"/>) has
    /// to deliver them before another instance may: a full batch of slow SMTP sends fits; a crashed instance's alerts
    /// are retried after it.
    /// </summary>
    internal static readonly TimeSpan OutboxLease = TimeSpan.FromMinutes(30);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly StoreDialect _dialect;
    private readonly PartnerWatchOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<RelationalScanStore> _logger;
    private readonly EvidenceFiles _evidence;
    private readonly SemaphoreSlim _initializeGate = new(1, 1);
    private volatile bool _initialized;

    public RelationalScanStore(StoreDialect dialect, DataDirectory dataDirectory, PartnerWatchOptions options, TimeProvider timeProvider, ILogger<RelationalScanStore> logger)
    {
        _dialect = dialect;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _evidence = new EvidenceFiles(dataDirectory);
    }

    /// <summary>Schema version this code writes for its engine; a database with a higher version is refused.</summary>
    public int CodeSchemaVersion => _dialect.Migrations[^1].Version;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _initializeGate.WaitAsync(cancellationToken);
        try
        {
            if (_initialized)
            {
                return;
            }

            _dialect.EnsureLocation();
            await using var connection = await OpenAsync(cancellationToken);
            await _dialect.PrepareAsync(connection, cancellationToken);
            await using (var bootstrap = await _dialect.BeginWriteAsync(connection, cancellationToken))
            {
                await connection.ExecuteAsync(new CommandDefinition(_dialect.CreateSchemaVersionTable, transaction: bootstrap, cancellationToken: cancellationToken));
                await bootstrap.CommitAsync(cancellationToken);
            }

            var version = await ReadSchemaVersionAsync(connection, null, cancellationToken);
            ThrowIfNewerThanCode(version);
            foreach (var migration in _dialect.Migrations.Where(m => m.Version > version))
            {
                await ApplyAsync(connection, migration, cancellationToken);
            }

            _initialized = true;
            LogReady(_dialect.Location, CodeSchemaVersion);
        }
        catch (Exception ex) when (ex is DbException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"Cannot open the database {Quoted(_dialect.Location)} ({_dialect.LocationSetting}): {ex.Message}", ex);
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
        var claims = DistinctByBrand(result.Claims).ToList();

        // Blobs are content-addressed and need no ids, so they are written before the transaction keeps the writer lock.
        var blobs = await StoreEvidenceBlobsAsync(result, claims, cancellationToken);

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken);

        await connection.ExecuteAsync(new CommandDefinition(StoreSql.UpsertSite, new
        {
            Id = result.Site,
            Url = result.Url ?? "",
            Name = SiteName(result.Site),
            ScannedAt = ToUnixMs(finishedAt),
        }, transaction, cancellationToken: cancellationToken));

        var scanId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(StoreSql.InsertScan, new
        {
            SiteId = result.Site,
            StartedAt = ToUnixMs(startedAt),
            FinishedAt = ToUnixMs(finishedAt),
            Outcome = result.Failed ? "failed" : "ok",
            Pages = result.PagesScanned,
            Errors = SerializeErrors(result.Errors),
        }, transaction, cancellationToken: cancellationToken));

        var outbox = new Outbox(this, connection, transaction, now, cancellationToken);
        int newClaims = 0, confirmedClaims = 0;
        foreach (var claim in claims)
        {
            var unverified = claim.Status != ClaimStatus.Confirmed;
            var values = new
            {
                SiteId = result.Site,
                BrandId = claim.Brand,
                Status = unverified ? "unverified" : "confirmed",
                State = unverified ? "open" : "confirmed",
                Confidence = double.IsFinite(claim.Confidence) ? Math.Clamp(claim.Confidence, 0, 1) : 0,
                SeenAt = seenAt,
                ScanId = scanId,
                Evidence = SerializeEvidence(claim.Evidence),
            };

            var existing = await connection.QuerySingleOrDefaultAsync<ClaimRow>(new CommandDefinition(
                StoreSql.FindClaim, values, transaction, cancellationToken: cancellationToken));
            long claimId;
            if (existing is null)
            {
                claimId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    StoreSql.InsertClaim, values, transaction, cancellationToken: cancellationToken));
                if (unverified)
                {
                    newClaims++;
                    await outbox.OpenPeriodAsync(claimId);
                }
            }
            else if (existing.State == "open" && unverified)
            {
                claimId = existing.Id;
                await Execute(connection, transaction, StoreSql.RefreshClaim, new { existing.Id, values.Status, values.Confidence, values.SeenAt, values.ScanId, values.Evidence }, cancellationToken);
            }
            else if (existing.State == "open")
            {
                // The partner list now confirms the site: the case closes, and whoever was told about it hears so.
                claimId = existing.Id;
                await Execute(connection, transaction, StoreSql.CloseClaimConfirmed, new { existing.Id, values.Confidence, values.SeenAt, values.ScanId, values.Evidence }, cancellationToken);
                confirmedClaims++;
                if (existing.OpenAlertId is not null)
                {
                    await outbox.QueueAsync(AlertKind.Confirmed, claimId, $"confirmed:{claimId}:{seenAt}");
                }
            }
            else if (unverified && existing.State == "dismissed")
            {
                // An analyst said this is not a claim: keep the sighting current, but no new period and no alert.
                claimId = existing.Id;
                await Execute(connection, transaction, StoreSql.RefreshClaim, new { existing.Id, values.Status, values.Confidence, values.SeenAt, values.ScanId, values.Evidence }, cancellationToken);
            }
            else if (unverified)
            {
                claimId = existing.Id;
                await Execute(connection, transaction, StoreSql.ReopenClaim, new { existing.Id, values.Confidence, values.SeenAt, values.ScanId, values.Evidence }, cancellationToken);
                newClaims++;
                await outbox.OpenPeriodAsync(claimId);
            }
            else
            {
                claimId = existing.Id;
                await Execute(connection, transaction, StoreSql.CloseClaimConfirmed, new { existing.Id, values.Confidence, values.SeenAt, values.ScanId, values.Evidence }, cancellationToken);
            }

            await WriteManifestAsync(connection, transaction, result, claim, claimId, scanId, blobs, now, cancellationToken);
        }

        var resolved = 0;
        if (!result.Failed)
        {
            resolved = await CountAbsencesAsync(connection, transaction, outbox, result, scanId, ToUnixMs(finishedAt), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new RecordedScan(scanId, newClaims, outbox.Queued, resolved, confirmedClaims);
    }

    /// <summary>
    /// Open claims this successful scan did not see count one more absence, and resolve at <c>Alerts:ResolveAfterScans</c>.
    /// A claim whose evidence page failed to load in this scan was not looked for, so that is not absence either.
    /// </summary>
    private async Task<int> CountAbsencesAsync(
        DbConnection connection, DbTransaction transaction, Outbox outbox, SiteScanResult result, long scanId, long resolvedAt, CancellationToken cancellationToken)
    {
        var failedUrls = (result.Errors ?? []).Where(e => e is not null).Select(e => NormalizeUrl(e.Url)).ToHashSet(StringComparer.Ordinal);
        var unseen = await connection.QueryAsync<UnseenClaimRow>(new CommandDefinition(
            StoreSql.UnseenOpenClaims, new { SiteId = result.Site, ScanId = scanId }, transaction, cancellationToken: cancellationToken));
        var threshold = Math.Max(1, _options.Alerts.ResolveAfterScans);
        var resolved = 0;
        foreach (var claim in unseen)
        {
            var pages = DeserializeEvidence(claim.Evidence, 0).Select(e => NormalizeUrl(e.PageUrl));
            if (failedUrls.Count > 0 && pages.Any(failedUrls.Contains))
            {
                continue;
            }

            var missed = claim.MissedScans + 1;
            if (missed < threshold)
            {
                await Execute(connection, transaction, StoreSql.CountMissedScan, new { claim.Id, MissedScans = missed }, cancellationToken);
                continue;
            }

            await Execute(connection, transaction, StoreSql.ResolveClaim, new { claim.Id, MissedScans = missed, ResolvedAt = resolvedAt }, cancellationToken);
            resolved++;
            if (claim.OpenAlertId is not null)
            {
                await outbox.QueueAsync(AlertKind.Withdrawn, claim.Id, $"withdrawn:{claim.Id}:{resolvedAt}");
            }
        }

        return resolved;
    }

    public async Task<int> QueueDueAlertsAsync(CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        var now = _timeProvider.GetUtcNow();
        var alerts = _options.Alerts;
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken);
        var outbox = new Outbox(this, connection, transaction, now, cancellationToken);

        if (alerts.ReminderInterval > TimeSpan.Zero)
        {
            var due = await connection.QueryAsync<ReminderRow>(new CommandDefinition(StoreSql.ClaimsDueForReminder,
                new { Cutoff = ToUnixMs(now - alerts.ReminderInterval) }, transaction, cancellationToken: cancellationToken));
            foreach (var claim in due)
            {
                await outbox.QueueAsync(AlertKind.Reminder, claim.Id, $"reminder:{claim.Id}:{claim.Since}");
                await Execute(connection, transaction, StoreSql.SetReminded, new { claim.Id, Now = ToUnixMs(now) }, cancellationToken);
            }
        }

        var unalerted = (await connection.QueryAsync<long>(new CommandDefinition(
            StoreSql.UnalertedOpenClaims, transaction: transaction, cancellationToken: cancellationToken))).ToList();
        if (unalerted.Count > 0 && !alerts.Digest)
        {
            foreach (var claimId in unalerted)
            {
                await outbox.OpenPeriodAsync(claimId);
            }
        }
        else if (unalerted.Count > 0 && now.UtcDateTime.TimeOfDay >= alerts.DigestTime)
        {
            // One digest per UTC day: the dedupe key refuses a second one, so later claims wait for tomorrow's.
            var day = now.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            if (await outbox.QueueAsync(AlertKind.Digest, null, $"digest:{day}") is { } digestId)
            {
                foreach (var claimId in unalerted)
                {
                    await Execute(connection, transaction, StoreSql.InsertAlertClaim, new { AlertId = digestId, ClaimId = claimId }, cancellationToken);
                    await Execute(connection, transaction, StoreSql.SetClaimAlert, new { AlertId = digestId, ClaimId = claimId }, cancellationToken);
                }
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return outbox.Queued;
    }

    public async Task<int> CloseClaimsAsConfirmedAsync(IReadOnlyCollection<long> claimIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimIds);
        if (claimIds.Count == 0)
        {
            return 0;
        }

        await EnsureInitializedAsync(cancellationToken);
        var now = _timeProvider.GetUtcNow();
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken);
        var outbox = new Outbox(this, connection, transaction, now, cancellationToken);
        var closed = 0;
        foreach (var claimId in claimIds.Distinct())
        {
            // RETURNING yields no row when the claim is not open (any more): nothing to close, nobody to tell.
            var rows = (await connection.QueryAsync<long?>(new CommandDefinition(StoreSql.CloseOpenClaimConfirmedByList,
                new { Id = claimId, Now = ToUnixMs(now) }, transaction, cancellationToken: cancellationToken))).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            closed++;
            if (rows[0] is not null)
            {
                await outbox.QueueAsync(AlertKind.Confirmed, claimId, $"confirmed:{claimId}:list:{ToUnixMs(now)}");
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return closed;
    }

    public async Task<IReadOnlyList<PendingAlert>> GetPendingAlertsAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await EnsureInitializedAsync(cancellationToken);
        var now = ToUnixMs(_timeProvider.GetUtcNow());
        await using var connection = await OpenAsync(cancellationToken);
        if (!_dialect.LeasesOutbox)
        {
            var due = (await connection.QueryAsync<PendingAlertRow>(new CommandDefinition(StoreSql.DuePendingAlerts, new { Now = now, Max = max },
                cancellationToken: cancellationToken))).ToList();
            return await ToPendingAlertsAsync(connection, due, cancellationToken);
        }

        // Taking the rows and leasing them is one statement, so two instances never hold the same alert.
        var leased = (await connection.QueryAsync<long>(new CommandDefinition(StoreSql.LeaseDueAlerts,
            new { Now = now, Max = max, LeasedUntil = now + (long)OutboxLease.TotalMilliseconds }, cancellationToken: cancellationToken))).ToList();
        if (leased.Count == 0)
        {
            return [];
        }

        var rows = (await connection.QueryAsync<PendingAlertRow>(new CommandDefinition(AlertsByIdSql(), new { Ids = leased.ToArray(), Max = max },
            cancellationToken: cancellationToken))).ToList();
        return await ToPendingAlertsAsync(connection, rows, cancellationToken);
    }

    /// <summary>The due-alert query for given alert ids, whatever their state.</summary>
    private string AlertsByIdSql() =>
        StoreSql.DuePendingAlerts.Replace(StoreSql.DuePendingAlertsFilter, "WHERE " + _dialect.InList("a.id", "@Ids"), StringComparison.Ordinal);

    private async Task<IReadOnlyList<PendingAlert>> ToPendingAlertsAsync(DbConnection connection, List<PendingAlertRow> rows, CancellationToken cancellationToken)
    {
        var digestIds = rows.Where(r => r.Kind == "digest").Select(r => r.Id).ToList();
        var digestClaims = digestIds.Count == 0
            ? []
            : (await connection.QueryAsync<DigestClaimRow>(new CommandDefinition(string.Format(System.Globalization.CultureInfo.InvariantCulture, StoreSql.DigestClaims, _dialect.InList("ac.alert_id", "@AlertIds")), new { AlertIds = digestIds.ToArray() }, cancellationToken: cancellationToken))).ToList();
        var manifests = new Dictionary<long, EvidenceManifestRecord?>();
        foreach (var claimId in rows.Where(r => r.ClaimId is not null).Select(r => r.ClaimId!.Value).Distinct())
        {
            manifests[claimId] = (await ReadManifestsAsync(connection, claimId, 1, cancellationToken)).FirstOrDefault();
        }

        return rows.Select(r => new PendingAlert(
            r.Id, r.MessageId, r.SiteId ?? "", r.SiteUrl ?? "", r.BrandId ?? "", r.Confidence ?? 0,
            r.Evidence is null ? [] : DeserializeEvidence(r.Evidence, r.Id),
            FromUnixMs(r.FirstSeenAt ?? r.CreatedAt), FromUnixMs(r.CreatedAt), r.Attempts)
        {
            Kind = ParseKind(r.Kind),
            ClaimId = r.ClaimId,
            LastSeenAt = r.LastSeenAt is { } seen ? FromUnixMs(seen) : null,
            ResolvedAt = r.ResolvedAt is { } resolved ? FromUnixMs(resolved) : null,
            ThreadMessageId = r.ThreadMessageId,
            Manifest = r.ClaimId is { } id ? manifests.GetValueOrDefault(id) : null,
            DigestClaims = digestClaims.Where(d => d.AlertId == r.Id).Select(d => new DigestClaim(
                d.ClaimId, d.SiteId, d.SiteUrl, d.BrandId, d.Confidence, FromUnixMs(d.FirstSeenAt), DeserializeEvidence(d.Evidence, r.Id))).ToList(),
        }).ToList();
    }

    public async Task MarkAlertSentAsync(long alertId, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(StoreSql.MarkAlertSent,
            new { Id = alertId, SentAt = ToUnixMs(sentAt) }, cancellationToken: cancellationToken));
    }

    public async Task MarkAlertFailedAsync(long alertId, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(StoreSql.MarkAlertFailed,
            new { Id = alertId, Error = Truncate(error ?? ""), NextAttemptAt = ToUnixMs(nextAttemptAt) },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<PendingDelivery>> GetPendingDeliveriesAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await EnsureInitializedAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        var now = ToUnixMs(_timeProvider.GetUtcNow());
        var due = (await connection.QueryAsync<(long AlertId, string Sink, long Attempts, long NextAttemptAt)>(new CommandDefinition(
            _dialect.LeasesOutbox ? StoreSql.LeaseDueDeliveries : StoreSql.DueDeliveries,
            new { Now = now, Max = max, LeasedUntil = now + (long)OutboxLease.TotalMilliseconds }, cancellationToken: cancellationToken)))
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.AlertId).ThenBy(d => d.Sink, StringComparer.Ordinal).ToList();
        if (due.Count == 0)
        {
            return [];
        }

        var rows = (await connection.QueryAsync<PendingAlertRow>(new CommandDefinition(
            AlertsByIdSql(),
            new { Ids = due.Select(d => d.AlertId).Distinct().ToArray(), Max = max }, cancellationToken: cancellationToken))).ToList();
        var alerts = (await ToPendingAlertsAsync(connection, rows, cancellationToken)).ToDictionary(a => a.Id);
        return due.Where(d => alerts.ContainsKey(d.AlertId))
            .Select(d => new PendingDelivery(d.Sink, alerts[d.AlertId] with { Attempts = (int)d.Attempts }, (int)d.Attempts)).ToList();
    }

    public async Task MarkDeliverySentAsync(long alertId, string sink, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE alert_deliveries SET state = 'sent', sent_at = @SentAt, leased_until = NULL WHERE alert_id = @AlertId AND sink = @Sink AND state = 'pending';",
            new { AlertId = alertId, Sink = sink, SentAt = ToUnixMs(sentAt) }, cancellationToken: cancellationToken));
    }

    public async Task MarkDeliveryFailedAsync(long alertId, string sink, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE alert_deliveries SET attempts = attempts + 1, last_error = @Error, next_attempt_at = @NextAttemptAt, leased_until = NULL WHERE alert_id = @AlertId AND sink = @Sink AND state = 'pending';",
            new { AlertId = alertId, Sink = sink, Error = Truncate(error ?? ""), NextAttemptAt = ToUnixMs(nextAttemptAt) }, cancellationToken: cancellationToken));
    }

    public async Task MarkDeliveryAbandonedAsync(long alertId, string sink, string error, DateTimeOffset failedAt, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(StoreSql.MarkDeliveryAbandoned,
            new { AlertId = alertId, Sink = sink, Error = Truncate(error ?? ""), FailedAt = ToUnixMs(failedAt) }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ClaimRecord>> ListClaimsAsync(ClaimLifecycle? status, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await EnsureInitializedAsync(cancellationToken);
        var where = status switch
        {
            ClaimLifecycle.Open => "WHERE c.state = 'open' AND c.acknowledged_at IS NULL",
            ClaimLifecycle.Acknowledged => "WHERE c.state = 'open' AND c.acknowledged_at IS NOT NULL",
            ClaimLifecycle.Resolved => "WHERE c.state = 'resolved'",
            ClaimLifecycle.Confirmed => "WHERE c.state = 'confirmed'",
            ClaimLifecycle.Dismissed => "WHERE c.state = 'dismissed'",
            _ => "",
        };
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ClaimRecordRow>(new CommandDefinition(
            $"{StoreSql.SelectClaims} {where} ORDER BY c.last_seen_at DESC, c.id DESC LIMIT @Max;", new { Max = max }, cancellationToken: cancellationToken));
        return rows.Select(ToClaimRecord).ToList();
    }

    public async Task<ClaimRecord?> GetClaimAsync(long claimId, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ClaimRecordRow>(new CommandDefinition(
            $"{StoreSql.SelectClaims} WHERE c.id = @Id;", new { Id = claimId }, cancellationToken: cancellationToken));
        return row is null ? null : ToClaimRecord(row);
    }

    public async Task<IReadOnlyList<EvidenceManifestRecord>> GetEvidenceManifestsAsync(long claimId, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        return await ReadManifestsAsync(connection, claimId, MaxManifestsListed, cancellationToken);
    }

    public async Task<AcknowledgeOutcome> AcknowledgeClaimAsync(long claimId, string? by, string? note, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(StoreSql.AcknowledgeClaim, new
        {
            Id = claimId,
            Now = ToUnixMs(_timeProvider.GetUtcNow()),
            By = TruncateOrNull(string.IsNullOrWhiteSpace(by) ? null : by.Trim()),
            Note = TruncateOrNull(string.IsNullOrWhiteSpace(note) ? null : note.Trim()),
        }, transaction, cancellationToken: cancellationToken));
        var outcome = AcknowledgeOutcome.Acknowledged;
        if (changed == 0)
        {
            var state = await connection.QuerySingleOrDefaultAsync<(string State, long? AcknowledgedAt)?>(new CommandDefinition(
                "SELECT state, acknowledged_at FROM claims WHERE id = @Id;", new { Id = claimId }, transaction, cancellationToken: cancellationToken));
            outcome = state switch
            {
                null => AcknowledgeOutcome.NotFound,
                { State: "open" } => AcknowledgeOutcome.AlreadyAcknowledged,
                _ => AcknowledgeOutcome.NotOpen,
            };
        }

        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    public async Task<int> PruneEvidenceAsync(CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        var cutoff = _timeProvider.GetUtcNow() - _options.Alerts.EvidenceRetention;
        await using var connection = await OpenAsync(cancellationToken);
        var expired = (await connection.QueryAsync<(long Id, long ClaimId, string File)>(new CommandDefinition(
            "SELECT id, claim_id, file FROM evidence_manifests WHERE created_at < @Cutoff;", new { Cutoff = ToUnixMs(cutoff) },
            cancellationToken: cancellationToken))).ToList();
        foreach (var manifest in expired)
        {
            // Row first: a manifest the database still lists must exist on disk; a file without a row is only clutter.
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM evidence_manifests WHERE id = @Id;", new { manifest.Id }, cancellationToken: cancellationToken));
            _evidence.DeleteManifest(manifest.ClaimId, manifest.File);
        }

        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var json in await connection.QueryAsync<string>(new CommandDefinition("SELECT blobs FROM evidence_manifests;", cancellationToken: cancellationToken)))
        {
            foreach (var sha in DeserializeStrings(json))
            {
                referenced.Add(sha);
            }
        }

        var blobs = _evidence.DeleteUnreferencedBlobs(referenced, _timeProvider.GetUtcNow().AddDays(-1));
        if (expired.Count + blobs > 0)
        {
            LogEvidencePruned(expired.Count, blobs);
        }

        return expired.Count + blobs;
    }

    /// <summary>The path of an evidence file of a claim, when the claim's manifests list it; null otherwise.</summary>
    public async Task<string?> FindEvidenceFileAsync(long claimId, string name, CancellationToken cancellationToken)
    {
        if (_evidence.PathOf(claimId, name) is not { } path)
        {
            return null;
        }

        var manifests = await GetEvidenceManifestsAsync(claimId, cancellationToken);
        var listed = manifests.Any(m => m.File == name)
            || manifests.Any(m => m.Items.Any(i => i.Stored && i.Sha256 == name));
        return listed && File.Exists(path) ? path : null;
    }

    public async Task<StoreStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        var sites = await connection.QueryAsync<SiteStatusRow>(new CommandDefinition(StoreSql.SiteStatuses, cancellationToken: cancellationToken));
        var claims = await connection.QueryAsync<OpenClaimRow>(new CommandDefinition(StoreSql.OpenUnverifiedClaims, cancellationToken: cancellationToken));
        var counts = await connection.QuerySingleAsync<AlertCountsRow>(new CommandDefinition(StoreSql.AlertCounts, cancellationToken: cancellationToken));
        var webhooks = await connection.QuerySingleAsync<AlertCountsRow>(new CommandDefinition(StoreSql.DeliveryCounts,
            new { FailedSince = ToUnixMs(_timeProvider.GetUtcNow() - PermanentFailuresShownFor) }, cancellationToken: cancellationToken));

        return new StoreStatus(
            sites.Select(s => new SiteStatus(
                s.SiteId, s.Url, s.LastScanAt is { } at ? FromUnixMs(at) : null, s.LastOutcome, (int)(s.LastPages ?? 0),
                DeserializeErrors(s.LastErrors))).ToList(),
            claims.Select(c => new OpenClaim(
                c.Id, c.SiteId, c.BrandId, c.Confidence, FromUnixMs(c.FirstSeenAt), FromUnixMs(c.LastSeenAt), c.Alerted != 0)
            {
                Acknowledged = c.AcknowledgedAt is not null,
            }).ToList(),
            (int)counts.Pending,
            (int)counts.Failed)
        {
            OldestPendingAlertAt = counts.OldestPendingAt is { } oldest ? FromUnixMs(oldest) : null,
            LastDeliveryError = counts.LastError,
            PendingWebhookDeliveries = (int)webhooks.Pending,
            FailedWebhookDeliveries = (int)webhooks.Failed,
            LastWebhookError = webhooks.LastError,
        };
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

    private Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => _dialect.OpenConnectionAsync(cancellationToken);

    private async Task ApplyAsync(DbConnection connection, SchemaMigration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken);
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
                $"Database {Quoted(_dialect.Location)} is at schema version {version}; migration {migration.Version} cannot follow it.");
        }

        await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(StoreSql.InsertSchemaVersion,
            new { migration.Version, AppliedAt = ToUnixMs(_timeProvider.GetUtcNow()) }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        LogMigrated(migration.Version, migration.Description);
    }

    /// <summary>A file path is quoted; a described database ("PostgreSQL database 'x' on host:5432") already is.</summary>
    private static string Quoted(string location) => location.Contains('\'', StringComparison.Ordinal) ? location : $"'{location}'";

    private static async Task<int> ReadSchemaVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(StoreSql.CurrentSchemaVersion, transaction: transaction, cancellationToken: cancellationToken));

    private void ThrowIfNewerThanCode(int version)
    {
        if (version > CodeSchemaVersion)
        {
            throw new InvalidOperationException(
                $"Database {Quoted(_dialect.Location)} has schema version {version}, but this PartnerWatch knows only up to " +
                $"version {CodeSchemaVersion}. Run a newer PartnerWatch, or point {_dialect.LocationSetting} elsewhere.");
        }
    }

    /// <summary>Queues alerts inside the transaction of the claim change that causes them.</summary>
    private sealed class Outbox(RelationalScanStore store, DbConnection connection, DbTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        public int Queued { get; private set; }

        /// <summary>A claim's open period begins: alert now, or leave it for the daily digest.</summary>
        public async Task OpenPeriodAsync(long claimId)
        {
            if (store._options.Alerts.Digest)
            {
                return;
            }

            if (await QueueAsync(AlertKind.NewClaim, claimId, null) is { } alertId)
            {
                await Execute(connection, transaction, StoreSql.SetClaimAlert, new { AlertId = alertId, ClaimId = claimId }, cancellationToken);
            }
        }

        /// <summary>Inserts an alert (and one delivery per webhook sink); null when <paramref name="dedupeKey"/> was queued before.</summary>
        public async Task<long?> QueueAsync(AlertKind kind, long? claimId, string? dedupeKey)
        {
            var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
            var alertId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(StoreSql.InsertAlert, new
            {
                ClaimId = claimId,
                Kind = KindName(kind),
                CreatedAt = ToUnixMs(now),
                MessageId = $"pending-{nonce}@{MessageIdDomain}",
                DedupeKey = dedupeKey,
            }, transaction, cancellationToken: cancellationToken));
            if (alertId is not { } id)
            {
                return null;
            }

            // The id makes the Message-ID recognisable; the nonce keeps it unique if the database is ever recreated
            // and ids restart (mail clients silently drop a second message with a Message-ID they have seen).
            await Execute(connection, transaction, "UPDATE alerts SET message_id = @MessageId WHERE id = @AlertId;",
                new { AlertId = id, MessageId = $"alert-{id}.{nonce}@{MessageIdDomain}" }, cancellationToken);
            for (var i = 0; i < store._options.Webhooks.Count; i++)
            {
                await Execute(connection, transaction, StoreSql.InsertDelivery, new { AlertId = id, Sink = WebhookSink(i), CreatedAt = ToUnixMs(now) }, cancellationToken);
            }

            Queued++;
            return id;
        }
    }

    /// <summary>Sink name of the webhook at <c>Webhooks:N</c>.</summary>
    public static string WebhookSink(int index) => $"webhook:{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    private static Task<int> Execute(DbConnection connection, DbTransaction transaction, string sql, object values, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql, values, transaction, cancellationToken: cancellationToken));

    internal static string KindName(AlertKind kind) => kind switch
    {
        AlertKind.NewClaim => "new-claim",
        AlertKind.Reminder => "reminder",
        AlertKind.Withdrawn => "withdrawn",
        AlertKind.Confirmed => "confirmed",
        AlertKind.Digest => "digest",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static AlertKind ParseKind(string kind) => kind switch
    {
        "reminder" => AlertKind.Reminder,
        "withdrawn" => AlertKind.Withdrawn,
        "confirmed" => AlertKind.Confirmed,
        "digest" => AlertKind.Digest,
        _ => AlertKind.NewClaim,
    };

    private const int MaxManifestsListed = 100;

    /// <summary>Deliveries given up for good count as failed in the status for this long, then only the database has them.</summary>
    internal static readonly TimeSpan PermanentFailuresShownFor = TimeSpan.FromDays(7);

    /// <summary>Pages and images the claims' evidence refers to, written to the blob store: url → item.</summary>
    private async Task<Dictionary<string, EvidenceItem>> StoreEvidenceBlobsAsync(SiteScanResult result, List<Claim> claims, CancellationToken cancellationToken)
    {
        var items = new Dictionary<string, EvidenceItem>(StringComparer.Ordinal);
        var wanted = claims.SelectMany(c => c.Evidence ?? []).Where(e => e is not null).ToList();
        var pageUrls = wanted.Select(e => NormalizeUrl(e.PageUrl)).ToHashSet(StringComparer.Ordinal);
        foreach (var page in (result.FetchedPages ?? []).Where(p => p is not null && pageUrls.Contains(NormalizeUrl(p.Url))))
        {
            var stored = false;
            try
            {
                if (page.Html is { } html)
                {
                    await _evidence.PutBlobAsync(html, cancellationToken);
                    stored = true;
                }
            }
            catch (IOException ex)
            {
                LogEvidenceWriteFailed(page.Url, ex.Message);
            }

            items.TryAdd("page " + NormalizeUrl(page.Url), new EvidenceItem("page", page.Url, page.FetchedAt, page.StatusCode, page.Sha256, page.Length, stored, "text/html"));

            // A page built by scripts: what detection read (and a visitor saw) is the rendered DOM, not the bytes served.
            if (page.RenderedHtml is { } dom)
            {
                var renderedStored = false;
                try
                {
                    await _evidence.PutBlobAsync(dom, cancellationToken);
                    renderedStored = true;
                }
                catch (IOException ex)
                {
                    LogEvidenceWriteFailed(page.Url, ex.Message);
                }
                items.TryAdd("rendered " + NormalizeUrl(page.Url), new EvidenceItem("rendered-page", page.Url, page.FetchedAt, page.StatusCode,
                    EvidenceFiles.Sha256Hex(dom), dom.LongLength, renderedStored, "text/html; charset=utf-8"));
            }
        }

        var images = (result.FetchedImages ?? []).Where(i => i is not null).ToList();
        foreach (var evidence in wanted.Where(e => !string.IsNullOrEmpty(e.ImageUrl)))
        {
            var key = "image " + NormalizeUrl(evidence.ImageUrl);
            if (items.ContainsKey(key)) continue;
            var image = images.FirstOrDefault(i => NormalizeUrl(i.Url) == NormalizeUrl(evidence.ImageUrl)
                || (evidence.ImageSha256 is not null && i.Sha256 == evidence.ImageSha256));
            var stored = false;
            try
            {
                if (image?.Bytes is { } bytes)
                {
                    await _evidence.PutBlobAsync(bytes, cancellationToken);
                    stored = true;
                }
            }
            catch (IOException ex)
            {
                LogEvidenceWriteFailed(evidence.ImageUrl!, ex.Message);
            }

            var sha = stored ? EvidenceFiles.Sha256Hex(image!.Bytes) : image?.Sha256 ?? evidence.ImageSha256;
            items[key] = new EvidenceItem("image", evidence.ImageUrl!, image?.FetchedAt, null, EvidenceFiles.IsSha256(sha) ? sha : null,
                image?.Bytes?.LongLength, stored, image?.ContentType);
        }

        // Screenshots of the claim pages as rendered (or the reason there is none), taken before the scan is recorded.
        foreach (var shot in (result.Screenshots ?? []).Where(s => s is not null && pageUrls.Contains(NormalizeUrl(s.PageUrl))))
        {
            var stored = false;
            try
            {
                if (shot.Png is { } png)
                {
                    await _evidence.PutBlobAsync(png, cancellationToken);
                    stored = true;
                }
            }
            catch (IOException ex)
            {
                LogEvidenceWriteFailed(shot.PageUrl, ex.Message);
            }

            items.TryAdd("screenshot " + NormalizeUrl(shot.PageUrl), new EvidenceItem("screenshot", shot.PageUrl, shot.TakenAt, null,
                shot.Png is null ? null : EvidenceFiles.Sha256Hex(shot.Png), shot.Png?.LongLength, stored, shot.Png is null ? null : "image/png", shot.Note,
                shot.Marks is { Count: > 0 } marks ? marks : null));
        }

        return items;
    }

    private async Task WriteManifestAsync(
        DbConnection connection, DbTransaction transaction, SiteScanResult result, Claim claim, long claimId, long scanId,
        Dictionary<string, EvidenceItem> blobs, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var evidence = (claim.Evidence ?? []).Where(e => e is not null).Take(MaxStoredEvidencePerClaim).ToList();
        var files = evidence.Select(e => "page " + NormalizeUrl(e.PageUrl))
            .Concat(evidence.Select(e => "rendered " + NormalizeUrl(e.PageUrl)))
            .Concat(evidence.Select(e => "screenshot " + NormalizeUrl(e.PageUrl)))
            .Concat(evidence.Where(e => !string.IsNullOrEmpty(e.ImageUrl)).Select(e => "image " + NormalizeUrl(e.ImageUrl)))
            .Distinct(StringComparer.Ordinal)
            .Select(k => blobs.GetValueOrDefault(k))
            .OfType<EvidenceItem>()
            .ToList();
        var manifest = new
        {
            claimId,
            scanId,
            site = result.Site,
            siteUrl = result.Url,
            brand = claim.Brand,
            status = claim.Status == ClaimStatus.Confirmed ? "confirmed" : "unverified",
            recordedAt = now.UtcDateTime,
            files = files.Select(f => new
            {
                f.Kind,
                f.Url,
                fetchedAt = f.FetchedAt?.UtcDateTime,
                f.HttpStatus,
                f.Sha256,
                f.Bytes,
                f.ContentType,
                f.Stored,
                f.Note,
                blob = f.Stored ? $"blobs/{f.Sha256}" : null,
            }),
            evidence = evidence.Select(e => e with { Detail = Truncate(e.Detail ?? ""), Snippet = TruncateOrNull(e.Snippet), Context = TruncateOrNull(e.Context) }),
        };

        try
        {
            var (file, sha) = await _evidence.WriteManifestAsync(claimId, scanId, manifest, cancellationToken);
            await Execute(connection, transaction,
                "INSERT INTO evidence_manifests (claim_id, scan_id, created_at, file, sha256, blobs) VALUES (@ClaimId, @ScanId, @CreatedAt, @File, @Sha256, @Blobs) ON CONFLICT (claim_id, scan_id) DO NOTHING;",
                new
                {
                    ClaimId = claimId,
                    ScanId = scanId,
                    CreatedAt = ToUnixMs(now),
                    File = file,
                    Sha256 = sha,
                    Blobs = JsonSerializer.Serialize(files.Where(f => f.Stored).Select(f => f.Sha256).Distinct().ToList(), Json),
                }, cancellationToken);
        }
        catch (IOException ex)
        {
            // Evidence on disk is worth a lot but not the alert itself: record the claim, say loudly what is missing.
            LogEvidenceWriteFailed(claim.Brand, ex.Message);
        }
    }

    private async Task<IReadOnlyList<EvidenceManifestRecord>> ReadManifestsAsync(DbConnection connection, long claimId, int max, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(long ScanId, long CreatedAt, string File, string Sha256)>(new CommandDefinition(
            "SELECT scan_id, created_at, file, sha256 FROM evidence_manifests WHERE claim_id = @ClaimId ORDER BY scan_id DESC LIMIT @Max;",
            new { ClaimId = claimId, Max = max }, cancellationToken: cancellationToken));
        var result = new List<EvidenceManifestRecord>();
        foreach (var row in rows)
        {
            result.Add(new EvidenceManifestRecord(claimId, row.ScanId, FromUnixMs(row.CreatedAt), row.File, row.Sha256, await ReadManifestItemsAsync(claimId, row.File, cancellationToken)));
        }

        return result;
    }

    private async Task<IReadOnlyList<EvidenceItem>> ReadManifestItemsAsync(long claimId, string file, CancellationToken cancellationToken)
    {
        try
        {
            if (_evidence.PathOf(claimId, file) is not { } path || !File.Exists(path)) return [];
            await using var stream = File.OpenRead(path);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            if (!document.RootElement.TryGetProperty("files", out var files)) return [];
            return files.Deserialize<List<EvidenceItem>>(Json) ?? [];
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            LogUnreadableEvidence(claimId, ex.Message);
            return [];
        }
    }

    private static string NormalizeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped) : url ?? "";

    private static IReadOnlyList<string> DeserializeStrings(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<string>>(json, Json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private ClaimRecord ToClaimRecord(ClaimRecordRow r) => new(
        r.Id, r.SiteId, r.SiteUrl, r.BrandId,
        StoreDialect.Lifecycle(r.State, r.AcknowledgedAt),
        r.Confidence, FromUnixMs(r.FirstSeenAt), FromUnixMs(r.LastSeenAt),
        r.ResolvedAt is { } resolved ? FromUnixMs(resolved) : null,
        r.AcknowledgedAt is { } ack ? FromUnixMs(ack) : null,
        r.AcknowledgedBy, r.AcknowledgedNote, (int)r.MissedScans, r.Alerted != 0, DeserializeEvidence(r.Evidence, 0));

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Database} ready at schema version {SchemaVersion}")]
    private partial void LogReady(string database, int schemaVersion);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied database migration {SchemaVersion}: {Description}")]
    private partial void LogMigrated(int schemaVersion, string description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database ping failed: {Reason}")]
    private partial void LogPingFailed(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Evidence for {What} could not be written: {Reason}")]
    private partial void LogEvidenceWriteFailed(string what, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Evidence retention: deleted {Manifests} manifests and {Blobs} blobs")]
    private partial void LogEvidencePruned(int manifests, int blobs);

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
        public string Kind { get; init; } = "";
        public long CreatedAt { get; init; }
        public int Attempts { get; init; }
        public long? ClaimId { get; init; }
        public string? SiteId { get; init; }
        public string? SiteUrl { get; init; }
        public string? BrandId { get; init; }
        public double? Confidence { get; init; }
        public string? Evidence { get; init; }
        public long? FirstSeenAt { get; init; }
        public long? LastSeenAt { get; init; }
        public long? ResolvedAt { get; init; }
        public string? ThreadMessageId { get; init; }
    }

    private sealed class DigestClaimRow
    {
        public long AlertId { get; init; }
        public long ClaimId { get; init; }
        public string SiteId { get; init; } = "";
        public string SiteUrl { get; init; } = "";
        public string BrandId { get; init; } = "";
        public double Confidence { get; init; }
        public string Evidence { get; init; } = "[]";
        public long FirstSeenAt { get; init; }
    }

    private sealed class UnseenClaimRow
    {
        public long Id { get; init; }
        public long MissedScans { get; init; }
        public long? OpenAlertId { get; init; }
        public string Evidence { get; init; } = "[]";
    }

    private sealed class ReminderRow
    {
        public long Id { get; init; }
        public long Since { get; init; }
    }

    private sealed class ClaimRecordRow
    {
        public long Id { get; init; }
        public string SiteId { get; init; } = "";
        public string SiteUrl { get; init; } = "";
        public string BrandId { get; init; } = "";
        public string State { get; init; } = "";
        public double Confidence { get; init; }
        public long FirstSeenAt { get; init; }
        public long LastSeenAt { get; init; }
        public long? ResolvedAt { get; init; }
        public long? AcknowledgedAt { get; init; }
        public string? AcknowledgedBy { get; init; }
        public string? AcknowledgedNote { get; init; }
        public long MissedScans { get; init; }
        public long Alerted { get; init; }
        public string Evidence { get; init; } = "[]";
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
        public long? AcknowledgedAt { get; init; }
    }

    private sealed class AlertCountsRow
    {
        public long Pending { get; init; }
        public long Failed { get; init; }
        public long? OldestPendingAt { get; init; }
        public string? LastError { get; init; }
    }
}
