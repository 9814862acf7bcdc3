using PartnerWatch.Store;
using Quartz;

namespace PartnerWatch.Schedule;

/// <summary>Once a day: deletes evidence older than <c>Alerts:EvidenceRetention</c> and blobs no manifest needs any more.</summary>
[DisallowConcurrentExecution]
public sealed class EvidenceRetentionJob(IScanStore store, IHostApplicationLifetime lifetime, ILogger<EvidenceRetentionJob> logger) : IJob
{
    public static readonly JobKey Key = new("evidence-retention", "alerts");

    /// <summary>Adds the job to <paramref name="scheduler"/>: first run an hour after start, then daily.</summary>
    public static async Task ScheduleAsync(IScheduler scheduler, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var job = JobBuilder.Create<EvidenceRetentionJob>().WithIdentity(Key).Build();
        var trigger = TriggerBuilder.Create()
            .ForJob(Key)
            .StartAt(now.AddHours(1))
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromDays(1)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount))
            .Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await BackgroundRun.RunAsync(cancellationToken, lifetime, logger, "Evidence retention run failed", token => store.PruneEvidenceAsync(token));
}
