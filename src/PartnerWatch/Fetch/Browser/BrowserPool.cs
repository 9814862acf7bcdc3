using System.Globalization;
using Microsoft.Extensions.Logging;
using PartnerWatch.Config;
using PuppeteerSharp;

namespace PartnerWatch.Fetch.Browser;

/// <summary>
/// One headless Chromium kept alive for many pages, driven through the DevTools protocol (PuppeteerSharp) with the
/// installed browser (never a downloaded one). Bounded: at most <c>Fetch:Browser:MaxConcurrent</c> pages at once, each in
/// its own incognito context (no cookies or storage shared between sites); the browser is replaced when it crashes,
/// when a page hangs past <c>Fetch:Browser:Timeout</c>, and after <see cref="PagesPerBrowser"/> pages (bounded memory).
/// All its traffic goes through a <see cref="GuardedForwardProxy"/> that lives exactly as long as the browser, and the
/// browser closes after <see cref="IdleTimeout"/> without work, so no loopback proxy stays open between scans.
/// </summary>
internal sealed partial class BrowserPool : IAsyncDisposable
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(60);
    /// <summary>Least time a browser start may take (the page's own <c>Fetch:Browser:Timeout</c> when that is longer).</summary>
    public static readonly TimeSpan LaunchTimeout = TimeSpan.FromSeconds(30);

    private readonly PartnerWatchOptions _options;
    private readonly GuardedConnector _connector;
    private readonly TimeProvider _time;
    private readonly ILogger<BrowserPool> _logger;
    private readonly SemaphoreSlim _pages;
    private readonly SemaphoreSlim _launchGate = new(1, 1);
    private readonly string? _executable;
    private Instance? _current;
    private int _busy;
    private int _launches;
    private CancellationTokenSource? _idle;
    private bool _disposed;
    private readonly Lock _openLock = new();
    private readonly List<Instance> _open = [];
    private readonly List<string> _profilesMade = [];

    /// <summary>Every profile folder this pool has made (tests check that none outlives its browser).</summary>
    internal IReadOnlyList<string> ProfilesMade
    {
        get { lock (_openLock) return [.. _profilesMade]; }
    }
    private int _refusedByClosed;

    public BrowserPool(PartnerWatchOptions options, GuardedConnector connector, TimeProvider time, ILogger<BrowserPool> logger, int pagesPerBrowser = 200)
    {
        _options = options;
        _connector = connector;
        _time = time;
        _logger = logger;
        PagesPerBrowser = Math.Max(1, pagesPerBrowser);
        _pages = new SemaphoreSlim(Math.Max(1, options.Fetch.Browser.MaxConcurrent));
        if (options.Fetch.Browser.Mode != BrowserMode.Never)
            _executable = ChromiumLocator.Find(options.Fetch.Browser.ExecutablePath);
    }

    /// <summary>Pages one browser process serves before it is replaced (1 = a new Chromium per page, for comparison).</summary>
    public int PagesPerBrowser { get; }

    /// <summary>Why no page can be opened (no browser found, or switched off); null when one can.</summary>
    public string? Unavailable => _options.Fetch.Browser.Mode == BrowserMode.Never
        ? "browser switched off (Fetch:Browser:Mode = Never)"
        : _executable is null ? $"no browser found ({string.Join(", ", ChromiumLocator.CandidateNames)} or Fetch:Browser:ExecutablePath)" : null;

    /// <summary>Browser processes started so far (tests prove reuse and replacement).</summary>
    internal int Launches => Volatile.Read(ref _launches);

    /// <summary>Browser requests the guarded proxies refused so far, over every browser of this pool (tests prove the guard acted).</summary>
    internal int RefusedRequests
    {
        get
        {
            lock (_openLock) return _refusedByClosed + _open.Sum(i => i.Proxy.RefusedRequests);
        }
    }

    /// <summary>The running browser's process id, if one runs (tests kill it to prove replacement).</summary>
    internal int? CurrentProcessId => _current is { Retired: false } live ? live.Browser.Process?.Id : null;

    /// <summary>
    /// Runs <paramref name="work"/> on a fresh page of the pooled browser, in its own incognito context, within
    /// <c>Fetch:Browser:Timeout</c>. A timeout or a browser that died replaces the browser; the exception says why.
    /// </summary>
    public async Task<T> UseAsync<T>(Func<IPage, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (Unavailable is { } why) throw new RenderFailedException(why);
        await _pages.WaitAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _busy);
        Instance? instance = null;
        try
        {
            CancelIdleClose();
            instance = await AcquireAsync(cancellationToken).ConfigureAwait(false);
            using var timeout = new CancellationTokenSource(_options.Fetch.Browser.Timeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            IBrowserContext? context = null;
            try
            {
                var run = RunAsync();
                // PuppeteerSharp calls have their own timeouts, but a wedged renderer may never answer: give up on it.
                var finished = await Task.WhenAny(run, Task.Delay(Timeout.InfiniteTimeSpan, _time, linked.Token)).ConfigureAwait(false);
                if (finished != run)
                {
                    _ = run.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
                    cancellationToken.ThrowIfCancellationRequested();
                    Retire(instance, "page timed out");
                    throw new RenderFailedException($"page did not finish within {WebFetcher.Seconds(_options.Fetch.Browser.Timeout)}; browser replaced") { TimedOut = true };
                }

                try
                {
                    return await run.ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    Retire(instance, "page timed out");
                    throw new RenderFailedException($"page did not finish within {WebFetcher.Seconds(_options.Fetch.Browser.Timeout)}; browser replaced") { TimedOut = true };
                }
            }
            catch (Exception e) when (e is PuppeteerException or TargetClosedException && !instance.Browser.IsConnected)
            {
                Retire(instance, "browser disconnected");
                throw new RenderFailedException($"browser crashed: {e.Message}", e);
            }
            catch (PuppeteerException e)
            {
                throw new RenderFailedException(e.Message, e);
            }

            async Task<T> RunAsync()
            {
                context = await instance.Browser.CreateBrowserContextAsync().ConfigureAwait(false);
                try
                {
                    var page = await context.NewPageAsync().ConfigureAwait(false);
                    await page.SetUserAgentAsync(_options.Fetch.UserAgent).ConfigureAwait(false);
                    return await work(page, linked.Token).ConfigureAwait(false);
                }
                finally
                {
                    try { await context.CloseAsync().ConfigureAwait(false); }
                    catch (Exception e) when (e is PuppeteerException or ObjectDisposedException) { }
                }
            }
        }
        finally
        {
            if (instance is not null)
            {
                if (Interlocked.Increment(ref instance.Served) >= PagesPerBrowser) Retire(instance, "served its pages");
                if (Interlocked.Decrement(ref instance.Users) == 0 && instance.Retired) await CloseAsync(instance).ConfigureAwait(false);
            }

            if (Interlocked.Decrement(ref _busy) == 0) ScheduleIdleClose();
            _pages.Release();
        }
    }

    private async Task<Instance> AcquireAsync(CancellationToken cancellationToken)
    {
        await _launchGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_current is not { Retired: false } live || !live.Browser.IsConnected)
            {
                // A retired browser closes when its last page is done; one that died is closed now.
                if (_current is { Users: 0 } old) await CloseAsync(old).ConfigureAwait(false);
                _current = live = await LaunchAsync(cancellationToken).ConfigureAwait(false);
            }

            Interlocked.Increment(ref live.Users);
            return live;
        }
        finally
        {
            _launchGate.Release();
        }
    }

    private async Task<Instance> LaunchAsync(CancellationToken cancellationToken)
    {
        GuardedForwardProxy proxy;
        try
        {
            proxy = GuardedForwardProxy.Start(_connector, _time, _logger);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new RenderFailedException($"cannot start the browser's proxy on 127.0.0.1: {e.Message}", e);
        }

        DirectoryInfo? profile = null;
        try
        {
            // Same prefix as every browser profile this program makes, so one look in the temp folder finds any left behind.
            profile = Directory.CreateTempSubdirectory("partnerwatch-chromium-");
            lock (_openLock) _profilesMade.Add(profile.FullName);
            var launch = new LaunchOptions
            {
                ExecutablePath = _executable,
                Headless = true,
                UserDataDir = profile.FullName,
                // Starting the browser is not the page's fault: a busy machine may take longer than a page may.
                Timeout = (int)Math.Min(int.MaxValue, Math.Max(LaunchTimeout.TotalMilliseconds, _options.Fetch.Browser.Timeout.TotalMilliseconds)),
                Args = Arguments(proxy.Port),
                // Chromium also writes under HOME and the XDG folders: keep that inside the throwaway profile.
                Env =
                {
                    ["HOME"] = profile.FullName,
                    ["XDG_CONFIG_HOME"] = Path.Combine(profile.FullName, ".config"),
                    ["XDG_CACHE_HOME"] = Path.Combine(profile.FullName, ".cache"),
                },
            };
            var browser = await Puppeteer.LaunchAsync(launch).WaitAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _launches);
            LogLaunched(_executable!, browser.Process?.Id ?? 0);
            var instance = new Instance(browser, proxy, profile);
            lock (_openLock) _open.Add(instance);
            return instance;
        }
        catch (Exception e)
        {
            // Whatever stopped the start (PuppeteerSharp's launch errors vary by version), nothing may be left behind.
            await proxy.DisposeAsync().ConfigureAwait(false);
            DeleteProfile(profile);
            if (e is OperationCanceledException) throw;
            throw new RenderFailedException($"could not start {_executable}: {e.Message.Split('\n')[0].Trim()}", e);
        }
    }

    private static string[] Arguments(int proxyPort) =>
    [
        .. GuardedChromiumFlags.For(proxyPort),
        "--hide-scrollbars",
        // No --user-agent here: PuppeteerSharp joins arguments with spaces, and the agent has spaces (set per page).
    ];

    /// <summary>No new pages go to this browser; it closes when its last page is done (see <see cref="UseAsync{T}"/>).</summary>
    private void Retire(Instance instance, string reason)
    {
        if (instance.Retired) return;
        instance.Retired = true;
        if (PagesPerBrowser > 1 || reason != "served its pages") LogRetired(reason, instance.Served);
    }

    private void CancelIdleClose()
    {
        var idle = Interlocked.Exchange(ref _idle, null);
        idle?.Cancel();
        idle?.Dispose();
    }

    private void ScheduleIdleClose()
    {
        var idle = new CancellationTokenSource();
        Interlocked.Exchange(ref _idle, idle)?.Cancel();
        _ = CloseWhenIdleAsync(idle.Token);
    }

    private async Task CloseWhenIdleAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(IdleTimeout, _time, cancellationToken).ConfigureAwait(false);
            await _launchGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (Volatile.Read(ref _busy) == 0 && _current is { } idle)
                {
                    _current = null;
                    await CloseAsync(idle).ConfigureAwait(false);
                }
            }
            finally
            {
                _launchGate.Release();
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task CloseAsync(Instance instance)
    {
        if (Interlocked.Exchange(ref instance.Closed, 1) == 1) return;
        try
        {
            await instance.Browser.CloseAsync().WaitAsync(TimeSpan.FromSeconds(5), _time).ConfigureAwait(false);
        }
        catch (Exception e) when (e is PuppeteerException or TimeoutException or ObjectDisposedException or InvalidOperationException)
        {
            LogCloseFailed(e.Message);
        }
        finally
        {
            try { if (instance.Browser.Process is { HasExited: false } process) process.Kill(entireProcessTree: true); }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception) { }
            lock (_openLock)
            {
                if (_open.Remove(instance)) _refusedByClosed += instance.Proxy.RefusedRequests;
            }
            await instance.Proxy.DisposeAsync().ConfigureAwait(false);
            DeleteProfile(instance.Profile);
        }
    }

    private void DeleteProfile(DirectoryInfo? profile)
    {
        if (profile is null) return;
        // Child processes may still be closing files for a moment after the browser went.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                profile.Refresh();
                if (profile.Exists) profile.Delete(recursive: true);
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (attempt == 2) LogProfileLeft(profile.FullName, e.Message);
                else Thread.Sleep(50 * (attempt + 1));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        CancelIdleClose();
        await _launchGate.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            if (_current is { } current) await CloseAsync(current).ConfigureAwait(false);
            _current = null;
        }
        finally
        {
            _launchGate.Release();
        }
    }

    private sealed class Instance(IBrowser browser, GuardedForwardProxy proxy, DirectoryInfo profile)
    {
        public IBrowser Browser { get; } = browser;
        public GuardedForwardProxy Proxy { get; } = proxy;
        public DirectoryInfo Profile { get; } = profile;
        public int Served;
        public int Users;
        public int Closed;
        public volatile bool Retired;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pooled browser started: {Executable} (pid {ProcessId})")]
    private partial void LogLaunched(string executable, int processId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pooled browser replaced ({Reason}) after {Pages} pages")]
    private partial void LogRetired(string reason, int pages);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pooled browser did not close cleanly: {Reason}")]
    private partial void LogCloseFailed(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Browser profile {Profile} could not be deleted: {Reason}")]
    private partial void LogProfileLeft(string profile, string reason);
}
