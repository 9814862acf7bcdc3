using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PartnerWatch.WebConsole.Pages;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(ConsoleServiceCollectionExtensions.LoginRateLimit)]
public sealed class LoginModel(ConsoleUsers users, PartnerWatch.Config.PartnerWatchOptions options) : PageModel
{
    public string? Error { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public bool UsersConfigured => users.AnyConfigured || SingleSignOn;

    public bool PasswordsConfigured => users.AnyConfigured;

    /// <summary>True when <c>Console:Oidc</c> is set: the page offers "Sign in with …".</summary>
    public bool SingleSignOn => options.Console.Oidc.Enabled;

    public string SingleSignOnName => options.Console.Oidc.DisplayName;

    public void OnGet(string? returnUrl, string? sso)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        Error = sso switch
        {
            "denied" => $"You signed in with {SingleSignOnName}, but your account has no PartnerWatch role. Ask an administrator to map one of your {options.Console.Oidc.RoleClaim} to a role (Console:Oidc:Roles).",
            "failed" => $"Sign-in with {SingleSignOnName} did not complete. Try again; if it keeps failing, the service log says why.",
            _ => null,
        };
        if (Error is not null) Response.StatusCode = StatusCodes.Status401Unauthorized;
    }

    /// <summary>
    /// Starts single sign-on: a GET (a link, not a form), because the console's policy lets forms post only to itself,
    /// and browsers apply that to the redirect to the provider too.
    /// </summary>
    public IActionResult OnGetSso(string? returnUrl)
    {
        if (!SingleSignOn) return NotFound();
        return Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl(returnUrl) }, ConsoleSingleSignOn.Scheme);
    }

    public async Task<IActionResult> OnPostAsync(string? name, string? password, string? returnUrl)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        var principal = users.SignIn(name, password, HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (principal is null)
        {
            Error = "Unknown user or wrong password.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return LocalRedirect(ReturnUrl);
    }

    /// <summary>Only paths of this service: an open redirect after sign-in would make a phishing link look trustworthy.</summary>
    private string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) && !returnUrl.StartsWith("/login", StringComparison.OrdinalIgnoreCase) ? returnUrl : "/";
}
