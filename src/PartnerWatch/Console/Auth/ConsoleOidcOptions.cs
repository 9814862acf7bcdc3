using System.Net;
using PartnerWatch.Config;

namespace PartnerWatch.WebConsole;

/// <summary>
/// <c>PartnerWatch:Console:Oidc</c>: optional single sign-on through an OpenID Connect provider (authorization code flow
/// with PKCE). Off while <see cref="Authority"/> is empty. Who gets which console role comes from one claim of the
/// provider's ID token (<see cref="RoleClaim"/>), mapped value by value in <see cref="Roles"/>.
/// </summary>
public sealed class ConsoleOidcOptions
{
    /// <summary>The provider's issuer URL (its discovery document is <c>{Authority}/.well-known/openid-configuration</c>).</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>The client secret registered at the provider; empty for a public client (PKCE only). Never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The ID-token claim whose values decide the role (<c>roles</c>, <c>groups</c>, …).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Claim value → console role (<c>viewer</c>, <c>analyst</c>, <c>admin</c>); the highest matching role wins.</summary>
    public Dictionary<string, string> Roles { get; set; } = [];

    /// <summary>Role for a provider user none of whose values is mapped; empty (the default) refuses them.</summary>
    public string? DefaultRole { get; set; }

    /// <summary>Shown on the sign-in button: "Sign in with {DisplayName}".</summary>
    public string DisplayName { get; set; } = "SSO";

    /// <summary>Scopes asked for besides <c>openid</c> and <c>profile</c> (e.g. <c>groups</c>).</summary>
    public List<string> Scopes { get; set; } = [];

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>
    /// Plain http is accepted only for a provider on this machine (a local test provider); anything else must be https,
    /// or the ID token's signing keys could be swapped on the way.
    /// </summary>
    public static bool IsLoopback(Uri authority) =>
        authority.IsLoopback || (IPAddress.TryParse(authority.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>The console role for the given claim values, or null when the user gets none.</summary>
    public string? RoleFor(IEnumerable<string> values)
    {
        var mapped = new Dictionary<string, string>(Roles, StringComparer.OrdinalIgnoreCase);
        var best = -1;
        foreach (var value in values)
        {
            if (mapped.TryGetValue(value.Trim(), out var role))
                best = Math.Max(best, Rank(role));
        }
        if (best < 0 && !string.IsNullOrWhiteSpace(DefaultRole)) best = Rank(DefaultRole);
        return best < 0 ? null : ConsoleRoles.All[best];
    }

    private static int Rank(string role)
    {
        for (var i = 0; i < ConsoleRoles.All.Count; i++)
            if (string.Equals(ConsoleRoles.All[i], role.Trim(), StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    /// <summary>The rules for <c>Console:Oidc</c>, each problem named by its key (the secret is never echoed).</summary>
    internal static IEnumerable<ConfigProblem> Check(ConsoleOidcOptions oidc, string root)
    {
        var key = root + ":Oidc";
        var anySet = oidc.Enabled || !string.IsNullOrWhiteSpace(oidc.ClientId) || !string.IsNullOrWhiteSpace(oidc.ClientSecret) || oidc.Roles.Count > 0;
        if (!anySet) yield break;

        if (!Uri.TryCreate(oidc.Authority?.Trim(), UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && authority.Scheme != Uri.UriSchemeHttp))
            yield return new ConfigProblem($"{key}:Authority", "must be the identity provider's issuer URL (https://…) when single sign-on is configured");
        else if (authority.Scheme == Uri.UriSchemeHttp && !IsLoopback(authority))
            yield return new ConfigProblem($"{key}:Authority", "must use https (plain http is accepted only for a provider on 127.0.0.1/localhost)");
        if (string.IsNullOrWhiteSpace(oidc.ClientId))
            yield return new ConfigProblem($"{key}:ClientId", "is required for single sign-on (the client id registered at the provider)");
        if (string.IsNullOrWhiteSpace(oidc.RoleClaim))
            yield return new ConfigProblem($"{key}:RoleClaim", "must name the ID-token claim that carries the user's roles or groups");
        foreach (var (value, role) in oidc.Roles)
        {
            if (Rank(role ?? "") < 0)
                yield return new ConfigProblem($"{key}:Roles:{value}", $"must be one of {string.Join(", ", ConsoleRoles.All)}, was \"{role}\"");
        }
        if (!string.IsNullOrWhiteSpace(oidc.DefaultRole) && Rank(oidc.DefaultRole) < 0)
            yield return new ConfigProblem($"{key}:DefaultRole", $"must be empty (refuse unmapped users) or one of {string.Join(", ", ConsoleRoles.All)}");
        if (oidc.Roles.Count == 0 && string.IsNullOrWhiteSpace(oidc.DefaultRole))
            yield return new ConfigProblem($"{key}:Roles", "maps no claim value to a role, and there is no DefaultRole: nobody could sign in with single sign-on");
        if (string.IsNullOrWhiteSpace(oidc.DisplayName) || oidc.DisplayName.Length > 40)
            yield return new ConfigProblem($"{key}:DisplayName", "must be 1 to 40 characters (shown as \"Sign in with …\")");
        for (var i = 0; i < oidc.Scopes.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(oidc.Scopes[i]) || oidc.Scopes[i].Any(char.IsWhiteSpace))
                yield return new ConfigProblem($"{key}:Scopes:{i}", "must be one scope name without spaces");
        }
    }
}
