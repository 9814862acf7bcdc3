using System.Data.Common;
using System.Security.Cryptography;
using Dapper;

namespace PartnerWatch.Store;

/// <summary>
/// Queues alerts inside the transaction of the claim change that causes them (the transactional outbox): an alert can
/// be neither lost nor queued twice. One e-mail row per alert, plus one delivery row per configured webhook.
/// </summary>
internal sealed class OutboxWriter(StoreContext store, DbConnection connection, DbTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken)
{
    public const string MessageIdDomain = "partnerwatch.local";

    public int Queued { get; private set; }

    /// <summary>A claim's open period begins: alert now, or leave it for the daily digest.</summary>
    public async Task OpenPeriodAsync(long claimId)
    {
        if (!Domain.ClaimPolicy.AlertsNewPeriodAtOnce(store.Options.Alerts.Digest))
        {
            return;
        }

        if (await QueueAsync(AlertKind.NewClaim, claimId, null) is { } alertId)
        {
            await StoreContext.ExecuteAsync(connection, transaction, StoreSql.SetClaimAlert, new { AlertId = alertId, ClaimId = claimId }, cancellationToken);
        }
    }

    /// <summary>Inserts an alert (and one delivery per webhook sink); null when <paramref name="dedupeKey"/> was queued before.</summary>
    public async Task<long?> QueueAsync(AlertKind kind, long? claimId, string? dedupeKey)
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var alertId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(StoreSql.InsertAlert, new
        {
            ClaimId = claimId,
            Kind = StoreValues.KindName(kind),
            CreatedAt = StoreValues.ToUnixMs(now),
            MessageId = $"pending-{nonce}@{MessageIdDomain}",
            DedupeKey = dedupeKey,
        }, transaction, cancellationToken: cancellationToken));
        if (alertId is not { } id)
        {
            return null;
        }

        // The id makes the Message-ID recognisable; the nonce keeps it unique if the database is ever recreated
        // and ids restart (mail clients silently drop a second message with a Message-ID they have seen).
        await StoreContext.ExecuteAsync(connection, transaction, "UPDATE alerts SET message_id = @MessageId WHERE id = @AlertId;",
            new { AlertId = id, MessageId = $"alert-{id}.{nonce}@{MessageIdDomain}" }, cancellationToken);
        for (var i = 0; i < store.Options.Webhooks.Count; i++)
        {
            await StoreContext.ExecuteAsync(connection, transaction, StoreSql.InsertDelivery,
                new { AlertId = id, Sink = StoreValues.WebhookSink(i), CreatedAt = StoreValues.ToUnixMs(now) }, cancellationToken);
        }

        Queued++;
        return id;
    }
}
