using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using PartnerWatch.Alert;
using PartnerWatch.Compare;
using PartnerWatch.Config;
using PartnerWatch.Fetch;
using PartnerWatch.Domain;
using PartnerWatch.Store;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Compare;

/// <summary>Partner lists from files and URLs (a real loopback server), merged with the inline lists, re-evaluating claims.</summary>
public sealed class PartnerListSourcesTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDirectory _temp = new();

    private static readonly SiteOptions Sensenets = new() { Id = "sensenets", Name = "SenseNets", Url = "https://www.sensenets.example/" };
    private static readonly SiteOptions Contoso = new() { Id = "contoso", Name = "Contoso", Url = "https://contoso.example/" };

    [Fact]
    public async Task FileSourcesInCsvAndJsonAreMergedWithTheInlineList()
    {
        File.WriteAllText(_temp.Combine("microsoft.csv"), "# partners confirmed by Microsoft\nsensenets.example, SenseNets Ltd\n\n\"fabrikam.com\"\n");
        File.WriteAllText(_temp.Combine("google.json"), """["Contoso", "northwind.example"]""");
        await using var services = Build(o =>
        {
            o.ConfirmedPartners["microsoft"] = ["litware"];
            o.ConfirmedPartnerSources =
            [
                new ConfirmedPartnerSourceOptions { Brand = "microsoft", File = "microsoft.csv" },
                new ConfirmedPartnerSourceOptions { Brand = "google", File = "google.json" },
            ];
        });
        var comparer = services.GetRequiredService<PartnerListComparer>();
        Assert.Equal(ClaimStatus.Unverified, comparer.StatusOf("microsoft", Sensenets)); // nothing loaded yet

        await services.GetRequiredService<PartnerListSources>().RefreshAllAsync(None);

        Assert.Equal(ClaimStatus.Confirmed, comparer.StatusOf("microsoft", Sensenets));           // subdomain of a CSV entry
        Assert.Equal(ClaimStatus.Confirmed, comparer.StatusOf("microsoft", new SiteOptions { Id = "litware", Url = "https://l.example/" })); // inline kept
        Assert.Equal(ClaimStatus.Confirmed, comparer.StatusOf("google", Contoso));                // JSON entry, by site id
        Assert.Equal(ClaimStatus.Unverified, comparer.StatusOf("google", Sensenets));
        Assert.Equal(["fabrikam.com", "litware", "sensenets.example"], services.GetRequiredService<ConfirmedPartnerLists>().Current.EntriesOf("microsoft"));
    }

    [Fact]
    public async Task UrlSourceIsFetchedFromTheServerAndAChangedListReplacesTheOldOne()
    {
        var body = """["sensenets"]""";
        await using var server = await LoopbackHttpServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        });
        await using var services = Build(o =>
            o.ConfirmedPartnerSources = [new ConfirmedPartnerSourceOptions { Brand = "microsoft", Url = server.Url("/lists/microsoft.json").AbsoluteUri }]);
        var sources = services.GetRequiredService<PartnerListSources>();
        var comparer = services.GetRequiredService<PartnerListComparer>();

        Assert.True(await sources.RefreshAsync(0, None));
        Assert.Equal(ClaimStatus.Confirmed, comparer.StatusOf("microsoft", Sensenets));

        body = """["contoso"]""";
        Assert.True(await sources.RefreshAsync(0, None));
        Assert.Equal(ClaimStatus.Unverified, comparer.StatusOf("microsoft", Sensenets));
        Assert.Equal(ClaimStatus.Confirmed, comparer.StatusOf("microsoft", Contoso));
        Assert.Equal(["/lists/microsoft.json", "/lists/microsoft.json"], server.Requests);
    }

    [Fact]
    public async Task UnreadableSourceKeepsTheLastGoodList()
    {
        var status = 200;
        await using var server = await LoopbackHttpServer.StartAsync(async context =>
        {
            context.Response.StatusCode = status;
            await context.Response.WriteAsync(status == 200 ? "sensenets\n" : "gone");
        });
        await using var services = Build(o =>
            o.ConfirmedPartnerSources = [new ConfirmedPartnerSourceOptions { Brand = "microsoft", Url = server.Url("/list.csv").AbsoluteUri }]);
        var sources = services.GetRequiredService<PartnerListSources>();
        Assert.True(await sources.RefreshAsync(0, None));

        status = 404;
        Assert.False(await sources.RefreshAsync(0, None));

        Assert.Equal(ClaimStatus.Confirmed, services.GetRequiredService<PartnerListComparer>().StatusOf("microsoft", Sensenets));
    }

    [Fact]
    public async Task UrlSourceOnAPrivateAddressIsRefusedWithoutTheFetchFlag()
    {
        await using var server = await LoopbackHttpServer.StartAsync(context => context.Response.WriteAsync("sensenets\n"));
        await using var services = Build(o =>
        {
            o.Fetch.AllowPrivateNetworks = false;
            o.ConfirmedPartnerSources = [new ConfirmedPartnerSourceOptions { Brand = "microsoft", Url = server.Url("/list.csv").AbsoluteUri }];
        });

        Assert.False(await services.GetRequiredService<PartnerListSources>().RefreshAsync(0, None));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task ListChangeClosesAnOpenClaimAsConfirmedAndTellsWhoWasAlerted()
    {
        var list = _temp.Combine("microsoft.csv");
        File.WriteAllText(list, "fabrikam.com\n");
        await using var services = Build(o =>
            o.ConfirmedPartnerSources = [new ConfirmedPartnerSourceOptions { Brand = "microsoft", File = "microsoft.csv" }]);
        var sources = services.GetRequiredService<PartnerListSources>();
        var store = services.GetRequiredService<IScanStore>();
        await store.InitializeAsync(None);
        await sources.RefreshAllAsync(None);
        await store.RecordScanAsync(Scan("sensenets", "microsoft", "contoso"), None);
        var before = await store.ListClaimsAsync(ClaimLifecycle.Open, 10, None);
        Assert.Equal(2, before.Count);

        File.WriteAllText(list, "fabrikam.com\nsensenets\n");
        await sources.RefreshAsync(0, None);

        var claims = await store.ListClaimsAsync(null, 10, None);
        Assert.Equal(ClaimLifecycle.Confirmed, claims.Single(c => c.BrandId == "microsoft").Status);
        Assert.Equal(ClaimLifecycle.Open, claims.Single(c => c.BrandId == "contoso").Status);
        var pending = await store.GetPendingAlertsAsync(10, None);
        var notice = Assert.Single(pending, a => a.Kind == AlertKind.Confirmed);
        Assert.Equal("microsoft", notice.BrandId);

        // Refreshing the unchanged list again queues nothing more.
        await sources.RefreshAllAsync(None);
        Assert.Equal(pending.Count, (await store.GetPendingAlertsAsync(10, None)).Count);
    }

    [Theory]
    [InlineData("""{ "Brand": "microsoft", "File": "missing.csv" }""", "PartnerWatch:ConfirmedPartnerSources:0:File", "file not found")]
    [InlineData("""{ "Brand": "nobody", "File": "ok.csv" }""", "PartnerWatch:ConfirmedPartnerSources:0:Brand", "no brand has the id")]
    [InlineData("""{ "Brand": "microsoft" }""", "PartnerWatch:ConfirmedPartnerSources:0", "exactly one of File or Url")]
    [InlineData("""{ "Brand": "microsoft", "File": "ok.csv", "Url": "https://x.example/" }""", "PartnerWatch:ConfirmedPartnerSources:0", "exactly one of File or Url")]
    [InlineData("""{ "Brand": "microsoft", "Url": "ftp://x.example/list" }""", "PartnerWatch:ConfirmedPartnerSources:0:Url", "not an absolute http(s) URL")]
    [InlineData("""{ "Brand": "microsoft", "File": "bad.json" }""", "PartnerWatch:ConfirmedPartnerSources:0:File", "element 1 is not a string")]
    [InlineData("""{ "Brand": "microsoft", "File": "bad.csv" }""", "PartnerWatch:ConfirmedPartnerSources:0:File", "line 2: \"not a domain\"")]
    [InlineData("""{ "Brand": "microsoft", "File": "ok.csv", "Refresh": "00:00:10" }""", "PartnerWatch:ConfirmedPartnerSources:0:Refresh", "at least 00:01:00")]
    public void InvalidSourcesAreReportedWithTheirKeyPath(string source, string path, string message)
    {
        File.WriteAllText(_temp.Combine("ok.csv"), "contoso\n");
        File.WriteAllText(_temp.Combine("bad.json"), """["contoso", 42]""");
        File.WriteAllText(_temp.Combine("bad.csv"), "contoso\nnot a domain\n");
        var config = _temp.Combine("partnerwatch.json");
        File.WriteAllText(config, $$"""
            { "PartnerWatch": {
                "Brands": [ { "Id": "microsoft", "Name": "Microsoft" } ],
                "ConfirmedPartnerSources": [ {{source}} ] } }
            """);

        var problems = ConfigurationLoader.Load(config).Problems;

        Assert.Contains(problems, p => p.Path == path && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void ValidSourcesBindWithTheDefaultRefresh()
    {
        File.WriteAllText(_temp.Combine("ok.csv"), "contoso\n");
        var config = _temp.Combine("partnerwatch.json");
        File.WriteAllText(config, """
            { "PartnerWatch": {
                "Brands": [ { "Id": "microsoft", "Name": "Microsoft" } ],
                "ConfirmedPartnerSources": [ { "Brand": "microsoft", "File": "ok.csv" }, { "Brand": "microsoft", "Url": "https://lists.example/ms.json", "Refresh": "01:00:00" } ] } }
            """);

        var loaded = ConfigurationLoader.Load(config);

        Assert.DoesNotContain(loaded.Problems, p => p.Path.Contains("ConfirmedPartnerSources", StringComparison.Ordinal));
        Assert.Equal(TimeSpan.FromHours(6), loaded.Options.ConfirmedPartnerSources[0].Refresh);
        Assert.Equal(TimeSpan.FromHours(1), loaded.Options.ConfirmedPartnerSources[1].Refresh);
    }

    [Fact]
    public void ListFormatRejectsEntriesThatAreNotIdsOrDomains()
    {
        Assert.Equal(["a.example", "b"], PartnerListFormat.Parse(Encoding.UTF8.GetBytes("\uFEFFA.example.\r\nb,extra\r\n# comment\r\nb\r\n")));
        Assert.Throws<FormatException>(() => PartnerListFormat.Parse(Encoding.UTF8.GetBytes("<html>")));
        Assert.Throws<FormatException>(() => PartnerListFormat.Parse(Encoding.UTF8.GetBytes("[\"x\"")));
        Assert.Throws<FormatException>(() => PartnerListFormat.Parse([0xFF, 0xFE, 0x00]));
    }

    private static SiteScanResult Scan(string site, params string[] brands) =>
        new(site, Sensenets.Url, 3, [], brands.Select(b => new Claim(b, ClaimStatus.Unverified, 0.9,
            [new Evidence(EvidenceKind.Text, Sensenets.Url + "partners", "names the brand")])).ToList())
        {
            StartedAt = DateTimeOffset.UtcNow,
            FinishedAt = DateTimeOffset.UtcNow,
        };

    private ServiceProvider Build(Action<PartnerWatchOptions> configure)
    {
        var options = new PartnerWatchOptions
        {
            BaseDirectory = _temp.Path,
            Storage = { DataDirectory = _temp.Combine("data") },
            Brands = [new BrandOptions { Id = "microsoft", Name = "Microsoft" }, new BrandOptions { Id = "contoso", Name = "Contoso" }, new BrandOptions { Id = "google", Name = "Google" }],
            Sites = [Sensenets, Contoso],
            Fetch = { AllowPrivateNetworks = true, MaxRetries = 0 },
        };
        configure(options);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(options);
        services.AddSingleton<IOptions<PartnerWatchOptions>>(Options.Create(options));
        services.AddSingleton(TimeProvider.System);
        services.AddFetching();
        services.PostConfigureAll<HttpStandardResilienceOptions>(o => o.Retry.Delay = TimeSpan.FromMilliseconds(5));
        services.AddComparison();
        services.AddStorage();
        services.AddAlerting();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }
}
