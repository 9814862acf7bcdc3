namespace PartnerWatch.Config;

public static class ConfigReloadServiceCollectionExtensions
{
    /// <summary>
    /// The configuration in effect (<see cref="LiveConfiguration"/>, starting as <paramref name="loaded"/>) and the
    /// reloader that follows the configuration file while the service runs.
    /// </summary>
    public static IServiceCollection AddConfigurationReload(this IServiceCollection services, LoadedConfiguration loaded)
    {
        services.AddSingleton(sp => new LiveConfiguration(loaded, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ConfigurationReloader>();
        services.AddHostedService(sp => sp.GetRequiredService<ConfigurationReloader>());
        return services;
    }
}
