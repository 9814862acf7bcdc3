using Microsoft.Extensions.Logging.Abstractions;
using PartnerWatch.Domain;
using PartnerWatch.Alert;
using PartnerWatch.Compare;
using PartnerWatch.Config;
using PartnerWatch.Detect;
using PartnerWatch.Detect.Logos;
using PartnerWatch.Hosting;
using PartnerWatch.Scan;
using PartnerWatch.Status.Metrics;
using PartnerWatch.Store;
using Serilog;
using PartnerWatch.Telemetry;

namespace PartnerWatch.Cli;

/// <summary>
/// <c>scan</c>: scans the configured sites once and prints the result (a summary table and the claims, or the contract's
/// JSON with <c>--json</c>). Progress and errors go to stderr: a live display when it is a terminal, one line per site
/// that could not be scanned, and the log only with <c>--verbose</c>. Stores nothing unless <c>--store</c> is given.
/// </summary>
public static class ScanCommand
{
    public static async Task<int> RunAsync(
        CliArguments args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken, ScanDisplay? display = null)
    {
        display ??= ScanDisplay.None;
        var loaded = ConfigurationLoader.Load(args.ConfigFile);
        // "Stores nothing unless --store": the reference-logo cache goes to the user's cache folder then, not the data directory.
        var referenceCache = args.Store
            ? Path.Combine(loaded.Options.Storage.DataDirectory, "cache", "logo-references")
            : UserCacheFolder("logo-references");
        // The same checks as validate: a scan must not run (and exit 0) on a configuration validate rejects. The check
        // fingerprints every reference logo, so it reads and fills the same cache the scan then uses.
        var problems = CommandChecks.Check(loaded, decodeLogos: true, new ReferenceFingerprintStore(referenceCache, NullLogger.Instance));
        if (problems.Count > 0)
        {
            CommandChecks.Write(problems, stderr);
            return ExitCodes.UsageOrConfig;
        }

        var options = loaded.Options;
        // A one-shot scan never meets a page again: remembering pages for conditional requests would only cost memory.
        options.Fetch.PageCacheBytes = 0;
        // Without --store no image is kept and no alert is sent: pixels that cannot change a claim are not worth their CPU.
        if (!args.Store) options.Detection.MatchEveryLogo ??= false;
        var unknown = args.Sites.Where(id => !options.Sites.Any(s => s.Id.Equals(id, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
        {
            stderr.WriteLine($"Unknown site id: {string.Join(", ", unknown)}. Configured sites: {string.Join(", ", options.Sites.Select(s => s.Id))}");
            return ExitCodes.UsageOrConfig;
        }
        var sites = args.Sites.Count == 0
            ? options.Sites
            : options.Sites.Where(s => args.Sites.Contains(s.Id, StringComparer.OrdinalIgnoreCase)).ToList();

        await using var logger = SerilogSetup.CreateLogger(options.Logging, logToStandardError: true, concise: !args.Verbose);
        // Not ValidateOnBuild: it builds the call site of every registration (the service's storage, alerting, console…),
        // loading and JIT-compiling what a scan never resolves. ScanStartupTests validates this container instead.
        var services = Services(options, logger, referenceCache);
        // Registered only when asked for: the scanner records mentions when this service exists, and not otherwise.
        if (args.Mentions) services.AddSingleton<SiteMentions>();
        await using var provider = services
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true });

        // Partner lists from files and URLs count as much as the inline ones (no stored claim is touched here).
        await provider.GetRequiredService<PartnerListSources>().LoadAllAsync(cancellationToken);
        logger.Information("Scanning {Count} sites", sites.Count);
        var time = provider.GetRequiredService<TimeProvider>();
        var started = time.GetTimestamp();
        var runner = provider.GetRequiredService<ScanRunner>();
        IScanStore? store = null;
        if (args.Store)
        {
            store = provider.GetRequiredService<IScanStore>();
            await store.InitializeAsync(cancellationToken);
        }

        // Each site is stored and written as it finishes, then dropped: with --json only counts are kept to the end;
        // the text output keeps each site's claims and errors (not its pages or images) for the details it ends with.
        using var json = args.Json ? new ScanJsonWriter(stdout) : null;
        json?.Begin(time.GetUtcNow());
        var details = json is null ? new SiteScanResult?[sites.Count] : null;
        var mentions = provider.GetService<SiteMentions>();
        var seen = details is not null && mentions is not null ? new IReadOnlyList<SiteMention>?[sites.Count] : null;
        var tally = await display.RunAsync(sites.Count, provider.GetRequiredService<PartnerWatchMetrics>().Meter,
            progress => runner.ScanAsync(sites, async (index, result, token) =>
            {
                if (store is not null)
                    await store.RecordScanAsync(result, token);
                var siteMentions = mentions?.Take(result.Site);
                json?.WriteSite(result, siteMentions);
                if (details is not null)
                    details[index] = result with { FetchedPages = [], FetchedImages = [], Screenshots = [] };
                if (seen is not null)
                    seen[index] = siteMentions;
            }, cancellationToken, progress));
        json?.End(tally.HasUnverifiedClaims);

        if (store is not null)
            await provider.GetRequiredService<AlertDispatcher>().DispatchPendingAsync(cancellationToken);

        var exit = ExitCodeOf(tally);
        if (json is not null)
        {
            if (display.Terminal is { } terminal)
                ScanSummary.WriteTable(terminal, tally, time.GetElapsedTime(started));
        }
        else
        {
            ScanSummary.WriteTable(ScanSummary.ConsoleFor(stdout), tally, time.GetElapsedTime(started));
            ScanSummary.WriteDetails(stdout, details!.OfType<SiteScanResult>());
            if (seen is not null)
                ScanSummary.WriteMentions(stdout, details!.Zip(seen).Where(p => p.First is not null).Select(p => (p.First!, p.Second ?? [])));
            stdout.WriteLine(ScanSummary.Verdict(tally, exit));
        }
        ScanSummary.WriteFailedSites(stderr, tally);
        return exit;
    }

    /// <summary>The scan's container: the shared pipeline, with a reference-logo cache and a fingerprint cache sized for one run.</summary>
    internal static IServiceCollection Services(PartnerWatchOptions options, Serilog.ILogger logger, string referenceCache)
    {
        var services = new ServiceCollection()
            .AddLogging(b => b.ClearProviders().AddSerilog(logger, dispose: false))
            .AddPartnerWatchPipeline(options);
        services.AddSingleton(sp => new ReferenceFingerprintStore(referenceCache, sp.GetRequiredService<ILogger<ReferenceFingerprintStore>>()));
        services.AddSingleton(_ => new FingerprintCache(FingerprintCache.DefaultCapacity, FingerprintCache.OneShotMaxBytes));
        return services;
    }

    /// <summary>1 for an unverified claim (the stronger finding), else 4 when a site could not be scanned at all, else 0.</summary>
    public static int ExitCodeOf(ScanTally tally) =>
        tally.HasUnverifiedClaims ? ExitCodes.UnverifiedClaims
        : tally.FailedSites > 0 ? ExitCodes.SitesNotScanned
        : ExitCodes.Ok;

    /// <summary><c>$XDG_CACHE_HOME/partnerwatch/&lt;name&gt;</c>, else <c>~/.cache/partnerwatch/&lt;name&gt;</c> (the XDG convention).</summary>
    private static string UserCacheFolder(string name)
    {
        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrWhiteSpace(root))
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "partnerwatch", name);
    }
}
