using PartnerWatch.Config;
using Quartz;

namespace PartnerWatch.Schedule;

public static class ScheduleServiceCollectionExtensions
{
    /// <summary>
    /// The job store's own misfire threshold, for the triggers that do not carry one (alert delivery, partner lists,
    /// retention): Quartz's database default. Site triggers carry their period instead (<see cref="SiteTriggers"/>).
    /// </summary>
    public static readonly TimeSpan StoreMisfireThreshold = TimeSpan.FromMinutes(1);

    /// <summary>Quartz in memory: one job per site, plus the alert delivery retry job.</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, PartnerWatchOptions options)
    {
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = "PartnerWatch");
            q.UseInMemoryStore(s => s.MisfireThreshold = StoreMisfireThreshold);
            // Workers = scan slots + 1. ScanConcurrencyLimiter alone bounds how many scans run (Fetch:MaxConcurrentSites);
            // the pool only bounds how many firings this process takes out of the job store. One more than the slots, so
            // the next due scan is already waiting at the limiter when a slot frees and a housekeeping job (alert
            // delivery) finds a worker between scans. Everything else that is due stays in the job store, in due-time
            // order, and is never dropped (see SiteTriggers). A small pool is deliberate: on a cluster a node must only
            // take the firings it can start soon, and leave the rest to nodes with free slots.
            q.UseDefaultThreadPool(options.Fetch.MaxConcurrentSites + 1);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<ScanScheduleRegistrar>();
        services.AddHostedService<ScanBacklogMonitor>();
        services.AddSingleton<DueScans>();
        services.AddSingleton<ScanSchedule>();
        return services;
    }
}
