using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using PartnerWatch.Config;

namespace PartnerWatch.Fetch.Browser;

/// <summary>
/// Renders a page with a headless Chromium process per page (<c>--dump-dom</c>): a fresh temporary profile, all traffic
/// through the <see cref="GuardedForwardProxy"/>, a hard timeout after which the whole process tree is killed, the output
/// capped at <c>Fetch:MaxBodyBytes</c>, and at most <c>Fetch:Browser:MaxConcurrent</c> browsers at a time.
/// One process per page costs a browser start (about a second) but leaves no state between sites and nothing to leak.
/// </summary>
internal sealed partial class ChromiumRenderer : IPageRenderer, IAsyncDisposable
{
    /// <summary>Virtual time given to timers and network idling before the DOM is dumped.</summary>
    private static readonly TimeSpan VirtualTimeBudget = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(5);
    private const int StderrTailChars = 4096;

    private readonly PartnerWatchOptions _options;
    private readonly GuardedConnector _connector;
    private readonly TimeProvider _time;
    private readonly ILogger<ChromiumRenderer> _logger;
    private readonly string? _executable;
    private readonly SemaphoreSlim _gate;
    private readonly Lock _proxyLock = new();
    private GuardedForwardProxy? _proxy;
    private int _proxyUsers;
    private int _refusedBefore;
    private int _launches;

    public ChromiumRenderer(PartnerWatchOptions options, GuardedConnector connector, TimeProvider time, ILogger<ChromiumRenderer> logger)
    {
        _options = options;
        _connector = connector;
        _time = time;
        _logger = logger;
        var browser = options.Fetch.Browser;
        _gate = new SemaphoreSlim(Math.Max(1, browser.MaxConcurrent));
        if (browser.Mode == BrowserMode.Never) return;
        _executable = ChromiumLocator.Find(browser.ExecutablePath);
        if (_executable is null)
            LogBrowserMissing(string.Join(", ", ChromiumLocator.CandidateNames));
        else
            LogBrowserFound(_executable, browser.Mode);
    }

    public bool IsAvailable => _executable is not null;

    /// <summary>Browser processes started so far (tests prove a static page never starts one).</summary>
    internal int Launches => Volatile.Read(ref _launches);

    /// <summary>Browser requests the proxy refused so far, over all renders (tests prove the guard acted).</summary>
    internal int RefusedRequests
    {
        get { lock (_proxyLock) return _refusedBefore + (_proxy?.RefusedRequests ?? 0); }
    }

    public async Task<RenderedDom> RenderAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (_executable is null) throw new RenderFailedException("no browser available (Fetch:Browser)");
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            throw new RenderFailedException($"unsupported scheme {url.Scheme}");

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        GuardedForwardProxy? proxy = null;
        try
        {
            proxy = AcquireProxy();
            DirectoryInfo profile;
            try
            {
                profile = Directory.CreateTempSubdirectory("partnerwatch-chromium-");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new RenderFailedException($"cannot create a browser profile in {Path.GetTempPath()}: {e.Message}", e);
            }
            try
            {
                return await RunAsync(_executable, url, proxy.Port, profile.FullName, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                DeleteProfile(profile);
            }
        }
        finally
        {
            if (proxy is not null) await ReleaseProxyAsync().ConfigureAwait(false);
            _gate.Release();
        }
    }

    /// <summary>
    /// The proxy listens only while a browser runs: a loopback proxy left open would let any local process reach the
    /// internet through this service.
    /// </summary>
    private GuardedForwardProxy AcquireProxy()
    {
        lock (_proxyLock)
        {
            try
            {
                _proxy ??= GuardedForwardProxy.Start(_connector, _time, _logger);
            }
            catch (System.Net.Sockets.SocketException e)
            {
                throw new RenderFailedException($"cannot start the browser's proxy on 127.0.0.1: {e.Message}", e);
            }
            _proxyUsers++;
            return _proxy;
        }
    }

    private async Task ReleaseProxyAsync()
    {
        GuardedForwardProxy? idle = null;
        lock (_proxyLock)
        {
            if (--_proxyUsers == 0 && _proxy is not null)
            {
                (idle, _proxy) = (_proxy, null);
                _refusedBefore += idle.RefusedRequests;
            }
        }
        if (idle is not null) await idle.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<RenderedDom> RunAsync(string executable, Uri url, int proxyPort, string profile, CancellationToken cancellationToken)
    {
        var browser = _options.Fetch.Browser;
        var started = _time.GetTimestamp();
        var budget = VirtualTimeBudget < browser.Timeout / 2 ? VirtualTimeBudget : browser.Timeout / 2;
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(url, proxyPort, profile, budget)) start.ArgumentList.Add(argument);
        // Chromium also writes under HOME and the XDG folders (NSS database, caches); keep that inside the throwaway
        // profile, which also works when the service's home is read-only (containers).
        start.Environment["HOME"] = profile;
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(profile, ".config");
        start.Environment["XDG_CACHE_HOME"] = Path.Combine(profile, ".cache");

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new RenderFailedException($"could not start {executable}: {e.Message}", e);
        }
        Interlocked.Increment(ref _launches);
        process.StandardInput.Close();

        using var timeout = new CancellationTokenSource(browser.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var stderr = ReadTailAsync(process.StandardError, linked.Token);
        try
        {
            var (bytes, truncated) = await ReadCappedAsync(process.StandardOutput.BaseStream, _options.Fetch.MaxBodyBytes, linked.Token).ConfigureAwait(false);
            if (truncated) await KillAsync(process).ConfigureAwait(false);
            else await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);

            var html = Encoding.UTF8.GetString(bytes);
            var elapsed = _time.GetElapsedTime(started);
            if (GuardedForwardProxy.RefusalIn(html) is { } refusal)
                throw new RenderFailedException($"browser could not load the page: {refusal}");
            if (!truncated && (process.ExitCode != 0 || html.Length == 0))
            {
                var errors = await TailAfterExitAsync(stderr).ConfigureAwait(false);
                throw new RenderFailedException(PageLoadFailure(errors) is { } netError
                    ? $"browser could not load the page ({netError})"
                    : $"browser produced no page (exit code {process.ExitCode}){Describe(errors)}");
            }
            LogRendered(url, bytes.Length, elapsed);
            return new RenderedDom(url, html, truncated, elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            await KillAsync(process).ConfigureAwait(false);
            LogTimedOut(url, browser.Timeout);
            throw new RenderFailedException($"render timed out after {WebFetcher.Seconds(browser.Timeout)}; browser stopped");
        }
        finally
        {
            await KillAsync(process).ConfigureAwait(false);
            try { await stderr.ConfigureAwait(false); }
            catch (OperationCanceledException) { }
        }
    }

    private IEnumerable<string> Arguments(Uri url, int proxyPort, string profile, TimeSpan budget)
    {
        yield return "--headless";
        foreach (var flag in GuardedChromiumFlags.For(proxyPort)) yield return flag;
        yield return "--no-first-run";
        yield return "--no-default-browser-check";
        yield return "--disable-extensions";
        // Logos are read from the DOM and fetched by the guarded fetcher; the browser need not download images.
        yield return "--blink-settings=imagesEnabled=false";
        yield return $"--user-data-dir={profile}";
        yield return $"--user-agent={_options.Fetch.UserAgent}";
        yield return $"--virtual-time-budget={((long)budget.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)}";
        yield return "--dump-dom";
        yield return url.AbsoluteUri;
    }

    private static async Task<(byte[] Bytes, bool Truncated)> ReadCappedAsync(Stream stream, long cap, CancellationToken cancellationToken)
    {
        var limit = (int)Math.Clamp(cap, 0, Array.MaxLength - 1);
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        while (true)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0) return (buffer.ToArray(), false);
            var room = limit - (int)buffer.Length;
            if (read > room)
            {
                buffer.Write(chunk, 0, room);
                return (buffer.ToArray(), true);
            }
            buffer.Write(chunk, 0, read);
        }
    }

    /// <summary>Drains stderr (a full pipe would stall the browser) and keeps only its end for error messages.</summary>
    private static async Task<string> ReadTailAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var tail = new StringBuilder();
        var chunk = new char[4096];
        try
        {
            while (true)
            {
                var read = await reader.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
                if (read == 0) break;
                tail.Append(chunk, 0, read);
                if (tail.Length > StderrTailChars * 2) tail.Remove(0, tail.Length - StderrTailChars);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
        return tail.ToString();
    }

    private static string Describe(string stderr)
    {
        // Headless Chromium logs harmless D-Bus complaints in containers; the useful line is the last other one.
        var line = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault(l => !l.Contains("dbus", StringComparison.OrdinalIgnoreCase));
        if (line is null) return "";
        return ": " + (line.Length <= 300 ? line : line[..300] + "…");
    }

    [GeneratedRegex(@"Page load failed: (net::ERR_[A-Z0-9_]+)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PageLoadFailed();

    /// <summary>Headless Chromium reports a failed navigation only on stderr (and dumps nothing); its net error, else null.</summary>
    internal static string? PageLoadFailure(string stderr)
    {
        try
        {
            var match = PageLoadFailed().Match(stderr);
            return match.Success ? match.Groups[1].Value : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private async Task<string> TailAfterExitAsync(Task<string> stderr)
    {
        // Helper processes can hold the pipe a moment after the browser exits; do not wait on them for long.
        try { return await stderr.WaitAsync(ExitWait, _time).ConfigureAwait(false); }
        catch (TimeoutException) { return ""; }
    }

    private async Task KillAsync(Process process)
    {
        try
        {
            if (process.HasExited) return;
            // Chromium forks renderer and utility processes; all of them must go.
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return;
        }
        using var wait = new CancellationTokenSource(ExitWait, _time);
        try { await process.WaitForExitAsync(wait.Token).ConfigureAwait(false); }
        catch (OperationCanceledException) { LogNotExited(process.Id); }
    }

    private void DeleteProfile(DirectoryInfo profile)
    {
        // Child processes may still be closing files for a moment after the kill.
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
                else Thread.Yield();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        GuardedForwardProxy? proxy;
        lock (_proxyLock) (proxy, _proxy) = (_proxy, null);
        if (proxy is not null) await proxy.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No browser found ({Candidates} on PATH, or Fetch:Browser:ExecutablePath): pages built by JavaScript are analysed as served")]
    private partial void LogBrowserMissing(string candidates);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Browser {Executable} will render pages ({Mode})")]
    private partial void LogBrowserFound(string executable, BrowserMode mode);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rendered {Url} ({Bytes} bytes of DOM) in {Elapsed}")]
    private partial void LogRendered(Uri url, int bytes, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Render of {Url} timed out after {Timeout}; browser killed")]
    private partial void LogTimedOut(Uri url, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Browser process {Pid} did not exit after being killed")]
    private partial void LogNotExited(int pid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete browser profile {Path}: {Reason}")]
    private partial void LogProfileLeft(string path, string reason);
}
