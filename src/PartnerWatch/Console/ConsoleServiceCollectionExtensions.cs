using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.WebEncoders;
using PartnerWatch.Config;
using PartnerWatch.Store;

namespace PartnerWatch.WebConsole;

public static class ConsoleServiceCollectionExtensions
{
    public const string CanActPolicy = "console-act";
    public const string AdminPolicy = "console-admin";
    public const string CookieName = "PartnerWatch.Console";
    public const string LoginRateLimit = "console-login";
    public const int LoginAttemptsPerMinute = 10;

    /// <summary>
    /// The web console at <c>/</c> (Razor Pages under Console/Pages): cookie sign-in for the users in
    /// <c>Console:Users</c> and, when <c>Console:Oidc</c> is set, through an OpenID Connect provider; roles
    /// viewer/analyst/admin, anti-forgery on every form. Needs the store and the scheduler.
    /// </summary>
    public static IServiceCollection AddConsole(this IServiceCollection services, PartnerWatchOptions options)
    {
        var assembly = typeof(ConsoleServiceCollectionExtensions).Assembly;
        services.AddRazorPages(pages =>
            {
                pages.RootDirectory = "/Console/Pages";
                pages.Conventions.AuthorizeFolder("/");
                pages.Conventions.AllowAnonymousToPage("/Login");
            })
            // The host may be started by another entry assembly (tests): the pages live in this one.
            .ConfigureApplicationPartManager(manager =>
            {
                if (!manager.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == assembly))
                {
                    foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                        manager.ApplicationParts.Add(part);
                }
            });

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.HttpOnly = true;
                // Strict, except with single sign-on: the return from the provider is a cross-site navigation, and a
                // Strict cookie set there is not sent on the redirect into the console. Forms carry anti-forgery tokens.
                cookie.Cookie.SameSite = options.Console.Oidc.Enabled ? SameSiteMode.Lax : SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = options.Console.SecureCookie ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                cookie.LoginPath = "/login";
                cookie.LogoutPath = "/logout";
                cookie.AccessDeniedPath = "/login";
                cookie.ExpireTimeSpan = options.Console.SessionTimeout;
                cookie.SlidingExpiration = true;
            })
            .AddConsoleSingleSignOn(options.Console);
        services.AddAuthorizationBuilder()
            .AddPolicy(CanActPolicy, p => p.RequireRole(ConsoleRoles.Analyst, ConsoleRoles.Admin))
            .AddPolicy(AdminPolicy, p => p.RequireRole(ConsoleRoles.Admin));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = CookieName + ".Antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = options.Console.SecureCookie ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });

        // Password guessing: at most LoginAttemptsPerMinute sign-in posts per client address and minute, then 429.
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(LoginRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = LoginAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
        });

        // Sign-in cookies stay valid across restarts: the keys live with the database, not in the (maybe read-only) home.
        var keys = Path.Combine(DataDirectory.FromOptions(options).Root, "keys");
        services.AddDataProtection().SetApplicationName("PartnerWatch").PersistKeysToFileSystem(new DirectoryInfo(keys));

        // Page text in any script (合作伙伴) is written as characters, not as numeric entities; HTML escaping still applies.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddSingleton<ConsoleUsers>();
        services.AddSingleton(sp => new ClaimReviewStore(
            sp.GetRequiredService<StoreDialect>(), sp.GetRequiredService<IScanStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AccuracyReport>();
        // Scheduled scans keep the stored screenshot of a claim page that did not change (Fetch/Browser/ScreenshotReuse).
        services.AddSingleton<PartnerWatch.Fetch.Browser.IScreenshotHistory>(sp => new StoredScreenshotHistory(sp.GetRequiredService<IScanStore>(),
            sp.GetRequiredService<ClaimReviewStore>(), sp.GetRequiredService<IEvidenceBlobs>(), sp.GetRequiredService<PartnerWatchOptions>()));
        services.AddSingleton<ConsolePartnerList>();
        services.AddHostedService(sp => sp.GetRequiredService<ConsolePartnerList>());
        return services;
    }
}
