namespace PartnerWatch.Compare;

public static class CompareServiceCollectionExtensions
{
    public static IServiceCollection AddComparison(this IServiceCollection services) =>
        services.AddSingleton<PartnerListComparer>();
}
