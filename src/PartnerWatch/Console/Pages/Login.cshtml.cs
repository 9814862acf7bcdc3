using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PartnerWatch.WebConsole.Pages;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(ConsoleServiceCollectionExtensions.LoginRateLimit)]
public sealed class LoginModel(ConsoleUsers users) : PageModel
{
    public string? Error { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public bool UsersConfigured => users.AnyConfigured;

    public void OnGet(string? returnUrl) => ReturnUrl = SafeReturnUrl(returnUrl);

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
