using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PartnerWatch.Alert;
using PartnerWatch.Config;
using PartnerWatch.Domain;
using PartnerWatch.Store;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Store;

/// <summary>
/// The store and alert stages wired as the host wires them, on a real database — a SQLite file in a temp folder by
/// default, or a fresh database on a real PostgreSQL server (<see cref="StoreBackend.Postgres"/>) — and a fake clock.
/// <see cref="RestartAsync"/> builds a fresh container on the same data, as a process restart would;
/// <see cref="StartInstance"/> a second one beside it, as another service instance sharing the database would.
/// </summary>
public sealed class StoreHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _temp;
    private readonly StoreBackend _backend;
    private readonly List<ServiceProvider> _instances = [];
    private ServiceProvider _services;

    private StoreHarness(TempDirectory temp, StoreBackend backend, PartnerWatchOptions options, FakeTimeProvider clock)
    {
        _temp = temp;
        _backend = backend;
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
    public bool IsPostgres => Options.Storage.IsPostgres();

    /// <summary>Where the data is, as the store's messages name it (file path, or PostgreSQL database and host).</summary>
    internal string Location => Dialect().Location;

    internal IReadOnlyList<SchemaMigration> Migrations => Dialect().Migrations;

    public static async Task<StoreHarness> StartAsync(Action<PartnerWatchOptions>? configure = null, StoreBackend? backend = null)
    {
        backend ??= StoreBackend.Sqlite;
        var temp = new TempDirectory();
        var options = new PartnerWatchOptions
        {
            Storage = { DataDirectory = temp.Combine("data") },
            Sites = [new SiteOptions { Id = "sensenets", Name = "SenseNets", Url = "https://sensenets.example/" }],
            Brands = [new BrandOptions { Id = "microsoft", Name = "Microsoft" }, new BrandOptions { Id = "contoso", Name = "Contoso" }],
            Smtp = { From = "partnerwatch@example.org", To = ["brand-protection@example.org"] },
        };
        try
        {
            await backend.ProvisionAsync(options.Storage);
        }
        catch
        {
            temp.Dispose();
            throw;
        }

        configure?.Invoke(options);
        var harness = new StoreHarness(temp, backend, options, new FakeTimeProvider(Start));
        await harness.Store.InitializeAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>A store built outside the container on the same data, as another process would open it.</summary>
    internal RelationalScanStore NewStore() => RelationalScanStore.Create(Dialect(), new DataDirectory(DataPath), Options, Clock);

    /// <summary>Another service instance (its own container, store and dispatcher) on the same database and clock.</summary>
    public IServiceProvider StartInstance()
    {
        var instance = Build();
        _instances.Add(instance);
        return instance;
    }

    private StoreDialect Dialect() => StoreDialect.FromOptions(Options, new DataDirectory(DataPath));

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

    /// <summary>Counts rows straight from the database, independent of the store under test.</summary>
    public async Task<long> CountAsync(string sqlWhere)
    {
        await using var connection = OpenRaw();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sqlWhere;
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A connection of its own to the database under test (not pooled with the store's).</summary>
    public DbConnection OpenRaw() => IsPostgres
        ? new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(Options.Storage.ConnectionString) { Pooling = false }.ConnectionString)
        : new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath};Pooling=False");

    /// <summary>The evidence blob store the service uses on this engine (folder on SQLite, table on PostgreSQL).</summary>
    public IEvidenceBlobs Blobs => _services.GetRequiredService<IEvidenceBlobs>();

    /// <summary>How many evidence blobs are stored, counted where this engine keeps them (not through the store).</summary>
    public async Task<long> BlobCountAsync()
    {
        if (IsPostgres) return await CountAsync("SELECT COUNT(*) FROM evidence_blobs");
        var folder = Path.Combine(DataPath, "evidence", "blobs");
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;
    }

    /// <summary>Kinds of all queued alerts, in the order they were queued.</summary>
    public async Task<IReadOnlyList<string>> KindsAsync()
    {
        await using var connection = OpenRaw();
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
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await _backend.ReleaseAsync(Options.Storage);
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
