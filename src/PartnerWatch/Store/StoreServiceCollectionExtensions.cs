namespace PartnerWatch.Store;
public static class StoreServiceCollectionExtensions
{
    public static IServiceCollection AddStorage(this IServiceCollection services) => services;
}
