using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace PartnerWatch.Cli;

/// <summary>
/// The command line, described once for System.CommandLine: it parses, prints help per command (<c>-h</c>,
/// <c>help scan</c>), prints <c>--version</c>, and suggests the nearest command or option for a typo.
/// Each runnable command ends in <see cref="RunAction"/>, which hands the arguments to the command's class.
/// </summary>
public static class PartnerWatchCommandLine
{
    public const string ConfigOption = "--config";
    public const string SiteOption = "--site";
    public const string JsonOption = "--json";
    public const string StoreOption = "--store";
    public const string UrlsOption = "--urls";
    public const string VerboseOption = "--verbose";
    public const string DemoIfMissingOption = "--demo-if-missing";
    public const string MentionsOption = "--mentions";

    public static readonly IReadOnlySet<string> Runnable = new HashSet<string>(["serve", "scan", "validate", "demo"], StringComparer.Ordinal);

    // Read on first use (--version), not in the type initializer every command runs: reading one assembly attribute
    // resolves the type of every attribute on the assembly, and the Web SDK's MVC and Razor attributes would load
    // Microsoft.AspNetCore.Mvc.Core and Razor.Runtime into a scan that uses neither.
    private static readonly Lazy<string> InformationalVersion = new(() =>
        typeof(PartnerWatchCommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown");

    public static string Version => InformationalVersion.Value;

    public static ParseResult Parse(IReadOnlyList<string> args) => Build().Parse(args);

    /// <summary>Builds the command tree; a new one per call (System.CommandLine symbols carry parse state).</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("""
            PartnerWatch watches company websites for vendor logos and names shown as partners, compares them with the
            confirmed partner lists and alerts on unverified claims. Without a command it runs the service (serve).
            """);
        AddServeOptions(root);
        root.Action = new RunAction();
        // --version prints this program's version, whoever hosts the parser (tests run it inside the test host).
        foreach (var option in root.Options.OfType<VersionOption>())
            option.Action = new PrintVersionAction();

        var serve = new Command("serve", "Run the service: scheduled scans, alerts, /status, /healthz, /readyz, /metrics, /openapi/v1.json (the default command).");
        AddServeOptions(serve);
        // The container's default command: a first `docker run IMAGE` with nothing mounted shows the demo instead of exiting 2.
        serve.Options.Add(new Option<bool>(DemoIfMissingOption)
        {
            Description = "When the --config file does not exist, run the bundled demo and say how to mount a configuration (the container image does this).",
        });
        serve.Action = new RunAction();

        var scan = new Command("scan", """
            Scan the configured sites once and print the result (a summary table, or the contract's JSON with --json).
            Progress is shown on stderr when it is a terminal. Stores nothing unless --store is given.
            Exit codes: 0 no unverified claim and every site scanned; 1 at least one unverified claim;
            2 bad usage or invalid configuration; 4 no unverified claim, but at least one site could not be scanned.
            """);
        scan.Options.Add(Config());
        scan.Options.Add(new Option<string[]>(SiteOption)
        {
            Description = "Scan only this site id (repeatable).",
            HelpName = "ID",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        });
        scan.Options.Add(new Option<bool>(JsonOption) { Description = "Print the result as JSON (the documented scan --json document)." });
        scan.Options.Add(new Option<bool>(MentionsOption)
        {
            Description = "Also list, per site, the brands seen but not claimed and why (JSON: \"mentions\"; text: \"seen, not claimed\" lines).",
        });
        scan.Options.Add(new Option<bool>(StoreOption) { Description = "Record the scan in the database and send alerts for new unverified claims." });
        scan.Options.Add(new Option<bool>(VerboseOption, "-v") { Description = "Show the log (retries, stack traces) instead of one line per failed site." });
        scan.Action = new RunAction();

        var validate = new Command("validate", """
            Check the configuration and every file it names (logos, partner lists); print each problem with its key.
            Exit codes: 0 valid, 2 invalid.
            """);
        validate.Options.Add(Config());
        validate.Action = new RunAction();

        var demo = new Command("demo", "Run the service on bundled demo sites served on loopback (no internet needed); data in ./demo-data.");
        demo.Options.Add(Urls());
        demo.Action = new RunAction();

        var hashPassword = new Command("hash-password", """
            Read a console password (typed without echo, or one line on stdin) and print its hash for
            PartnerWatch:Console:Users:N:PasswordHash.
            """);
        hashPassword.SetAction(parsed => WebConsole.HashPasswordCommand.Run(
            Console.In, parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, !Console.IsInputRedirected));

        // "help scan" and "version" as words, as users type them; hidden to keep the listing short.
        var helpTarget = new Argument<string?>("command") { Arity = ArgumentArity.ZeroOrOne, Description = "The command to describe." };
        var help = new Command("help", "Show help for a command.") { Hidden = true };
        help.Arguments.Add(helpTarget);
        help.SetAction((parsed) =>
        {
            var target = parsed.GetValue(helpTarget);
            string[] again = target is null ? ["--help"] : [target, "--help"];
            return Build().Parse(again).Invoke(parsed.InvocationConfiguration);
        });
        var version = new Command("version", "Show the version.") { Hidden = true };
        version.SetAction(parsed =>
        {
            parsed.InvocationConfiguration.Output.WriteLine(Version);
            return ExitCodes.Ok;
        });

        foreach (var command in new[] { serve, scan, validate, demo, hashPassword, MigrateStoreCommand.Create(), help, version })
            root.Subcommands.Add(command);
        return root;
    }

    private static void AddServeOptions(Command command)
    {
        command.Options.Add(Config());
        command.Options.Add(Urls());
    }

    private static Option<string?> Config() => new(ConfigOption)
    {
        Description = "JSON file on top of the built-in settings; relative paths inside it resolve against its folder.",
        HelpName = "FILE",
    };

    private static Option<string?> Urls() => new(UrlsOption)
    {
        Description = $"Where the service listens (default {ServeCommand.DefaultUrls}, or ASPNETCORE_URLS).",
        HelpName = "URL",
    };

    private sealed class PrintVersionAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Version);
            return ExitCodes.Ok;
        }
    }

    /// <summary>Runs the parsed command with the process's console streams.</summary>
    public sealed class RunAction : AsynchronousCommandLineAction
    {
        public override async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
        {
            var cli = CliArguments.From(parseResult)!;
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            return cli.Command switch
            {
                "validate" => ValidateCommand.Run(cli, output),
                "scan" => await ScanCommand.RunAsync(cli, output, error, cancellationToken, ScanDisplay.ForConsole(error)),
                "demo" => await DemoCommand.RunAsync(cli, error, cancellationToken),
                _ => await ServeCommand.RunAsync(cli, error, cancellationToken),
            };
        }
    }
}
