using Microsoft.Extensions.DependencyInjection;
using PartnerWatch.Config;
using PartnerWatch.Domain;
using PartnerWatch.Store;
using static PartnerWatch.Tests.Store.StoreHarness;

namespace PartnerWatch.Tests.Store;

/// <summary>The store's behaviour, run on each engine by the derived classes (<see cref="SqliteScanStoreTests"/>, <see cref="PostgresScanStoreTests"/>).</summary>
public abstract class ScanStoreTests(StoreBackend backend)
{
    protected const string AlertCount = "SELECT COUNT(*) FROM alerts";

    protected StoreBackend Backend { get; } = backend;

    protected Task<StoreHarness> StartAsync(Action<PartnerWatchOptions>? configure = null) => StoreHarness.StartAsync(configure, Backend);

    [Fact]
    public async Task StatusNamesTheNodeThatRanEachSitesLastScan()
    {
        await using var harness = await StartAsync();
        var scan = new SiteScanResult("sensenets", "https://sensenets.example/", 3, [], [Unverified("microsoft")]) { ScannedBy = "node-a" };
        await harness.Store.RecordScanAsync(scan, CancellationToken.None);
        await harness.Store.RecordScanAsync(scan with { ScannedBy = "node-b" }, CancellationToken.None);
        await harness.Store.RecordScanAsync(scan with { Site = "other", Url = "https://other.example/", ScannedBy = null }, CancellationToken.None);

        var sites = (await harness.StartInstance().GetRequiredService<IScanStore>().GetStatusAsync(CancellationToken.None)).Sites;

        Assert.Equal([("other", (string?)null), ("sensenets", "node-b")], sites.Select(s => (s.SiteId, s.LastScanBy)));
    }

    [Fact]
    public async Task MigrationsAreVersionedAndIdempotent()
    {
        await using var harness = await StartAsync();
        await harness.Store.InitializeAsync(CancellationToken.None);
        await harness.RestartAsync();

        Assert.Equal(harness.NewStore().CodeSchemaVersion, await harness.CountAsync("SELECT MAX(version) FROM schema_version"));
        Assert.Equal(harness.Migrations.Count, await harness.CountAsync("SELECT COUNT(*) FROM schema_version"));
    }

    [Fact]
    public async Task DatabaseNewerThanTheCodeIsRefusedWithClearError()
    {
        await using var harness = await StartAsync();
        var store = harness.NewStore();
        await harness.CountAsync($"INSERT INTO schema_version (version, applied_at) VALUES ({store.CodeSchemaVersion + 5}, 0); SELECT 0");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(CancellationToken.None));

        Assert.Contains($"schema version {store.CodeSchemaVersion + 5}", error.Message);
        Assert.Contains(harness.Location, error.Message);
        Assert.False(await store.PingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SameUnverifiedClaimOverFiveScansQueuesExactlyOneAlert()
    {
        await using var harness = await StartAsync();

        var first = await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));
        for (var i = 0; i < 4; i++)
        {
            var again = await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));
            Assert.Equal(0, again.AlertsQueued);
        }

        Assert.Equal(1, first.AlertsQueued);
        Assert.Equal(1, first.NewClaims);
        Assert.Equal(1, await harness.CountAsync(AlertCount));
        Assert.Equal(5, await harness.CountAsync("SELECT COUNT(*) FROM scans"));
    }

    [Fact]
    public async Task RestartedStoreOnTheSameFileDoesNotQueueTheClaimAgain()
    {
        await using var harness = await StartAsync();
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));

        await harness.RestartAsync();
        var afterRestart = await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));

        Assert.Equal(0, afterRestart.AlertsQueued);
        Assert.Equal(1, await harness.CountAsync(AlertCount));
    }

    [Fact]
    public async Task ClaimMissingFromTwoSuccessfulScansResolvesWithWithdrawalAndItsReturnQueuesANewAlert()
    {
        await using var harness = await StartAsync();
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));

        var once = await harness.RecordAsync("sensenets", failed: false);
        Assert.Equal(0, once.ResolvedClaims);
        Assert.Single((await harness.Store.GetStatusAsync(CancellationToken.None)).OpenClaims);
        var twice = await harness.RecordAsync("sensenets", failed: false);
        Assert.Equal((1, 1), (twice.ResolvedClaims, twice.AlertsQueued));
        Assert.Empty((await harness.Store.GetStatusAsync(CancellationToken.None)).OpenClaims);

        var back = await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));

        Assert.Equal(1, back.NewClaims);
        Assert.Equal(1, back.AlertsQueued);
        Assert.Equal(["new-claim", "withdrawn", "new-claim"], await harness.KindsAsync());
        var open = Assert.Single((await harness.Store.GetStatusAsync(CancellationToken.None)).OpenClaims);
        Assert.Equal(StoreHarness.Start.AddMinutes(3), open.FirstSeenAt);
    }

    [Fact]
    public async Task FailedScanDoesNotResolveClaims()
    {
        await using var harness = await StartAsync();
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));

        var failed = await harness.RecordAsync("sensenets", failed: true);
        var again = await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));

        Assert.Equal(0, failed.ResolvedClaims);
        Assert.Equal(0, again.AlertsQueued);
        Assert.Equal(1, await harness.CountAsync("SELECT COUNT(*) FROM claims WHERE state = 'open'"));
        Assert.Equal(1, await harness.CountAsync(AlertCount));
    }

    [Fact]
    public async Task ConfirmedClaimsNeverQueueAlerts()
    {
        await using var harness = await StartAsync();

        var first = await harness.RecordAsync("sensenets", failed: false, Confirmed("microsoft"));
        await harness.RecordAsync("sensenets", failed: false);
        var reopened = await harness.RecordAsync("sensenets", failed: false, Confirmed("microsoft"));

        Assert.Equal(0, first.NewClaims);
        Assert.Equal(0, reopened.NewClaims);
        Assert.Equal(0, await harness.CountAsync(AlertCount));
        Assert.Equal(1, await harness.CountAsync("SELECT COUNT(*) FROM claims WHERE state = 'confirmed'"));
        Assert.Empty((await harness.Store.GetStatusAsync(CancellationToken.None)).OpenClaims);
    }

    [Fact]
    public async Task ClaimThatBecomesConfirmedClosesAsConfirmedWithANoticeAndReopensIfUnconfirmedAgain()
    {
        await using var harness = await StartAsync();
        await harness.RecordAsync("sensenets", failed: false, Confirmed("microsoft"));

        var turned = await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));
        var confirmed = await harness.RecordAsync("sensenets", failed: false, Confirmed("microsoft"));
        var stillConfirmed = await harness.RecordAsync("sensenets", failed: false, Confirmed("microsoft"));
        var turnedAgain = await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));

        Assert.Equal(1, turned.AlertsQueued);
        Assert.Equal((1, 1), (confirmed.ConfirmedClaims, confirmed.AlertsQueued));
        Assert.Equal(0, stillConfirmed.AlertsQueued);
        Assert.Equal(1, turnedAgain.AlertsQueued);
        Assert.Equal(["new-claim", "confirmed", "new-claim"], await harness.KindsAsync());
    }

    [Fact]
    public async Task ConcurrentRecordingsOfTheSameClaimQueueOneAlert()
    {
        await using var harness = await StartAsync();
        var scans = Enumerable.Range(0, 6).Select(i => new SiteScanResult("sensenets", "https://sensenets.example/", 2, [], [Unverified("microsoft")])
        {
            StartedAt = StoreHarness.Start.AddSeconds(i),
            FinishedAt = StoreHarness.Start.AddSeconds(i + 1),
        });

        var results = await Task.WhenAll(scans.Select(s => Task.Run(() => harness.Store.RecordScanAsync(s, CancellationToken.None))));

        Assert.Equal(1, results.Sum(r => r.AlertsQueued));
        Assert.Equal(1, await harness.CountAsync(AlertCount));
    }

    [Fact]
    public async Task PendingAlertCarriesClaimDataAndWaitsForItsNextAttempt()
    {
        await using var harness = await StartAsync();
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"));

        var alert = Assert.Single(await harness.Store.GetPendingAlertsAsync(10, CancellationToken.None));
        Assert.Equal(("sensenets", "https://sensenets.example/", "microsoft", 0), (alert.SiteId, alert.SiteUrl, alert.BrandId, alert.Attempts));
        Assert.Equal(StoreHarness.Start, alert.FirstSeenAt);
        Assert.StartsWith($"alert-{alert.Id}.", alert.MessageId);
        var evidence = Assert.Single(alert.Evidence);
        Assert.Equal((EvidenceKind.LogoImage, "https://sensenets.example/img/p3.png"), (evidence.Kind, evidence.ImageUrl));

        await harness.Store.MarkAlertFailedAsync(alert.Id, "connection refused", harness.Clock.GetUtcNow().AddMinutes(1), CancellationToken.None);
        Assert.Empty(await harness.Store.GetPendingAlertsAsync(10, CancellationToken.None));

        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var retried = Assert.Single(await harness.Store.GetPendingAlertsAsync(10, CancellationToken.None));
        Assert.Equal((alert.Id, alert.MessageId, 1), (retried.Id, retried.MessageId, retried.Attempts));

        await harness.Store.MarkAlertSentAsync(alert.Id, harness.Clock.GetUtcNow(), CancellationToken.None);
        Assert.Empty(await harness.Store.GetPendingAlertsAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task StatusShowsLastScanOpenUnverifiedClaimsAndAlertCounts()
    {
        await using var harness = await StartAsync();
        await harness.RecordAsync("sensenets", failed: false, Unverified("microsoft"), Confirmed("contoso"));
        await harness.RecordAsync("other", failed: false, Unverified("contoso"));
        await harness.RecordAsync("sensenets", failed: true);
        var pending = await harness.Store.GetPendingAlertsAsync(10, CancellationToken.None);
        await harness.Store.MarkAlertFailedAsync(pending[0].Id, "refused", harness.Clock.GetUtcNow().AddHours(1), CancellationToken.None);

        var status = await harness.Store.GetStatusAsync(CancellationToken.None);

        Assert.Equal(["other", "sensenets"], status.Sites.Select(s => s.SiteId));
        var site = status.Sites[1];
        Assert.Equal(("failed", 0), (site.LastOutcome, site.LastPages));
        Assert.Equal(StoreHarness.Start.AddMinutes(2).AddSeconds(5), site.LastScanAt);
        Assert.Equal("HTTP 503 after 3 attempts", Assert.Single(site.LastErrors).Message);
        Assert.Equal(("ok", 3), (status.Sites[0].LastOutcome, status.Sites[0].LastPages));
        Assert.Equal([("other", "contoso"), ("sensenets", "microsoft")], status.OpenClaims.Select(c => (c.SiteId, c.BrandId)));
        Assert.All(status.OpenClaims, c => Assert.True(c.Alerted));
        Assert.Equal((2, 1), (status.PendingAlerts, status.FailedDeliveries));
        Assert.True(await harness.Store.PingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task HostileScanResultIsBoundedAndDuplicateBrandsCountOnce()
    {
        await using var harness = await StartAsync();
        var hugeDetail = new string('d', 100_000);
        var flood = Enumerable.Range(0, 1000)
            .Select(i => new Evidence(EvidenceKind.Text, $"https://sensenets.example/{i}", hugeDetail))
            .ToList();
        var claims = new[]
        {
            new Claim("microsoft", ClaimStatus.Unverified, 0.6, flood),
            new Claim("microsoft", ClaimStatus.Unverified, double.NaN, []),
            new Claim("", ClaimStatus.Unverified, 0.9, []),
        };

        var recorded = await harness.RecordAsync("sensenets", failed: false, claims);

        Assert.Equal(1, recorded.AlertsQueued);
        var alert = Assert.Single(await harness.Store.GetPendingAlertsAsync(10, CancellationToken.None));
        Assert.Equal(RelationalScanStore.MaxStoredEvidencePerClaim, alert.Evidence.Count);
        Assert.All(alert.Evidence, e => Assert.True(e.Detail.Length <= RelationalScanStore.MaxStoredTextLength + 1));
    }

    [Fact]
    public async Task ScanWithoutSiteIdIsRejectedWithClearError()
    {
        await using var harness = await StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            harness.Store.RecordScanAsync(new SiteScanResult(" ", "https://x.example/", 1, [], []), CancellationToken.None));

        Assert.Contains("site id", error.Message);
    }
}
