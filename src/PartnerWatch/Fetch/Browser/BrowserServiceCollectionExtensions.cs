using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PartnerWatch.Fetch.Browser;

public static class BrowserServiceCollectionExtensions
{
    /// <summary>
    /// Registers the pooled headless Chromium (one browser per process, behind the guarded proxy) and what uses it: the
    /// <see cref="IPageRenderer"/> of script-built pages and the claim screenshots.
    /// Called by <c>AddFetching()</c>; expects the <see cref="GuardedConnector"/> it registers.
    /// </summary>
    public static IServiceCollection AddBrowserRendering(this IServiceCollection services)
    {
        services.TryAddSingleton<ChromiumRenderer>();
        services.TryAddSingleton<IPageRenderer>(sp => sp.GetRequiredService<ChromiumRenderer>());
        // DOM rendering and screenshot evidence share one pooled browser (DevTools protocol), replaced when it crashes or hangs.
        services.TryAddSingleton(sp => new BrowserPool(sp.GetRequiredService<PartnerWatch.Config.PartnerWatchOptions>(),
            sp.GetRequiredService<GuardedConnector>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<BrowserPool>>()));
        services.TryAddSingleton(sp => new ClaimScreenshots(sp.GetRequiredService<BrowserPool>(), sp.GetRequiredService<PartnerWatch.Config.PartnerWatchOptions>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ClaimScreenshots>>(),
            // The service registers the stored screenshots (Console), so unchanged claim pages are not shot again.
            sp.GetService<IScreenshotHistory>()));
        return services;
    }
}
