using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PartnerWatch.Fetch.Browser;

public static class BrowserServiceCollectionExtensions
{
    /// <summary>
    /// Registers the headless-Chromium <see cref="IPageRenderer"/> (one per process; it owns the guarded proxy).
    /// Called by <c>AddFetching()</c>; expects the <see cref="GuardedConnector"/> it registers.
    /// </summary>
    public static IServiceCollection AddBrowserRendering(this IServiceCollection services)
    {
        services.TryAddSingleton<ChromiumRenderer>();
        services.TryAddSingleton<IPageRenderer>(sp => sp.GetRequiredService<ChromiumRenderer>());
        // Screenshot evidence on one pooled browser (DevTools protocol), replaced when it crashes or hangs.
        services.TryAddSingleton(sp => new BrowserPool(sp.GetRequiredService<PartnerWatch.Config.PartnerWatchOptions>(),
            sp.GetRequiredService<GuardedConnector>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<BrowserPool>>()));
        services.TryAddSingleton(sp => new ClaimScreenshots(sp.GetRequiredService<BrowserPool>(), sp.GetRequiredService<PartnerWatch.Config.PartnerWatchOptions>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ClaimScreenshots>>()));
        return services;
    }
}
