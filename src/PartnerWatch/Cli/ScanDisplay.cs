using System.Diagnostics.Metrics;
using PartnerWatch.Domain;
using PartnerWatch.Scan;
using PartnerWatch.Status.Metrics;
using Spectre.Console;

namespace PartnerWatch.Cli;

/// <summary>
/// What <c>scan</c> shows a person at a terminal: a live progress line on stderr (sites done / total, pages, claims,
/// errors, elapsed) while the scan runs, then the summary table. When stderr is not a terminal (CI, a pipe) nothing
/// is drawn there, so logs and scripts see plain lines only.
/// </summary>
public sealed class ScanDisplay
{
    private readonly IAnsiConsole? _terminal;

    private ScanDisplay(IAnsiConsole? terminal) => _terminal = terminal;

    /// <summary>No live display (output redirected, or a test).</summary>
    public static ScanDisplay None { get; } = new(null);

    /// <summary>A live display when <paramref name="error"/> is the process's stderr and that is a terminal.</summary>
    public static ScanDisplay ForConsole(TextWriter error) =>
        ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected
            ? new ScanDisplay(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }))
            : None;

    /// <summary>The terminal on stderr, when there is one (the summary goes there too with <c>--json</c>).</summary>
    public IAnsiConsole? Terminal => _terminal;

    /// <summary>Runs the scan, drawing progress from the sites as they finish and the pages as they are fetched.</summary>
    public async Task<T> RunAsync<T>(
        int siteCount, Meter meter, Func<IProgress<SiteScanResult>, Task<T>> scan)
    {
        var progress = new ScanProgress(siteCount);
        if (_terminal is null)
            return await scan(progress);

        using var pages = ListenForPages(meter, progress);
        T report = default!;
        await _terminal.Progress()
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(progress.Describe(), maxValue: Math.Max(1, siteCount));
                // Drawn at once, not on the display's first timer tick: a short scan still shows where it started.
                context.Refresh();
                var scanning = scan(progress);
                while (await Task.WhenAny(scanning, Task.Delay(200)) != scanning)
                {
                    task.Description = progress.Describe();
                    task.Value = progress.SitesDone;
                    context.Refresh();
                }
                report = await scanning;
                task.Description = progress.Describe();
                task.Value = task.MaxValue;
                context.Refresh();
            });
        return report;
    }

    /// <summary>Pages fetched by this host's fetcher (the meter is this scan's own), counted as they arrive.</summary>
    private static MeterListener ListenForPages(Meter meter, ScanProgress progress)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, meter) && instrument.Name == "partnerwatch.pages.fetched")
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => progress.PagesFetched(value));
        listener.Start();
        return listener;
    }

    /// <summary>Thread-safe counters fed by the scan runner (one report per finished site) and the page listener.</summary>
    private sealed class ScanProgress(int total) : IProgress<SiteScanResult>
    {
        private int _sites, _claims, _errors;
        private long _pagesLive, _pagesDone;

        public int SitesDone => Volatile.Read(ref _sites);

        public void Report(SiteScanResult value)
        {
            Interlocked.Add(ref _claims, value.Claims.Count(c => c.Status == ClaimStatus.Unverified));
            Interlocked.Add(ref _errors, value.Errors.Count);
            Interlocked.Add(ref _pagesDone, value.PagesScanned);
            Interlocked.Increment(ref _sites);
        }

        public void PagesFetched(long count) => Interlocked.Add(ref _pagesLive, count);

        public string Describe()
        {
            var pages = Math.Max(Interlocked.Read(ref _pagesLive), Interlocked.Read(ref _pagesDone));
            return Markup.Escape($"{SitesDone}/{total} sites · {pages} pages · {Volatile.Read(ref _claims)} unverified claims · {Volatile.Read(ref _errors)} errors");
        }
    }
}
