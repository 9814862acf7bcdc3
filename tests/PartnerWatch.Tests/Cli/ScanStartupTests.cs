using PartnerWatch.Cli;
using PartnerWatch.Config;
using PartnerWatch.Demo;
using PartnerWatch.Domain;
using PartnerWatch.Scan;
using PartnerWatch.Store;
using PartnerWatch.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Serilog;

namespace PartnerWatch.Tests.Cli;

/// <summary>
/// A scan loads the database drivers, the mail parser and the service's registrations only when it uses them
/// (docs/performance.md, "Session 8"). What a user sees must not change: the storage and SMTP problems are still
/// reported by scan and validate with the key named, and the scan's container is still a valid one.
/// </summary>
public sealed class ScanStartupTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();
    private DemoSiteServer _sites = null!;

    public async Task InitializeAsync() => _sites = await DemoSiteServer.StartAsync(CancellationToken.None);

    public async Task DisposeAsync() => await _sites.DisposeAsync();

    public void Dispose() => _dir.Dispose();

    private string WriteConfig(string extraSections = "", string? storage = null)
    {
        storage ??= $$"""{ "DataDirectory": "{{_dir.Combine("data").Replace("\\", "/")}}" }""";
        var path = _dir.Combine("startup.json");
        File.WriteAllText(path, $$"""
            { "PartnerWatch": {
                "Brands": [ { "Id": "huawei", "Name": "Huawei", "Aliases": ["华为"], "Domains": ["huawei.com"] } ],
                "Sites": [ { "Id": "dongfang-shiyun", "Url": "{{_sites.Origin}}dongfang-shiyun/" } ],
                "Fetch": { "AllowPrivateNetworks": true, "MaxRetries": 0 },{{extraSections}}
                "Storage": {{storage}} } }
            """);
        return path;
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> ScanAsync(string config)
    {
        var (args, error) = CliArguments.Parse(["scan", "--config", config, "--json"]);
        Assert.Null(error);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await ScanCommand.RunAsync(args!, stdout, stderr, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static (int Exit, string Output) Validate(string config)
    {
        var (args, error) = CliArguments.Parse(["validate", "--config", config]);
        Assert.Null(error);
        var output = new StringWriter();
        var exit = ValidateCommand.Run(args!, output);
        return (exit, output.ToString());
    }

    [Theory]
    [InlineData("Host=;Database=partnerwatch", "names no Host")]
    [InlineData("Host=db.internal", "names no Database")]
    [InlineData("Host=db.internal;Database=pw;NoSuchKeyword=1", "is not a valid PostgreSQL connection string")]
    public async Task ABadPostgresConnectionStringIsStillRefusedByScanAndValidate(string connectionString, string reason)
    {
        var config = WriteConfig(storage: $$"""{ "Provider": "Postgres", "ConnectionString": "{{connectionString}}" }""");

        var (scanExit, scanOut, scanErr) = await ScanAsync(config);
        var (validateExit, validateOut) = Validate(config);

        Assert.Equal(ExitCodes.UsageOrConfig, scanExit);
        Assert.Equal("", scanOut);
        Assert.Contains("PartnerWatch:Storage:ConnectionString", scanErr);
        Assert.Contains(reason, scanErr);
        Assert.Equal(ExitCodes.UsageOrConfig, validateExit);
        Assert.Contains("PartnerWatch:Storage:ConnectionString", validateOut);
        Assert.Contains(reason, validateOut);
    }

    [Fact]
    public async Task BadSmtpAddressesAreStillRefusedByScanAndValidate()
    {
        var config = WriteConfig("""
             "Smtp": { "Host": "smtp.example.com", "From": "not an address", "To": ["ops@example.com", "nobody"] },
            """);

        var (scanExit, _, scanErr) = await ScanAsync(config);
        var (validateExit, validateOut) = Validate(config);

        Assert.Equal(ExitCodes.UsageOrConfig, scanExit);
        Assert.Equal(ExitCodes.UsageOrConfig, validateExit);
        foreach (var output in new[] { scanErr, validateOut })
        {
            Assert.Contains("PartnerWatch:Smtp:From", output);
            Assert.Contains("PartnerWatch:Smtp:To:1", output);
            Assert.DoesNotContain("PartnerWatch:Smtp:To:0", output);
        }
    }

    [Fact]
    public async Task ASqliteScanWithoutStoreStillScansAndWritesNoDatabase()
    {
        var (exit, stdout, _) = await ScanAsync(WriteConfig());

        Assert.NotEqual(ExitCodes.UsageOrConfig, exit);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        var site = json.RootElement.GetProperty("sites")[0];
        Assert.True(site.GetProperty("pagesScanned").GetInt32() > 0);
        Assert.Equal(0, site.GetProperty("errors").GetArrayLength());
        Assert.False(Directory.Exists(_dir.Combine("data")), "a scan without --store must not create the data directory");
    }

    /// <summary>The scan builds its container without ValidateOnBuild (it would compile every registration); this is where a broken registration is caught instead.</summary>
    [Fact]
    public async Task TheScanContainerIsValidAndResolvesWhatTheScanUses()
    {
        var loaded = ConfigurationLoader.Load(WriteConfig());
        using var logger = new LoggerConfiguration().CreateLogger();
        var services = ScanCommand.Services(loaded.Options, logger, _dir.Combine("references"));

        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.NotNull(provider.GetRequiredService<ScanRunner>());
        Assert.NotNull(provider.GetRequiredService<PartnerWatch.Compare.PartnerListSources>());
        await provider.GetRequiredService<IScanStore>().InitializeAsync(CancellationToken.None);
        // Open claims come from the store once asked for (the service re-evaluates them when partner lists change).
        var open = await provider.GetRequiredService<IOpenClaims>().ListOpenClaimsAsync(10, CancellationToken.None);
        Assert.Empty(open);
    }
}
