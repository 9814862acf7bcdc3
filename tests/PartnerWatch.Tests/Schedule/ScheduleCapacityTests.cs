using PartnerWatch.Cli;
using PartnerWatch.Config;
using PartnerWatch.Schedule;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Schedule;

/// <summary>A schedule that cannot be served is said so before it starts, and a backlog is judged against one interval.</summary>
public sealed class ScheduleCapacityTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    [Fact]
    public void TenThousandSitesEveryTenMinutesTwoAtATimeCannotBeServed()
    {
        var options = Sites(10_000, TimeSpan.FromMinutes(10), concurrency: 2);

        var warning = ScheduleCapacity.Warning(options, Now);

        Assert.NotNull(warning);
        Assert.Contains("10000 sites × 8 s ÷ 2", warning);
        Assert.Contains("interval 00:10:00", warning);
        Assert.Contains("assuming 8 s per scan", warning);
    }

    [Fact]
    public void AWatchListThatFitsItsIntervalGetsNoWarning()
    {
        Assert.Null(ScheduleCapacity.Warning(Sites(100, TimeSpan.FromHours(6), concurrency: 2), Now));
        // 150 sites × 8 s ÷ 2 = 600 s: exactly one interval still fits.
        Assert.Null(ScheduleCapacity.Warning(Sites(150, TimeSpan.FromMinutes(10), concurrency: 2), Now));
        Assert.NotNull(ScheduleCapacity.Warning(Sites(151, TimeSpan.FromMinutes(10), concurrency: 2), Now));
    }

    [Fact]
    public void CronSitesAreJudgedByTheirShortestGap()
    {
        var options = Sites(200, TimeSpan.FromHours(6), concurrency: 2);
        foreach (var site in options.Sites) site.Cron = "0 */5 * * * ?";

        Assert.Equal(TimeSpan.FromMinutes(5), ScheduleCapacity.PeriodOf(options.Sites[0], options.Schedule, Now));
        Assert.NotNull(ScheduleCapacity.Warning(options, Now));
    }

    [Fact]
    public void ValidatePrintsTheWarningAndStillExitsZero()
    {
        var sites = string.Join(",", Enumerable.Range(0, 400).Select(i => $$"""{ "Id": "s{{i}}", "Url": "https://s{{i}}.example/" }"""));
        var config = _dir.Combine("big.json");
        File.WriteAllText(config, $$"""
            { "PartnerWatch": {
                "Brands": [ { "Id": "acme", "Name": "Acme" } ],
                "Sites": [ {{sites}} ],
                "Schedule": { "Interval": "00:10:00" } } }
            """);
        var (args, error) = CliArguments.Parse(["validate", "--config", config]);
        Assert.Null(error);
        var output = new StringWriter();

        var exit = ValidateCommand.Run(args!, output);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("Configuration valid", output.ToString());
        Assert.Contains("warning: the schedule cannot be served: 400 sites × 8 s ÷ 2", output.ToString());
    }

    [Fact]
    public void ABacklogBiggerThanOneIntervalOfScansIsExceeded()
    {
        // Two slots of 8 s scans clear 15 scans a minute.
        Assert.Equal(15, new ScanBacklog(15, TimeSpan.FromSeconds(8), 2, TimeSpan.FromMinutes(1)).Capacity);
        Assert.False(new ScanBacklog(15, TimeSpan.FromSeconds(8), 2, TimeSpan.FromMinutes(1)).Exceeded);
        Assert.True(new ScanBacklog(16, TimeSpan.FromSeconds(8), 2, TimeSpan.FromMinutes(1)).Exceeded);
    }

    private static PartnerWatchOptions Sites(int count, TimeSpan interval, int concurrency)
    {
        var options = new PartnerWatchOptions();
        options.Schedule.Interval = interval;
        options.Fetch.MaxConcurrentSites = concurrency;
        options.Sites.AddRange(Enumerable.Range(0, count).Select(i => new SiteOptions { Id = $"s{i}", Url = $"https://s{i}.example/" }));
        return options;
    }

    public void Dispose() => _dir.Dispose();
}
