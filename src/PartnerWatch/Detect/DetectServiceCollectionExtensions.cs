namespace PartnerWatch.Detect;
public static class DetectServiceCollectionExtensions
{
    public static IServiceCollection AddDetection(this IServiceCollection services) => services.AddSingleton<ClaimDetector>();
}
