using PartnerWatch.Api;
using PartnerWatch.Config;
using PartnerWatch.Hosting;
using PartnerWatch.Schedule;
using PartnerWatch.Status;
using PartnerWatch.Status.Health;
using PartnerWatch.Status.Metrics;
using PartnerWatch.Store;
using PartnerWatch.WebConsole;
using Serilog;

namespace PartnerWatch.Cli;

/// <summary><c>serve</c>: the hosted service — scheduled scans, alerts and the status endpoints.</summary>
public static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:8080";

    public static async Task<int> RunAsync(CliArguments args, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (args.DemoIfMissing && args.ConfigFile is { } file && !File.Exists(file))
            return await DemoCommand.RunInsteadOfMissingConfigAsync(file, args.Urls, stderr, cancellationToken);
        var loaded = ConfigurationLoader.Load(args.ConfigFile);
        return await RunAsync(loaded, args.Urls, stderr, onStarted: null, cancellationToken);
    }

    public static async Task<int> RunAsync(
        LoadedConfiguration loaded, string? urls, TextWriter stderr, Action<WebApplication>? onStarted, CancellationToken cancellationToken)
    {
        if (!loaded.IsValid)
        {
            stderr.WriteLine("Configuration invalid:");
            foreach (var problem in loaded.Problems) stderr.WriteLine("  " + problem);
            return ExitCodes.UsageOrConfig;
        }

        await using var logger = SerilogSetup.CreateLogger(loaded.Options.Logging, logToStandardError: false);
        await using var app = Build(loaded, urls, logger);
        try
        {
            await app.StartAsync(cancellationToken);
            LogWhereToLook(app, loaded.Options, logger);
            onStarted?.Invoke(app);
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }
        catch (IOException ex) when (ex.InnerException is System.Net.Sockets.SocketException || ex.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
        {
            logger.Fatal("Cannot listen on {Urls}: {Reason}", urls ?? DefaultUrls, ex.Message);
            return ExitCodes.StartupFailed;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One clear line for the operator (the database file, the data folder…); the stack trace only at Debug.
            logger.Fatal("PartnerWatch could not start: {Reason}", ex.Message);
            logger.Debug(ex, "Start-up failure");
            return ExitCodes.StartupFailed;
        }
    }

    /// <summary>The service host: the shared pipeline plus schedule and status. Tests build it the same way.</summary>
    public static WebApplication Build(LoadedConfiguration loaded, string? urls, Serilog.ILogger logger)
    {
        var options = loaded.Options;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Configuration.Sources.Clear();
        if (loaded.Configuration is not null)
            builder.Configuration.AddConfiguration(loaded.Configuration);
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(logger, dispose: false);
        builder.WebHost.UseUrls(urls ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? DefaultUrls);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));

        builder.Services
            .AddPartnerWatchPipeline(options)   // config → fetch → detect → compare → store → alert
            .AddConfigurationReload(loaded)     //   the configuration in effect, reloaded when its file changes
            .AddScheduling(options)             // schedule: one Quartz job per site
            .AddStatus()                        // status: /status
            .AddPartnerWatchHealthChecks()      //   /healthz (alive), /readyz (database, scheduler; outbox backlog degrades)
            .AddPrometheusMetrics()             //   /metrics (Prometheus text format)
            .AddClaimsApi()                     // api: /api/claims, /api/sites/{id}/scan (needs Api:Key)
            .AddApiDescription()                //   /openapi/v1.json and its reference page /scalar
            .AddConsole(options);               // console: the team's web pages at / (Console:Users)

        var app = builder.Build();
        app.Services.GetRequiredService<ServiceClock>();
        app.MapStatusEndpoints();
        app.MapPartnerWatchHealthChecks();
        app.MapPrometheusMetrics();
        app.MapClaimsApi();
        app.MapApiDescription();
        app.MapConsole();
        return app;
    }

    private static void LogWhereToLook(WebApplication app, PartnerWatchOptions options, Serilog.ILogger logger)
    {
        var address = app.Urls.FirstOrDefault() ?? DefaultUrls;
        var data = app.Services.GetRequiredService<DataDirectory>();
        logger.Information("PartnerWatch {Version} is watching {Sites} sites for {Brands} brands", typeof(ServeCommand).Assembly.GetName().Version, options.Sites.Count, options.Brands.Count);
        logger.Information("Status: {StatusUrl}  Health: {HealthUrl}  Metrics: {MetricsUrl}  API reference: {ApiReferenceUrl}",
            address.TrimEnd('/') + "/status", address.TrimEnd('/') + "/healthz", address.TrimEnd('/') + "/metrics", address.TrimEnd('/') + "/scalar");
        if (string.IsNullOrWhiteSpace(options.Smtp.Host))
            logger.Information("No Smtp:Host set: alerts are written as .eml files to {Outbox}", data.Outbox);
        else
            logger.Information("Alerts are sent through {SmtpHost}:{SmtpPort} to {Recipients}", options.Smtp.Host, options.Smtp.Port, options.Smtp.To);
        logger.Information("Database: {Database}; evidence: {EvidenceDirectory}", app.Services.GetRequiredService<StoreDialect>().Location, data.Root);
    }
}
