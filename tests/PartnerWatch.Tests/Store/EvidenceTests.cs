using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MimeKit;
using PartnerWatch.Config;
using PartnerWatch.Domain;
using PartnerWatch.Store;
using static PartnerWatch.Tests.Store.StoreHarness;

namespace PartnerWatch.Tests.Store;

public abstract class EvidenceTests(StoreBackend backend)
{
    private Task<StoreHarness> StartAsync(Action<PartnerWatchOptions>? configure = null) => StoreHarness.StartAsync(configure, backend);

    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly byte[] Html = Encoding.UTF8.GetBytes("<html><body>Our partners: <img src=\"/img/p3.png\" alt=\"Microsoft\"></body></html>");
    private static readonly byte[] Logo = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 9, 8, 7];

    [Fact]
    public async Task ManifestListsPageAndImageWithHashesThatVerifyAgainstTheStoredFiles()
    {
        await using var harness = await StartAsync();
        await harness.Store.RecordScanAsync(ScanWithEvidence(harness), None);
        var claim = Assert.Single(await harness.Store.ListClaimsAsync(null, 10, None));

        var manifest = Assert.Single(await harness.Store.GetEvidenceManifestsAsync(claim.Id, None));

        var file = (await harness.Store.OpenEvidenceFileAsync(claim.Id, manifest.File, None))!;
        Assert.True(file.IsManifest);
        Assert.Equal(manifest.Sha256, Sha256(file.Bytes));
        using var json = JsonDocument.Parse(file.Bytes);
        Assert.Equal("microsoft", json.RootElement.GetProperty("brand").GetString());
        Assert.Equal(2, manifest.Items.Count);
        foreach (var item in manifest.Items)
        {
            Assert.True(item.Stored);
            Assert.Equal(item.Sha256, Sha256((await harness.Blobs.ReadAsync(item.Sha256!, None))!));
            Assert.Equal(item.Sha256, Sha256((await harness.Store.OpenEvidenceFileAsync(claim.Id, item.Sha256!, None))!.Bytes));
        }

        var page = manifest.Items.Single(i => i.Kind == "page");
        Assert.Equal(("https://sensenets.example/partners", 200, StoreHarness.Start), (page.Url, page.HttpStatus!.Value, page.FetchedAt!.Value));
    }

    [Fact]
    public async Task UnchangedPageAcrossScansIsStoredOnceWithAManifestPerScan()
    {
        await using var harness = await StartAsync();
        for (var i = 0; i < 3; i++)
        {
            await harness.Store.RecordScanAsync(ScanWithEvidence(harness), None);
            harness.Clock.Advance(TimeSpan.FromHours(6));
        }

        var claim = Assert.Single(await harness.Store.ListClaimsAsync(null, 10, None));
        Assert.Equal(3, (await harness.Store.GetEvidenceManifestsAsync(claim.Id, None)).Count);
        Assert.Equal(2, await harness.BlobCountAsync());
    }

    [Fact]
    public async Task EvidenceOlderThanTheRetentionIsDeletedAndSharedBlobsStay()
    {
        await using var harness = await StartAsync(o => o.Alerts.EvidenceRetention = TimeSpan.FromDays(30));
        await harness.Store.RecordScanAsync(ScanWithEvidence(harness), None);
        var claim = Assert.Single(await harness.Store.ListClaimsAsync(null, 10, None));
        var old = Assert.Single(await harness.Store.GetEvidenceManifestsAsync(claim.Id, None));

        harness.Clock.Advance(TimeSpan.FromDays(400));
        await harness.Store.RecordScanAsync(ScanWithEvidence(harness, logo: null), None);
        await harness.Store.PruneEvidenceAsync(None);

        var kept = Assert.Single(await harness.Store.GetEvidenceManifestsAsync(claim.Id, None));
        Assert.NotEqual(old.ScanId, kept.ScanId);
        Assert.Null(await harness.Store.OpenEvidenceFileAsync(claim.Id, old.File, None));
        // The page is still referenced by the new manifest; the logo only by the deleted one.
        Assert.NotNull(await harness.Blobs.ReadAsync(Sha256(Html), None));
        Assert.Null(await harness.Blobs.ReadAsync(Sha256(Logo), None));
        Assert.Equal(1, await harness.BlobCountAsync());
    }

    [Fact]
    public async Task AlertEmailCarriesHashesEvidenceLinkAndTheMatchedLogoInline()
    {
        await using var harness = await StartAsync(o => o.Alerts.PublicBaseUrl = "https://partnerwatch.example.org/");
        await harness.Store.RecordScanAsync(ScanWithEvidence(harness), None);

        await harness.Dispatcher.DispatchPendingAsync(None);

        var message = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(harness.OutboxPath, "*.eml")));
        var claim = Assert.Single(await harness.Store.ListClaimsAsync(null, 10, None));
        var manifest = Assert.Single(await harness.Store.GetEvidenceManifestsAsync(claim.Id, None));
        Assert.Contains(Sha256(Html), message.TextBody);
        Assert.Contains(Sha256(Logo), message.TextBody);
        Assert.Contains(manifest.Sha256, message.HtmlBody);
        Assert.Contains($"https://partnerwatch.example.org/api/claims/{claim.Id}/evidence/{manifest.File}", message.TextBody);
        var inline = Assert.Single(message.BodyParts.OfType<MimePart>(), p => p.ContentType.MediaType == "image");
        Assert.Contains($"cid:{inline.ContentId}", message.HtmlBody);
        using var bytes = new MemoryStream();
        await inline.Content!.DecodeToAsync(bytes);
        Assert.Equal(Logo, bytes.ToArray());
    }

    [Fact]
    public async Task ScriptBuiltPageKeepsTheRenderedDomAsEvidenceBesideThePageAsServed()
    {
        await using var harness = await StartAsync();
        var rendered = "<html><body><h2>Partners</h2><img alt=\"Microsoft\" src=\"img/p3.png\"></body></html>"u8.ToArray();
        var scan = ScanWithEvidence(harness);
        var page = scan.FetchedPages![0];
        await harness.Store.RecordScanAsync(scan with { FetchedPages = [page with { Rendered = true, RenderedHtml = rendered }] }, None);
        var claim = Assert.Single(await harness.Store.ListClaimsAsync(null, 10, None));

        var manifest = Assert.Single(await harness.Store.GetEvidenceManifestsAsync(claim.Id, None));

        Assert.Equal(["image", "page", "rendered-page"], manifest.Items.Select(i => i.Kind).Order(StringComparer.Ordinal).ToArray());
        var dom = manifest.Items.Single(i => i.Kind == "rendered-page");
        Assert.True(dom.Stored);
        Assert.Equal(Sha256(rendered), dom.Sha256);
        Assert.Equal(rendered, await harness.Blobs.ReadAsync(dom.Sha256!, None));
        Assert.Equal(Sha256(Html), manifest.Items.Single(i => i.Kind == "page").Sha256);
    }

    [Fact]
    public async Task ScreenshotIsStoredWithTheBoxesOfItsOutlinedMarks()
    {
        await using var harness = await StartAsync();
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 42 };
        var scan = ScanWithEvidence(harness);
        var shot = new PageScreenshot("https://sensenets.example/partners", harness.Clock.GetUtcNow(), png, null) { Marks = [new MarkBox(10, 20, 30, 40)] };
        await harness.Store.RecordScanAsync(scan with { Screenshots = [shot] }, None);
        var claim = Assert.Single(await harness.Store.ListClaimsAsync(null, 10, None));

        var item = Assert.Single(Assert.Single(await harness.Store.GetEvidenceManifestsAsync(claim.Id, None)).Items, i => i.Kind == "screenshot");

        Assert.Equal([new MarkBox(10, 20, 30, 40)], item.Marks!);
        Assert.Equal(png, (await harness.Store.OpenEvidenceFileAsync(claim.Id, item.Sha256!, None))!.Bytes);
    }

    private static SiteScanResult ScanWithEvidence(StoreHarness harness) => ScanWithEvidence(harness, Logo);

    private static SiteScanResult ScanWithEvidence(StoreHarness harness, byte[]? logo)
    {
        var now = harness.Clock.GetUtcNow();
        var keepLogo = logo is not null;
        return new SiteScanResult("sensenets", "https://sensenets.example/", 2, [],
            [new Claim("microsoft", ClaimStatus.Unverified, 0.97,
                [new Evidence(EvidenceKind.LogoImage, "https://sensenets.example/partners", "matches logos/microsoft.svg",
                    ImageUrl: keepLogo ? "https://sensenets.example/img/p3.png" : null)])])
        {
            StartedAt = now,
            FinishedAt = now,
            FetchedPages = [new FetchedPage("https://sensenets.example/partners", 200, now, Sha256(Html), Html.Length, Html)],
            FetchedImages = keepLogo ? [new FetchedImage("https://sensenets.example/img/p3.png", Sha256(logo!), "image/png", now, logo)] : [],
        };
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

public sealed class SqliteEvidenceTests() : EvidenceTests(StoreBackend.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresEvidenceTests(PostgresServer server) : EvidenceTests(StoreBackend.Postgres(server));
