using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using PartnerWatch.Config;

namespace PartnerWatch.WebConsole;

/// <summary>The users of <c>Console:Users</c>: checks a name and password and builds the signed-in principal.</summary>
public sealed partial class ConsoleUsers(PartnerWatchOptions options, ILogger<ConsoleUsers> logger)
{
    // Verified when the name is unknown, so a wrong name costs as much time as a wrong password.
    private static readonly string DecoyHash = PasswordHashes.Hash(Guid.NewGuid().ToString("N"));

    public bool AnyConfigured => options.Console.Users.Count > 0;

    /// <summary>The principal for a valid name and password, else null (logged without the password).</summary>
    public ClaimsPrincipal? SignIn(string? name, string? password, string remoteAddress)
    {
        var user = options.Console.Users.FirstOrDefault(u => string.Equals(u.Name.Trim(), name?.Trim(), StringComparison.OrdinalIgnoreCase));
        var ok = PasswordHashes.Verify(user?.PasswordHash ?? DecoyHash, password ?? "") && user is not null;
        if (!ok || user is null)
        {
            LogRefused(Shorten(name), remoteAddress);
            return null;
        }

        LogSignedIn(user.Name, user.Role.ToLowerInvariant());
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Name.Trim()), new Claim(ClaimTypes.Role, user.Role.ToLowerInvariant())],
            CookieAuthenticationDefaults.AuthenticationScheme);
        return new ClaimsPrincipal(identity);
    }

    private static string Shorten(string? value) => value is null ? "" : value.Length <= 50 ? value : value[..50] + "…";

    [LoggerMessage(Level = LogLevel.Information, Message = "Console sign-in: {User} ({Role})")]
    private partial void LogSignedIn(string user, string role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Console sign-in refused for {User} from {RemoteAddress}")]
    private partial void LogRefused(string user, string remoteAddress);
}
