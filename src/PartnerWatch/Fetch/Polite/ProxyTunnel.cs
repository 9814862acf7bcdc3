using System.Net;
using System.Net.Sockets;
using System.Text;
using PartnerWatch.Config;

namespace PartnerWatch.Fetch;

/// <summary>
/// Connects to a site through an HTTP proxy without letting the proxy choose the address: the target name is resolved
/// and judged by the address guard here, and the proxy is asked to <c>CONNECT</c> to that allowed IP address. TLS and
/// HTTP then run end to end inside the tunnel, so the proxy can neither be steered to an internal host by DNS nor read
/// HTTPS traffic. The proxy itself must be public unless <c>Fetch:AllowPrivateProxy</c> is set, and must permit CONNECT
/// to the sites' ports (80 and 443).
/// </summary>
internal sealed class ProxyTunnel(GuardedConnector guard, PartnerWatchOptions options)
{
    private const int MaxResponseHeadBytes = 8 * 1024;

    public async ValueTask<Stream> ConnectAsync(Uri proxy, DnsEndPoint target, CancellationToken cancellationToken)
    {
        var targets = await guard.AllowedAddressesAsync(target, cancellationToken).ConfigureAwait(false);
        var proxyStream = await ConnectToProxyAsync(proxy, cancellationToken).ConfigureAwait(false);
        try
        {
            // The first allowed address; a proxy that cannot reach it answers with an error status, reported as such.
            var address = targets[0];
            var authority = address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]:{target.Port}" : $"{address}:{target.Port}";
            var request = new StringBuilder()
                .Append("CONNECT ").Append(authority).Append(" HTTP/1.1\r\n")
                .Append("Host: ").Append(authority).Append("\r\n");
            if (!string.IsNullOrEmpty(proxy.UserInfo))
                request.Append("Proxy-Authorization: Basic ")
                    .Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(proxy.UserInfo)))).Append("\r\n");
            request.Append("\r\n");
            await proxyStream.WriteAsync(Encoding.ASCII.GetBytes(request.ToString()), cancellationToken).ConfigureAwait(false);

            var status = await ReadStatusAsync(proxyStream, cancellationToken).ConfigureAwait(false);
            if (status is < 200 or > 299)
                throw new HttpRequestException(HttpRequestError.ProxyTunnelError,
                    $"proxy {FetchSettings.Describe(proxy)} answered CONNECT to {target.Host}:{target.Port} with HTTP {status}");
            return proxyStream;
        }
        catch
        {
            await proxyStream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async ValueTask<Stream> ConnectToProxyAsync(Uri proxy, CancellationToken cancellationToken)
    {
        var host = proxy.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        var allowed = addresses
            .Select(a => a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a)
            .Where(a => options.Fetch.AllowPrivateProxy || NonPublicAddressRanges.Describe(a) is null)
            .ToList();
        if (allowed.Count == 0)
            throw new AddressRefusedException(addresses.Length == 0
                ? $"refused: proxy {proxy.Host} has no address"
                : $"refused: proxy {proxy.Host} is on a non-public address ({string.Join(", ", addresses.Select(a => a.ToString()))}); set PartnerWatch:Fetch:AllowPrivateProxy=true to allow");
        return await GuardedConnector.ConnectToAnyAsync(allowed, proxy.Port, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the proxy's response head byte by byte (nothing past it belongs to us) and returns its status.</summary>
    private static async ValueTask<int> ReadStatusAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>(256);
        var one = new byte[1];
        while (head.Count < MaxResponseHeadBytes)
        {
            if (await stream.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 0)
                throw new HttpRequestException(HttpRequestError.ProxyTunnelError, "proxy closed the connection before answering CONNECT");
            head.Add(one[0]);
            var n = head.Count;
            if (n >= 4 && head[n - 4] == '\r' && head[n - 3] == '\n' && head[n - 2] == '\r' && head[n - 1] == '\n') break;
        }
        var statusLine = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n")[0];
        var parts = statusLine.Split(' ');
        return parts.Length >= 2 && parts[0].StartsWith("HTTP/", StringComparison.Ordinal) && int.TryParse(parts[1], out var status)
            ? status
            : throw new HttpRequestException(HttpRequestError.ProxyTunnelError, "proxy answered CONNECT with something that is not HTTP");
    }
}
