using System.Net.Mail;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Quartz;

namespace PartnerWatch.Config;

/// <summary>
/// Every rule the configuration must satisfy, each problem named by its key path. Used by <c>validate</c>,
/// by <c>scan</c> before it starts, and by the host at start-up (<c>ValidateOnStart</c>).
/// </summary>
public sealed partial class PartnerWatchOptionsValidator : IValidateOptions<PartnerWatchOptions>
{
    private const string Root = PartnerWatchOptions.SectionName;
    private static readonly string[] LogoExtensions = [".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".ico"];

    public ValidateOptionsResult Validate(string? name, PartnerWatchOptions options)
    {
        var problems = Check(options);
        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems.Select(p => p.ToString()));
    }

    public IReadOnlyList<ConfigProblem> Check(PartnerWatchOptions options)
    {
        var problems = new List<ConfigProblem>();
        void Problem(string path, string message) => problems.Add(new ConfigProblem($"{Root}:{path}", message));

        CheckBrands(options, Problem);
        CheckConfirmedPartners(options, Problem);
        CheckSites(options, Problem);
        CheckFetch(options.Fetch, Problem);
        CheckPoliteFetch(options, Problem);

        if (options.Schedule.Interval < TimeSpan.FromSeconds(10))
            Problem("Schedule:Interval", $"must be at least 00:00:10, was {options.Schedule.Interval}");
        if (options.Schedule.Jitter < TimeSpan.Zero)
            Problem("Schedule:Jitter", "must not be negative");

        CheckSmtp(options.Smtp, Problem);
        problems.AddRange(AlertsOptionsValidator.Check(options));
        problems.AddRange(PartnerSourcesValidator.Check(options));
        problems.AddRange(PartnerWatch.WebConsole.ConsoleOptionsValidator.Check(options.Console));
        problems.AddRange(ClusterOptionsValidator.Check(options.Cluster));

        if (string.IsNullOrWhiteSpace(options.Storage.DataDirectory))
            Problem("Storage:DataDirectory", "must name a folder");
        CheckStorage(options.Storage, Problem);
        if (options.Detection.ClaimThreshold is < 0 or > 1 || double.IsNaN(options.Detection.ClaimThreshold))
            Problem("Detection:ClaimThreshold", "must be between 0 and 1");
        if (options.Logging.Format is not ("text" or "json"))
            Problem("Logging:Format", $"must be \"text\" or \"json\", was \"{options.Logging.Format}\"");
        if (!Enum.TryParse<Serilog.Events.LogEventLevel>(options.Logging.Level, ignoreCase: true, out _))
            Problem("Logging:Level", $"must be one of {string.Join(", ", Enum.GetNames<Serilog.Events.LogEventLevel>())}");
        return problems;
    }

    /// <summary>The connection string is a secret: problems name the key and what is wrong, never the value.</summary>
    private static void CheckStorage(StorageOptions storage, Action<string, string> problem)
    {
        var isSqlite = string.Equals(storage.Provider, StorageOptions.Sqlite, StringComparison.OrdinalIgnoreCase);
        if (!isSqlite && !storage.IsPostgres())
        {
            problem("Storage:Provider", $"must be \"{StorageOptions.Sqlite}\" or \"{StorageOptions.Postgres}\", was \"{storage.Provider}\"");
            return;
        }

        if (!storage.IsPostgres())
            return;
        if (string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            problem("Storage:ConnectionString", "is required when Storage:Provider is Postgres (set it from the environment: PartnerWatch__Storage__ConnectionString)");
            return;
        }

        CheckPostgresConnectionString(storage.ConnectionString, problem);
    }

    /// <summary>
    /// Its own method, never inlined, so that Npgsql (and System.Data.Common) load only for a Postgres configuration: with
    /// tiered compilation off every method is JIT-compiled whole, and compiling the caller would load them for SQLite too.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CheckPostgresConnectionString(string connectionString, Action<string, string> problem)
    {
        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
                problem("Storage:ConnectionString", "names no Host");
            if (string.IsNullOrWhiteSpace(builder.Database))
                problem("Storage:ConnectionString", "names no Database");
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException or InvalidCastException)
        {
            // Npgsql's message may quote the offending part of the string, which can be the password.
            problem("Storage:ConnectionString", "is not a valid PostgreSQL connection string (Host=...;Database=...;Username=...;Password=...)");
        }
    }

    private static void CheckBrands(PartnerWatchOptions options, Action<string, string> problem)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Brands.Count; i++)
        {
            var brand = options.Brands[i];
            var at = $"Brands:{i}";
            if (string.IsNullOrWhiteSpace(brand.Id)) problem($"{at}:Id", "is required");
            else if (!IdPattern().IsMatch(brand.Id)) problem($"{at}:Id", $"\"{brand.Id}\" may use only letters, digits, '-', '_' and '.'");
            else if (!seen.Add(brand.Id)) problem($"{at}:Id", $"\"{brand.Id}\" is used by another brand");
            if (string.IsNullOrWhiteSpace(brand.Name)) problem($"{at}:Name", "is required");
            for (var a = 0; a < brand.Aliases.Count; a++)
                if (string.IsNullOrWhiteSpace(brand.Aliases[a])) problem($"{at}:Aliases:{a}", "must not be empty");
            for (var d = 0; d < brand.Domains.Count; d++)
                if (!IsDomain(brand.Domains[d])) problem($"{at}:Domains:{d}", $"\"{brand.Domains[d]}\" is not a domain name such as microsoft.com");
            for (var l = 0; l < brand.Logos.Count; l++)
            {
                var logo = brand.Logos[l];
                if (string.IsNullOrWhiteSpace(logo)) { problem($"{at}:Logos:{l}", "must not be empty"); continue; }
                var path = Path.GetFullPath(Path.Combine(options.BaseDirectory, logo));
                if (!LogoExtensions.Contains(Path.GetExtension(path).ToLowerInvariant()))
                    problem($"{at}:Logos:{l}", $"\"{logo}\" is not an SVG, PNG, JPEG, GIF, WebP, BMP or ICO file");
                else if (!File.Exists(path))
                    problem($"{at}:Logos:{l}", $"file not found: {path}");
            }
        }
    }

    private static void CheckConfirmedPartners(PartnerWatchOptions options, Action<string, string> problem)
    {
        var brandIds = options.Brands.Select(b => b.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (brandId, entries) in options.ConfirmedPartners)
        {
            if (!brandIds.Contains(brandId))
                problem($"ConfirmedPartners:{brandId}", $"no brand has the id \"{brandId}\"");
            for (var e = 0; e < entries.Count; e++)
                if (string.IsNullOrWhiteSpace(entries[e]))
                    problem($"ConfirmedPartners:{brandId}:{e}", "must be a site id or a domain");
        }
    }

    private static void CheckSites(PartnerWatchOptions options, Action<string, string> problem)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Sites.Count; i++)
        {
            var site = options.Sites[i];
            var at = $"Sites:{i}";
            if (string.IsNullOrWhiteSpace(site.Id)) problem($"{at}:Id", "is required");
            else if (!IdPattern().IsMatch(site.Id)) problem($"{at}:Id", $"\"{site.Id}\" may use only letters, digits, '-', '_' and '.'");
            else if (!seen.Add(site.Id)) problem($"{at}:Id", $"\"{site.Id}\" is used by another site");
            if (string.IsNullOrWhiteSpace(site.Url)) problem($"{at}:Url", "is required");
            else if (!Uri.TryCreate(site.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || string.IsNullOrEmpty(url.Host))
                problem($"{at}:Url", $"\"{site.Url}\" is not an absolute http(s) URL");
            else if (!string.IsNullOrEmpty(url.UserInfo))
                problem($"{at}:Url", "must not contain credentials");
            if (site.Interval is { } interval && interval < TimeSpan.FromSeconds(10))
                problem($"{at}:Interval", $"must be at least 00:00:10, was {interval}");
            if (site.Cron is { } cron && CronError(cron) is { } cronError)
                problem($"{at}:Cron", $"\"{cron}\" is not a valid Quartz cron expression (sec min hour day-of-month month day-of-week, e.g. \"0 0 */6 * * ?\"): {cronError}");
        }
    }

    private static void CheckFetch(FetchOptions fetch, Action<string, string> problem)
    {
        if (fetch.MaxBodyBytes is < 1024 or > 100 * 1024 * 1024) problem("Fetch:MaxBodyBytes", "must be between 1024 and 104857600");
        if (fetch.MaxImageBytes is < 1024 or > 50 * 1024 * 1024) problem("Fetch:MaxImageBytes", "must be between 1024 and 52428800");
        if (fetch.MaxPagesPerSite is < 1 or > 200) problem("Fetch:MaxPagesPerSite", "must be between 1 and 200");
        if (fetch.MaxRedirects is < 0 or > 20) problem("Fetch:MaxRedirects", "must be between 0 and 20");
        if (fetch.MaxRetries is < 0 or > 10) problem("Fetch:MaxRetries", "must be between 0 and 10");
        if (fetch.MaxConcurrentSites is < 1 or > 64) problem("Fetch:MaxConcurrentSites", "must be between 1 and 64");
        if (fetch.AttemptTimeout < TimeSpan.FromSeconds(1) || fetch.AttemptTimeout > TimeSpan.FromMinutes(5))
            problem("Fetch:AttemptTimeout", "must be between 00:00:01 and 00:05:00");
        if (fetch.TotalTimeout < fetch.AttemptTimeout || fetch.TotalTimeout > TimeSpan.FromMinutes(30))
            problem("Fetch:TotalTimeout", "must be at least Fetch:AttemptTimeout and at most 00:30:00");
        if (fetch.MaxRetryAfter < TimeSpan.Zero || fetch.MaxRetryAfter > TimeSpan.FromMinutes(10))
            problem("Fetch:MaxRetryAfter", "must be between 00:00:00 and 00:10:00");
        if (string.IsNullOrWhiteSpace(fetch.UserAgent) || !fetch.UserAgent.Contains("PartnerWatch", StringComparison.OrdinalIgnoreCase))
            problem("Fetch:UserAgent", "must name PartnerWatch so site owners can tell who is fetching");
        CheckBrowser(fetch.Browser, problem);
    }

    /// <summary>Robots, rate limit, languages, proxies and the page cache (docs/fetching.md).</summary>
    private static void CheckPoliteFetch(PartnerWatchOptions options, Action<string, string> problem)
    {
        var fetch = options.Fetch;
        if (double.IsNaN(fetch.PerHostRequestsPerSecond) || fetch.PerHostRequestsPerSecond < 0 || fetch.PerHostRequestsPerSecond > 1000
            || fetch.PerHostRequestsPerSecond is > 0 and < 0.01)
            problem("Fetch:PerHostRequestsPerSecond", "must be 0 (no limit) or between 0.01 and 1000");
        if (PartnerWatch.Fetch.FetchSettings.AcceptLanguageError(fetch.AcceptLanguage) is { } language)
            problem("Fetch:AcceptLanguage", language);
        if (PartnerWatch.Fetch.FetchSettings.ProxyError(fetch.Proxy, fetch.AllowPrivateProxy) is { } proxy)
            problem("Fetch:Proxy", proxy);
        if (fetch.PageCacheBytes is < 0 or > 4L * 1024 * 1024 * 1024)
            problem("Fetch:PageCacheBytes", "must be between 0 (no cache) and 4294967296");
        if (fetch.PageCacheMaxAge < TimeSpan.FromMinutes(1) || fetch.PageCacheMaxAge > TimeSpan.FromDays(30))
            problem("Fetch:PageCacheMaxAge", "must be between 00:01:00 and 30.00:00:00");
        for (var i = 0; i < options.Sites.Count; i++)
        {
            var site = options.Sites[i];
            if (site.AcceptLanguage is not null && PartnerWatch.Fetch.FetchSettings.AcceptLanguageError(site.AcceptLanguage) is { } siteLanguage)
                problem($"Sites:{i}:AcceptLanguage", siteLanguage);
            if (site.Proxy is not null && !PartnerWatch.Fetch.FetchSettings.IsNoProxy(site.Proxy)
                && PartnerWatch.Fetch.FetchSettings.ProxyError(site.Proxy, fetch.AllowPrivateProxy) is { } siteProxy)
                problem($"Sites:{i}:Proxy", siteProxy);
        }
    }

    private static void CheckBrowser(BrowserOptions browser, Action<string, string> problem)
    {
        if (!Enum.IsDefined(browser.Mode))
            problem("Fetch:Browser:Mode", "must be Auto, Always or Never");
        if (browser.Timeout < TimeSpan.FromSeconds(1) || browser.Timeout > TimeSpan.FromMinutes(5))
            problem("Fetch:Browser:Timeout", "must be between 00:00:01 and 00:05:00");
        if (browser.MaxConcurrent is < 1 or > 16)
            problem("Fetch:Browser:MaxConcurrent", "must be between 1 and 16");
        if (!string.IsNullOrWhiteSpace(browser.ExecutablePath) && browser.Mode != BrowserMode.Never
            && PartnerWatch.Fetch.Browser.ChromiumLocator.Find(browser.ExecutablePath) is null)
            problem("Fetch:Browser:ExecutablePath", $"\"{browser.ExecutablePath}\" is not an executable file");
        else if (browser.Mode == BrowserMode.Always && PartnerWatch.Fetch.Browser.ChromiumLocator.Find(browser.ExecutablePath) is null)
            problem("Fetch:Browser:Mode", $"is Always but no browser was found on PATH ({string.Join(", ", PartnerWatch.Fetch.Browser.ChromiumLocator.CandidateNames)}); install chromium, set Fetch:Browser:ExecutablePath, or use Auto");
    }

    private static void CheckSmtp(SmtpOptions smtp, Action<string, string> problem)
    {
        if (string.IsNullOrWhiteSpace(smtp.Host)) return; // outbox folder mode
        CheckSmtpServer(smtp, problem);
    }

    /// <summary>Never inlined, so that System.Net.Mail loads only when an SMTP server is configured (see CheckPostgresConnectionString).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CheckSmtpServer(SmtpOptions smtp, Action<string, string> problem)
    {
        if (smtp.Port is < 1 or > 65535) problem("Smtp:Port", "must be between 1 and 65535");
        if (!MailAddress.TryCreate(smtp.From, out _)) problem("Smtp:From", $"\"{smtp.From}\" is not an e-mail address");
        if (smtp.To.Count == 0) problem("Smtp:To", "needs at least one recipient when Smtp:Host is set");
        for (var i = 0; i < smtp.To.Count; i++)
            if (!MailAddress.TryCreate(smtp.To[i], out _)) problem($"Smtp:To:{i}", $"\"{smtp.To[i]}\" is not an e-mail address");
        if (!string.IsNullOrEmpty(smtp.UserName) && string.IsNullOrEmpty(smtp.Password))
            problem("Smtp:Password", "is required when Smtp:UserName is set (set it from the environment: PartnerWatch__Smtp__Password)");
        if (smtp.Timeout < TimeSpan.FromSeconds(1)) problem("Smtp:Timeout", "must be at least 00:00:01");
    }

    private static string? CronError(string cron)
    {
        try
        {
            _ = new CronExpression(cron);
            return null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }

    private static bool IsDomain(string value) =>
        !string.IsNullOrWhiteSpace(value) && Uri.CheckHostName(value.Trim()) == UriHostNameType.Dns && value.Contains('.');

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex IdPattern();
}
