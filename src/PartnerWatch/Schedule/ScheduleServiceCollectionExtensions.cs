using PartnerWatch.Config;
using Quartz;

namespace PartnerWatch.Schedule;

public static class ScheduleServiceCollectionExtensions
{
    /// <summary>Quartz in memory: one job per site, plus the alert delivery retry job.</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, PartnerWatchOptions options)
    {
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = "PartnerWatch");
            q.UseInMemoryStore();
            // Scans are bounded by ScanConcurrencyLimiter; one more thread keeps alert delivery from waiting on scans.
            q.UseDefaultThreadPool(options.Fetch.MaxConcurrentSites + 1);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<ScanScheduleRegistrar>();
        services.AddSingleton<ScanSchedule>();
        return services;
    }
}
