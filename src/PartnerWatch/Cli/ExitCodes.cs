namespace PartnerWatch.Cli;

/// <summary>The exit codes of the contract (interface.md).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int UnverifiedClaims = 1;
    public const int UsageOrConfig = 2;
}
