namespace PartnerWatch.Api;

public static class ClaimsApiServiceCollectionExtensions
{
    /// <summary>Services of the claims API (<see cref="ClaimsApiEndpoints.MapClaimsApi"/>). Needs the store and the scheduler.</summary>
    public static IServiceCollection AddClaimsApi(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyFilter>();
        return services;
    }
}
