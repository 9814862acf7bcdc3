using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;
using LoggingOptions = PartnerWatch.Config.LoggingOptions;

namespace PartnerWatch.Hosting;

/// <summary>
/// Readable console lines by default, compact JSON for containers (<c>Logging:Format=json</c>), optional rolling file.
/// CLI commands log to stderr so that stdout carries only the result (<c>scan --json</c>).
/// </summary>
public static class SerilogSetup
{
    private const string TextTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";
    private const string ConciseTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}";

    /// <param name="concise">
    /// For <c>scan</c> without <c>--verbose</c>: warnings and errors only, no stack traces, and nothing from the fetch
    /// stage or the retry pipeline: their failures are in the scan result, printed as one line per site.
    /// </param>
    public static Serilog.Core.Logger CreateLogger(LoggingOptions options, bool logToStandardError, bool concise = false)
    {
        var level = Enum.TryParse<LogEventLevel>(options.Level, ignoreCase: true, out var parsed) ? parsed : LogEventLevel.Information;
        if (concise)
            level = LogEventLevel.Warning;
        LogEventLevel? stderrFrom = logToStandardError ? LogEventLevel.Verbose : null;
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            // "Hosting failed to start" with a stack trace; ServeCommand reports the reason in one line instead.
            .MinimumLevel.Override("Microsoft.Extensions.Hosting.Internal.Host", LogEventLevel.Fatal)
            .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)
            .MinimumLevel.Override("Polly", LogEventLevel.Warning)
            .MinimumLevel.Override("Quartz", LogEventLevel.Warning)
            .Enrich.FromLogContext();
        if (concise)
            configuration = configuration
                .MinimumLevel.Override("Polly", LogEventLevel.Fatal)
                .MinimumLevel.Override("Microsoft.Extensions.Http", LogEventLevel.Fatal)
                .MinimumLevel.Override("PartnerWatch.Fetch", LogEventLevel.Fatal)
                .MinimumLevel.Override("PartnerWatch.Scan.SiteScanner", LogEventLevel.Fatal);

        configuration = options.Format == "json"
            ? configuration.WriteTo.Console(new RenderedCompactJsonFormatter(), standardErrorFromLevel: stderrFrom)
            : configuration.WriteTo.Console(outputTemplate: concise ? ConciseTemplate : TextTemplate, standardErrorFromLevel: stderrFrom, formatProvider: System.Globalization.CultureInfo.InvariantCulture);

        if (!string.IsNullOrWhiteSpace(options.File))
            configuration = configuration.WriteTo.File(
                new CompactJsonFormatter(), options.File, rollingInterval: RollingInterval.Day,
                fileSizeLimitBytes: 50 * 1024 * 1024, rollOnFileSizeLimit: true, retainedFileCountLimit: 14);

        return configuration.CreateLogger();
    }
}
