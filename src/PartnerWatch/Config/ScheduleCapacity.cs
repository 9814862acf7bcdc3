using Quartz;

namespace PartnerWatch.Config;

/// <summary>
/// Whether the configured schedule can be served at all: the scans the sites ask for per unit of time against the
/// <c>Fetch:MaxConcurrentSites</c> that can run at once. <c>validate</c> prints the warning; the service logs a live
/// version of it with measured scan times (<c>ScanBacklogMonitor</c>).
/// </summary>
public static class ScheduleCapacity
{
    /// <summary>
    /// What <c>validate</c> assumes one scan takes, before any was measured: an ordinary site with a partners page and
    /// a few logos, answering in about 2.5 s a response, took about 8 s (issue 11).
    /// </summary>
    public static readonly TimeSpan AssumedScanTime = TimeSpan.FromSeconds(8);

    /// <summary>
    /// The time between two scans of <paramref name="site"/>: its interval, or for a cron schedule the shortest gap
    /// between its next firings (a weekday-only cron is judged by its weekday gaps).
    /// </summary>
    public static TimeSpan PeriodOf(SiteOptions site, ScheduleOptions schedule, DateTimeOffset now)
    {
        if (site.Cron is not { } cron) return site.Interval ?? schedule.Interval;
        if (!CronExpression.TryParse(cron, out var parsed) || parsed is null) return schedule.Interval;
        var expression = parsed.WithTimeZone(TimeZoneInfo.Utc);
        TimeSpan? shortest = null;
        var previous = expression.GetNextValidTimeAfter(now);
        for (var i = 0; i < 16 && previous is { } from; i++)
        {
            var next = expression.GetNextValidTimeAfter(from);
            if (next is null) break;
            var gap = next.Value - from;
            if (shortest is null || gap < shortest) shortest = gap;
            previous = next;
        }
        return shortest ?? schedule.Interval;
    }

    /// <summary>The shortest time between two scans of any configured site (the schedule's interval when there is none).</summary>
    public static TimeSpan ShortestPeriod(PartnerWatchOptions options, DateTimeOffset now) =>
        options.Sites.Count == 0 ? options.Schedule.Interval : options.Sites.Min(s => PeriodOf(s, options.Schedule, now));

    /// <summary>
    /// How many scans must run at once, on average, for every site to be scanned once per period when each scan
    /// takes <paramref name="scanTime"/>: the sum over sites of scan time ÷ period. More than
    /// <c>Fetch:MaxConcurrentSites</c> means the schedule cannot be served.
    /// </summary>
    public static double ScansNeededAtOnce(PartnerWatchOptions options, TimeSpan scanTime, DateTimeOffset now) =>
        options.Sites.Sum(s => scanTime / PeriodOf(s, options.Schedule, now));

    /// <summary>
    /// One warning when the configuration cannot be served even with every slot busy all the time (for one shared
    /// interval: sites × scan time ÷ concurrency &gt; interval), naming the assumption; none otherwise.
    /// </summary>
    public static string? Warning(PartnerWatchOptions options, DateTimeOffset now)
    {
        if (options.Sites.Count == 0) return null;
        var concurrency = Math.Max(1, options.Fetch.MaxConcurrentSites);
        var needed = ScansNeededAtOnce(options, AssumedScanTime, now);
        // A hair of tolerance: 150 sites × 8 s ÷ 2 is exactly 600 s, which one 10-minute interval still holds.
        if (needed <= concurrency + 1e-9) return null;

        var periods = options.Sites.Select(s => PeriodOf(s, options.Schedule, now)).Distinct().ToList();
        var assumption = $"assuming {AssumedScanTime.TotalSeconds:0} s per scan (a site with a partners page and a few logos at about 2.5 s per response)";
        var advice = "sites will be scanned later and later; raise Fetch:MaxConcurrentSites, lengthen the interval or split the watch list";
        if (periods.Count == 1)
        {
            var round = AssumedScanTime * options.Sites.Count / concurrency;
            return $"warning: the schedule cannot be served: {options.Sites.Count} sites × {AssumedScanTime.TotalSeconds:0} s ÷ {concurrency} " +
                   $"at a time (Fetch:MaxConcurrentSites) = {Format(round)} per round, longer than the interval {Format(periods[0])} " +
                   $"({assumption}); {advice}.";
        }
        return $"warning: the schedule cannot be served: the {options.Sites.Count} sites on their intervals need {needed:0.#} scans " +
               $"running at once, but Fetch:MaxConcurrentSites is {concurrency} ({assumption}); {advice}.";
    }

    private static string Format(TimeSpan span) => span.TotalDays >= 1 ? span.ToString(@"d\.hh\:mm\:ss") : span.ToString(@"hh\:mm\:ss");
}
