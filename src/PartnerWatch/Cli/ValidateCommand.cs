using PartnerWatch.Config;

namespace PartnerWatch.Cli;

/// <summary><c>validate</c>: lists every configuration problem with its key path, or confirms the configuration.</summary>
public static class ValidateCommand
{
    public static int Run(CliArguments args, TextWriter stdout)
    {
        var loaded = ConfigurationLoader.Load(args.ConfigFile);
        // Every reference logo must decode and fingerprint, not just exist: a broken logo silently weakens detection.
        var problems = CommandChecks.Check(loaded, decodeLogos: true);
        if (problems.Count > 0)
        {
            CommandChecks.Write(problems, stdout);
            return ExitCodes.UsageOrConfig;
        }

        var o = loaded.Options;
        stdout.WriteLine($"Configuration valid: {o.Brands.Count} brands, {o.Brands.Sum(b => b.Logos.Count)} logo files, " +
                         $"{o.Sites.Count} sites, {o.ConfirmedPartners.Values.Sum(v => v.Count)} confirmed-partner entries.");
        if (o.Sites.Count == 0)
            stdout.WriteLine("  note: no sites configured (PartnerWatch:Sites); the service will have nothing to scan.");
        if (string.IsNullOrWhiteSpace(o.Smtp.Host))
            stdout.WriteLine("  note: no Smtp:Host; alerts will be written as .eml files to the outbox folder.");
        // A warning, not a problem: the service runs, but cannot keep every site on its interval (exit code stays 0).
        if (ScheduleCapacity.Warning(o, DateTimeOffset.UtcNow) is { } capacity)
            stdout.WriteLine("  " + capacity);
        return ExitCodes.Ok;
    }
}
