using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PartnerWatch.Config;
using PartnerWatch.Hosting;
using PartnerWatch.Scan;
using PartnerWatch.Store;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Fetch.Polite;

/// <summary>
/// A re-scan that gets 304 for a claim's page keeps no copy of the page (the remembered page holds its hash), yet the
/// claim's evidence of that scan still lists the page as stored, with the same hash, readable from the evidence store.
/// </summary>
public sealed class UnchangedEvidenceTests
{
    private const string Home = """<!DOCTYPE html><html><body><nav><a href="/partner.html">Partner</a></nav><h1>Kessler</h1><p>Sensors since 1998.</p></body></html>""";
    private const string Partners = """<!DOCTYPE html><html><body><h1>Unsere Partner</h1><ul><li><img src="a.png" alt="Cisco"></li></ul></body></html>""";

    [Fact]
    public async Task TheEvidenceOfAnUnchangedClaimPageIsStoredOnEveryScanThoughOnlyItsHashWasRemembered()
    {
        using var temp = new TempDirectory();
        await using var site = await PoliteSite.StartAsync(new Dictionary<string, string> { ["/"] = Home, ["/partner.html"] = Partners });
        var options = new PartnerWatchOptions
        {
            Brands = [new BrandOptions { Id = "cisco", Name = "Cisco", Domains = ["cisco.com"] }],
            Fetch = { AllowPrivateNetworks = true, MaxRetries = 0, PerHostRequestsPerSecond = 0 },
            Storage = { DataDirectory = temp.Combine("data") },
        };
        options.Fetch.Browser.Mode = BrowserMode.Never;
        var kessler = new SiteOptions { Id = "kessler", Url = site.BaseUri.ToString() };
        options.Sites = [kessler];
        await using var provider = new ServiceCollection().AddLogging().AddPartnerWatchPipeline(options).BuildServiceProvider();
        var store = provider.GetRequiredService<IScanStore>();
        await store.InitializeAsync(CancellationToken.None);
        var scanner = provider.GetRequiredService<SiteScanner>();

        var first = await scanner.ScanAsync(kessler, FetchTestHost.Watchdog());
        await store.RecordScanAsync(first, CancellationToken.None);
        var before = site.PageRequests.Count;
        var second = await scanner.ScanAsync(kessler, FetchTestHost.Watchdog());
        await store.RecordScanAsync(second, CancellationToken.None);

        Assert.All(site.PageRequests.Skip(before), r => Assert.Equal(304, r.Status));
        Assert.Null(second.FetchedPages.Single(p => p.Url.EndsWith("/partner.html")).Html);
        var pages = await PartnerPageFilesAsync(Path.Combine(options.Storage.DataDirectory, DataDirectory.DatabaseFileName));
        Assert.Equal(2, pages.Count);
        Assert.All(pages, p => Assert.True(p.Stored, "the partner page is listed as stored evidence"));
        Assert.Equal(pages[0].Sha256, pages[1].Sha256);
        var bytes = await provider.GetRequiredService<IEvidenceBlobs>().ReadAsync(pages[1].Sha256, CancellationToken.None);
        Assert.Equal(Partners, System.Text.Encoding.UTF8.GetString(bytes!));
    }

    private sealed record PageFile(bool Stored, string Sha256);

    /// <summary>The partner page's entry in each scan's evidence manifest, oldest scan first, read from the database.</summary>
    private static async Task<List<PageFile>> PartnerPageFilesAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT content FROM evidence_manifests ORDER BY scan_id";
        var files = new List<PageFile>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            using var manifest = JsonDocument.Parse((byte[])reader.GetValue(0));
            var page = manifest.RootElement.GetProperty("files").EnumerateArray()
                .Single(f => f.GetProperty("kind").GetString() == "page" && f.GetProperty("url").GetString()!.EndsWith("/partner.html"));
            files.Add(new PageFile(page.GetProperty("stored").GetBoolean(), page.GetProperty("sha256").GetString()!));
        }
        return files;
    }
}
