using PartnerWatch.Config;
using PartnerWatch.Schedule.Cluster;
using Quartz;

namespace PartnerWatch.Schedule;

public static class ScheduleServiceCollectionExtensions
{
    /// <summary>
    /// The job store's own misfire threshold, for the triggers that do not carry one (alert delivery, partner lists,
    /// retention): Quartz's database default. Site triggers carry their period instead (<see cref="SiteTriggers"/>).
    /// </summary>
    public static readonly TimeSpan StoreMisfireThreshold = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Quartz: one job per site, plus the alert delivery retry job. With SQLite in memory, one node; with PostgreSQL the
    /// clustered ADO.NET store on the same database, so N nodes share one schedule and each firing runs on one of them
    /// (docs/cluster.md).
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, PartnerWatchOptions options)
    {
        var node = NodeIdentity.Create(options.Cluster, TimeProvider.System);
        services.AddSingleton(node);
        if (options.Storage.IsPostgres())
        {
            // Before Quartz's hosted service: the qrtz_ tables must exist when the scheduler is built and validates them.
            services.AddHostedService<ClusterMembership>();
        }
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "PartnerWatch";
                // Also on the in-memory store: the id names the node on every scan it records (scanned_by).
                s.InstanceId = node.Id;
                // On a cluster a node is not told when another node frees a trigger (a [DisallowConcurrentExecution]
                // scan ending elsewhere) or stores a new firing: it only looks again after its idle wait. Quartz's
                // default 30 s let whole firings slip to the next one; 2 s costs one small query per idle node.
                if (options.Storage.IsPostgres())
                    s.IdleWaitTime = ClusterIdleWaitTime;
            });
            if (options.Storage.IsPostgres())
                q.UsePersistentStore(store => ConfigureClusteredStore(store, options));
            else
                q.UseInMemoryStore(s => s.MisfireThreshold = StoreMisfireThreshold);
            // Workers = scan slots + 1. ScanConcurrencyLimiter alone bounds how many scans run (Fetch:MaxConcurrentSites);
            // the pool only bounds how many firings this process takes out of the job store. One more than the slots, so
            // the next due scan is already waiting at the limiter when a slot frees and a housekeeping job (alert
            // delivery) finds a worker between scans. Everything else that is due stays in the job store, in due-time
            // order, and is never dropped (see SiteTriggers). A small pool is deliberate: on a cluster a node only takes
            // the firings it can start soon (Quartz acquires at most one batch of pool size), and leaves the rest to
            // nodes with free slots.
            q.UseDefaultThreadPool(options.Fetch.MaxConcurrentSites + 1);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<ScanScheduleRegistrar>();
        services.AddHostedService<ScanBacklogMonitor>();
        services.AddSingleton<DueScans>();
        services.AddSingleton<ScanSchedule>();
        services.AddSingleton<ClusterView>();
        return services;
    }

    /// <summary>How often an idle cluster node looks at the job store for firings it was not told about.</summary>
    internal static readonly TimeSpan ClusterIdleWaitTime = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Quartz's ADO.NET store on the PartnerWatch database, clustered: every node checks in every
    /// <c>Cluster:CheckinInterval</c>; a node silent for that interval plus the same again is declared dead by the next
    /// node that checks in, which releases the triggers it held and re-runs its interrupted scans (the scan job
    /// requests recovery). Job data is stored as JSON (System.Text.Json), the schema is created by
    /// <see cref="ClusterMembership"/> under an advisory lock and only validated here.
    /// </summary>
    private static void ConfigureClusteredStore(IPersistentStoreBuilder store, PartnerWatchOptions options)
    {
        store.UsePostgres(ClusterMembership.ConnectionFor(options));
        store.UseSystemTextJsonSerializer();
        store.UseClustering(c =>
        {
            c.CheckinInterval = options.Cluster.CheckinInterval;
            c.CheckinMisfireThreshold = options.Cluster.CheckinInterval;
        });
        store.ConfigureStore(s =>
        {
            s.TablePrefix = QuartzClusterSchema.TablePrefix;
            s.MisfireThreshold = StoreMisfireThreshold;
            s.SchemaProvisioning = SchemaProvisioning.Validate;
        });
    }
}
