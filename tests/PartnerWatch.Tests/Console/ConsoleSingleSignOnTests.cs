using System.Net;
using PartnerWatch.Config;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.WebConsole;

/// <summary>
/// Console single sign-on (OpenID Connect) end to end: the real service with its real authentication middleware, a real
/// loopback provider (<see cref="TestOidcProvider"/>: discovery, JWKS, code + PKCE, RS256 ID token), and an HttpClient
/// that follows the redirects as a browser would and keeps the cookies.
/// </summary>
public sealed class ConsoleSingleSignOnTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private TestOidcProvider _provider = null!;

    public async Task InitializeAsync() => _provider = await TestOidcProvider.StartAsync();

    public async Task DisposeAsync()
    {
        await _provider.DisposeAsync();
        _temp.Dispose();
    }

    private Dictionary<string, string?> Settings(Action<Dictionary<string, string?>>? change = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["PartnerWatch:Brands:0:Id"] = "microsoft",
            ["PartnerWatch:Brands:0:Name"] = "Microsoft",
            ["PartnerWatch:Sites:0:Id"] = "sensenets",
            ["PartnerWatch:Sites:0:Url"] = "http://127.0.0.1:9/",
            ["PartnerWatch:Sites:0:Cron"] = "0 0 0 1 1 ? 2099",
            ["PartnerWatch:Schedule:Jitter"] = "00:00:00",
            ["PartnerWatch:Storage:DataDirectory"] = _temp.Combine("data"),
            ["PartnerWatch:Console:Oidc:Authority"] = _provider.Issuer,
            ["PartnerWatch:Console:Oidc:ClientId"] = TestOidcProvider.ClientId,
            ["PartnerWatch:Console:Oidc:ClientSecret"] = TestOidcProvider.ClientSecret,
            ["PartnerWatch:Console:Oidc:DisplayName"] = "Contoso SSO",
            ["PartnerWatch:Console:Oidc:Roles:pw-analysts"] = "analyst",
            ["PartnerWatch:Console:Oidc:Roles:pw-admins"] = "admin",
        };
        change?.Invoke(settings);
        return settings;
    }

    private static (HttpClient Client, CookieContainer Cookies) Browser(ServiceHost service)
    {
        var cookies = new CookieContainer();
        var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = true, MaxAutomaticRedirections = 10 };
        return (new HttpClient(handler) { BaseAddress = service.Client.BaseAddress, Timeout = TimeSpan.FromSeconds(60) }, cookies);
    }

    /// <summary>Follows the login page's "Sign in with …" link through the provider and back.</summary>
    private static async Task<HttpResponseMessage> SignInWithSsoAsync(HttpClient browser, string returnUrl)
    {
        var login = await browser.GetStringAsync("/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        var href = System.Text.RegularExpressions.Regex.Match(login, "id=\"sso\" href=\"([^\"]+)\"");
        Assert.True(href.Success, "no SSO link on the sign-in page:\n" + login);
        return await browser.GetAsync(WebUtility.HtmlDecode(href.Groups[1].Value));
    }

    private static string Who(string page)
    {
        var match = System.Text.RegularExpressions.Regex.Match(page, "<span id=\"who\">([^<]*)</span>");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value).Trim() : "";
    }

    [Fact]
    public async Task AnAnalystSignsInThroughTheProviderAndLandsWhereTheyWereGoing()
    {
        await using var service = await ServiceHost.StartAsync(ConfigurationLoader.Load(null, Settings()));
        var (browser, _) = Browser(service);
        using var _ = browser;
        _provider.NextUser = new ProviderUser("u-42", "alice", ["staff", "pw-analysts"]);

        var loginPage = await browser.GetStringAsync("/login");
        Assert.Contains(">Sign in with Contoso SSO</a>", loginPage);
        // No local users configured: the page offers single sign-on only, and does not say "no users configured".
        Assert.DoesNotContain("id=\"sign-in\"", loginPage);
        Assert.DoesNotContain("No console users are configured", loginPage);

        using var landed = await SignInWithSsoAsync(browser, "/claims?status=open");

        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal("/claims", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("?status=open", landed.RequestMessage.RequestUri.Query);
        Assert.Equal("alice · analyst", Who(await landed.Content.ReadAsStringAsync()));
        Assert.Equal(1, _provider.TokensIssued);
        Assert.Empty(_provider.Problems);

        // The cookie sign-in holds for the next page, as after a password sign-in.
        var overview = await browser.GetAsync("/");
        Assert.Equal("/", overview.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("alice · analyst", Who(await overview.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task InARealBrowserTheSsoButtonSignsTheUserIn()
    {
        var chromium = PartnerWatch.Fetch.Browser.ChromiumLocator.Find(null)
            ?? throw new InvalidOperationException("no chromium on PATH: install it (apt-get install -y chromium) to run the console browser tests");
        await using var service = await ServiceHost.StartAsync(ConfigurationLoader.Load(null, Settings(s =>
        {
            // Local users and single sign-on side by side, as most teams would run it.
            s["PartnerWatch:Console:Users:0:Name"] = "sam";
            s["PartnerWatch:Console:Users:0:Role"] = "viewer";
            s["PartnerWatch:Console:Users:0:PasswordHash"] = PartnerWatch.WebConsole.PasswordHashes.Hash("a long test passphrase");
        })));
        _provider.NextUser = new ProviderUser("u-42", "alice", ["pw-analysts"]);
        await using var browser = await PuppeteerSharp.Puppeteer.LaunchAsync(new PuppeteerSharp.LaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            DefaultViewport = new PuppeteerSharp.ViewPortOptions { Width = 1280, Height = 720 },
        });
        var page = await browser.NewPageAsync();
        var origin = service.Client.BaseAddress!.AbsoluteUri.TrimEnd('/');

        await page.GoToAsync(origin + "/claims");
        Assert.Equal("Sign in with Contoso SSO", (await page.EvaluateExpressionAsync<string>("document.querySelector('#sso').innerText")).Trim());
        Assert.NotNull(await page.QuerySelectorAsync("#sign-in"));
        var folder = Path.Combine(AppContext.BaseDirectory, "console-screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(Path.Combine(folder, "sign-in-sso.png"));
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("#sso"));

        Assert.Equal(origin + "/claims", page.Url);
        Assert.Equal("alice · analyst", (await page.EvaluateExpressionAsync<string>("document.querySelector('#who').innerText")).Trim());
        Assert.Equal(1, _provider.TokensIssued);
    }

    [Fact]
    public async Task TheHighestMappedRoleWinsAndAnAdminMayQueueAScan()
    {
        await using var service = await ServiceHost.StartAsync(ConfigurationLoader.Load(null, Settings()));
        var (browser, _) = Browser(service);
        using var _ = browser;
        _provider.NextUser = new ProviderUser("u-7", "root@contoso.test", ["pw-analysts", "pw-admins"]);

        using var landed = await SignInWithSsoAsync(browser, "/");

        var page = await landed.Content.ReadAsStringAsync();
        Assert.Equal("root@contoso.test · admin", Who(page));
        // The admin-only control on the overview ("Scan now") is offered.
        Assert.Contains(">Scan now</button>", page);
    }

    [Fact]
    public async Task AProviderUserWithoutAMappedRoleIsNotSignedIn()
    {
        await using var service = await ServiceHost.StartAsync(ConfigurationLoader.Load(null, Settings()));
        var (browser, _) = Browser(service);
        using var _ = browser;
        _provider.NextUser = new ProviderUser("u-9", "mallory", ["staff"]);

        using var landed = await SignInWithSsoAsync(browser, "/");

        Assert.Equal(HttpStatusCode.Unauthorized, landed.StatusCode);
        Assert.Equal("/login", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("your account has no PartnerWatch role", await landed.Content.ReadAsStringAsync());
        var overview = await browser.GetAsync("/");
        Assert.Equal("/login", overview.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(1, _provider.TokensIssued);
    }

    [Fact]
    public async Task AnIdTokenNotSignedByTheProvidersPublishedKeyIsRefused()
    {
        await using var service = await ServiceHost.StartAsync(ConfigurationLoader.Load(null, Settings()));
        var (browser, _) = Browser(service);
        using var _ = browser;
        _provider.SignWithUnpublishedKey = true;

        using var landed = await SignInWithSsoAsync(browser, "/");

        Assert.Equal("/login", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("did not complete", await landed.Content.ReadAsStringAsync());
        var overview = await browser.GetAsync("/");
        Assert.Equal("/login", overview.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task AWrongClientSecretIsRefusedByTheProviderAndNobodyIsSignedIn()
    {
        await using var service = await ServiceHost.StartAsync(ConfigurationLoader.Load(null, Settings(s => s["PartnerWatch:Console:Oidc:ClientSecret"] = "not-the-secret")));
        var (browser, _) = Browser(service);
        using var _ = browser;

        using var landed = await SignInWithSsoAsync(browser, "/");

        Assert.Equal("/login", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("token: bad client credentials", _provider.Problems);
        Assert.Equal(0, _provider.TokensIssued);
    }

    [Fact]
    public async Task WithoutOidcKeysTheSignInPageHasNoSsoButton()
    {
        var settings = Settings(s =>
        {
            foreach (var key in s.Keys.Where(k => k.Contains(":Oidc:", StringComparison.Ordinal)).ToList()) s.Remove(key);
        });
        await using var service = await ServiceHost.StartAsync(ConfigurationLoader.Load(null, settings));

        var login = await service.Client.GetStringAsync("/login");

        Assert.DoesNotContain("id=\"sso\"", login);
        Assert.Contains("id=\"sign-in\"", login);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Client.GetAsync("/login?handler=Sso")).StatusCode);
    }

    [Theory]
    [InlineData("PartnerWatch:Console:Oidc:ClientId", "", "PartnerWatch:Console:Oidc:ClientId: is required")]
    [InlineData("PartnerWatch:Console:Oidc:Authority", "http://login.contoso.example/", "PartnerWatch:Console:Oidc:Authority: must use https")]
    [InlineData("PartnerWatch:Console:Oidc:Authority", "not a url", "PartnerWatch:Console:Oidc:Authority: must be the identity provider's issuer URL")]
    [InlineData("PartnerWatch:Console:Oidc:Roles:pw-analysts", "superuser", "PartnerWatch:Console:Oidc:Roles:pw-analysts: must be one of viewer, analyst, admin")]
    [InlineData("PartnerWatch:Console:Oidc:DefaultRole", "owner", "PartnerWatch:Console:Oidc:DefaultRole: must be empty")]
    [InlineData("PartnerWatch:Console:Oidc:Scops:0", "groups", "PartnerWatch:Console:Oidc:Scops: unknown key")]
    public void BadSingleSignOnSettingsAreRefusedAtStartNamingTheKey(string key, string value, string expected)
    {
        var loaded = ConfigurationLoader.Load(null, Settings(s => s[key] = value));

        Assert.False(loaded.IsValid);
        Assert.Contains(loaded.Problems.Select(p => p.ToString()), p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void TheClientSecretIsNeverEchoedInAProblem()
    {
        var loaded = ConfigurationLoader.Load(null, Settings(s => s["PartnerWatch:Console:Oidc:ClientId"] = null));

        Assert.False(loaded.IsValid);
        Assert.DoesNotContain(loaded.Problems.Select(p => p.ToString()), p => p.Contains(TestOidcProvider.ClientSecret, StringComparison.Ordinal));
    }
}
