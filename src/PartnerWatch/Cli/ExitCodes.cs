namespace PartnerWatch.Cli;

/// <summary>The exit codes of the contract (interface.md).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int UnverifiedClaims = 1;
    public const int UsageOrConfig = 2;
    /// <summary>The service could not start (port in use, data directory not writable…); the log says why.</summary>
    public const int StartupFailed = 3;
    /// <summary>Interrupted by Ctrl-C or SIGTERM before the command finished (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
