namespace PartnerWatch.Alert;
public static class AlertServiceCollectionExtensions
{
    public static IServiceCollection AddAlerting(this IServiceCollection services) => services.AddSingleton<AlertDispatcher>();
}
