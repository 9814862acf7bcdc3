namespace PartnerWatch.Config;

/// <summary>The root configuration section <c>PartnerWatch</c>; see README "Configuration reference".</summary>
public sealed class PartnerWatchOptions
{
    public const string SectionName = "PartnerWatch";

    public List<BrandOptions> Brands { get; set; } = [];

    /// <summary>Brand id → site ids or domains confirmed as that brand's partners.</summary>
    public Dictionary<string, List<string>> ConfirmedPartners { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Partner lists in files or at URLs, refreshed on a schedule and merged with <see cref="ConfirmedPartners"/>.</summary>
    public List<ConfirmedPartnerSourceOptions> ConfirmedPartnerSources { get; set; } = [];

    public List<SiteOptions> Sites { get; set; } = [];
    public FetchOptions Fetch { get; set; } = new();
    public ScheduleOptions Schedule { get; set; } = new();
    public SmtpOptions Smtp { get; set; } = new();
    public StorageOptions Storage { get; set; } = new();
    public DetectionOptions Detection { get; set; } = new();
    public LoggingOptions Logging { get; set; } = new();
    public AlertsOptions Alerts { get; set; } = new();
    public ApiOptions Api { get; set; } = new();
    public List<WebhookOptions> Webhooks { get; set; } = [];
    /// <summary>The web console at <c>/</c>: users and roles (see docs/console.md).</summary>
    public PartnerWatch.WebConsole.ConsoleOptions Console { get; set; } = new();
    /// <summary>Several nodes on one PostgreSQL database (docs/cluster.md).</summary>
    public ClusterOptions Cluster { get; set; } = new();

    /// <summary>
    /// Directory that relative paths in the configuration (logos, partner lists) are resolved against:
    /// the directory of the <c>--config</c> file, else the program's directory. Set by the loader, not by users.
    /// </summary>
    public string BaseDirectory { get; set; } = AppContext.BaseDirectory;
}

public sealed class BrandOptions
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public List<string> Aliases { get; set; } = [];
    public List<string> Domains { get; set; } = [];
    /// <summary>Reference logo files (SVG, PNG, JPEG, GIF, WebP), relative to the config file.</summary>
    public List<string> Logos { get; set; } = [];
}

public sealed class SiteOptions
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";
    /// <summary>Overrides <see cref="ScheduleOptions.Interval"/> for this site.</summary>
    public TimeSpan? Interval { get; set; }
    /// <summary>Quartz cron expression; wins over any interval.</summary>
    public string? Cron { get; set; }
    /// <summary>
    /// True to fetch this site without reading its robots.txt (e.g. the operator's own site); logged at each scan.
    /// Default false: robots.txt is honoured (docs/fetching.md).
    /// </summary>
    public bool IgnoreRobots { get; set; }
    /// <summary>Overrides <see cref="FetchOptions.AcceptLanguage"/> for this site (e.g. <c>zh-CN,zh;q=0.9</c>).</summary>
    public string? AcceptLanguage { get; set; }
    /// <summary>Overrides <see cref="FetchOptions.Proxy"/> for this site; <c>none</c> fetches it directly.</summary>
    public string? Proxy { get; set; }
}

public sealed class FetchOptions
{
    /// <summary>When false (default) no request may reach loopback, private, link-local or other non-public addresses.</summary>
    public bool AllowPrivateNetworks { get; set; }
    /// <summary>Largest response body read, in bytes (default 5 MiB); larger bodies are cut off and reported.</summary>
    public long MaxBodyBytes { get; set; } = 5 * 1024 * 1024;
    /// <summary>Largest image read, in bytes (default 2 MiB).</summary>
    public long MaxImageBytes { get; set; } = 2 * 1024 * 1024;
    /// <summary>Pages fetched per site per scan, start page included (default 8).</summary>
    public int MaxPagesPerSite { get; set; } = 8;
    /// <summary>Redirects followed per request (default 5).</summary>
    public int MaxRedirects { get; set; } = 5;
    /// <summary>Timeout of one attempt (default 15 s).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);
    /// <summary>Timeout of one request including retries (default 60 s).</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>Retries on transient failures (default 2, so 3 attempts).</summary>
    public int MaxRetries { get; set; } = 2;
    /// <summary>Longest <c>Retry-After</c> honoured (default 30 s); longer waits give up.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Sites scanned at the same time (default 2).</summary>
    public int MaxConcurrentSites { get; set; } = 2;
    public string UserAgent { get; set; } = "PartnerWatch/0.1 (+brand-protection partner-claim monitor)";
    /// <summary>Rendering of script-built pages in headless Chromium (see README "Pages built by JavaScript").</summary>
    public BrowserOptions Browser { get; set; } = new();
    /// <summary>
    /// Requests per second sent to one host (scheme + host + port), across all sites and scans of this process
    /// (default 2; 0 turns the limit off). See docs/fetching.md.
    /// </summary>
    public double PerHostRequestsPerSecond { get; set; } = 2;

    /// <summary>
    /// Pace loopback hosts too. Off by default: the per-host limit protects other people's servers; a site on this
    /// machine (fixtures, the demo, an evaluation corpus serving every site from one port) is the operator's own.
    /// </summary>
    public bool PaceLoopback { get; set; }
    /// <summary><c>Accept-Language</c> sent with every request unless the site sets its own (default <c>en;q=0.9,*;q=0.5</c>).</summary>
    public string AcceptLanguage { get; set; } = "en;q=0.9,*;q=0.5";
    /// <summary>
    /// HTTP proxy for every request (<c>http://host:port</c>, optional <c>user:password@</c>); empty (default) fetches
    /// directly. Requests go through it as CONNECT tunnels to addresses the address guard has allowed.
    /// </summary>
    public string? Proxy { get; set; }
    /// <summary>True to allow a proxy on a loopback or private address (a proxy on the operator's own network).</summary>
    public bool AllowPrivateProxy { get; set; }
    /// <summary>
    /// Send <c>If-None-Match</c> / <c>If-Modified-Since</c> for pages seen before (default true): an unchanged page costs
    /// a 304 and the previous scan's findings on it are reused.
    /// </summary>
    public bool ConditionalRequests { get; set; } = true;
    /// <summary>Memory for remembered pages (validators, links, findings, bodies of pages with findings); default 64 MiB.</summary>
    public long PageCacheBytes { get; set; } = 64 * 1024 * 1024;
    /// <summary>A remembered page older than this is fetched in full again (default 1 day), so its images are matched anew.</summary>
    public TimeSpan PageCacheMaxAge { get; set; } = TimeSpan.FromDays(1);
}

public enum BrowserMode { Auto, Always, Never }

public sealed class BrowserOptions
{
    /// <summary>
    /// <c>Auto</c> (default): render a page only when Chromium is found and the served HTML looks built by scripts;
    /// <c>Always</c>: render every page (Chromium required); <c>Never</c>: use the HTML as served.
    /// </summary>
    public BrowserMode Mode { get; set; } = BrowserMode.Auto;
    /// <summary>Chromium or Chrome executable; empty (default) looks for chromium, chromium-browser, google-chrome on PATH.</summary>
    public string? ExecutablePath { get; set; }
    /// <summary>Longest a page render may take, browser start included (default 20 s); the browser is then killed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);
    /// <summary>Browsers running at the same time (default 1: each one is heavy).</summary>
    public int MaxConcurrent { get; set; } = 1;
}

public sealed class ScheduleOptions
{
    /// <summary>Default time between scans of a site (default 6 h).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);
    /// <summary>Scan every site as soon as the service has started.</summary>
    public bool RunOnStart { get; set; }
    /// <summary>
    /// Window sites are spread over (default 1 min): each site has a fixed offset in [0, Jitter) from its id, applied
    /// to every firing, interval and cron alike (see Schedule/SiteTriggers).
    /// </summary>
    public TimeSpan Jitter { get; set; } = TimeSpan.FromMinutes(1);
}

public enum SmtpSecurity { Auto, None, StartTls, SslOnConnect }

public sealed class SmtpOptions
{
    /// <summary>SMTP server; when empty, alerts are written as .eml files to the outbox folder.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
    /// <summary>Set from the environment (<c>PartnerWatch__Smtp__UserName</c>); never logged.</summary>
    public string? UserName { get; set; }
    /// <summary>Set from the environment (<c>PartnerWatch__Smtp__Password</c>); never logged.</summary>
    public string? Password { get; set; }
    public string From { get; set; } = "partnerwatch@localhost";
    public List<string> To { get; set; } = [];
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class StorageOptions
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>
    /// Database, outbox and evidence live here; relative to the working directory (default <c>data</c>). With PostgreSQL
    /// the evidence files and the outbox folder still live here, so it must be durable storage.
    /// </summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary><c>Sqlite</c> (default: an embedded file in <see cref="DataDirectory"/>) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>Npgsql connection string, required for <c>Postgres</c>; a secret (it may hold a password): never logged.</summary>
    public string? ConnectionString { get; set; }

    // A method, not a property: the options binder lists properties as configuration keys.
    public bool IsPostgres() => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);
}

public sealed class DetectionOptions
{
    /// <summary>Lowest confidence reported as a claim (default 0.5); see README "What counts as a claim".</summary>
    public double ClaimThreshold { get; set; } = 0.5;

    /// <summary>
    /// True: every labelled logo in a partner context is downloaded and matched by its pixels even when the page's own
    /// words already give its brand the highest confidence, so each such logo gets a <c>logo-image</c> evidence line and
    /// a stored copy (the alert e-mail shows it). False: those images are skipped — the claims are the same, the scan
    /// cheaper (docs/performance.md "Session 9"). Unset (default): true wherever evidence is kept (the service,
    /// <c>scan --store</c>), false for a <c>scan</c> that stores nothing.
    /// </summary>
    public bool? MatchEveryLogo { get; set; }
}

public sealed class LoggingOptions
{
    /// <summary><c>text</c> (readable, default) or <c>json</c> (compact JSON for containers).</summary>
    public string Format { get; set; } = "text";
    /// <summary>Optional rolling log file path.</summary>
    public string? File { get; set; }
    public string Level { get; set; } = "Information";
}
