using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using PartnerWatch.Cli;
using PartnerWatch.Demo;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Cli;

/// <summary>The <c>scan</c> command's contract: the JSON document, the exit codes, and broken sites not stopping the scan.</summary>
public sealed class ScanCommandTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();
    private DemoSiteServer _sites = null!;

    public async Task InitializeAsync() => _sites = await DemoSiteServer.StartAsync(CancellationToken.None);

    public async Task DisposeAsync() => await _sites.DisposeAsync();

    private string WriteConfig(string extraSites = "", string extraSections = "")
    {
        var logos = Path.Combine(AppContext.BaseDirectory, "Demo", "logos").Replace("\\", "/");
        var path = _dir.Combine("scan.json");
        File.WriteAllText(path, $$"""
            { "PartnerWatch": {
                "Brands": [
                  { "Id": "microsoft", "Name": "Microsoft", "Aliases": ["微软", "Microsoft Corporation"], "Domains": ["microsoft.com"], "Logos": ["{{logos}}/microsoft.svg"] },
                  { "Id": "google", "Name": "Google", "Aliases": ["谷歌"], "Domains": ["google.com"] },
                  { "Id": "huawei", "Name": "Huawei", "Aliases": ["华为"], "Domains": ["huawei.com"] }
                ],
                "ConfirmedPartners": { "microsoft": ["contoso-systems"] },
                "Sites": [
                  { "Id": "dongfang-shiyun", "Url": "{{_sites.Origin}}dongfang-shiyun/" },
                  { "Id": "contoso-systems", "Url": "{{_sites.Origin}}contoso-systems/" },
                  { "Id": "brightwave-news", "Url": "{{_sites.Origin}}brightwave-news/" }{{extraSites}}
                ],
                "Fetch": { "AllowPrivateNetworks": true, "MaxRetries": 0 },{{extraSections}}
                "Storage": { "DataDirectory": "{{_dir.Combine("data").Replace("\\", "/")}}" } } }
            """);
        return path;
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> ScanAsync(params string[] argv)
    {
        var (args, error) = CliArguments.Parse(argv);
        Assert.Null(error);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await ScanCommand.RunAsync(args!, stdout, stderr, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task JsonOutputFollowsTheContractAndExitsOneForAnUnverifiedClaim()
    {
        var (exit, stdout, _) = await ScanAsync("scan", "--config", WriteConfig(), "--json");

        Assert.Equal(ExitCodes.UnverifiedClaims, exit);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.True(root.GetProperty("scannedAt").TryGetDateTimeOffset(out _));
        var sites = root.GetProperty("sites").EnumerateArray().ToDictionary(s => s.GetProperty("site").GetString()!);
        Assert.Equal(3, sites.Count);

        var dongfang = sites["dongfang-shiyun"];
        Assert.StartsWith(_sites.Origin.ToString(), dongfang.GetProperty("url").GetString());
        Assert.True(dongfang.GetProperty("pagesScanned").GetInt32() >= 1);
        Assert.Equal(JsonValueKind.Array, dongfang.GetProperty("errors").ValueKind);
        var claim = Assert.Single(dongfang.GetProperty("claims").EnumerateArray());
        Assert.Equal("microsoft", claim.GetProperty("brand").GetString());
        Assert.Equal("unverified", claim.GetProperty("status").GetString());
        var confidence = claim.GetProperty("confidence").GetDouble();
        Assert.InRange(confidence, 0.0, 1.0);
        var evidence = claim.GetProperty("evidence").EnumerateArray().ToList();
        Assert.NotEmpty(evidence);
        Assert.All(evidence, e =>
        {
            Assert.Contains(e.GetProperty("kind").GetString(), new[] { "logo-image", "logo-text", "text", "link" });
            Assert.StartsWith(_sites.Origin.ToString(), e.GetProperty("pageUrl").GetString());
            Assert.False(string.IsNullOrEmpty(e.GetProperty("detail").GetString()));
        });

        var contoso = Assert.Single(sites["contoso-systems"].GetProperty("claims").EnumerateArray());
        Assert.Equal("confirmed", contoso.GetProperty("status").GetString());
        Assert.Empty(sites["brightwave-news"].GetProperty("claims").EnumerateArray());
    }

    [Fact]
    public async Task OnlyConfirmedClaimsExitZero()
    {
        var (exit, stdout, _) = await ScanAsync("scan", "--config", WriteConfig(), "--site", "contoso-systems", "--json");

        Assert.Equal(ExitCodes.Ok, exit);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("contoso-systems", Assert.Single(json.RootElement.GetProperty("sites").EnumerateArray()).GetProperty("site").GetString());
    }

    [Fact]
    public async Task UnreachableSiteIsReportedWithErrorsAndTheOthersAreStillScanned()
    {
        var port = FreePort();
        var (exit, stdout, _) = await ScanAsync("scan", "--config",
            WriteConfig($$""", { "Id": "gone", "Url": "http://127.0.0.1:{{port}}/" }"""), "--json");

        Assert.Equal(ExitCodes.UnverifiedClaims, exit);
        using var json = JsonDocument.Parse(stdout);
        var gone = json.RootElement.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("site").GetString() == "gone");
        Assert.Equal(0, gone.GetProperty("pagesScanned").GetInt32());
        Assert.NotEmpty(gone.GetProperty("errors").EnumerateArray());
        Assert.Empty(gone.GetProperty("claims").EnumerateArray());
    }

    [Fact]
    public async Task NoUnverifiedClaimButAnUnscannableSiteExitsFourWithOneLineForIt()
    {
        var port = FreePort();
        var (exit, stdout, stderr) = await ScanAsync("scan", "--config",
            WriteConfig($$""", { "Id": "gone", "Url": "http://127.0.0.1:{{port}}/" }"""), "--site", "gone", "--site", "contoso-systems");

        Assert.Equal(ExitCodes.SitesNotScanned, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: gone could not be scanned: connection failed", line);
        Assert.Contains("not scanned", stdout);       // the summary table's row for it
        Assert.EndsWith("1 of 2 sites could not be scanned (exit 4)", stdout.TrimEnd());
    }

    [Fact]
    public async Task TextOutputIsASummaryTableThenTheClaims()
    {
        var (exit, stdout, _) = await ScanAsync("scan", "--config", WriteConfig());

        Assert.Equal(ExitCodes.UnverifiedClaims, exit);
        var lines = stdout.Split('\n').Select(l => l.TrimEnd()).ToList();
        var header = lines.FindIndex(l => l.Contains("| Site ") && l.Contains("| Unverified |"));
        Assert.True(header >= 0, stdout);
        Assert.Contains(lines, l => l.Contains("| dongfang-shiyun ") && l.Contains("unverified claim"));
        Assert.Contains(lines, l => l.StartsWith("unverified dongfang-shiyun shows microsoft", StringComparison.Ordinal));
        Assert.Equal("Result: 1 unverified claim (exit 1)", lines.Last(l => l.Length > 0));
    }

    [Fact]
    public async Task PartnerListFileConfirmsTheClaim()
    {
        File.WriteAllText(_dir.Combine("microsoft-partners.csv"), "# confirmed by Microsoft's partner team\ndongfang-shiyun\n");

        var (exit, stdout, _) = await ScanAsync("scan", "--config",
            WriteConfig(extraSections: """ "ConfirmedPartnerSources": [ { "Brand": "microsoft", "File": "microsoft-partners.csv" } ],"""),
            "--site", "dongfang-shiyun", "--json");

        Assert.Equal(ExitCodes.Ok, exit);
        using var json = JsonDocument.Parse(stdout);
        var claim = Assert.Single(Assert.Single(json.RootElement.GetProperty("sites").EnumerateArray()).GetProperty("claims").EnumerateArray());
        Assert.Equal("confirmed", claim.GetProperty("status").GetString());
    }

    [Fact]
    public async Task UnknownSiteIsBadUsage()
    {
        var (exit, _, stderr) = await ScanAsync("scan", "--config", WriteConfig(), "--site", "nobody");
        Assert.Equal(ExitCodes.UsageOrConfig, exit);
        Assert.Contains("nobody", stderr);
    }

    [Fact]
    public async Task InvalidConfigurationExitsTwoWithTheKeyPath()
    {
        var path = _dir.Combine("bad.json");
        File.WriteAllText(path, """{ "PartnerWatch": { "Sites": [ { "Id": "x", "Url": "nope" } ] } }""");

        var (exit, _, stderr) = await ScanAsync("scan", "--config", path);

        Assert.Equal(ExitCodes.UsageOrConfig, exit);
        Assert.Contains("PartnerWatch:Sites:0:Url", stderr);
    }

    [Fact]
    public async Task ScanStoresNothingUnlessAsked()
    {
        await ScanAsync("scan", "--config", WriteConfig(), "--site", "dongfang-shiyun");
        Assert.False(Directory.Exists(_dir.Combine("data")));

        await ScanAsync("scan", "--config", WriteConfig(), "--site", "dongfang-shiyun", "--store");
        Assert.True(File.Exists(_dir.Combine("data", "partnerwatch.db")));
        Assert.Single(Directory.EnumerateFiles(_dir.Combine("data", "outbox"), "*.eml"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => _dir.Dispose();
}
