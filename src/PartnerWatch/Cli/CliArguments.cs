namespace PartnerWatch.Cli;

/// <summary>
/// What a command needs from the command line, read from System.CommandLine's parse result (see
/// <see cref="PartnerWatchCommandLine"/>): <c>PartnerWatch [serve|scan|validate|demo] [options]</c>.
/// </summary>
public sealed record CliArguments(
    string Command,
    string? ConfigFile,
    IReadOnlyList<string> Sites,
    bool Json,
    bool Store,
    string? Urls,
    bool Verbose = false,
    bool DemoIfMissing = false,
    bool Mentions = false)
{
    /// <summary>
    /// Parses the arguments of a command that runs (not <c>--help</c> or <c>--version</c>), or returns the parser's
    /// reason they cannot be used. For callers that run a command directly (tests, other hosts).
    /// </summary>
    public static (CliArguments? Arguments, string? Error) Parse(IReadOnlyList<string> args)
    {
        var parsed = PartnerWatchCommandLine.Parse(args);
        if (parsed.Errors.Count > 0)
            return (null, string.Join("; ", parsed.Errors.Select(e => e.Message)));
        return From(parsed) is { } arguments ? (arguments, null) : (null, "not a command that runs (help or version)");
    }

    /// <summary>The arguments of the parsed command, or null for help, version and other informational actions.</summary>
    public static CliArguments? From(System.CommandLine.ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        var name = command is System.CommandLine.RootCommand ? "serve" : command.Name;
        if (!PartnerWatchCommandLine.Runnable.Contains(name) || parsed.Action is not PartnerWatchCommandLine.RunAction)
            return null;
        return new CliArguments(
            name,
            parsed.GetValue<string?>(PartnerWatchCommandLine.ConfigOption),
            command.Options.Any(o => o.Name == PartnerWatchCommandLine.SiteOption) ? parsed.GetValue<string[]>(PartnerWatchCommandLine.SiteOption) ?? [] : [],
            Flag(parsed, command, PartnerWatchCommandLine.JsonOption),
            Flag(parsed, command, PartnerWatchCommandLine.StoreOption),
            command.Options.Any(o => o.Name == PartnerWatchCommandLine.UrlsOption) ? parsed.GetValue<string?>(PartnerWatchCommandLine.UrlsOption) : null,
            Flag(parsed, command, PartnerWatchCommandLine.VerboseOption),
            Flag(parsed, command, PartnerWatchCommandLine.DemoIfMissingOption),
            Flag(parsed, command, PartnerWatchCommandLine.MentionsOption));
    }

    private static bool Flag(System.CommandLine.ParseResult parsed, System.CommandLine.Command command, string name) =>
        command.Options.Any(o => o.Name == name) && parsed.GetValue<bool>(name);
}
