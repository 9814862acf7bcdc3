using Microsoft.Extensions.Logging.Abstractions;
using PartnerWatch.Compare;
using PartnerWatch.Config;
using PartnerWatch.Domain;
using PartnerWatch.Store;
using PartnerWatch.Tests.Store;
using PartnerWatch.WebConsole;
using static PartnerWatch.Tests.Store.StoreHarness;

namespace PartnerWatch.Tests.WebConsole;

/// <summary>
/// What analysts do in the console, on a real database: verdicts change the lifecycle (a dismissed claim stays quiet when
/// seen again), a partner confirmed in the console is confirmed on the next comparison, reopening undoes both, and the
/// measured accuracy counts the verdicts. Runs on SQLite and on a real PostgreSQL server.
/// </summary>
public abstract class ClaimReviewStoreTests(StoreBackend backend)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static ClaimReviewStore Reviews(StoreHarness harness) =>
        new(StoreDialect.FromOptions(harness.Options, new DataDirectory(harness.DataPath)), harness.Store, harness.Clock);

    [Fact]
    public async Task ADismissedClaimIsNotAlertedAgainWhenTheNextScanSeesItAndReopeningMakesItOpen()
    {
        await using var harness = await StartAsync(backend: backend);
        var reviews = Reviews(harness);
        var first = await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));
        Assert.Equal(1, first.AlertsQueued);
        var id = (await harness.Store.ListClaimsAsync(ClaimLifecycle.Open, 10, None)).Single().Id;

        Assert.Equal(ReviewOutcome.Done, await reviews.DismissAsync(id, "alice", "a news article", None));
        var again = await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));

        Assert.Equal(0, again.NewClaims);
        Assert.Equal(0, again.AlertsQueued);
        Assert.Equal(ClaimLifecycle.Dismissed, (await harness.Store.GetClaimAsync(id, None))!.Status);
        Assert.Empty((await harness.Store.GetStatusAsync(None)).OpenClaims);
        Assert.Equal(ReviewOutcome.NotAllowed, await reviews.DismissAsync(id, "alice", "twice", None));

        var (reopened, _) = await reviews.ReopenAsync(id, "bob", "it is on the partner page after all", None);
        Assert.Equal(ReviewOutcome.Done, reopened);
        Assert.Equal(ClaimLifecycle.Open, (await harness.Store.GetClaimAsync(id, None))!.Status);
        Assert.Null(await reviews.GetVerdictAsync(id, None));
        var history = await reviews.GetHistoryAsync(id, None);
        Assert.Contains(history, h => h is { Actor: "alice", Action: "dismissed as not a claim", Text: "a news article" });
        Assert.Contains(history, h => h is { Actor: "bob", Action: "reopened" });
    }

    [Fact]
    public async Task APartnerConfirmedInTheConsoleIsOnTheBrandsListAndTheClaimClosesAsConfirmed()
    {
        await using var harness = await StartAsync(backend: backend);
        var reviews = Reviews(harness);
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));
        var id = (await harness.Store.ListClaimsAsync(ClaimLifecycle.Open, 10, None)).Single().Id;
        var lists = new ConfirmedPartnerLists(harness.Options);
        var comparer = new PartnerListComparer(lists);
        var partnerList = new ConsolePartnerList(reviews, lists);
        var site = harness.Options.Sites.Single();
        Assert.Equal(ClaimStatus.Unverified, comparer.StatusOf("microsoft", site));

        var (outcome, _) = await reviews.ConfirmPartnerAsync(id, "alice", "agreement 2026-114", None);
        await partnerList.ReloadAsync(None);

        Assert.Equal(ReviewOutcome.Done, outcome);
        Assert.Equal(ClaimLifecycle.Confirmed, (await harness.Store.GetClaimAsync(id, None))!.Status);
        Assert.Equal(ClaimStatus.Confirmed, comparer.StatusOf("microsoft", site));
        Assert.Contains(await reviews.GetConfirmedPartnersAsync(None), e => e is { BrandId: "microsoft", Entry: "sensenets", Actor: "alice" });
        // The alerted claim's closing is told like a partner-list change would be.
        Assert.Contains("confirmed", await harness.KindsAsync());

        // A fresh process loads the list from the database at start.
        var restartedLists = new ConfirmedPartnerLists(harness.Options);
        await new ConsolePartnerList(Reviews(harness), restartedLists).StartAsync(None);
        Assert.Equal(ClaimStatus.Confirmed, new PartnerListComparer(restartedLists).StatusOf("microsoft", site));

        var (reopened, removed) = await reviews.ReopenAsync(id, "bob", null, None);
        await partnerList.ReloadAsync(None);
        Assert.Equal(ReviewOutcome.Done, reopened);
        Assert.Equal("sensenets", removed?.Entry);
        Assert.Equal(ClaimStatus.Unverified, comparer.StatusOf("microsoft", site));
    }

    [Fact]
    public async Task AccuracyCountsRealWrongAndUndecidedAlertsPerBrand()
    {
        await using var harness = await StartAsync(o => o.Sites.Add(new SiteOptions { Id = "other", Url = "https://other.example/" }), backend);
        var reviews = Reviews(harness);
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"), Unverified("contoso"));
        await harness.RecordAsync("other", failed: false, Unverified("microsoft"), Confirmed("contoso"));
        var claims = await harness.Store.ListClaimsAsync(null, 10, None);
        long Id(string site, string brand) => claims.Single(c => c.SiteId == site && c.BrandId == brand).Id;

        Assert.Equal(ReviewOutcome.Done, await reviews.AcknowledgeAsync(Id("sensenets", "microsoft"), "alice", null, None));
        Assert.Equal(ReviewOutcome.Done, await reviews.DismissAsync(Id("other", "microsoft"), "alice", "cookie notice", None));
        var report = AccuracyReport.Summarise(await reviews.CountVerdictsAsync(None));

        var microsoft = report.Brands.Single(b => b.Brand == "microsoft");
        Assert.Equal((1, 1, 0, 0.5), (microsoft.ConfirmedReal, microsoft.DismissedWrong, microsoft.Undecided, microsoft.Precision!.Value));
        var contoso = report.Brands.Single(b => b.Brand == "contoso");
        // The never-alerted confirmed claim is not an alert, so it is not counted at all.
        Assert.Equal((0, 0, 1), (contoso.ConfirmedReal, contoso.DismissedWrong, contoso.Undecided));
        Assert.Null(contoso.Precision);
        Assert.Equal((1, 1, 1), (report.Overall.ConfirmedReal, report.Overall.DismissedWrong, report.Overall.Undecided));
    }

    [Fact]
    public async Task TheClaimListFiltersByStatusBrandSiteAndConfidenceAndPages()
    {
        await using var harness = await StartAsync(o => o.Sites.Add(new SiteOptions { Id = "other", Url = "https://other.example/" }), backend);
        var reviews = Reviews(harness);
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"), Unverified("contoso"));
        await harness.RecordAsync("other", failed: false, Unverified("microsoft"), Confirmed("contoso"));

        Assert.Equal(4, (await reviews.QueryClaimsAsync(new ClaimQuery(null, null, null, null, null, null), None)).Total);
        Assert.Equal(3, (await reviews.QueryClaimsAsync(new ClaimQuery(ClaimLifecycle.Open, null, null, null, null, null), None)).Total);
        Assert.Equal(2, (await reviews.QueryClaimsAsync(new ClaimQuery(null, "microsoft", null, null, null, null), None)).Total);
        Assert.Equal(2, (await reviews.QueryClaimsAsync(new ClaimQuery(null, null, "other", null, null, null), None)).Total);
        Assert.Equal(3, (await reviews.QueryClaimsAsync(new ClaimQuery(null, null, null, 0.95, null, null), None)).Total);
        Assert.Equal(0, (await reviews.QueryClaimsAsync(new ClaimQuery(null, null, null, null, Start.AddDays(1), null), None)).Total);

        var page2 = await reviews.QueryClaimsAsync(new ClaimQuery(null, null, null, null, null, null, Page: 2, PageSize: 3), None);
        Assert.Equal((4, 2, 1), (page2.Total, page2.Pages, page2.Items.Count));
    }
}

public sealed class SqliteClaimReviewStoreTests() : ClaimReviewStoreTests(StoreBackend.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresClaimReviewStoreTests(PostgresServer server) : ClaimReviewStoreTests(StoreBackend.Postgres(server));

public sealed class ConsoleUsersTests
{
    [Fact]
    public void AHashFromHashPasswordSignsInAndAPlainPasswordInTheConfigurationIsRejectedByKey()
    {
        var hash = PasswordHashes.Hash("correct horse battery");
        var options = new PartnerWatchOptions { Console = { Users = [new ConsoleUserOptions { Name = "alice", Role = "analyst", PasswordHash = hash }] } };
        var users = new ConsoleUsers(options, NullLogger<ConsoleUsers>.Instance);

        var principal = users.SignIn("alice", "correct horse battery", "127.0.0.1");
        Assert.NotNull(principal);
        Assert.True(principal.IsInRole("analyst"));
        Assert.Null(users.SignIn("alice", "wrong", "127.0.0.1"));
        Assert.Null(users.SignIn("mallory", "correct horse battery", "127.0.0.1"));

        var plain = ConsoleOptionsValidator.Check(new ConsoleOptions { Users = [new ConsoleUserOptions { Name = "bob", Role = "boss", PasswordHash = "hunter22" }] }).ToList();
        Assert.Contains(plain, p => p.ToString().StartsWith("PartnerWatch:Console:Users:0:PasswordHash", StringComparison.Ordinal) && !p.ToString().Contains("hunter22", StringComparison.Ordinal));
        Assert.Contains(plain, p => p.ToString().StartsWith("PartnerWatch:Console:Users:0:Role", StringComparison.Ordinal));
    }

    [Fact]
    public void HashPasswordCommandPrintsAHashThatVerifies()
    {
        var stdout = new StringWriter();
        var exit = HashPasswordCommand.Run(new StringReader("s3cret-enough\n"), stdout, new StringWriter(), interactive: false);
        Assert.Equal(0, exit);
        Assert.True(PasswordHashes.Verify(stdout.ToString().Trim(), "s3cret-enough"));
        Assert.Equal(2, HashPasswordCommand.Run(new StringReader("short\n"), new StringWriter(), new StringWriter(), interactive: false));
    }
}
