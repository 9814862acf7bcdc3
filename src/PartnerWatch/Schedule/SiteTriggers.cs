using System.Security.Cryptography;
using System.Text;
using PartnerWatch.Config;
using Quartz;

namespace PartnerWatch.Schedule;

/// <summary>
/// The Quartz triggers of one site, and the rules they follow so that no firing is ever dropped (issue 11):
/// <list type="bullet">
/// <item>A firing that finds every worker busy stays in the job store, due, and is taken in due-time order as soon
/// as a worker frees up. It only counts as misfired once it is a whole period late (each trigger carries its site's
/// period as its own misfire threshold), and a misfire then fires it <em>now</em> (simple: <c>NowWithExistingCount</c>,
/// cron: <c>FireAndProceed</c>, one-shots: <c>FireNow</c>) instead of skipping to the next slot, which is what the
/// smart policy did with the in-memory store's 5 s threshold: the firing was lost, every interval, for every site
/// behind the first few.</item>
/// <item>Why a whole period and not less: a firing later than the threshold is restamped to "now" and loses its place
/// in the queue to firings that fell due after it; up to one period late it keeps its place (first due, first
/// scanned) and its schedule (the next firing is one period after the one it was due at, so no catch-up burst).</item>
/// <item>Jitter spreads every firing, not just the first: each site has a fixed offset in [0, <c>Schedule:Jitter</c>)
/// derived from its id. An interval trigger starts at its offset, so every later firing keeps it; a cron trigger
/// fires at the cron time and the job moves the scan itself to a one-shot trigger at cron time + offset.</item>
/// </list>
/// Misfire instructions, per-trigger thresholds and one-shot triggers are all kept by Quartz's persistent (ADO.NET)
/// store too, so the same rules hold on a cluster.
/// </summary>
public static class SiteTriggers
{
    /// <summary>
    /// Trigger data key of the schedule a site's main trigger was built from (<see cref="Signature"/>). Kept in the
    /// job store with the trigger (the ADO.NET store persists trigger data), so any node can tell whether the
    /// configuration still asks for the trigger it finds, without rebuilding and comparing fire times.
    /// </summary>
    public const string ScheduleKey = "schedule";

    /// <summary>
    /// What a site's main trigger depends on, as one string: the cron expression, or the interval and the site's jitter
    /// offset (the offset places every firing of an interval trigger; a cron trigger fires at the cron time and the job
    /// applies the offset itself, so a new <c>Schedule:Jitter</c> needs no new cron trigger). Equal strings mean the stored
    /// trigger is still the right one and is left alone, keeping its next fire time.
    /// </summary>
    public static string Signature(SiteOptions site, ScheduleOptions schedule) =>
        site.Cron is { } cron
            ? $"cron {cron.Trim()}"
            : FormattableString.Invariant($"every {(site.Interval ?? schedule.Interval):c} offset {Offset(site.Id, schedule.Jitter):c}");

    public static TriggerKey MainKey(string siteId) => new(siteId, SiteScanJob.Group);

    /// <summary>The one extra run of a cron site at start-up (<c>Schedule:RunOnStart</c>).</summary>
    public static TriggerKey StartKey(string siteId) => new(siteId + ":start", SiteScanJob.Group);

    /// <summary>A cron site's scan, moved from the cron time by the site's jitter offset.</summary>
    public static TriggerKey JitteredKey(string siteId) => new(siteId + ":jitter", SiteScanJob.Group);

    public static IEnumerable<TriggerKey> KeysOf(string siteId) => [MainKey(siteId), StartKey(siteId), JitteredKey(siteId)];

    /// <summary>
    /// The site's fixed place in the jitter window: a hash of its id scaled into [0, <paramref name="jitter"/>).
    /// Deterministic, so it is the same after a restart and on every node of a cluster, and sites spread evenly.
    /// </summary>
    public static TimeSpan Offset(string siteId, TimeSpan jitter)
    {
        if (jitter <= TimeSpan.Zero) return TimeSpan.Zero;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(siteId.ToLowerInvariant()));
        var fraction = BitConverter.ToUInt64(hash, 0) / (ulong.MaxValue + 1.0);
        return TimeSpan.FromMilliseconds(Math.Floor(fraction * jitter.TotalMilliseconds));
    }

    /// <summary>Every <paramref name="interval"/> from <paramref name="first"/> (which already includes the site's offset).</summary>
    public static ITrigger Interval(string siteId, TimeSpan interval, DateTimeOffset first, string? signature = null) =>
        TriggerBuilder.Create()
            .ForJob(SiteScanJob.KeyFor(siteId))
            .WithIdentity(MainKey(siteId))
            .UsingJobData(ScheduleKey, signature ?? "")
            .StartAt(first)
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount))
            .WithMisfireThreshold(Threshold(interval))
            .Build();

    /// <summary>At the times of <paramref name="cron"/> (UTC); <paramref name="period"/> is its shortest gap.</summary>
    public static ITrigger Cron(string siteId, string cron, TimeSpan period, DateTimeOffset start, string? signature = null) =>
        TriggerBuilder.Create()
            .ForJob(SiteScanJob.KeyFor(siteId))
            .WithIdentity(MainKey(siteId))
            .UsingJobData(ScheduleKey, signature ?? "")
            .StartAt(start)
            .WithCronSchedule(cron, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .WithMisfireThreshold(Threshold(period))
            .Build();

    /// <summary>One firing at <paramref name="at"/>; however late it gets, it fires (a one-shot has no next slot to skip to).</summary>
    public static ITrigger Once(TriggerKey key, string siteId, DateTimeOffset at) =>
        TriggerBuilder.Create()
            .ForJob(SiteScanJob.KeyFor(siteId))
            .WithIdentity(key)
            .StartAt(at)
            .WithSimpleSchedule(s => s.WithRepeatCount(0).WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();

    /// <summary>When the scan a trigger's next firing stands for is due: a cron trigger's scan comes one offset after it.</summary>
    public static DateTimeOffset? ScanTimeOf(ITrigger trigger, TimeSpan offset) =>
        trigger.NextFireTimeUtc is { } next && trigger is ICronTrigger ? next + offset : trigger.NextFireTimeUtc;

    // Quartz wants a positive whole number of milliseconds.
    private static TimeSpan Threshold(TimeSpan period) => TimeSpan.FromMilliseconds(Math.Max(1000, Math.Round(period.TotalMilliseconds)));
}
