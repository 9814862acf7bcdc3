using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;
using PartnerWatch.Cli;
using PartnerWatch.Config;
using PartnerWatch.Domain;
using PartnerWatch.Store;
using PartnerWatch.Tests.Infrastructure;
using static PartnerWatch.Tests.Store.StoreHarness;

namespace PartnerWatch.Tests.Store;

/// <summary>
/// <c>migrate-store</c> from a real SQLite store holding claims in every lifecycle state, their history, sent and
/// pending alerts, webhook deliveries and evidence (one manifest still a file, as written before schema 6), into a
/// real PostgreSQL database; then the copy read back through the PostgreSQL store, as the service will read it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MigrateStoreTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly byte[] Html = Encoding.UTF8.GetBytes("<html><body>Partners: <img src=\"/p.png\" alt=\"Microsoft\"></body></html>");
    private static readonly byte[] Logo = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 3, 1, 4];

    private readonly TempDirectory _other = new();
    private string _target = "";

    public async Task InitializeAsync() => _target = await server.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await server.DropDatabaseAsync(_target);
        _other.Dispose();
    }

    [Fact]
    public async Task CopyKeepsEveryClaimsStateHistoryAlertsAndEvidenceAndRefusesToCopyTwiceWithoutForce()
    {
        await using var source = await StartAsync(o => o.Webhooks = [new WebhookOptions { Url = "https://hooks.example/a" }]);
        var reviews = new ClaimReviewStore(StoreDialect.FromOptions(source.Options, new DataDirectory(source.DataPath)), source.Store, source.Clock);
        await source.Store.RecordScanAsync(ScanWithEvidence(source, "open-site"), None);
        await source.RecordAsync("acked-site", failed: false, Unverified("microsoft"));
        await source.RecordAsync("resolved-site", failed: false, Unverified("microsoft"));
        await source.RecordAsync("confirmed-site", failed: false, Confirmed("microsoft"));
        await source.RecordAsync("dismissed-site", failed: false, Unverified("contoso"));
        await source.Dispatcher.DispatchPendingAsync(None); // these alerts are sent; the ones below stay pending
        await source.RecordAsync("resolved-site", failed: false);
        await source.RecordAsync("resolved-site", failed: false);
        var claims = await source.Store.ListClaimsAsync(null, 100, None);
        long Id(string site) => claims.Single(c => c.SiteId == site).Id;
        await reviews.AcknowledgeAsync(Id("acked-site"), "analyst@example.org", "taken", None);
        await reviews.DismissAsync(Id("dismissed-site"), "analyst@example.org", "a customer logo, not a partner claim", None);
        await reviews.AddNoteAsync(Id("open-site"), "analyst@example.org", "asked legal", None);
        await source.Store.RecordScanAsync(ScanWithEvidence(source, "open-site"), None);
        await MakeFirstManifestALegacyFileAsync(source, Id("open-site"));
        var before = await SnapshotAsync(source.Store, reviews);
        Assert.Equal(Enum.GetValues<ClaimLifecycle>().Order(), (await source.Store.ListClaimsAsync(null, 100, None)).Select(c => c.Status).Order());
        var alerts = await AlertsAsync(source.OpenRaw());

        var (exit, stdout, stderr) = await MigrateAsync(source.DataPath, force: false);

        Assert.True(exit == ExitCodes.Ok, stderr);
        Assert.Contains("claims: 5/5", stderr);
        Assert.Contains("2 evidence blobs", stdout);
        var target = RelationalScanStore.Create(new PostgresDialect(_target), new DataDirectory(_other.Path), source.Options, source.Clock);
        var targetReviews = new ClaimReviewStore(new PostgresDialect(_target), target, source.Clock);
        var after = await SnapshotAsync(target, targetReviews);
        Assert.Equal(before.Claims, after.Claims);
        Assert.Equal(before.History, after.History);
        Assert.Equal(before.Evidence, after.Evidence);
        Assert.Equal(alerts, await AlertsAsync(new NpgsqlConnection(_target)));
        Assert.Equal(await source.CountAsync("SELECT COUNT(*) FROM alert_deliveries WHERE state = 'pending'"),
            await ScalarAsync("SELECT COUNT(*) FROM alert_deliveries WHERE state = 'pending'"));
        // Every evidence file, manifests included, downloads from the PostgreSQL store with the hash its manifest lists.
        foreach (var manifest in after.Manifests)
        {
            Assert.Equal(manifest.Sha256, Sha256((await target.OpenEvidenceFileAsync(manifest.ClaimId, manifest.File, None))!.Bytes));
            foreach (var item in manifest.Items.Where(i => i.Stored))
                Assert.Equal(item.Sha256, Sha256((await target.OpenEvidenceFileAsync(manifest.ClaimId, item.Sha256!, None))!.Bytes));
        }

        // Ids continue after the copied ones: the next scan on PostgreSQL records a new claim without a clash.
        await target.RecordScanAsync(new SiteScanResult("new-site", "https://new-site.example/", 1, [], [Unverified("microsoft")]), None);
        Assert.Equal(6, (await target.ListClaimsAsync(null, 100, None)).Select(c => c.Id).Distinct().Count());

        var again = await MigrateAsync(source.DataPath, force: false);
        Assert.Equal(ExitCodes.UsageOrConfig, again.Exit);
        Assert.Contains("--force", again.Stderr);

        var forced = await MigrateAsync(source.DataPath, force: true);
        Assert.True(forced.Exit == ExitCodes.Ok, forced.Stderr);
        Assert.Equal(before.Claims, (await SnapshotAsync(target, targetReviews)).Claims);
    }

    private async Task<(int Exit, string Stdout, string Stderr)> MigrateAsync(string from, bool force)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await MigrateStoreCommand.RunAsync("sqlite:" + from, _target, force, null, stdout, stderr, TimeProvider.System, None);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private sealed record Snapshot(IReadOnlyList<object> Claims, IReadOnlyList<object> History, IReadOnlyList<object> Evidence, IReadOnlyList<EvidenceManifestRecord> Manifests);

    private static async Task<Snapshot> SnapshotAsync(IScanStore store, ClaimReviewStore reviews)
    {
        var claims = (await store.ListClaimsAsync(null, 100, None)).OrderBy(c => c.Id).ToList();
        var history = new List<object>();
        var evidence = new List<object>();
        var manifests = new List<EvidenceManifestRecord>();
        foreach (var claim in claims)
        {
            history.AddRange((await reviews.GetHistoryAsync(claim.Id, None)).Select(h => (object)(claim.Id, h.At, h.Actor, h.Action, h.Text)));
            history.Add((claim.Id, (await reviews.GetVerdictAsync(claim.Id, None))?.Verdict));
            var listed = await store.GetEvidenceManifestsAsync(claim.Id, None);
            manifests.AddRange(listed);
            evidence.AddRange(listed.Select(m => (object)(m.ClaimId, m.ScanId, m.File, m.Sha256,
                string.Join(",", m.Items.Select(i => $"{i.Kind}:{i.Sha256}:{i.Stored}")))));
        }

        return new Snapshot(
            claims.Select(c => (object)(c.Id, c.SiteId, c.BrandId, c.Status, c.FirstSeenAt, c.LastSeenAt, c.ResolvedAt, c.AcknowledgedBy, c.MissedScans, c.Alerted)).ToList(),
            history, evidence, manifests);
    }

    private static async Task<IReadOnlyList<(long, string, string, string)>> AlertsAsync(System.Data.Common.DbConnection connection)
    {
        await using (connection)
        {
            return (await connection.QueryAsync<(long, string, string, string)>("SELECT id, kind, state, message_id FROM alerts ORDER BY id")).ToList();
        }
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_target);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    /// <summary>The claim's oldest manifest as schema 5 kept it: a file in the evidence folder, no content in the row.</summary>
    private static async Task MakeFirstManifestALegacyFileAsync(StoreHarness source, long claimId)
    {
        var oldest = (await source.Store.GetEvidenceManifestsAsync(claimId, None)).MinBy(m => m.ScanId)!;
        var content = (await source.Store.OpenEvidenceFileAsync(claimId, oldest.File, None))!.Bytes;
        var folder = Directory.CreateDirectory(Path.Combine(source.DataPath, "evidence", "claims", claimId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await File.WriteAllBytesAsync(Path.Combine(folder.FullName, oldest.File), content);
        await source.CountAsync($"UPDATE evidence_manifests SET content = NULL WHERE claim_id = {claimId} AND scan_id = {oldest.ScanId}; SELECT 0");
        Assert.Equal(oldest.Sha256, Sha256((await source.Store.OpenEvidenceFileAsync(claimId, oldest.File, None))!.Bytes));
    }

    private static SiteScanResult ScanWithEvidence(StoreHarness harness, string site)
    {
        var now = harness.Clock.GetUtcNow();
        var page = $"https://{site}.example/partners";
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        return new SiteScanResult(site, $"https://{site}.example/", 2, [],
            [new Claim("microsoft", ClaimStatus.Unverified, 0.97, [new Evidence(EvidenceKind.LogoImage, page, "matches logos/microsoft.svg", ImageUrl: $"https://{site}.example/p.png")])])
        {
            StartedAt = now,
            FinishedAt = now,
            FetchedPages = [new FetchedPage(page, 200, now, Sha256(Html), Html.Length, Html)],
            FetchedImages = [new FetchedImage($"https://{site}.example/p.png", Sha256(Logo), "image/png", now, Logo)],
        };
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
