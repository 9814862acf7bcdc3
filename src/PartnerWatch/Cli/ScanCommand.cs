using System.Text.Json;
using PartnerWatch.Alert;
using PartnerWatch.Compare;
using PartnerWatch.Config;
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
        // The same checks as validate: a scan must not run (and exit 0) on a configuration validate rejects.
        var problems = CommandChecks.Check(loaded, decodeLogos: true);
        if (problems.Count > 0)
        {
            CommandChecks.Write(problems, stderr);
            return ExitCodes.UsageOrConfig;
        }

        var options = loaded.Options;
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
        var services = new ServiceCollection()
            .AddLogging(b => b.ClearProviders().AddSerilog(logger, dispose: false))
            .AddPartnerWatchPipeline(options);
        if (!args.Store)
        {
            // "Stores nothing unless --store": the reference-logo cache goes to the user's cache folder, not the data directory.
            services.AddSingleton(sp => new ReferenceFingerprintStore(UserCacheFolder("logo-references"), sp.GetRequiredService<ILogger<ReferenceFingerprintStore>>()));
        }
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        // Partner lists from files and URLs count as much as the inline ones (no stored claim is touched here).
        await provider.GetRequiredService<PartnerListSources>().LoadAllAsync(cancellationToken);
        logger.Information("Scanning {Count} sites", sites.Count);
        var time = provider.GetRequiredService<TimeProvider>();
        var started = time.GetTimestamp();
        var runner = provider.GetRequiredService<ScanRunner>();
        var report = await display.RunAsync(sites.Count, provider.GetRequiredService<PartnerWatchMetrics>().Meter,
            progress => runner.ScanAsync(sites, cancellationToken, progress));

        if (args.Store)
        {
            var store = provider.GetRequiredService<IScanStore>();
            await store.InitializeAsync(cancellationToken);
            foreach (var result in report.Sites)
                await store.RecordScanAsync(result, cancellationToken);
            await provider.GetRequiredService<AlertDispatcher>().DispatchPendingAsync(cancellationToken);
        }

        var exit = ExitCodeOf(report);
        if (args.Json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(report, JsonOutput.Options));
            if (display.Terminal is { } terminal)
                ScanSummary.WriteTable(terminal, report, time.GetElapsedTime(started));
        }
        else
        {
            ScanSummary.WriteTable(ScanSummary.ConsoleFor(stdout), report, time.GetElapsedTime(started));
            ScanSummary.WriteDetails(stdout, report);
            stdout.WriteLine(ScanSummary.Verdict(report, exit));
        }
        ScanSummary.WriteFailedSites(stderr, report);
        return exit;
    }

    /// <summary>1 for an unverified claim (the stronger finding), else 4 when a site could not be scanned at all, else 0.</summary>
    public static int ExitCodeOf(ScanReport report) =>
        report.HasUnverifiedClaims ? ExitCodes.UnverifiedClaims
        : report.Sites.Any(s => s.Failed) ? ExitCodes.SitesNotScanned
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
