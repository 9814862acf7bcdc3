using PartnerWatch.WebConsole;

namespace PartnerWatch.Demo;

/// <summary>
/// The demo's console users, one per role. The passwords are public (printed at start, in the README): the demo listens
/// on loopback and its data is throwaway. Real configurations hold only hashes (<c>PartnerWatch hash-password</c>).
/// </summary>
public static class DemoCredentials
{
    public static readonly IReadOnlyList<(string Name, string Password, string Role)> Users =
    [
        ("analyst", "demo-analyst", ConsoleRoles.Analyst),
        ("viewer", "demo-viewer", ConsoleRoles.Viewer),
        ("admin", "demo-admin", ConsoleRoles.Admin),
    ];

    /// <summary>Configuration keys for <c>Console:Users</c>, with hashes made now (salted, so different every start).</summary>
    public static IEnumerable<KeyValuePair<string, string?>> ConfigurationOverrides() =>
        Users.SelectMany((u, i) => new[]
        {
            KeyValuePair.Create($"PartnerWatch:Console:Users:{i}:Name", (string?)u.Name),
            KeyValuePair.Create($"PartnerWatch:Console:Users:{i}:Role", (string?)u.Role),
            KeyValuePair.Create($"PartnerWatch:Console:Users:{i}:PasswordHash", (string?)PasswordHashes.Hash(u.Password)),
        });

    /// <summary>One line per user for the start banner.</summary>
    public static string Banner(string consoleUrl) =>
        $"console : {consoleUrl}/   sign in as " + string.Join(", ", Users.Select(u => $"{u.Name} / {u.Password} ({u.Role})"));
}
