using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace PartnerWatch.Fetch.Browser;

/// <summary>
/// A minimal HTTP forward proxy on 127.0.0.1 through which the headless browser must send all its traffic. Each upstream
/// connection is opened by the <see cref="GuardedConnector"/>, so the browser is held to the same address policy as the
/// fetcher (no loopback, private or link-local targets unless <c>Fetch:AllowPrivateNetworks</c>), whatever the page's
/// scripts ask for. Plain HTTP requests (absolute-form) are forwarded with <c>Connection: close</c>; HTTPS and WebSocket
/// traffic arrives as <c>CONNECT host:port</c> and is tunnelled as opaque bytes. Anything else is refused.
/// </summary>
internal sealed partial class GuardedForwardProxy : IAsyncDisposable
{
    private const int MaxHeadBytes = 32 * 1024;
    private const int MaxConnections = 64;
    private static readonly TimeSpan HeadTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);
    private static readonly HashSet<string> HopByHopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Proxy-Connection", "Keep-Alive", "Proxy-Authorization", "Proxy-Authenticate", "TE", "Trailer", "Upgrade",
    };

    private readonly GuardedConnector _connector;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _connections = new(MaxConnections);
    private readonly Task _acceptLoop;
    private int _refused;

    private GuardedForwardProxy(GuardedConnector connector, TimeProvider time, ILogger logger)
    {
        _connector = connector;
        _time = time;
        _logger = logger;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public static GuardedForwardProxy Start(GuardedConnector connector, TimeProvider time, ILogger logger) => new(connector, time, logger);

    public int Port { get; }

    /// <summary>Requests refused because of the address policy or an unsupported scheme (for tests and logs).</summary>
    public int RefusedRequests => Volatile.Read(ref _refused);

    private async Task AcceptLoopAsync()
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            Socket client;
            try
            {
                await _connections.WaitAsync(token).ConfigureAwait(false);
                client = await _listener.AcceptSocketAsync(token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (token.IsCancellationRequested) return;
                _connections.Release();
                continue;
            }
            _ = Task.Run(async () =>
            {
                try { await HandleAsync(client, token).ConfigureAwait(false); }
                catch (Exception e) when (e is not OutOfMemoryException) { LogConnectionFailed(e.Message); }
                finally
                {
                    client.Dispose();
                    _connections.Release();
                }
            }, CancellationToken.None);
        }
    }

    private async Task HandleAsync(Socket client, CancellationToken stopping)
    {
        client.NoDelay = true;
        await using var clientStream = new NetworkStream(client, ownsSocket: false);
        var (head, leftover) = await ReadHeadAsync(clientStream, stopping).ConfigureAwait(false);
        if (head is null)
        {
            await RespondAsync(clientStream, 400, "request head missing, too large or too slow", stopping).ConfigureAwait(false);
            return;
        }

        var lines = head.Split("\r\n");
        var parts = lines[0].Split(' ');
        if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            await RespondAsync(clientStream, 400, "malformed request line", stopping).ConfigureAwait(false);
            return;
        }
        var (method, target, version) = (parts[0], parts[1], parts[2]);

        if (method == "CONNECT")
        {
            if (!Uri.TryCreate("https://" + target + "/", UriKind.Absolute, out var authority) || authority.PathAndQuery != "/"
                || !string.IsNullOrEmpty(authority.UserInfo) || authority.IsDefaultPort && !target.EndsWith(":443", StringComparison.Ordinal))
            {
                await RespondAsync(clientStream, 400, $"CONNECT target must be host:port, was {Clip(target)}", stopping).ConfigureAwait(false);
                return;
            }
            var upstream = await ConnectAsync(clientStream, authority, stopping).ConfigureAwait(false);
            if (upstream is null) return;
            await using (upstream)
            {
                await WriteAsciiAsync(clientStream, "HTTP/1.1 200 Connection Established\r\n\r\n", stopping).ConfigureAwait(false);
                if (leftover.Length > 0) await upstream.WriteAsync(leftover, stopping).ConfigureAwait(false);
                await PipeAsync(clientStream, upstream, stopping).ConfigureAwait(false);
            }
            return;
        }

        if (!Uri.TryCreate(target, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp)
        {
            // ftp:, file:, gopher:… or an origin-form request from something that is not a browser using us as a proxy.
            Interlocked.Increment(ref _refused);
            LogRefused(Clip(target), "only http and https are allowed");
            await RespondAsync(clientStream, 403, $"refused: only http and https are allowed ({Clip(target)})", stopping).ConfigureAwait(false);
            return;
        }

        var origin = await ConnectAsync(clientStream, url, stopping).ConfigureAwait(false);
        if (origin is null) return;
        await using (origin)
        {
            var forwarded = new StringBuilder();
            forwarded.Append(method).Append(' ').Append(url.PathAndQuery).Append(' ').Append(version).Append("\r\n");
            foreach (var line in lines.Skip(1))
            {
                var colon = line.IndexOf(':');
                if (colon <= 0 || HopByHopHeaders.Contains(line[..colon].Trim())) continue;
                forwarded.Append(line).Append("\r\n");
            }
            // One request per connection keeps the proxy a byte pipe: no need to parse response framing.
            forwarded.Append("Connection: close\r\n\r\n");
            await WriteAsciiAsync(origin, forwarded.ToString(), stopping).ConfigureAwait(false);
            if (leftover.Length > 0) await origin.WriteAsync(leftover, stopping).ConfigureAwait(false);
            await PipeAsync(clientStream, origin, stopping).ConfigureAwait(false);
        }
    }

    /// <summary>Opens the upstream connection through the address guard; on failure answers the browser and returns null.</summary>
    private async Task<Stream?> ConnectAsync(Stream client, Uri target, CancellationToken stopping)
    {
        using var timeout = new CancellationTokenSource(ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
        try
        {
            return await _connector.ConnectAsync(new DnsEndPoint(target.DnsSafeHost, target.Port), linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            await RespondAsync(client, 502, $"cannot connect to {target.Authority}: timed out", stopping).ConfigureAwait(false);
        }
        catch (AddressRefusedException e)
        {
            Interlocked.Increment(ref _refused);
            LogRefused(target.Authority, e.Message);
            await RespondAsync(client, 403, e.Message, stopping).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            await RespondAsync(client, 502, $"cannot connect to {target.Authority}: {e.Message}", stopping).ConfigureAwait(false);
        }
        return null;
    }

    private async Task<(string? Head, byte[] Leftover)> ReadHeadAsync(Stream stream, CancellationToken stopping)
    {
        using var timeout = new CancellationTokenSource(HeadTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
        var buffer = new byte[MaxHeadBytes];
        var length = 0;
        try
        {
            while (length < buffer.Length)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(length), linked.Token).ConfigureAwait(false);
                if (read == 0) return (null, []);
                var searchFrom = Math.Max(0, length - 3);
                length += read;
                var end = buffer.AsSpan(searchFrom, length - searchFrom).IndexOf("\r\n\r\n"u8);
                if (end >= 0)
                {
                    end += searchFrom;
                    return (Encoding.Latin1.GetString(buffer, 0, end), buffer[(end + 4)..length]);
                }
            }
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
        }
        return (null, []);
    }

    /// <summary>Copies both ways until either side closes; then both are closed.</summary>
    private static async Task PipeAsync(Stream client, Stream upstream, CancellationToken stopping)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var up = CopyAsync(client, upstream, done.Token);
        var down = CopyAsync(upstream, client, done.Token);
        await Task.WhenAny(up, down).ConfigureAwait(false);
        await done.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(up, down).ConfigureAwait(false);
    }

    private static async Task CopyAsync(Stream from, Stream to, CancellationToken token)
    {
        try { await from.CopyToAsync(to, 16 * 1024, token).ConfigureAwait(false); }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException) { }
    }

    /// <summary>Marks the proxy's own error pages, so a refused page load is not mistaken for the site's content.</summary>
    private const string RefusalMarker = "partnerwatch-proxy-refusal";

    /// <summary>The proxy's refusal message when <paramref name="html"/> is one of its error pages, else null.</summary>
    internal static string? RefusalIn(string html)
    {
        var at = html.IndexOf($"id=\"{RefusalMarker}\">", StringComparison.Ordinal);
        if (at < 0) return null;
        var start = at + RefusalMarker.Length + 6;
        var end = html.IndexOf('<', start);
        var message = WebUtility.HtmlDecode(end < 0 ? html[start..] : html[start..end]).Trim();
        return message.Length <= 300 ? message : message[..300] + "…";
    }

    private static async Task RespondAsync(Stream stream, int status, string message, CancellationToken stopping)
    {
        var reason = status switch { 400 => "Bad Request", 403 => "Forbidden", _ => "Bad Gateway" };
        var body = Encoding.UTF8.GetBytes(
            $"<!DOCTYPE html><title>{reason}</title><pre id=\"{RefusalMarker}\">{WebUtility.HtmlEncode(message)}</pre>\n");
        try
        {
            await WriteAsciiAsync(stream,
                $"HTTP/1.1 {status} {reason}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n",
                stopping).ConfigureAwait(false);
            await stream.WriteAsync(body, stopping).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The browser gave up on this request already.
        }
    }

    private static ValueTask WriteAsciiAsync(Stream stream, string text, CancellationToken token) =>
        stream.WriteAsync(Encoding.Latin1.GetBytes(text), token);

    private static string Clip(string value) => value.Length <= 200 ? value : value[..200] + "…";

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try { await _acceptLoop.ConfigureAwait(false); }
        catch (OperationCanceledException) { }
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Browser request to {Target} refused: {Reason}")]
    private partial void LogRefused(string target, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Browser proxy connection ended with an error: {Reason}")]
    private partial void LogConnectionFailed(string reason);
}
