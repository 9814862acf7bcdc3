using PartnerWatch.Config;

namespace PartnerWatch.Compare;

public static class CompareServiceCollectionExtensions
{
    /// <summary>
    /// Registers the confirmed partner lists (inline + sources), the <see cref="PartnerListComparer"/> that reads them and
    /// <see cref="PartnerListSources"/> that refreshes them (needs <c>AddFetching()</c> for URL sources and <c>AddStorage()</c>).
    /// </summary>
    public static IServiceCollection AddComparison(this IServiceCollection services)
    {
        services.AddSingleton(sp => new ConfirmedPartnerLists(sp.GetRequiredService<PartnerWatchOptions>()));
        services.AddSingleton(sp => new PartnerListComparer(sp.GetRequiredService<ConfirmedPartnerLists>()));
        services.AddSingleton<PartnerListSources>();
        return services;
    }
}
