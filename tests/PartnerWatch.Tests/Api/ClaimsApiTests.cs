using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PartnerWatch.Config;
using PartnerWatch.Domain;
using PartnerWatch.Store;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Api;

/// <summary>The claims API on the real service host (ServeCommand.Build) over loopback HTTP.</summary>
public sealed class ClaimsApiTests : IDisposable
{
    private const string Key = "test-key-0123456789abcdef";
    private static readonly byte[] PartnersHtml = Encoding.UTF8.GetBytes("<html><body><h1>Partners</h1><img src=\"/img/p3.png\" alt=\"Microsoft\"></body></html>");
    private static readonly byte[] LogoPng = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task MissingOrWrongKeyIsRefusedAndTheRightKeyIsAccepted()
    {
        await using var service = await StartAsync(Key);

        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Client.GetAsync("/api/claims")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(service, HttpMethod.Get, "/api/claims", "wrong-key-0123456789abcdef")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(service, HttpMethod.Get, "/api/claims", Key + "x")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(service, HttpMethod.Post, "/api/claims/1/acknowledge", "nope")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(service, HttpMethod.Get, "/api/claims", Key)).StatusCode);

        using var bearer = new HttpRequestMessage(HttpMethod.Get, "/api/claims");
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        Assert.Equal(HttpStatusCode.OK, (await service.Client.SendAsync(bearer)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync("/status")).StatusCode);
    }

    [Fact]
    public async Task WithoutAConfiguredKeyTheApiDoesNotExist()
    {
        await using var service = await StartAsync(key: null);

        Assert.Equal(HttpStatusCode.NotFound, (await service.Client.GetAsync("/api/claims")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(service, HttpMethod.Get, "/api/claims", "anything-at-all-0123")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task ClaimShowsItsEvidenceManifestAndEveryFileMatchesItsHash()
    {
        await using var service = await StartAsync(Key);
        var claimId = await SeedClaimAsync(service);

        var list = await GetJsonAsync(service, "/api/claims?status=open");
        var listed = Assert.Single(list.GetProperty("claims").EnumerateArray());
        Assert.Equal(claimId, listed.GetProperty("id").GetInt64());
        Assert.Empty((await GetJsonAsync(service, "/api/claims?status=resolved")).GetProperty("claims").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await Send(service, HttpMethod.Get, "/api/claims?status=bogus", Key)).StatusCode);

        var claim = await GetJsonAsync(service, $"/api/claims/{claimId}");
        Assert.Equal(("sensenets", "microsoft", "open"), (claim.GetProperty("site").GetString(), claim.GetProperty("brand").GetString(), claim.GetProperty("status").GetString()));
        var manifest = Assert.Single(claim.GetProperty("manifests").EnumerateArray());
        var manifestFile = manifest.GetProperty("file").GetString()!;
        var manifestBytes = await GetBytesAsync(service, $"/api/claims/{claimId}/evidence/{manifestFile}");
        Assert.Equal(manifest.GetProperty("sha256").GetString(), Sha256(manifestBytes));

        var files = manifest.GetProperty("files").EnumerateArray().ToList();
        var page = files.Single(f => f.GetProperty("kind").GetString() == "page");
        Assert.Equal(("https://sensenets.example/partners", 200), (page.GetProperty("url").GetString(), page.GetProperty("httpStatus").GetInt32()));
        Assert.Equal(PartnersHtml, await GetBytesAsync(service, $"/api/claims/{claimId}/evidence/{page.GetProperty("sha256").GetString()}"));
        var image = files.Single(f => f.GetProperty("kind").GetString() == "image");
        Assert.Equal(Sha256(LogoPng), image.GetProperty("sha256").GetString());
        Assert.Equal(LogoPng, await GetBytesAsync(service, $"/api/claims/{claimId}/evidence/{Sha256(LogoPng)}"));
        foreach (var file in files)
        {
            var bytes = await GetBytesAsync(service, $"/api/claims/{claimId}/evidence/{file.GetProperty("sha256").GetString()}");
            Assert.Equal(file.GetProperty("sha256").GetString(), Sha256(bytes));
        }
    }

    [Theory]
    [InlineData("..%2F..%2Fpartnerwatch.db")]
    [InlineData("..%5Cpartnerwatch.db")]
    [InlineData("%2Fetc%2Fpasswd")]
    [InlineData("scan-1.json.bak")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task EvidencePathsOutsideTheClaimsFilesAreNotFound(string file)
    {
        await using var service = await StartAsync(Key);
        var claimId = await SeedClaimAsync(service);

        var response = await Send(service, HttpMethod.Get, $"/api/claims/{claimId}/evidence/{file}", Key);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task EvidenceOfAnotherClaimIsNotServedUnderThisOne()
    {
        await using var service = await StartAsync(Key);
        var claimId = await SeedClaimAsync(service);

        var response = await Send(service, HttpMethod.Get, $"/api/claims/{claimId + 1}/evidence/{Sha256(PartnersHtml)}", Key);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AcknowledgeRecordsWhoAndWhyAndRejectsBadBodies()
    {
        await using var service = await StartAsync(Key);
        var claimId = await SeedClaimAsync(service);

        var bad = await Send(service, HttpMethod.Post, $"/api/claims/{claimId}/acknowledge", Key, "{\"by\": 42}");
        var ok = await Send(service, HttpMethod.Post, $"/api/claims/{claimId}/acknowledge", Key, "{\"by\": \"alice\", \"note\": \"takedown sent\"}");
        var again = await Send(service, HttpMethod.Post, $"/api/claims/{claimId}/acknowledge", Key);
        var missing = await Send(service, HttpMethod.Post, "/api/claims/999/acknowledge", Key);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var claim = await GetJsonAsync(service, $"/api/claims/{claimId}");
        Assert.Equal(("acknowledged", "alice", "takedown sent"),
            (claim.GetProperty("status").GetString(), claim.GetProperty("acknowledgedBy").GetString(), claim.GetProperty("acknowledgedNote").GetString()));
        Assert.Single((await GetJsonAsync(service, "/api/claims?status=acknowledged")).GetProperty("claims").EnumerateArray());
    }

    [Fact]
    public async Task ScanNowTriggersTheSitesJobAndUnknownSitesAreNotFound()
    {
        await using var service = await StartAsync(Key);

        var unknown = await Send(service, HttpMethod.Post, "/api/sites/nope/scan", Key);
        var accepted = await Send(service, HttpMethod.Post, "/api/sites/sensenets/scan", Key);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        // The site is never due by its schedule (yearly cron), so a recorded scan can only come from "scan now".
        var status = await service.WaitForStatusAsync(s =>
            s.GetProperty("sites")[0].GetProperty("lastScan").ValueKind == JsonValueKind.Object);
        Assert.Equal("failed", status.GetProperty("sites")[0].GetProperty("lastScan").GetProperty("outcome").GetString());
    }

    private async Task<ServiceHost> StartAsync(string? key)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["PartnerWatch:Brands:0:Id"] = "microsoft",
            ["PartnerWatch:Brands:0:Name"] = "Microsoft",
            ["PartnerWatch:Sites:0:Id"] = "sensenets",
            ["PartnerWatch:Sites:0:Name"] = "SenseNets",
            // Nothing listens there and private addresses are refused: a scan of it fails fast.
            ["PartnerWatch:Sites:0:Url"] = "http://127.0.0.1:9/",
            ["PartnerWatch:Sites:0:Cron"] = "0 0 0 1 1 ? 2099",
            ["PartnerWatch:Schedule:Jitter"] = "00:00:00",
            ["PartnerWatch:Storage:DataDirectory"] = _temp.Combine("data"),
            ["PartnerWatch:Api:Key"] = key,
        };
        return await ServiceHost.StartAsync(ConfigurationLoader.Load(null, overrides));
    }

    private static async Task<long> SeedClaimAsync(ServiceHost service)
    {
        var now = DateTimeOffset.UtcNow;
        var result = new SiteScanResult("sensenets", "https://sensenets.example/", 2, [],
            [new Claim("microsoft", ClaimStatus.Unverified, 0.97,
                [new Evidence(EvidenceKind.LogoImage, "https://sensenets.example/partners", "matches logos/microsoft.svg, distance 4/64",
                    ImageUrl: "https://sensenets.example/img/p3.png")])])
        {
            StartedAt = now,
            FinishedAt = now,
            FetchedPages =
            [
                new FetchedPage("https://sensenets.example/", 200, now, Sha256(Encoding.UTF8.GetBytes("start")), 5, Encoding.UTF8.GetBytes("start")),
                new FetchedPage("https://sensenets.example/partners", 200, now, Sha256(PartnersHtml), PartnersHtml.Length, PartnersHtml),
            ],
            FetchedImages = [new FetchedImage("https://sensenets.example/img/p3.png", Sha256(LogoPng), "image/png", now, LogoPng)],
        };
        var store = service.Services.GetRequiredService<IScanStore>();
        await store.RecordScanAsync(result, CancellationToken.None);
        return Assert.Single(await store.ListClaimsAsync(ClaimLifecycle.Open, 10, CancellationToken.None)).Id;
    }

    private static async Task<HttpResponseMessage> Send(ServiceHost service, HttpMethod method, string path, string? key, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return await service.Client.SendAsync(request);
    }

    private static async Task<JsonElement> GetJsonAsync(ServiceHost service, string path)
    {
        var response = await Send(service, HttpMethod.Get, path, Key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private static async Task<byte[]> GetBytesAsync(ServiceHost service, string path)
    {
        var response = await Send(service, HttpMethod.Get, path, Key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }
}
