using Dapper;
using PartnerWatch.Domain;
using static PartnerWatch.Store.StoreValues;

namespace PartnerWatch.Store;

/// <summary>
/// Claim changes that do not come from a scan: what the clock makes due (reminders, the daily digest, alerts held
/// back), claims the partner lists now confirm, and a person acknowledging a claim. Each decision is
/// <see cref="ClaimPolicy"/>'s; each change and the alerts it owes are one write transaction.
/// </summary>
internal sealed class ClaimChanges(StoreContext store)
{
    public async Task<int> QueueDueAlertsAsync(CancellationToken cancellationToken)
    {
        var now = store.Time.GetUtcNow();
        var alerts = store.Options.Alerts;
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = await store.Dialect.BeginWriteAsync(connection, cancellationToken);
        var outbox = new OutboxWriter(store, connection, transaction, now, cancellationToken);

        var alerted = await connection.QueryAsync<AlertedClaimRow>(new CommandDefinition(StoreSql.AlertedOpenClaims, transaction: transaction, cancellationToken: cancellationToken));
        foreach (var claim in alerted.Where(c => ClaimPolicy.ReminderDue(ClaimState.Open, c.AcknowledgedAt is not null,
                     FromUnixMs(c.AlertedAt), FromUnixMs(c.LastRemindedAt), now, alerts.ReminderInterval)))
        {
            await outbox.QueueAsync(AlertKind.Reminder, claim.Id, $"reminder:{claim.Id}:{claim.LastRemindedAt ?? claim.AlertedAt}");
            await StoreContext.ExecuteAsync(connection, transaction, StoreSql.SetReminded, new { claim.Id, Now = ToUnixMs(now) }, cancellationToken);
        }

        var unalerted = (await connection.QueryAsync<long>(new CommandDefinition(
            StoreSql.UnalertedOpenClaims, transaction: transaction, cancellationToken: cancellationToken))).ToList();
        switch (ClaimPolicy.OnUnalerted(unalerted.Count, alerts.Digest, now, alerts.DigestTime))
        {
            case UnalertedAction.AlertEach:
                foreach (var claimId in unalerted)
                {
                    await outbox.OpenPeriodAsync(claimId);
                }

                break;
            case UnalertedAction.Digest:
                if (await outbox.QueueAsync(AlertKind.Digest, null, ClaimPolicy.DigestKey(now)) is { } digestId)
                {
                    foreach (var claimId in unalerted)
                    {
                        await StoreContext.ExecuteAsync(connection, transaction, StoreSql.InsertAlertClaim, new { AlertId = digestId, ClaimId = claimId }, cancellationToken);
                        await StoreContext.ExecuteAsync(connection, transaction, StoreSql.SetClaimAlert, new { AlertId = digestId, ClaimId = claimId }, cancellationToken);
                    }
                }

                break;
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

        var now = store.Time.GetUtcNow();
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = await store.Dialect.BeginWriteAsync(connection, cancellationToken);
        var outbox = new OutboxWriter(store, connection, transaction, now, cancellationToken);
        var closed = 0;
        foreach (var claimId in claimIds.Distinct())
        {
            var row = await connection.QuerySingleOrDefaultAsync<(string State, long? OpenAlertId)?>(new CommandDefinition(
                "SELECT state, open_alert_id FROM claims WHERE id = @Id;", new { Id = claimId }, transaction, cancellationToken: cancellationToken));
            if (row is not { } claim || ClaimPolicy.OnListConfirms(ParseState(claim.State), claim.OpenAlertId is not null) is not { } notice)
            {
                continue;
            }

            await StoreContext.ExecuteAsync(connection, transaction, StoreSql.CloseOpenClaimConfirmedByList, new { Id = claimId, Now = ToUnixMs(now) }, cancellationToken);
            closed++;
            if (notice == ClaimNotice.ClosedConfirmed)
            {
                await outbox.QueueAsync(AlertKind.Confirmed, claimId, $"confirmed:{claimId}:list:{ToUnixMs(now)}");
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return closed;
    }

    public async Task<AcknowledgeOutcome> AcknowledgeAsync(long claimId, string? by, string? note, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = await store.Dialect.BeginWriteAsync(connection, cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string State, long? AcknowledgedAt)?>(new CommandDefinition(
            "SELECT state, acknowledged_at FROM claims WHERE id = @Id;", new { Id = claimId }, transaction, cancellationToken: cancellationToken));
        if (row is not { } claim)
        {
            return AcknowledgeOutcome.NotFound;
        }

        var decision = ClaimPolicy.OnAcknowledge(ParseState(claim.State), claim.AcknowledgedAt is not null);
        if (decision == AcknowledgeDecision.Acknowledge)
        {
            await StoreContext.ExecuteAsync(connection, transaction, StoreSql.AcknowledgeClaim, new
            {
                Id = claimId,
                Now = ToUnixMs(store.Time.GetUtcNow()),
                By = TruncateOrNull(string.IsNullOrWhiteSpace(by) ? null : by.Trim()),
                Note = TruncateOrNull(string.IsNullOrWhiteSpace(note) ? null : note.Trim()),
            }, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return decision switch
        {
            AcknowledgeDecision.Acknowledge => AcknowledgeOutcome.Acknowledged,
            AcknowledgeDecision.AlreadyAcknowledged => AcknowledgeOutcome.AlreadyAcknowledged,
            _ => AcknowledgeOutcome.NotOpen,
        };
    }

    private sealed class AlertedClaimRow
    {
        public long Id { get; init; }
        public long AlertedAt { get; init; }
        public long? LastRemindedAt { get; init; }
        public long? AcknowledgedAt { get; init; }
    }
}
