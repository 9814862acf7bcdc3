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

    public static Serilog.Core.Logger CreateLogger(LoggingOptions options, bool logToStandardError)
    {
        var level = Enum.TryParse<LogEventLevel>(options.Level, ignoreCase: true, out var parsed) ? parsed : LogEventLevel.Information;
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

        configuration = options.Format == "json"
            ? configuration.WriteTo.Console(new RenderedCompactJsonFormatter(), standardErrorFromLevel: stderrFrom)
            : configuration.WriteTo.Console(outputTemplate: TextTemplate, standardErrorFromLevel: stderrFrom, formatProvider: System.Globalization.CultureInfo.InvariantCulture);

        if (!string.IsNullOrWhiteSpace(options.File))
            configuration = configuration.WriteTo.File(
                new CompactJsonFormatter(), options.File, rollingInterval: RollingInterval.Day,
                fileSizeLimitBytes: 50 * 1024 * 1024, rollOnFileSizeLimit: true, retainedFileCountLimit: 14);

        return configuration.CreateLogger();
    }
}
