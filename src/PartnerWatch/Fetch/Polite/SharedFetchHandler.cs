using System.Collections.Concurrent;
using System.Net;
using PartnerWatch.Config;

namespace PartnerWatch.Fetch;

/// <summary>
/// The primary handler of the fetch client: one shared <see cref="SocketsHttpHandler"/> for direct requests, and one per
/// proxy in use, each with few connections per server and a short idle timeout, so idle connections do not pile up
/// with the number of hosts scanned. A request goes through the proxy its <see cref="FetchSettings"/> name.
/// </summary>
internal sealed class SharedFetchHandler : HttpMessageHandler
{
    /// <summary>Connections kept per host; pages of a site are fetched one after another, its images a few at a time.</summary>
    internal const int MaxConnectionsPerServer = 4;
    /// <summary>An idle connection is closed after this: a scan fetches a host's pages within seconds, then moves on.</summary>
    internal static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(10);

    internal static readonly HttpRequestOptionsKey<Uri> ProxyKey = new("PartnerWatch.Fetch.Proxy");

    private readonly HttpMessageInvoker _direct;
    // Keyed by the URL as written: Uri equality ignores the user info, and two credentials are two routes.
    private readonly ConcurrentDictionary<string, Lazy<HttpMessageInvoker>> _proxied = new(StringComparer.Ordinal);
    private readonly ProxyTunnel _tunnel;
    private readonly PartnerWatchOptions _options;

    public SharedFetchHandler(GuardedConnector guard, ProxyTunnel tunnel, PartnerWatchOptions options)
    {
        _tunnel = tunnel;
        _options = options;
        _direct = new HttpMessageInvoker(NewHandler(guard.ConnectAsync), disposeHandler: true);
    }

    private SocketsHttpHandler NewHandler(Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> connect) => new()
    {
        // Redirects are followed by WebFetcher so that every hop is a fresh, guarded, capped request.
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        // The handler's own proxy support would let the proxy resolve the target and bypass the address guard;
        // proxies are used through ProxyTunnel instead.
        UseProxy = false,
        UseCookies = false,
        ConnectCallback = connect,
        ConnectTimeout = _options.Fetch.AttemptTimeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        PooledConnectionIdleTimeout = IdleTimeout,
        MaxConnectionsPerServer = MaxConnectionsPerServer,
    };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(ProxyKey, out var proxy) || proxy is null)
            return _direct.SendAsync(request, cancellationToken);
        // One pool per proxy, so a connection opened through one proxy never carries a request meant for another route.
        // Lazy: GetOrAdd may run its factory twice under a race; only one handler (and pool) may ever be built.
        var invoker = _proxied.GetOrAdd(proxy.OriginalString, _ => new Lazy<HttpMessageInvoker>(() => new HttpMessageInvoker(
            NewHandler((context, ct) => _tunnel.ConnectAsync(proxy, context.DnsEndPoint, ct)), disposeHandler: true))).Value;
        return invoker.SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _direct.Dispose();
            foreach (var invoker in _proxied.Values.Where(l => l.IsValueCreated)) invoker.Value.Dispose();
        }
        base.Dispose(disposing);
    }
}
