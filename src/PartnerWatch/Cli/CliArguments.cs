namespace PartnerWatch.Cli;

/// <summary>The parsed command line: <c>PartnerWatch [serve|scan|validate|demo] [options]</c>.</summary>
public sealed record CliArguments(
    string Command,
    string? ConfigFile,
    IReadOnlyList<string> Sites,
    bool Json,
    bool Store,
    string? Urls,
    bool Help)
{
    public static readonly string[] Commands = ["serve", "scan", "validate", "demo", "hash-password"];

    public const string Usage = """
        Usage: PartnerWatch [command] [options]

        Commands:
          serve      (default) run the service: scheduled scans, alerts, /healthz /readyz /status
          scan       scan the configured sites once and print the result; exit 0 = no unverified claim,
                     1 = at least one unverified claim, 2 = bad usage or invalid configuration
          validate   check the configuration and every file it names; exit 0 = valid, 2 = invalid
          demo       run the service on bundled demo sites served on loopback (no internet needed)
          hash-password  read a console password (typed, or one line on stdin) and print its hash for Console:Users

        Options:
          --config FILE   JSON file on top of the built-in settings (relative paths inside resolve against it)
          --site ID       scan only this site (repeatable; scan only)
          --json          print the scan result as JSON (scan only)
          --store         record the scan in the database and send alerts for new unverified claims (scan only)
          --urls URL      where the service listens (serve/demo; default http://127.0.0.1:8080)
          -h, --help      show this help
        """;

    /// <summary>Parses the arguments or returns the reason they cannot be used.</summary>
    public static (CliArguments? Arguments, string? Error) Parse(IReadOnlyList<string> args)
    {
        var command = "serve";
        var index = 0;
        if (args.Count > 0 && !args[0].StartsWith('-'))
        {
            command = args[0].ToLowerInvariant();
            index = 1;
            if (!Commands.Contains(command))
                return (null, $"unknown command '{args[0]}'; expected one of {string.Join(", ", Commands)}");
        }

        string? config = null, urls = null;
        var sites = new List<string>();
        bool json = false, store = false, help = false;
        for (; index < args.Count; index++)
        {
            var arg = args[index];
            string? Value()
            {
                if (index + 1 >= args.Count || args[index + 1].StartsWith("--", StringComparison.Ordinal)) return null;
                return args[++index];
            }
            switch (arg)
            {
                case "--config":
                    config = Value();
                    if (config is null) return (null, "--config needs a file path");
                    break;
                case "--site":
                    var site = Value();
                    if (site is null) return (null, "--site needs a site id");
                    sites.Add(site);
                    break;
                case "--urls":
                    urls = Value();
                    if (urls is null) return (null, "--urls needs a URL such as http://127.0.0.1:8080");
                    break;
                case "--json": json = true; break;
                case "--store": store = true; break;
                case "-h" or "--help": help = true; break;
                default:
                    return (null, $"unknown option '{arg}'");
            }
        }

        if (command != "scan" && (sites.Count > 0 || json || store))
            return (null, "--site, --json and --store belong to the scan command");
        if (command is "scan" or "validate" && urls is not null)
            return (null, "--urls belongs to the serve and demo commands");
        return (new CliArguments(command, config, sites, json, store, urls, help), null);
    }
}
