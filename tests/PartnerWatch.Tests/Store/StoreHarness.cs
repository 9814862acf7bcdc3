using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartnerWatch.Alert;
using PartnerWatch.Config;
using PartnerWatch.Scan;
using PartnerWatch.Store;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Store;

/// <summary>
/// The store and alert stages wired as the host wires them, on a real SQLite file in a temp folder and a fake clock.
/// <see cref="RestartAsync"/> builds a fresh container on the same folder, as a process restart would.
/// </summary>
public sealed class StoreHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _temp;
    private ServiceProvider _services;

    private StoreHarness(TempDirectory temp, PartnerWatchOptions options, FakeTimeProvider clock)
    {
        _temp = temp;
        Options = options;
        Clock = clock;
        _services = Build();
    }

    public PartnerWatchOptions Options { get; }
    public FakeTimeProvider Clock { get; }
    public string DataPath => Options.Storage.DataDirectory;
    public IScanStore Store => _services.GetRequiredService<IScanStore>();
    public AlertDispatcher Dispatcher => _services.GetRequiredService<AlertDispatcher>();
    public IServiceProvider Services => _services;
    public string DatabasePath => Path.Combine(DataPath, DataDirectory.DatabaseFileName);
    public string OutboxPath => Path.Combine(DataPath, "outbox");

    public static async Task<StoreHarness> StartAsync(Action<PartnerWatchOptions>? configure = null)
    {
        var temp = new TempDirectory();
        var options = new PartnerWatchOptions
        {
            Storage = { DataDirectory = temp.Combine("data") },
            Sites = [new SiteOptions { Id = "sensenets", Name = "SenseNets", Url = "https://sensenets.example/" }],
            Brands = [new BrandOptions { Id = "microsoft", Name = "Microsoft" }, new BrandOptions { Id = "contoso", Name = "Contoso" }],
            Smtp = { From = "partnerwatch@example.org", To = ["brand-protection@example.org"] },
        };
        configure?.Invoke(options);
        var harness = new StoreHarness(temp, options, new FakeTimeProvider(Start));
        await harness.Store.InitializeAsync(CancellationToken.None);
        return harness;
    }

    public async Task RestartAsync()
    {
        await _services.DisposeAsync();
        _services = Build();
        await Store.InitializeAsync(CancellationToken.None);
    }

    /// <summary>Records a scan of <paramref name="site"/> at the current fake time, then advances the clock a minute.</summary>
    public async Task<RecordedScan> RecordAsync(string site, bool failed, params Claim[] claims)
    {
        var result = new SiteScanResult(site, $"https://{site}.example/", failed ? 0 : 3,
            failed ? [new ScanError($"https://{site}.example/", "HTTP 503 after 3 attempts")] : [], claims)
        {
            StartedAt = Clock.GetUtcNow(),
            FinishedAt = Clock.GetUtcNow().AddSeconds(5),
        };
        var recorded = await Store.RecordScanAsync(result, CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(1));
        return recorded;
    }

    public static Claim Unverified(string brand, string pageUrl = "https://sensenets.example/partners") =>
        new(brand, ClaimStatus.Unverified, 0.97,
            [new Evidence(EvidenceKind.LogoImage, pageUrl, "matches logos/microsoft.svg, distance 4/64", ImageUrl: "https://sensenets.example/img/p3.png")]);

    public static Claim Confirmed(string brand) =>
        new(brand, ClaimStatus.Confirmed, 0.9, [new Evidence(EvidenceKind.Text, "https://sensenets.example/", "names the brand")]);

    /// <summary>Counts rows straight from the file, independent of the store under test.</summary>
    public async Task<long> CountAsync(string sqlWhere)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sqlWhere;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Kinds of all queued alerts, in the order they were queued.</summary>
    public async Task<IReadOnlyList<string>> KindsAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind FROM alerts ORDER BY id";
        var kinds = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) kinds.Add(reader.GetString(0));
        return kinds;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Options);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(Options));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddStorage();
        services.AddAlerting();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
