using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using PartnerWatch.Config;

namespace PartnerWatch.Store;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DataDirectory"/> and the <see cref="IScanStore"/> on the engine <c>Storage:Provider</c> names
    /// (SQLite file by default, or PostgreSQL), and migrates the schema when the host starts (register this before the
    /// scheduler so no scan runs against an unmigrated database). Evidence bytes: the data directory on SQLite, the
    /// database on PostgreSQL (<see cref="IEvidenceBlobs"/>).
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => DataDirectory.FromOptions(sp.GetRequiredService<PartnerWatchOptions>()));
        services.TryAddSingleton(sp => StoreDialect.FromOptions(sp.GetRequiredService<PartnerWatchOptions>(), sp.GetRequiredService<DataDirectory>()));
        services.TryAddSingleton<StoreSchema>();
        // Evidence bytes go where every node sharing the database reaches them: the database itself on PostgreSQL.
        services.TryAddSingleton<IEvidenceBlobs>(sp => sp.GetRequiredService<PartnerWatchOptions>().Storage.IsPostgres()
            ? new PostgresEvidenceBlobs(sp.GetRequiredService<StoreDialect>(), sp.GetRequiredService<StoreSchema>(), sp.GetRequiredService<TimeProvider>())
            : new LocalEvidenceBlobs(sp.GetRequiredService<DataDirectory>()));
        services.TryAddSingleton<RelationalScanStore>();
        services.TryAddSingleton<IScanStore>(sp => sp.GetRequiredService<RelationalScanStore>());
        // Deferred: PartnerListSources needs it only when the partner lists change, and a one-shot scan without --store
        // never gets there; opening the store on construction would load the database driver into every scan.
        services.TryAddSingleton<Domain.IOpenClaims>(sp => new DeferredOpenClaims(sp));
        services.AddHostedService<StoreInitializer>();
        return services;
    }
}

/// <summary>The store's open claims, resolved on the first call rather than when a consumer is built.</summary>
internal sealed class DeferredOpenClaims(IServiceProvider services) : Domain.IOpenClaims
{
    private Domain.IOpenClaims Store => services.GetRequiredService<RelationalScanStore>();

    public Task<IReadOnlyList<Domain.OpenClaimRef>> ListOpenClaimsAsync(int max, CancellationToken cancellationToken) =>
        Store.ListOpenClaimsAsync(max, cancellationToken);

    public Task<int> CloseClaimsAsConfirmedAsync(IReadOnlyCollection<long> claimIds, CancellationToken cancellationToken) =>
        Store.CloseClaimsAsConfirmedAsync(claimIds, cancellationToken);
}

/// <summary>Runs the migrations at start so a too-new or unreadable database stops the service with a clear error.</summary>
internal sealed class StoreInitializer(IScanStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
