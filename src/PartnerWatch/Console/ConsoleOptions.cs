using PartnerWatch.Config;

namespace PartnerWatch.WebConsole;

/// <summary>
/// <c>PartnerWatch:Console</c>: who may sign in to the web console at <c>/</c>. Without users the console shows only
/// its sign-in page explaining how to add one (the API key and <c>/status</c> are unaffected).
/// </summary>
public sealed class ConsoleOptions
{
    /// <summary>People allowed to sign in; passwords as hashes from <c>PartnerWatch hash-password</c>.</summary>
    public List<ConsoleUserOptions> Users { get; set; } = [];

    /// <summary>How long a sign-in lasts without activity (sliding).</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// Mark the sign-in cookie <c>Secure</c> (sent over https only). Off by default because the service listens on
    /// plain http on loopback; turn it on behind a TLS-terminating proxy.
    /// </summary>
    public bool SecureCookie { get; set; }

    /// <summary>Optional single sign-on (OpenID Connect); off while <c>Oidc:Authority</c> is empty.</summary>
    public ConsoleOidcOptions Oidc { get; set; } = new();
}

public sealed class ConsoleUserOptions
{
    public string Name { get; set; } = "";

    /// <summary><c>viewer</c> (read), <c>analyst</c> (act on claims), <c>admin</c> (also sites: scan now).</summary>
    public string Role { get; set; } = ConsoleRoles.Viewer;

    /// <summary>ASP.NET Core Identity password hash (V3: PBKDF2-HMAC-SHA512, salted), never the password itself.</summary>
    public string PasswordHash { get; set; } = "";
}

public static class ConsoleRoles
{
    public const string Viewer = "viewer";
    public const string Analyst = "analyst";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Analyst, Admin];

    /// <summary>Analysts and admins act on claims.</summary>
    public static bool CanAct(System.Security.Claims.ClaimsPrincipal user) => user.IsInRole(Analyst) || user.IsInRole(Admin);
}

/// <summary>The rules for <c>PartnerWatch:Console</c>, each problem named by its key (called by the options validator).</summary>
public static class ConsoleOptionsValidator
{
    public static IEnumerable<ConfigProblem> Check(ConsoleOptions console)
    {
        const string Root = PartnerWatchOptions.SectionName + ":Console";
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < console.Users.Count; i++)
        {
            var user = console.Users[i];
            var key = $"{Root}:Users:{i}";
            if (string.IsNullOrWhiteSpace(user.Name) || user.Name.Length > 100 || user.Name.Any(char.IsControl))
                yield return new ConfigProblem($"{key}:Name", "must be a user name of 1 to 100 printable characters");
            else if (!names.Add(user.Name.Trim()))
                yield return new ConfigProblem($"{key}:Name", $"\"{user.Name}\" is listed twice");
            if (!ConsoleRoles.All.Contains(user.Role, StringComparer.OrdinalIgnoreCase))
                yield return new ConfigProblem($"{key}:Role", $"must be one of {string.Join(", ", ConsoleRoles.All)}, was \"{user.Role}\"");
            // The value is not echoed: a password pasted here by mistake must not end up in a log.
            if (!PasswordHashes.LooksLikeHash(user.PasswordHash))
                yield return new ConfigProblem($"{key}:PasswordHash", "must be a password hash made with `PartnerWatch hash-password` (not the password itself)");
        }

        if (console.SessionTimeout < TimeSpan.FromMinutes(1) || console.SessionTimeout > TimeSpan.FromDays(30))
            yield return new ConfigProblem($"{Root}:SessionTimeout", "must be between 00:01:00 and 30.00:00:00");
        foreach (var problem in ConsoleOidcOptions.Check(console.Oidc, Root)) yield return problem;
    }
}
