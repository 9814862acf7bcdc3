using Microsoft.Extensions.DependencyInjection;

namespace PartnerWatch.Detect;

public static class DetectionServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ClaimDetector"/> (singleton: brand matchers are compiled once). The image stage plugs in by
    /// registering one or more <see cref="ILogoImageMatcher"/> singletons; without any, only text cues are used.
    /// </summary>
    public static IServiceCollection AddDetection(this IServiceCollection services)
    {
        services.AddSingleton<ClaimDetector>();
        return services;
    }
}
