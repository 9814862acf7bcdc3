using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using PartnerWatch.Config;
using PuppeteerSharp;

namespace PartnerWatch.Fetch.Browser;

/// <summary>
/// Renders a page's DOM after its scripts ran, on the pooled browser (<see cref="BrowserPool"/>): a fresh incognito
/// page per render (no cookies or storage shared between sites), all traffic through the pool's
/// <see cref="GuardedForwardProxy"/>, at most <c>Fetch:Browser:MaxConcurrent</c> pages at once (shared with the
/// screenshots), a hard <c>Fetch:Browser:Timeout</c> after which a hung browser is replaced, the output capped at
/// <c>Fetch:MaxBodyBytes</c>. One browser process serves many pages instead of a new Chromium (about a second) per page.
/// </summary>
internal sealed partial class ChromiumRenderer : IPageRenderer
{
    /// <summary>Time given to the page's scripts and requests after it started loading, before the DOM is read.</summary>
    private static readonly TimeSpan SettleBudget = TimeSpan.FromSeconds(5);
    /// <summary>No request in flight for this long counts as "the scripts are done fetching".</summary>
    private static readonly TimeSpan NetworkQuiet = TimeSpan.FromMilliseconds(300);

    private readonly BrowserPool _pool;
    private readonly PartnerWatchOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ChromiumRenderer> _logger;

    public ChromiumRenderer(BrowserPool pool, PartnerWatchOptions options, TimeProvider time, ILogger<ChromiumRenderer> logger)
    {
        _pool = pool;
        _options = options;
        _time = time;
        _logger = logger;
        if (options.Fetch.Browser.Mode == BrowserMode.Never) return;
        if (pool.Unavailable is not null)
            LogBrowserMissing(string.Join(", ", ChromiumLocator.CandidateNames));
        else
            LogBrowserFound(options.Fetch.Browser.Mode);
    }

    public bool IsAvailable => _pool.Unavailable is null;

    /// <summary>Browser processes started so far by the pool (tests prove a static page never starts one).</summary>
    internal int Launches => _pool.Launches;

    /// <summary>Browser requests the guarded proxy refused so far (tests prove the guard acted).</summary>
    internal int RefusedRequests => _pool.RefusedRequests;

    public async Task<RenderedDom> RenderAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!IsAvailable) throw new RenderFailedException("no browser available (Fetch:Browser)");
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            throw new RenderFailedException($"unsupported scheme {url.Scheme}");

        var started = _time.GetTimestamp();
        var timeout = _options.Fetch.Browser.Timeout;
        try
        {
            var html = await _pool.UseAsync((page, token) => LoadAsync(page, url, token), cancellationToken).ConfigureAwait(false);
            var (dom, truncated) = Cap(html, _options.Fetch.MaxBodyBytes);
            var elapsed = _time.GetElapsedTime(started);
            LogRendered(url, dom.Length, elapsed);
            return new RenderedDom(url, dom, truncated, elapsed);
        }
        catch (RenderFailedException e) when (e.TimedOut)
        {
            LogTimedOut(url, timeout);
            // The hung browser was taken out of the pool and stopped once its last page was done.
            throw new RenderFailedException($"render timed out after {WebFetcher.Seconds(timeout)}; browser stopped", e) { TimedOut = true };
        }
    }

    private async Task<string> LoadAsync(IPage page, Uri url, CancellationToken token)
    {
        // Logos are read from the DOM and fetched by the guarded fetcher; the browser need not download images, media
        // or fonts. (A browser-wide --blink-settings switch would also blank the screenshots sharing the pool.)
        await page.SetRequestInterceptionAsync(true).WaitAsync(token).ConfigureAwait(false);
        page.Request += async (_, e) =>
        {
            try
            {
                if (e.Request.ResourceType is ResourceType.Image or ResourceType.Media or ResourceType.Font) await e.Request.AbortAsync().ConfigureAwait(false);
                else await e.Request.ContinueAsync().ConfigureAwait(false);
            }
            catch (Exception)
            {
                // An event handler: anything thrown here would end the process. The page or the browser went away
                // mid-request; the render's own error or timeout reports it.
            }
        };

        var budget = SettleBudget < _options.Fetch.Browser.Timeout / 2 ? SettleBudget : _options.Fetch.Browser.Timeout / 2;
        var settleBy = _time.GetTimestamp();
        try
        {
            await page.GoToAsync(url.AbsoluteUri, new NavigationOptions
            {
                WaitUntil = [WaitUntilNavigation.Load],
                Timeout = (int)Math.Min(int.MaxValue, budget.TotalMilliseconds),
            }).WaitAsync(token).ConfigureAwait(false);
            // Scripts that build the page often fetch their data after "load": wait for the network to go quiet,
            // within what is left of the budget.
            var left = budget - _time.GetElapsedTime(settleBy);
            if (left > NetworkQuiet)
            {
                try
                {
                    await page.WaitForNetworkIdleAsync(new WaitForNetworkIdleOptions
                    {
                        IdleTime = (int)NetworkQuiet.TotalMilliseconds,
                        Timeout = (int)left.TotalMilliseconds,
                    }).WaitAsync(token).ConfigureAwait(false);
                }
                catch (Exception e) when (IsTimeout(e) && !token.IsCancellationRequested)
                {
                    // A page that keeps polling is read as it stands.
                }
            }
        }
        catch (Exception e) when (IsTimeout(e) && !token.IsCancellationRequested)
        {
            // The page answered but something on it never finished loading: read the DOM as it stands.
        }
        catch (NavigationException e) when (NetError(e.Message) is { } netError)
        {
            throw new RenderFailedException($"browser could not load the page ({netError})", e);
        }

        var html = await page.GetContentAsync().WaitAsync(token).ConfigureAwait(false);
        if (GuardedForwardProxy.RefusalIn(html) is { } refusal)
            throw new RenderFailedException($"browser could not load the page: {refusal}");
        return html;
    }

    /// <summary>The DOM cut at <paramref name="cap"/> UTF-8 bytes (as the fetcher caps a body), and whether it was cut.</summary>
    internal static (string Html, bool Truncated) Cap(string html, long cap)
    {
        var limit = (int)Math.Clamp(cap, 0, Array.MaxLength - 1);
        if (Encoding.UTF8.GetByteCount(html) <= limit) return (html, false);
        var bytes = Encoding.UTF8.GetBytes(html);
        return (Encoding.UTF8.GetString(bytes, 0, limit), true);
    }

    private static bool IsTimeout(Exception e) =>
        e is TimeoutException || e.InnerException is TimeoutException
        || (e is NavigationException && e.Message.Contains("Timeout", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"net::ERR_[A-Z0-9_]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NetErrorPattern();

    /// <summary>The Chromium net error a failed navigation names (<c>net::ERR_TUNNEL_CONNECTION_FAILED</c>), else null.</summary>
    internal static string? NetError(string message)
    {
        try
        {
            var match = NetErrorPattern().Match(message);
            return match.Success ? match.Value : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No browser found ({Candidates} on PATH, or Fetch:Browser:ExecutablePath): pages built by JavaScript are analysed as served")]
    private partial void LogBrowserMissing(string candidates);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The pooled browser will render pages ({Mode})")]
    private partial void LogBrowserFound(BrowserMode mode);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rendered {Url} ({Chars} chars of DOM) in {Elapsed}")]
    private partial void LogRendered(Uri url, int chars, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Render of {Url} timed out after {Timeout}; browser replaced")]
    private partial void LogTimedOut(Uri url, TimeSpan timeout);
}
