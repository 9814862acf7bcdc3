using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace PartnerWatch.WebConsole;

/// <summary>
/// Single sign-on for the console through an OpenID Connect provider (<c>Console:Oidc</c>): the authorization code flow
/// with PKCE, the ID token checked against the provider's published keys, then one claim mapped to a console role. The
/// result is the same sign-in cookie a password sign-in gets, so the rest of the console does not know the difference.
/// </summary>
public static partial class ConsoleSingleSignOn
{
    public const string Scheme = "oidc";
    public const string CallbackPath = "/signin-oidc";
    /// <summary>Marks a cookie sign-in that came through the provider (the history shows who acted, not how they signed in).</summary>
    public const string MethodClaim = "partnerwatch:sign-in";

    /// <summary>Where a failed or refused provider sign-in lands: the sign-in page with a reason it can show.</summary>
    internal const string DeniedPath = "/login?sso=denied";
    internal const string FailedPath = "/login?sso=failed";

    public static AuthenticationBuilder AddConsoleSingleSignOn(this AuthenticationBuilder builder, ConsoleOptions console)
    {
        var oidc = console.Oidc;
        if (!oidc.Enabled) return builder;
        var authority = new Uri(oidc.Authority!.Trim());

        return builder.AddOpenIdConnect(Scheme, oidc.DisplayName, o =>
        {
            o.Authority = authority.AbsoluteUri.TrimEnd('/');
            o.ClientId = oidc.ClientId!.Trim();
            o.ClientSecret = string.IsNullOrWhiteSpace(oidc.ClientSecret) ? null : oidc.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            // The code comes back on a plain GET redirect: a cross-site form post would need SameSite=None cookies,
            // which browsers drop over http, and the console's policy allows form posts only to itself.
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.Scope.Clear();
            foreach (var scope in new[] { "openid", "profile" }.Concat(oidc.Scopes).Distinct(StringComparer.Ordinal)) o.Scope.Add(scope);
            o.CallbackPath = CallbackPath;
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.RequireHttpsMetadata = !ConsoleOidcOptions.IsLoopback(authority);
            // Claim names as the provider sends them ("roles", "groups", "preferred_username"), not SOAP-era URIs.
            o.MapInboundClaims = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.SaveTokens = false;
            o.DisableTelemetry = true;
            o.TokenValidationParameters.NameClaimType = "preferred_username";
            foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
            {
                cookie.SameSite = SameSiteMode.Lax;
                cookie.SecurePolicy = console.SecureCookie ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            }

            o.Events.OnTokenValidated = context =>
            {
                var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConsoleSingleSignOn));
                var provided = context.Principal ?? new ClaimsPrincipal();
                var name = NameOf(provided);
                var values = provided.FindAll(oidc.RoleClaim).Select(c => c.Value).ToList();
                var role = oidc.RoleFor(values);
                if (role is null)
                {
                    LogNoRole(logger, Shorten(name), oidc.RoleClaim, values.Count);
                    context.Fail($"no console role for this user ({oidc.RoleClaim} maps to none)");
                    return Task.CompletedTask;
                }

                LogSignedIn(logger, Shorten(name), role);
                // Only what the console needs goes into its cookie: not the provider's whole token.
                context.Principal = new ClaimsPrincipal(new ClaimsIdentity(
                    [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role), new Claim(MethodClaim, "sso")],
                    CookieAuthenticationDefaults.AuthenticationScheme));
                return Task.CompletedTask;
            };
            o.Events.OnRemoteFailure = context =>
            {
                var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConsoleSingleSignOn));
                var denied = context.Failure?.Message.StartsWith("no console role", StringComparison.Ordinal) == true;
                if (!denied) LogFailed(logger, context.Failure?.GetType().Name ?? "unknown", FirstLine(context.Failure?.Message));
                context.Response.Redirect(denied ? DeniedPath : FailedPath);
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }

    /// <summary>The name shown in the console and written in the claim history: the provider's user name, else e-mail, else subject.</summary>
    private static string NameOf(ClaimsPrincipal principal)
    {
        foreach (var type in new[] { "preferred_username", "email", "name", "sub" })
        {
            if (principal.FindFirst(type)?.Value is { Length: > 0 } value) return Shorten(value.Trim(), 100);
        }
        return "sso-user";
    }

    private static string Shorten(string value, int max = 50) => value.Length <= max ? value : value[..max] + "…";

    private static string FirstLine(string? message) => message is null ? "" : Shorten(message.Split('\n')[0].Trim(), 300);

    [LoggerMessage(Level = LogLevel.Information, Message = "Console single sign-on: {User} ({Role})")]
    private static partial void LogSignedIn(ILogger logger, string user, string role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Console single sign-on refused for {User}: none of {Count} {RoleClaim} values maps to a role")]
    private static partial void LogNoRole(ILogger logger, string user, string roleClaim, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Console single sign-on failed: {Error}: {Reason}")]
    private static partial void LogFailed(ILogger logger, string error, string reason);
}
