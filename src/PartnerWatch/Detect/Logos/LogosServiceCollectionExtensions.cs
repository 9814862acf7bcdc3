using PartnerWatch.Config;

namespace PartnerWatch.Detect.Logos;

public static class LogosServiceCollectionExtensions
{
    /// <summary>
    /// The logo-matching engine: the decoder (stateless), the catalogue of reference logos (fingerprinted once, on
    /// first use) and a content-hash fingerprint cache that outlives single scans.
    /// </summary>
    public static IServiceCollection AddLogoMatching(this IServiceCollection services)
    {
        services.AddSingleton(sp => new LogoImageDecoder(sp.GetRequiredService<PartnerWatchOptions>()));
        services.AddSingleton(sp => new LogoCatalog(
            sp.GetRequiredService<PartnerWatchOptions>(), sp.GetRequiredService<LogoImageDecoder>(), sp.GetRequiredService<ILogger<LogoCatalog>>(),
            sp.GetRequiredService<ReferenceFingerprintStore>()));
        // Reference fingerprints survive restarts: <DataDirectory>/cache/logo-references (docs/logo-matching.md).
        services.AddSingleton(sp => new ReferenceFingerprintStore(
            Path.Combine(sp.GetRequiredService<PartnerWatchOptions>().Storage.DataDirectory, "cache", "logo-references"),
            sp.GetRequiredService<ILogger<ReferenceFingerprintStore>>()));
        services.AddSingleton(_ => new FingerprintCache(FingerprintCache.DefaultCapacity));
        services.AddSingleton(sp => new ImageCandidateExtractor(sp.GetRequiredService<PartnerWatchOptions>()));
        services.AddSingleton<ILogoImageMatcher, ReferenceLogoMatcher>();
        return services;
    }
}
