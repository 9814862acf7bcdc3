using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PartnerWatch.Config;
using PartnerWatch.Fetch;

namespace PartnerWatch.Tests.Fetch;

/// <summary>Builds the fetch stage the way the host does: options, TimeProvider, logging, then <c>AddFetching()</c>.</summary>
internal static class FetchTestHost
{
    /// <param name="allowPrivateNetworks">Loopback fixtures need true; guard tests use false.</param>
    /// <param name="configure">Adjusts fetch options (caps, retries, timeouts).</param>
    /// <param name="policy">Replaces the address policy (e.g. to call 127.0.0.2 "private").</param>
    /// <param name="logs">Receives every log event, at every level.</param>
    public static ServiceProvider Create(
        bool allowPrivateNetworks = true, Action<FetchOptions>? configure = null, IAddressPolicy? policy = null, RecordingLoggerProvider? logs = null)
    {
        var options = new PartnerWatchOptions();
        options.Fetch.AllowPrivateNetworks = allowPrivateNetworks;
        // The politeness limit paces requests in real time; tests of it turn it on, the others keep the suite fast.
        options.Fetch.PerHostRequestsPerSecond = 0;
        configure?.Invoke(options.Fetch);

        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Trace);
            if (logs is not null) logging.AddProvider(logs);
        });
        services.AddSingleton(options);
        services.AddSingleton<IOptions<PartnerWatchOptions>>(Options.Create(options));
        services.AddSingleton(TimeProvider.System);
        if (policy is not null) services.AddSingleton(policy);
        services.AddFetching();
        // Back-off between retries is real (exponential with jitter) but shortened so the suite stays fast.
        services.PostConfigureAll<HttpStandardResilienceOptions>(o => o.Retry.Delay = TimeSpan.FromMilliseconds(5));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <param name="crawl">Defaults to not reading robots.txt: these tests count the pages a crawl asks for; robots.txt has its own (PoliteCrawlingTests).</param>
    public static async Task<List<CrawlStep>> CrawlAsync(this ServiceProvider provider, Uri start, CancellationToken cancellationToken = default, CrawlOptions? crawl = null)
    {
        var steps = new List<CrawlStep>();
        // The crawler disposes each parsed page once the consumer moves on; keep a copy for assertions after the crawl.
        await foreach (var step in provider.GetRequiredService<SiteCrawler>().CrawlAsync(start, crawl ?? new CrawlOptions(IgnoreRobots: true), cancellationToken))
            steps.Add(step.Page is { } page ? step with { Page = page with { Document = (AngleSharp.Dom.IDocument)page.Document.Clone(deep: true) } } : step);
        return steps;
    }

    public static List<CrawledPage> Pages(this IEnumerable<CrawlStep> steps) => steps.Where(s => s.Page is not null).Select(s => s.Page!).ToList();

    public static List<global::PartnerWatch.Domain.ScanError> Errors(this IEnumerable<CrawlStep> steps) => steps.Where(s => s.Error is not null).Select(s => s.Error!).ToList();

    /// <summary>A guard against a test hanging forever if a wait that should not happen does; not a timing assertion.</summary>
    public static CancellationToken Watchdog() => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
}
