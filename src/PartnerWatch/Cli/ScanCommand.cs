using System.Text.Json;
using PartnerWatch.Alert;
using PartnerWatch.Compare;
using PartnerWatch.Config;
using PartnerWatch.Hosting;
using PartnerWatch.Scan;
using PartnerWatch.Store;
using Serilog;

namespace PartnerWatch.Cli;

/// <summary>
/// <c>scan</c>: scans the configured sites once and prints the result (text, or the contract's JSON with
/// <c>--json</c>). Logs go to stderr. Stores nothing unless <c>--store</c> is given.
/// </summary>
public static class ScanCommand
{
    public static async Task<int> RunAsync(CliArguments args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var loaded = ConfigurationLoader.Load(args.ConfigFile);
        if (!loaded.IsValid)
        {
            stderr.WriteLine("Configuration invalid:");
            foreach (var problem in loaded.Problems) stderr.WriteLine("  " + problem);
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

        await using var logger = SerilogSetup.CreateLogger(options.Logging, logToStandardError: true);
        var services = new ServiceCollection()
            .AddLogging(b => b.ClearProviders().AddSerilog(logger, dispose: false))
            .AddPartnerWatchPipeline(options);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        // Partner lists from files and URLs count as much as the inline ones (no stored claim is touched here).
        await provider.GetRequiredService<PartnerListSources>().LoadAllAsync(cancellationToken);
        logger.Information("Scanning {Count} sites", sites.Count);
        var report = await provider.GetRequiredService<ScanRunner>().ScanAsync(sites, cancellationToken);

        if (args.Store)
        {
            var store = provider.GetRequiredService<IScanStore>();
            await store.InitializeAsync(cancellationToken);
            foreach (var result in report.Sites)
                await store.RecordScanAsync(result, cancellationToken);
            await provider.GetRequiredService<AlertDispatcher>().DispatchPendingAsync(cancellationToken);
        }

        if (args.Json)
            stdout.WriteLine(JsonSerializer.Serialize(report, JsonOutput.Options));
        else
            WriteText(report, stdout);
        return report.HasUnverifiedClaims ? ExitCodes.UnverifiedClaims : ExitCodes.Ok;
    }

    private static void WriteText(ScanReport report, TextWriter stdout)
    {
        foreach (var site in report.Sites)
        {
            stdout.WriteLine($"{site.Site}  {site.Url}  pages={site.PagesScanned} errors={site.Errors.Count} claims={site.Claims.Count}");
            foreach (var error in site.Errors)
                stdout.WriteLine($"  error  {error.Url}: {error.Message}");
            foreach (var claim in site.Claims)
            {
                stdout.WriteLine($"  {claim.Status.ToString().ToLowerInvariant(),-10} {claim.Brand} (confidence {claim.Confidence:0.00})");
                foreach (var evidence in claim.Evidence.Take(3))
                    stdout.WriteLine($"      {JsonSerializer.Serialize(evidence.Kind, JsonOutput.Options).Trim('"'),-10} {evidence.PageUrl}  {evidence.Detail}");
            }
        }
    }
}
