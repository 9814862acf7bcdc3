namespace PartnerWatch.Cli;

/// <summary>The exit codes of the contract (interface.md); 0, 1 and 2 keep their meaning, the others extend it.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int UnverifiedClaims = 1;
    public const int UsageOrConfig = 2;
    /// <summary>The service could not start (port in use, data directory not writable…); the log says why.</summary>
    public const int StartupFailed = 3;
    /// <summary>
    /// <c>scan</c>: no unverified claim, but at least one site could not be scanned (no page fetched), so its
    /// claims are unknown. An unverified claim elsewhere still exits 1: it is the stronger finding.
    /// </summary>
    public const int SitesNotScanned = 4;
    /// <summary>Interrupted by Ctrl-C or SIGTERM before the command finished (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
