using System.Text.Json;
using PartnerWatch.Cli;
using PartnerWatch.Demo;
using PartnerWatch.Fetch.Browser;
using PartnerWatch.Tests.Infrastructure;
using PuppeteerSharp;

namespace PartnerWatch.Tests.WebConsole;

/// <summary>
/// The console in a real headless Chromium (the installed Debian browser, driven by PuppeteerSharp; no download),
/// against the real service scanning the bundled demo sites over loopback: sign in, find the claim, see its screenshot,
/// dismiss it, see the accuracy change; a viewer cannot act; a form post without its anti-forgery token is refused.
/// Screenshots of the pages are written to the test output (and to docs/img with PARTNERWATCH_UPDATE_DOC_IMAGES=1).
/// </summary>
public sealed class ConsoleBrowserTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private DemoSiteServer _sites = null!;
    private ServiceHost _service = null!;
    private IBrowser _browser = null!;

    private string Base => _service.Client.BaseAddress!.ToString().TrimEnd('/');

    public async Task InitializeAsync()
    {
        var chromium = ChromiumLocator.Find(null)
            ?? throw new InvalidOperationException("no chromium on PATH: install it (apt-get install -y chromium) to run the console browser tests");
        _sites = await DemoSiteServer.StartAsync(CancellationToken.None);
        _service = await ServiceHost.StartAsync(DemoCommand.LoadDemoConfiguration(_sites.Origin, _data.Path));
        await _service.WaitForStatusAsync(s => s.GetProperty("openClaims").GetArrayLength() == 1, TimeSpan.FromSeconds(90));
        _browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            DefaultViewport = new PuppeteerSharp.ViewPortOptions { Width = 1280, Height = 860 },
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        if (_service is not null) await _service.DisposeAsync();
        if (_sites is not null) await _sites.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task AnalystSignsInSeesTheClaimWithItsScreenshotDismissesItAndAccuracyChanges()
    {
        await using var context = await _browser.CreateBrowserContextAsync();
        var page = await context.NewPageAsync();

        await page.GoToAsync(Base + "/");
        Assert.EndsWith("/login?ReturnUrl=%2F", page.Url);
        await SaveAsync(page, "sign-in.png");
        await SignInAsync(page, "analyst", "demo-analyst");

        Assert.Equal("1", await TextAsync(page, "#open-count"));
        Assert.Contains("microsoft", await TextAsync(page, "#by-brand"));
        Assert.Contains("0 wrong", await TextAsync(page, ".cards"));
        await SaveAsync(page, "overview.png");

        await page.GoToAsync(Base + "/claims?status=open");
        var link = await page.QuerySelectorAsync("#claims a");
        Assert.NotNull(link);
        await Task.WhenAll(page.WaitForNavigationAsync(), link.ClickAsync());
        Assert.Equal("dongfang-shiyun", await TextAsync(page, "#claim-site"));
        Assert.Equal("open", await TextAsync(page, "#claim-status"));

        // The screenshot is served by the service and is a real image (the browser decoded it), as wide as the viewport.
        var width = await page.EvaluateFunctionAsync<int>("() => { const i = document.querySelector('#screenshot'); return i && i.complete ? i.naturalWidth : -1; }");
        Assert.Equal(ClaimScreenshots.ViewportWidth, width);
        Assert.Contains("outlined", await TextAsync(page, ".shot + p"));
        await SaveAsync(page, "claim.png", maxHeight: 1500);

        await page.TypeAsync("#dismiss-reason", "A test of the console: not a partner list");
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("#dismiss"));
        Assert.Equal("dismissed", await TextAsync(page, "#claim-status"));
        Assert.Equal("wrong", await TextAsync(page, "#verdict"));
        Assert.Contains("dismissed as not a claim", await TextAsync(page, "#history"));
        Assert.Contains("analyst", await TextAsync(page, "#history"));

        await page.GoToAsync(Base + "/");
        Assert.Equal("0", await TextAsync(page, "#open-count"));
        Assert.Contains("1 wrong", await TextAsync(page, ".cards"));
        var overall = await page.EvaluateFunctionAsync<string>("() => [...document.querySelectorAll('#accuracy tr')].pop().innerText");
        Assert.Contains("all brands\t0\t1\t0\t0.000", overall);

        using var accuracy = JsonDocument.Parse(await _service.Client.GetStringAsync("/status/accuracy"));
        Assert.Equal(1, accuracy.RootElement.GetProperty("overall").GetProperty("dismissedWrong").GetInt32());
        // /status carries the overall figures too, and says where the per-brand ones are.
        var status = (await _service.GetStatusAsync()).GetProperty("accuracy");
        Assert.Equal(1, status.GetProperty("dismissedWrong").GetInt32());
        Assert.Equal(0, status.GetProperty("confirmedReal").GetInt32());
        Assert.Equal(0.0, status.GetProperty("precision").GetDouble());
        Assert.Equal("/status/accuracy", status.GetProperty("details").GetString());
    }

    [Fact]
    public async Task ViewerSeesNoActionsAndACraftedPostIsForbidden()
    {
        await using var context = await _browser.CreateBrowserContextAsync();
        var page = await context.NewPageAsync();
        await page.GoToAsync(Base + "/login");
        await SignInAsync(page, "viewer", "demo-viewer");
        var claimId = await OpenClaimIdAsync();

        await page.GoToAsync($"{Base}/claims/{claimId}");
        Assert.NotNull(await page.QuerySelectorAsync("#read-only"));
        Assert.Null(await page.QuerySelectorAsync("#dismiss"));

        // The viewer's own valid anti-forgery token (from the sign-out form), so only the role can make this fail.
        var status = await PostFormAsync(page, $"/claims/{claimId}?handler=Dismiss", "reason", "I am only a viewer", withToken: true);
        Assert.Equal(403, status);
        await page.GoToAsync($"{Base}/claims/{claimId}");
        Assert.Equal("open", await TextAsync(page, "#claim-status"));
    }

    [Fact]
    public async Task AFormPostWithoutItsAntiforgeryTokenIsRefused()
    {
        await using var context = await _browser.CreateBrowserContextAsync();
        var page = await context.NewPageAsync();
        await page.GoToAsync(Base + "/login");
        await SignInAsync(page, "analyst", "demo-analyst");
        var claimId = await OpenClaimIdAsync();
        await page.GoToAsync($"{Base}/claims/{claimId}");

        Assert.Equal(400, await PostFormAsync(page, $"/claims/{claimId}?handler=Note", "note", "without a token", withToken: false));
        await page.GoToAsync($"{Base}/claims/{claimId}");
        Assert.DoesNotContain("without a token", await TextAsync(page, "#history"));

        // The same post with the token goes through: the refusal above is the missing token, nothing else.
        Assert.Equal(200, await PostFormAsync(page, $"/claims/{claimId}?handler=Note", "note", "with the token", withToken: true));
        Assert.Contains("with the token", await TextAsync(page, "#history"));
    }

    [Fact]
    public async Task OnlyAnAdminCanQueueAScanNow()
    {
        await using var context = await _browser.CreateBrowserContextAsync();
        var page = await context.NewPageAsync();
        await page.GoToAsync(Base + "/login");
        await SignInAsync(page, "analyst", "demo-analyst");
        Assert.Null(await page.QuerySelectorAsync("#sites button"));
        Assert.Equal(403, await PostFormAsync(page, "/?handler=Scan", "site", "dongfang-shiyun", withToken: true));

        await using var adminContext = await _browser.CreateBrowserContextAsync();
        var admin = await adminContext.NewPageAsync();
        await admin.GoToAsync(Base + "/login");
        await SignInAsync(admin, "admin", "demo-admin");
        await Task.WhenAll(admin.WaitForNavigationAsync(), admin.ClickAsync("#sites button"));
        Assert.StartsWith("Scan of dongfang-shiyun queued by admin", await TextAsync(admin, "#notice"));
    }

    [Fact]
    public async Task WrongPasswordDoesNotSignIn()
    {
        await using var context = await _browser.CreateBrowserContextAsync();
        var page = await context.NewPageAsync();
        await page.GoToAsync(Base + "/login");
        await page.TypeAsync("#name", "analyst");
        await page.TypeAsync("#password", "not-the-password");
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("#sign-in"));
        Assert.Contains("wrong password", await TextAsync(page, "#login-error"));
        await page.GoToAsync(Base + "/claims");
        Assert.Contains("/login", page.Url);
    }

    [Fact]
    public async Task PasswordGuessingIsCutOffAfterTenAttemptsAMinute()
    {
        var login = await _service.Client.GetStringAsync("/login");
        var token = System.Text.RegularExpressions.Regex.Match(login, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        var statuses = new List<int>();
        for (var i = 0; i < PartnerWatch.WebConsole.ConsoleServiceCollectionExtensions.LoginAttemptsPerMinute + 1; i++)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["name"] = "analyst", ["password"] = $"guess-{i}", ["__RequestVerificationToken"] = token,
            });
            statuses.Add((int)(await _service.Client.PostAsync("/login", form)).StatusCode);
        }

        Assert.All(statuses[..^1], s => Assert.Equal(401, s));
        Assert.Equal(429, statuses[^1]);
    }

    private async Task<long> OpenClaimIdAsync()
    {
        var status = await _service.GetStatusAsync();
        return status.GetProperty("openClaims")[0].GetProperty("id").GetInt64();
    }

    private static async Task SignInAsync(IPage page, string user, string password)
    {
        await page.TypeAsync("#name", user);
        await page.TypeAsync("#password", password);
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("#sign-in"));
        Assert.Contains(user, await TextAsync(page, "#who"));
    }

    private static Task<string> TextAsync(IPage page, string selector) =>
        page.EvaluateFunctionAsync<string>("s => { const e = document.querySelector(s); return e ? e.innerText.trim() : ''; }", selector);

    /// <summary>
    /// Posts a form built in the page (as a forged form would be: same fields, with or without the page's anti-forgery
    /// token) and returns the HTTP status of the answer, after redirects.
    /// </summary>
    private static async Task<int> PostFormAsync(IPage page, string path, string field, string value, bool withToken)
    {
        var navigation = page.WaitForNavigationAsync();
        await page.EvaluateFunctionAsync("""
            (path, field, value, withToken) => {
              const form = document.createElement('form');
              form.method = 'post';
              form.action = path;
              const add = (name, v) => { const i = document.createElement('input'); i.type = 'hidden'; i.name = name; i.value = v; form.appendChild(i); };
              add(field, value);
              if (withToken) add('__RequestVerificationToken', document.querySelector('input[name=__RequestVerificationToken]').value);
              document.body.appendChild(form);
              form.submit();
            }
            """, path, field, value, withToken);
        var response = await navigation;
        return (int)response.Status;
    }

    private static async Task SaveAsync(IPage page, string name, int maxHeight = 1000)
    {
        var height = await page.EvaluateExpressionAsync<int>("document.documentElement.scrollHeight");
        var options = new ScreenshotOptions
        {
            Type = ScreenshotType.Png,
            CaptureBeyondViewport = true,
            Clip = new PuppeteerSharp.Media.Clip { X = 0, Y = 0, Width = 1280, Height = Math.Min(height, maxHeight) },
        };
        var folder = Path.Combine(AppContext.BaseDirectory, "console-screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(Path.Combine(folder, name), options);
        if (Environment.GetEnvironmentVariable("PARTNERWATCH_UPDATE_DOC_IMAGES") == "1")
            File.Copy(Path.Combine(folder, name), RepositoryRoot.Combine("docs", "img", name), overwrite: true);
    }
}
