using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PartnerWatch.Config;
using PartnerWatch.Domain;
using PartnerWatch.Store;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Store;

/// <summary>
/// Two real service hosts (as two nodes) on one PostgreSQL database, each with a data directory of its own: evidence one
/// node stored downloads from the other through the claims API, with nothing on any disk.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SharedEvidenceTests(PostgresServer server) : IAsyncLifetime
{
    private const string Key = "shared-evidence-key-0123456789";
    private static readonly byte[] PartnersHtml = Encoding.UTF8.GetBytes("<html><body><h1>Partners</h1><img src=\"/img/p3.png\" alt=\"Microsoft\"></body></html>");
    private static readonly byte[] LogoPng = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 5, 6, 7, 8];
    private static readonly byte[] ScreenshotPng = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 9, 9, 9];

    private readonly TempDirectory _dir = new();
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await server.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await server.DropDatabaseAsync(_connectionString);
        _dir.Dispose();
    }

    [Fact]
    public async Task EvidenceStoredByOneNodeDownloadsFromAnotherThatSharesOnlyTheDatabase()
    {
        await using var nodeA = await StartNodeAsync("a");
        await using var nodeB = await StartNodeAsync("b");
        var claimId = await SeedClaimAsync(nodeA);

        using var claim = JsonDocument.Parse(await GetAsync(nodeB, $"/api/claims/{claimId}"));
        var manifest = Assert.Single(claim.RootElement.GetProperty("manifests").EnumerateArray());
        var manifestBytes = await GetAsync(nodeB, $"/api/claims/{claimId}/evidence/{manifest.GetProperty("file").GetString()}");
        Assert.Equal(manifest.GetProperty("sha256").GetString(), Sha256(manifestBytes));
        var files = manifest.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("sha256").GetString()!).ToList();
        Assert.Equal(new[] { Sha256(PartnersHtml), Sha256(LogoPng), Sha256(ScreenshotPng) }.Order(StringComparer.Ordinal), files.Order(StringComparer.Ordinal));
        foreach (var sha in files)
        {
            Assert.Equal(sha, Sha256(await GetAsync(nodeB, $"/api/claims/{claimId}/evidence/{sha}")));
        }

        // Nothing of it is on either node's disk: losing a node loses no evidence.
        Assert.Empty(FilesUnder(_dir.Combine("a", "evidence")));
        Assert.Empty(FilesUnder(_dir.Combine("b", "evidence")));

        // A hash the claim's manifests do not list is not served, even if the blob exists for another claim.
        var other = await GetResponseAsync(nodeB, $"/api/claims/{claimId + 1}/evidence/{Sha256(LogoPng)}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    private async Task<ServiceHost> StartNodeAsync(string name)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["PartnerWatch:Brands:0:Id"] = "microsoft",
            ["PartnerWatch:Brands:0:Name"] = "Microsoft",
            ["PartnerWatch:Sites:0:Id"] = "sensenets",
            ["PartnerWatch:Sites:0:Url"] = "http://127.0.0.1:9/",
            ["PartnerWatch:Sites:0:Cron"] = "0 0 0 1 1 ? 2099",
            ["PartnerWatch:Schedule:Jitter"] = "00:00:00",
            ["PartnerWatch:Storage:DataDirectory"] = _dir.Combine(name),
            ["PartnerWatch:Storage:Provider"] = "Postgres",
            ["PartnerWatch:Storage:ConnectionString"] = _connectionString,
            ["PartnerWatch:Api:Key"] = Key,
        };
        return await ServiceHost.StartAsync(ConfigurationLoader.Load(null, overrides));
    }

    private static async Task<long> SeedClaimAsync(ServiceHost node)
    {
        var now = DateTimeOffset.UtcNow;
        var page = "https://sensenets.example/partners";
        var result = new SiteScanResult("sensenets", "https://sensenets.example/", 1, [],
            [new Claim("microsoft", ClaimStatus.Unverified, 0.97,
                [new Evidence(EvidenceKind.LogoImage, page, "matches logos/microsoft.svg", ImageUrl: "https://sensenets.example/img/p3.png")])])
        {
            StartedAt = now,
            FinishedAt = now,
            ScannedBy = "node-a",
            FetchedPages = [new FetchedPage(page, 200, now, Sha256(PartnersHtml), PartnersHtml.Length, PartnersHtml)],
            FetchedImages = [new FetchedImage("https://sensenets.example/img/p3.png", Sha256(LogoPng), "image/png", now, LogoPng)],
            Screenshots = [new PageScreenshot(page, now, ScreenshotPng, null) { Marks = [new MarkBox(1, 2, 3, 4)] }],
        };
        var store = node.Services.GetRequiredService<IScanStore>();
        await store.RecordScanAsync(result, CancellationToken.None);
        return Assert.Single(await store.ListClaimsAsync(ClaimLifecycle.Open, 10, CancellationToken.None)).Id;
    }

    private static async Task<HttpResponseMessage> GetResponseAsync(ServiceHost node, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Api-Key", Key);
        return await node.Client.SendAsync(request);
    }

    private static async Task<byte[]> GetAsync(ServiceHost node, string path)
    {
        var response = await GetResponseAsync(node, path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static IEnumerable<string> FilesUnder(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories) : [];

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
