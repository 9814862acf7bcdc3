using PartnerWatch.Schedule;
using Quartz;

namespace PartnerWatch.Tests.Schedule;

/// <summary>The rules every site trigger follows: jitter spreads every firing, and a late firing is never dropped.</summary>
public sealed class SiteTriggersTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 7, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Jitter = TimeSpan.FromMinutes(1);

    [Fact]
    public void EveryLaterFiringOfIntervalSitesStaysSpreadNotOnlyTheFirst()
    {
        var interval = TimeSpan.FromHours(6);
        var triggers = Enumerable.Range(0, 60)
            .Select(i => $"site-{i}")
            .Select(id => SiteTriggers.Interval(id, interval, Now + SiteTriggers.Offset(id, Jitter)))
            .ToList();

        // The tenth firing of each site, 54 h on: still at the site's own second, not all at the same one.
        var tenth = triggers.Select(t => FiringAfter(t, Now, 10)).ToList();
        Assert.True(tenth.Distinct().Count() >= 55, $"only {tenth.Distinct().Count()} distinct times among 60 sites");
        Assert.All(tenth, at => Assert.InRange(at, Now + 9 * interval, Now + 9 * interval + Jitter));
    }

    [Fact]
    public void OffsetsAreStablePerSiteAndFillTheJitterWindow()
    {
        Assert.Equal(SiteTriggers.Offset("contoso", Jitter), SiteTriggers.Offset("CONTOSO", Jitter));
        Assert.Equal(TimeSpan.Zero, SiteTriggers.Offset("contoso", TimeSpan.Zero));

        var offsets = Enumerable.Range(0, 300).Select(i => SiteTriggers.Offset($"site-{i}", Jitter)).ToList();
        Assert.All(offsets, o => Assert.InRange(o, TimeSpan.Zero, Jitter - TimeSpan.FromMilliseconds(1)));
        // Every ten-second slice of the minute gets sites: no clump at one end.
        var slices = offsets.GroupBy(o => (int)(o.TotalSeconds / 10)).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(Enumerable.Range(0, 6), slice => Assert.InRange(slices.GetValueOrDefault(slice), 25, 75));
    }

    [Fact]
    public void ACronSitesScanIsDueOneOffsetAfterEachCronFiring()
    {
        var offset = SiteTriggers.Offset("site-7", Jitter);
        var trigger = (Quartz.Extensibility.IOperableTrigger)SiteTriggers.Cron("site-7", "0 0 3 * * ?", TimeSpan.FromDays(1), Now);
        trigger.ComputeFirstFireTimeUtc(null);

        Assert.Equal(new DateTimeOffset(2030, 1, 7, 3, 0, 0, TimeSpan.Zero) + offset, SiteTriggers.ScanTimeOf(trigger, offset));
    }

    [Fact]
    public void ALateFiringWaitsUpToOnePeriodInLineAndIsThenFiredNowNeverSkipped()
    {
        var interval = SiteTriggers.Interval("a", TimeSpan.FromMinutes(20), Now);
        Assert.Equal(TimeSpan.FromMinutes(20), interval.MisfireThreshold);
        Assert.Equal(SimpleTriggerMisfireInstruction.NowWithExistingCount, ((ISimpleTrigger)interval).MisfireInstruction);

        var cron = SiteTriggers.Cron("b", "0 */30 * * * ?", TimeSpan.FromMinutes(30), Now);
        Assert.Equal(TimeSpan.FromMinutes(30), cron.MisfireThreshold);
        Assert.Equal(CronTriggerMisfireInstruction.FireAndProceed, ((ICronTrigger)cron).MisfireInstruction);

        var once = SiteTriggers.Once(SiteTriggers.StartKey("c"), "c", Now);
        Assert.Equal(SimpleTriggerMisfireInstruction.FireNow, ((ISimpleTrigger)once).MisfireInstruction);
    }

    private static DateTimeOffset FiringAfter(ITrigger trigger, DateTimeOffset from, int count)
    {
        DateTimeOffset? at = from.AddTicks(-1);
        for (var i = 0; i < count; i++) at = trigger.GetFireTimeAfter(at);
        return at!.Value;
    }
}
