namespace PartnerWatch.Status;

public static class StatusServiceCollectionExtensions
{
    public static IServiceCollection AddStatus(this IServiceCollection services)
    {
        services.AddSingleton<ServiceClock>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
            o.SerializerOptions.WriteIndented = true;
        });
        return services;
    }
}
