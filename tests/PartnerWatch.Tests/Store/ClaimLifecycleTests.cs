using MimeKit;
using PartnerWatch.Config;
using PartnerWatch.Domain;
using PartnerWatch.Store;
using static PartnerWatch.Tests.Store.StoreHarness;

namespace PartnerWatch.Tests.Store;

/// <summary>new → open (alerted) → acknowledged → resolved → reopened; reminders, withdrawals and the digest on a fake clock.</summary>
public abstract class ClaimLifecycleTests(StoreBackend backend)
{
    private Task<StoreHarness> StartAsync(Action<PartnerWatchOptions>? configure = null) => StoreHarness.StartAsync(configure, backend);

    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task OneAlertPerNewClaimOverManyScans()
    {
        await using var harness = await StartAsync();
        for (var i = 0; i < 20; i++)
        {
            await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"), Unverified("contoso"));
            await harness.Dispatcher.DispatchPendingAsync(None);
        }

        Assert.Equal(2, Directory.GetFiles(harness.OutboxPath, "*.eml").Length);
        Assert.Equal(["new-claim", "new-claim"], await harness.KindsAsync());
    }

    [Fact]
    public async Task ClaimResolvesOnlyAfterTheConfiguredNumberOfConsecutiveSuccessfulAbsences()
    {
        await using var harness = await StartAsync(o => o.Alerts.ResolveAfterScans = 3);
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));

        await harness.RecordAsync("sensenets", failed: false);
        await harness.RecordAsync("sensenets", failed: true);
        await harness.RecordAsync("sensenets", failed: false);
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft")); // seen again: the count restarts
        await harness.RecordAsync("sensenets", failed: false);
        var second = await harness.RecordAsync("sensenets", failed: false);
        Assert.Equal(0, second.ResolvedClaims);
        Assert.Equal(ClaimLifecycle.Open, (await SingleClaimAsync(harness)).Status);

        var third = await harness.RecordAsync("sensenets", failed: false);

        Assert.Equal(1, third.ResolvedClaims);
        var claim = await SingleClaimAsync(harness);
        Assert.Equal(ClaimLifecycle.Resolved, claim.Status);
        Assert.Equal(3, claim.MissedScans);
        Assert.Equal(["new-claim", "withdrawn"], await harness.KindsAsync());
    }

    [Fact]
    public async Task FailedFetchOfTheClaimsPageIsNotAbsence()
    {
        await using var harness = await StartAsync(o => o.Alerts.ResolveAfterScans = 1);
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft", "https://sensenets.example/partners"));

        // The start page loaded (a successful scan) but the partners page, where the claim was, did not.
        var partial = new SiteScanResult("sensenets", "https://sensenets.example/", 1,
            [new ScanError("https://sensenets.example/partners", "HTTP 503 after 3 attempts")], [])
        {
            StartedAt = harness.Clock.GetUtcNow(),
            FinishedAt = harness.Clock.GetUtcNow(),
        };
        var recorded = await harness.Store.RecordScanAsync(partial, None);

        Assert.Equal(0, recorded.ResolvedClaims);
        Assert.Equal(ClaimLifecycle.Open, (await SingleClaimAsync(harness)).Status);
        Assert.Equal(1, (await harness.RecordAsync("sensenets", failed: false)).ResolvedClaims);
    }

    [Fact]
    public async Task WithdrawalEmailThreadsUnderTheOriginalAlert()
    {
        await using var harness = await StartAsync(o => o.Alerts.ResolveAfterScans = 1);
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));
        await harness.Dispatcher.DispatchPendingAsync(None);
        await harness.RecordAsync("sensenets", failed: false);

        await harness.Dispatcher.DispatchPendingAsync(None);

        var messages = await LoadOutboxAsync(harness);
        Assert.Equal(2, messages.Count);
        var (original, withdrawn) = (messages[0], messages[1]);
        Assert.Equal("[PartnerWatch] Claim withdrawn: SenseNets no longer shows Microsoft", withdrawn.Subject);
        Assert.Equal("withdrawn", withdrawn.Headers["X-PartnerWatch-Kind"]);
        Assert.Equal(original.MessageId, withdrawn.InReplyTo);
        Assert.Contains("no longer presents Microsoft", withdrawn.TextBody);
    }

    [Fact]
    public async Task RemindersRepeatAtTheIntervalUntilAcknowledged()
    {
        await using var harness = await StartAsync(o => o.Alerts.ReminderInterval = TimeSpan.FromDays(7));
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));
        await harness.Dispatcher.DispatchPendingAsync(None);

        harness.Clock.Advance(TimeSpan.FromDays(6));
        await harness.Dispatcher.DispatchPendingAsync(None);
        Assert.Single(await LoadOutboxAsync(harness));

        harness.Clock.Advance(TimeSpan.FromDays(1));
        await harness.Dispatcher.DispatchPendingAsync(None);
        await harness.Dispatcher.DispatchPendingAsync(None);
        var afterWeek = await LoadOutboxAsync(harness);
        Assert.Equal(2, afterWeek.Count);
        Assert.StartsWith("[PartnerWatch] Reminder: SenseNets still shows Microsoft (open since 2026-11-26)", afterWeek[1].Subject);
        Assert.Equal(afterWeek[0].MessageId, afterWeek[1].InReplyTo);

        harness.Clock.Advance(TimeSpan.FromDays(7));
        await harness.Dispatcher.DispatchPendingAsync(None);
        Assert.Equal(3, (await LoadOutboxAsync(harness)).Count);

        var claim = await SingleClaimAsync(harness);
        Assert.Equal(AcknowledgeOutcome.Acknowledged, await harness.Store.AcknowledgeClaimAsync(claim.Id, "alice", "takedown requested", None));
        harness.Clock.Advance(TimeSpan.FromDays(30));
        await harness.Dispatcher.DispatchPendingAsync(None);

        Assert.Equal(3, (await LoadOutboxAsync(harness)).Count);
        Assert.Equal(["new-claim", "reminder", "reminder"], await harness.KindsAsync());
        var acknowledged = await SingleClaimAsync(harness);
        Assert.Equal((ClaimLifecycle.Acknowledged, "alice", "takedown requested"), (acknowledged.Status, acknowledged.AcknowledgedBy, acknowledged.AcknowledgedNote));
    }

    [Fact]
    public async Task ZeroReminderIntervalSendsNoReminders()
    {
        await using var harness = await StartAsync(o => o.Alerts.ReminderInterval = TimeSpan.Zero);
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));

        harness.Clock.Advance(TimeSpan.FromDays(400));
        await harness.Dispatcher.DispatchPendingAsync(None);

        Assert.Equal(["new-claim"], await harness.KindsAsync());
    }

    [Fact]
    public async Task AcknowledgeTellsMissingClosedAndRepeatedApart()
    {
        await using var harness = await StartAsync(o => o.Alerts.ResolveAfterScans = 1);
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));
        var id = (await SingleClaimAsync(harness)).Id;

        Assert.Equal(AcknowledgeOutcome.NotFound, await harness.Store.AcknowledgeClaimAsync(id + 100, null, null, None));
        Assert.Equal(AcknowledgeOutcome.Acknowledged, await harness.Store.AcknowledgeClaimAsync(id, " bob ", null, None));
        Assert.Equal(AcknowledgeOutcome.AlreadyAcknowledged, await harness.Store.AcknowledgeClaimAsync(id, "carol", null, None));
        Assert.Equal("bob", (await SingleClaimAsync(harness)).AcknowledgedBy);

        await harness.RecordAsync("sensenets", failed: false);
        Assert.Equal(AcknowledgeOutcome.NotOpen, await harness.Store.AcknowledgeClaimAsync(id, null, null, None));
    }

    [Fact]
    public async Task ReopenedClaimIsUnacknowledgedAndRemindedAgain()
    {
        await using var harness = await StartAsync(o => o.Alerts.ResolveAfterScans = 1);
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));
        var id = (await SingleClaimAsync(harness)).Id;
        await harness.Store.AcknowledgeClaimAsync(id, "bob", null, None);
        await harness.RecordAsync("sensenets", failed: false);

        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));
        harness.Clock.Advance(TimeSpan.FromDays(7));
        await harness.Dispatcher.DispatchPendingAsync(None);

        var claim = await SingleClaimAsync(harness);
        Assert.Equal((id, ClaimLifecycle.Open, (string?)null), (claim.Id, claim.Status, claim.AcknowledgedBy));
        Assert.Equal(["new-claim", "withdrawn", "new-claim", "reminder"], await harness.KindsAsync());
    }

    [Fact]
    public async Task DigestSendsOneEmailPerDayListingTheNewClaims()
    {
        await using var harness = await StartAsync(o =>
        {
            o.Alerts.Digest = true;
            o.Alerts.DigestTime = TimeSpan.FromHours(8);
            o.Alerts.ReminderInterval = TimeSpan.Zero;
        });
        // 06:00: two claims; the digest waits for 08:00.
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"), Unverified("contoso"));
        await harness.Dispatcher.DispatchPendingAsync(None);
        Assert.Empty(await LoadOutboxAsync(harness));

        harness.Clock.Advance(TimeSpan.FromHours(2));
        await harness.Dispatcher.DispatchPendingAsync(None);
        // 09:00: a third claim waits for tomorrow, however often the dispatcher runs.
        harness.Clock.Advance(TimeSpan.FromHours(1));
        await harness.RecordAsync("other", failed: false, Unverified("microsoft"));
        for (var i = 0; i < 3; i++)
        {
            await harness.Dispatcher.DispatchPendingAsync(None);
            harness.Clock.Advance(TimeSpan.FromHours(4));
        }

        var firstDay = await LoadOutboxAsync(harness);
        var digest = Assert.Single(firstDay);
        Assert.Equal("[PartnerWatch] Daily digest: 2 new unverified partner claims", digest.Subject);
        Assert.Contains("SenseNets shows Microsoft", digest.TextBody);
        Assert.Contains("SenseNets shows Contoso", digest.TextBody);
        Assert.DoesNotContain("other shows", digest.TextBody);

        harness.Clock.Advance(TimeSpan.FromHours(12)); // next day, past 08:00
        await harness.Dispatcher.DispatchPendingAsync(None);

        var both = await LoadOutboxAsync(harness);
        Assert.Equal(2, both.Count);
        Assert.Equal("[PartnerWatch] Daily digest: 1 new unverified partner claim", both[1].Subject);
        Assert.Contains("other shows Microsoft", both[1].TextBody);
        Assert.Equal(["digest", "digest"], await harness.KindsAsync());
    }

    [Fact]
    public async Task ClaimsAreListedByLifecycleStatus()
    {
        await using var harness = await StartAsync(o => o.Alerts.ResolveAfterScans = 1);
        await harness.RecordAsync("gone", failed: false, Unverified("microsoft"));
        await harness.RecordAsync("gone", failed: false);
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"), Unverified("contoso"), Confirmed("partner"));
        var contoso = (await harness.Store.ListClaimsAsync(ClaimLifecycle.Open, 100, None)).Single(c => c.BrandId == "contoso");
        await harness.Store.AcknowledgeClaimAsync(contoso.Id, "alice", null, None);

        async Task<string[]> Listed(ClaimLifecycle? status) =>
            (await harness.Store.ListClaimsAsync(status, 100, None)).Select(c => $"{c.SiteId}/{c.BrandId}").Order().ToArray();

        Assert.Equal(["sensenets/microsoft"], await Listed(ClaimLifecycle.Open));
        Assert.Equal(["sensenets/contoso"], await Listed(ClaimLifecycle.Acknowledged));
        Assert.Equal(["gone/microsoft"], await Listed(ClaimLifecycle.Resolved));
        Assert.Equal(["sensenets/partner"], await Listed(ClaimLifecycle.Confirmed));
        Assert.Equal(4, (await Listed(null)).Length);
        Assert.Null(await harness.Store.GetClaimAsync(999, None));
    }

    private static async Task<ClaimRecord> SingleClaimAsync(StoreHarness harness) =>
        Assert.Single(await harness.Store.ListClaimsAsync(null, 10, None));

    /// <summary>The .eml files of the outbox folder in the order the alerts were created.</summary>
    internal static async Task<IReadOnlyList<MimeMessage>> LoadOutboxAsync(StoreHarness harness)
    {
        if (!Directory.Exists(harness.OutboxPath)) return [];
        var messages = new List<MimeMessage>();
        foreach (var file in Directory.GetFiles(harness.OutboxPath, "*.eml"))
            messages.Add(await MimeMessage.LoadAsync(file));
        return messages.OrderBy(m => long.Parse(m.Headers["X-PartnerWatch-Alert-Id"]!)).ToList();
    }
}

public sealed class SqliteClaimLifecycleTests() : ClaimLifecycleTests(StoreBackend.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresClaimLifecycleTests(PostgresServer server) : ClaimLifecycleTests(StoreBackend.Postgres(server));
