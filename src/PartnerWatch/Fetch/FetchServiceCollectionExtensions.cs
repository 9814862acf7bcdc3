namespace PartnerWatch.Fetch;
public static class FetchServiceCollectionExtensions
{
    public static IServiceCollection AddFetching(this IServiceCollection services) => services.AddSingleton<SiteCrawler>();
}
