using System.Data.Common;
using Dapper;
using PartnerWatch.Domain;

namespace PartnerWatch.Store;

/// <summary>
/// What people do with claims in the console, on the same database as <see cref="IScanStore"/>: verdicts (real / not a
/// claim), notes and the history of who did what, the partners confirmed in the console, and the filtered, paged claim
/// list. Claim state changes made here take the same writer lock as a scan (<see cref="StoreDialect.BeginWriteAsync"/>).
/// </summary>
public sealed class ClaimReviewStore
{
    internal const int MaxTextLength = 2000;

    private readonly StoreDialect _dialect;
    private readonly IScanStore _scanStore;
    private readonly TimeProvider _time;

    internal ClaimReviewStore(StoreDialect dialect, IScanStore scanStore, TimeProvider time)
    {
        _dialect = dialect;
        _scanStore = scanStore;
        _time = time;
    }

    public async Task<ClaimPage> QueryClaimsAsync(ClaimQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new List<string>();
        var args = new DynamicParameters();
        if (query.Status is { } status)
        {
            where.Add(status switch
            {
                ClaimLifecycle.Open => "c.state = 'open' AND c.acknowledged_at IS NULL",
                ClaimLifecycle.Acknowledged => "c.state = 'open' AND c.acknowledged_at IS NOT NULL",
                ClaimLifecycle.Resolved => "c.state = 'resolved'",
                ClaimLifecycle.Confirmed => "c.state = 'confirmed'",
                _ => "c.state = 'dismissed'",
            });
        }

        if (!string.IsNullOrWhiteSpace(query.Brand)) { where.Add("c.brand_id = @Brand"); args.Add("Brand", query.Brand.Trim()); }
        if (!string.IsNullOrWhiteSpace(query.Site)) { where.Add("c.site_id = @Site"); args.Add("Site", query.Site.Trim()); }
        if (query.MinConfidence is { } min) { where.Add("c.confidence >= @Min"); args.Add("Min", min); }
        if (query.SeenFrom is { } from) { where.Add("c.last_seen_at >= @From"); args.Add("From", from.ToUnixTimeMilliseconds()); }
        if (query.SeenTo is { } to) { where.Add("c.last_seen_at < @To"); args.Add("To", to.ToUnixTimeMilliseconds()); }
        var filter = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var page = Math.Max(1, query.Page);
        args.Add("Limit", pageSize);
        args.Add("Offset", (page - 1) * pageSize);

        await using var connection = await OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM claims c {filter};", args, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<ClaimListRow>(new CommandDefinition($"""
            SELECT c.id AS Id, c.site_id AS SiteId, c.brand_id AS BrandId, c.state AS State, c.acknowledged_at AS AcknowledgedAt,
                   c.confidence AS Confidence, c.first_seen_at AS FirstSeenAt, c.last_seen_at AS LastSeenAt,
                   CASE WHEN c.open_alert_id IS NOT NULL THEN 1 ELSE 0 END AS Alerted, v.verdict AS Verdict
            FROM claims c LEFT JOIN claim_verdicts v ON v.claim_id = c.id
            {filter}
            ORDER BY c.last_seen_at DESC, c.id DESC LIMIT @Limit OFFSET @Offset;
            """, args, cancellationToken: cancellationToken));
        var items = rows.Select(r => new ClaimListItem(r.Id, r.SiteId, r.BrandId, StoreDialect.Lifecycle(r.State, r.AcknowledgedAt), r.Confidence,
            FromMs(r.FirstSeenAt), FromMs(r.LastSeenAt), r.Alerted != 0, r.Verdict)).ToList();
        return new ClaimPage(items, (int)total, page, pageSize);
    }

    /// <summary>Brands and sites that have claims, for the list's filters.</summary>
    public async Task<(IReadOnlyList<string> Brands, IReadOnlyList<string> Sites)> ClaimFacetsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var brands = await connection.QueryAsync<string>(new CommandDefinition("SELECT DISTINCT brand_id FROM claims ORDER BY brand_id;", cancellationToken: cancellationToken));
        var sites = await connection.QueryAsync<string>(new CommandDefinition("SELECT DISTINCT site_id FROM claims ORDER BY site_id;", cancellationToken: cancellationToken));
        return (brands.ToList(), sites.ToList());
    }

    /// <summary>Everything that happened to a claim, oldest first: sightings, alerts, and what people did.</summary>
    public async Task<IReadOnlyList<ClaimHistoryEntry>> GetHistoryAsync(long claimId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var history = new List<ClaimHistoryEntry>();
        var claim = await connection.QuerySingleOrDefaultAsync<(long FirstSeenAt, long? ResolvedAt, string State)?>(new CommandDefinition(
            "SELECT first_seen_at, resolved_at, state FROM claims WHERE id = @Id;", new { Id = claimId }, cancellationToken: cancellationToken));
        if (claim is not { } c) return history;
        history.Add(new ClaimHistoryEntry(FromMs(c.FirstSeenAt), "PartnerWatch", "first seen", "this open period began"));
        if (c.ResolvedAt is { } resolved && c.State is "resolved" or "confirmed")
            history.Add(new ClaimHistoryEntry(FromMs(resolved), "PartnerWatch", c.State == "resolved" ? "resolved" : "closed as confirmed", null));

        var alerts = await connection.QueryAsync<(string Kind, long CreatedAt, long? SentAt, string State)>(new CommandDefinition(
            "SELECT kind, created_at, sent_at, state FROM alerts WHERE claim_id = @Id ORDER BY id;", new { Id = claimId }, cancellationToken: cancellationToken));
        foreach (var alert in alerts)
        {
            history.Add(new ClaimHistoryEntry(FromMs(alert.CreatedAt), "PartnerWatch", $"alert queued ({alert.Kind})", null));
            if (alert.SentAt is { } sent) history.Add(new ClaimHistoryEntry(FromMs(sent), "PartnerWatch", $"alert sent ({alert.Kind})", null));
        }

        var events = await connection.QueryAsync<(long At, string Actor, string Action, string? Text)>(new CommandDefinition(
            "SELECT at, actor, action, text FROM claim_events WHERE claim_id = @Id ORDER BY id;", new { Id = claimId }, cancellationToken: cancellationToken));
        history.AddRange(events.Select(e => new ClaimHistoryEntry(FromMs(e.At), e.Actor, e.Action, e.Text)));
        return history.OrderBy(h => h.At).ToList();
    }

    public async Task<ClaimVerdict?> GetVerdictAsync(long claimId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Verdict, string Actor, long At, string? Reason)?>(new CommandDefinition(
            "SELECT verdict, actor, at, reason FROM claim_verdicts WHERE claim_id = @Id;", new { Id = claimId }, cancellationToken: cancellationToken));
        return row is { } v ? new ClaimVerdict(v.Verdict, v.Actor, FromMs(v.At), v.Reason) : null;
    }

    /// <summary>Acknowledges an open claim (no more reminders) and records the verdict "real".</summary>
    public async Task<ReviewOutcome> AcknowledgeAsync(long claimId, string actor, string? note, CancellationToken cancellationToken)
    {
        var outcome = await _scanStore.AcknowledgeClaimAsync(claimId, actor, note, cancellationToken);
        if (outcome is AcknowledgeOutcome.NotFound) return ReviewOutcome.NotFound;
        if (outcome is AcknowledgeOutcome.NotOpen) return ReviewOutcome.NotAllowed;
        await WriteAsync(claimId, actor, "acknowledged", note, "real", cancellationToken, null, null);
        return ReviewOutcome.Done;
    }

    /// <summary>"Not a claim": the alert was wrong. The claim stays dismissed (no alerts) while it is seen, until reopened.</summary>
    public Task<ReviewOutcome> DismissAsync(long claimId, string actor, string reason, CancellationToken cancellationToken) =>
        WriteAsync(claimId, actor, "dismissed as not a claim", reason, "wrong", cancellationToken,
            "UPDATE claims SET state = 'dismissed', resolved_at = @Now WHERE id = @Id;", ClaimPolicy.CanDismiss);

    /// <summary>
    /// The site is a real partner of the brand: it joins the brand's confirmed list kept in the database, and the claim
    /// closes as confirmed (an alerted open claim gets its "claim closed" notice through <see cref="IScanStore"/>).
    /// Returns the entry added, or null when the claim does not exist.
    /// </summary>
    public async Task<(ReviewOutcome Outcome, ConfirmedPartnerEntry? Entry)> ConfirmPartnerAsync(long claimId, string actor, string? note, CancellationToken cancellationToken)
    {
        await using (var connection = await OpenAsync(cancellationToken))
        {
            var claim = await connection.QuerySingleOrDefaultAsync<(string SiteId, string BrandId, string State)?>(new CommandDefinition(
                "SELECT site_id, brand_id, state FROM claims WHERE id = @Id;", new { Id = claimId }, cancellationToken: cancellationToken));
            if (claim is not { } c) return (ReviewOutcome.NotFound, null);
            await using var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken);
            var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO confirmed_partner_entries (brand_id, entry, actor, added_at, claim_id) VALUES (@Brand, @Entry, @Actor, @Now, @Id)
                ON CONFLICT (brand_id, entry) DO NOTHING;
                """, new { Brand = c.BrandId, Entry = c.SiteId, Actor = Clip(actor), Now = now, Id = claimId }, transaction, cancellationToken: cancellationToken));
            // Open claims are closed below by the scan store, which also tells whoever was alerted.
            if (ClaimPolicy.ConfirmCloses(StoreValues.ParseState(c.State)))
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    // The state guard again: the state was read before this transaction took the writer lock.
                    "UPDATE claims SET status = 'confirmed', state = 'confirmed', resolved_at = @Now WHERE id = @Id AND state IN ('resolved', 'dismissed');",
                    new { Id = claimId, Now = now }, transaction, cancellationToken: cancellationToken));
            }
            await RecordAsync(connection, transaction, claimId, actor, "marked as confirmed partner", note, "real", now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await _scanStore.CloseClaimsAsConfirmedAsync([claimId], cancellationToken);
        var entry = (await GetConfirmedPartnersAsync(cancellationToken)).FirstOrDefault(e => e.ClaimId == claimId);
        return (ReviewOutcome.Done, entry);
    }

    /// <summary>
    /// Opens a closed claim again (dismissed, confirmed or resolved): verdict cleared (undecided), a partner entry this
    /// claim added in the console removed. Returns the removed entry, if any, so the lists in force can drop it.
    /// </summary>
    public async Task<(ReviewOutcome Outcome, ConfirmedPartnerEntry? Removed)> ReopenAsync(long claimId, string actor, string? reason, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken);
        var claim = await connection.QuerySingleOrDefaultAsync<(string SiteId, string BrandId, string State)?>(new CommandDefinition(
            "SELECT site_id, brand_id, state FROM claims WHERE id = @Id;", new { Id = claimId }, transaction, cancellationToken: cancellationToken));
        if (claim is not { } c) return (ReviewOutcome.NotFound, null);
        if (!ClaimPolicy.CanReopen(StoreValues.ParseState(c.State))) return (ReviewOutcome.NotAllowed, null);
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var removed = await connection.QuerySingleOrDefaultAsync<ConfirmedPartnerRow>(new CommandDefinition(
            "DELETE FROM confirmed_partner_entries WHERE brand_id = @Brand AND entry = @Entry RETURNING brand_id AS BrandId, entry AS Entry, actor AS Actor, added_at AS AddedAt, claim_id AS ClaimId;",
            new { Brand = c.BrandId, Entry = c.SiteId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE claims SET status = 'unverified', state = 'open', resolved_at = NULL, missed_scans = 0,
                acknowledged_at = NULL, acknowledged_by = NULL, acknowledged_note = NULL
            WHERE id = @Id;
            """, new { Id = claimId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM claim_verdicts WHERE claim_id = @Id;", new { Id = claimId }, transaction, cancellationToken: cancellationToken));
        await InsertEventAsync(connection, transaction, claimId, actor, "reopened", reason, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (ReviewOutcome.Done, removed?.ToEntry());
    }

    public Task<ReviewOutcome> AddNoteAsync(long claimId, string actor, string note, CancellationToken cancellationToken) =>
        WriteAsync(claimId, actor, "note", note, verdict: null, cancellationToken, null, null);

    public async Task<IReadOnlyList<ConfirmedPartnerEntry>> GetConfirmedPartnersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ConfirmedPartnerRow>(new CommandDefinition(
            "SELECT brand_id AS BrandId, entry AS Entry, actor AS Actor, added_at AS AddedAt, claim_id AS ClaimId FROM confirmed_partner_entries ORDER BY brand_id, entry;",
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEntry()).ToList();
    }

    /// <summary>
    /// Per brand: alerts judged real (acknowledged — in the console or through the API — or marked as a confirmed partner),
    /// dismissed as wrong, and alerted claims nobody has judged yet.
    /// </summary>
    public async Task<IReadOnlyList<VerdictCount>> CountVerdictsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Brand, string Verdict, long Count)>(new CommandDefinition("""
            SELECT brand AS Brand, verdict AS Verdict, COUNT(*) AS Count FROM (
                SELECT c.brand_id AS brand,
                       CASE WHEN v.verdict IS NOT NULL THEN v.verdict
                            WHEN c.acknowledged_at IS NOT NULL THEN 'real'
                            ELSE 'undecided' END AS verdict
                FROM claims c LEFT JOIN claim_verdicts v ON v.claim_id = c.id
                WHERE v.claim_id IS NOT NULL OR c.acknowledged_at IS NOT NULL OR c.open_alert_id IS NOT NULL
                   OR EXISTS (SELECT 1 FROM alerts a WHERE a.claim_id = c.id AND a.kind = 'new-claim')
            ) judged
            GROUP BY brand, verdict ORDER BY brand, verdict;
            """, cancellationToken: cancellationToken));
        return rows.Select(r => new VerdictCount(r.Brand, r.Verdict, (int)r.Count)).ToList();
    }

    /// <param name="allowed">When the claim's state allows <paramref name="claimUpdate"/> (the lifecycle's rule).</param>
    private async Task<ReviewOutcome> WriteAsync(
        long claimId, string actor, string action, string? text, string? verdict, CancellationToken cancellationToken, string? claimUpdate, Func<ClaimState, bool>? allowed)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken);
        var state = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT state FROM claims WHERE id = @Id;", new { Id = claimId }, transaction, cancellationToken: cancellationToken));
        if (state is null) return ReviewOutcome.NotFound;
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        if (claimUpdate is not null)
        {
            if (allowed is not null && !allowed(StoreValues.ParseState(state)))
            {
                return ReviewOutcome.NotAllowed;
            }

            await connection.ExecuteAsync(new CommandDefinition(claimUpdate, new { Id = claimId, Now = now }, transaction, cancellationToken: cancellationToken));
        }

        await RecordAsync(connection, transaction, claimId, actor, action, text, verdict, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ReviewOutcome.Done;
    }

    private static async Task RecordAsync(DbConnection connection, DbTransaction transaction, long claimId, string actor, string action, string? text, string? verdict, long now, CancellationToken cancellationToken)
    {
        await InsertEventAsync(connection, transaction, claimId, actor, action, text, now, cancellationToken);
        if (verdict is null) return;
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO claim_verdicts (claim_id, verdict, actor, at, reason) VALUES (@Id, @Verdict, @Actor, @Now, @Reason)
            ON CONFLICT (claim_id) DO UPDATE SET verdict = excluded.verdict, actor = excluded.actor, at = excluded.at, reason = excluded.reason;
            """, new { Id = claimId, Verdict = verdict, Actor = Clip(actor), Now = now, Reason = ClipOrNull(text) }, transaction, cancellationToken: cancellationToken));
    }

    private static Task InsertEventAsync(DbConnection connection, DbTransaction transaction, long claimId, string actor, string action, string? text, long now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO claim_events (claim_id, at, actor, action, text) VALUES (@Id, @Now, @Actor, @Action, @Text);",
            new { Id = claimId, Now = now, Actor = Clip(actor), Action = action, Text = ClipOrNull(text) }, transaction, cancellationToken: cancellationToken));

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        // Migrations (this store's tables included) run once per process; later calls return at once.
        await _scanStore.InitializeAsync(cancellationToken);
        return await _dialect.OpenConnectionAsync(cancellationToken);
    }

    private static string Clip(string value) => value.Length <= MaxTextLength ? value : value[..MaxTextLength];

    private static string? ClipOrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : Clip(value.Trim());

    private static DateTimeOffset FromMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    private sealed class ClaimListRow
    {
        public long Id { get; init; }
        public string SiteId { get; init; } = "";
        public string BrandId { get; init; } = "";
        public string State { get; init; } = "";
        public long? AcknowledgedAt { get; init; }
        public double Confidence { get; init; }
        public long FirstSeenAt { get; init; }
        public long LastSeenAt { get; init; }
        public long Alerted { get; init; }
        public string? Verdict { get; init; }
    }

    private sealed class ConfirmedPartnerRow
    {
        public string BrandId { get; init; } = "";
        public string Entry { get; init; } = "";
        public string Actor { get; init; } = "";
        public long AddedAt { get; init; }
        public long? ClaimId { get; init; }

        public ConfirmedPartnerEntry ToEntry() => new(BrandId, Entry, Actor, FromMs(AddedAt), ClaimId);
    }
}

public enum ReviewOutcome { Done, NotFound, NotAllowed }

/// <param name="Status">Lifecycle filter (null = all).</param>
public sealed record ClaimQuery(ClaimLifecycle? Status, string? Brand, string? Site, double? MinConfidence, DateTimeOffset? SeenFrom, DateTimeOffset? SeenTo, int Page = 1, int PageSize = 25);

public sealed record ClaimPage(IReadOnlyList<ClaimListItem> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <param name="Verdict"><c>real</c>, <c>wrong</c> or null (undecided).</param>
public sealed record ClaimListItem(long Id, string SiteId, string BrandId, ClaimLifecycle Status, double Confidence, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, bool Alerted, string? Verdict);

public sealed record ClaimHistoryEntry(DateTimeOffset At, string Actor, string Action, string? Text);

public sealed record ClaimVerdict(string Verdict, string Actor, DateTimeOffset At, string? Reason);

/// <param name="Entry">A site id (the console adds the claim's site).</param>
public sealed record ConfirmedPartnerEntry(string BrandId, string Entry, string Actor, DateTimeOffset AddedAt, long? ClaimId);

/// <param name="Verdict"><c>real</c>, <c>wrong</c> or <c>undecided</c>.</param>
public sealed record VerdictCount(string Brand, string Verdict, int Count);
