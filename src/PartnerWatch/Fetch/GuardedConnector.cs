using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace PartnerWatch.Fetch;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host itself and connects only to addresses the
/// <see cref="IAddressPolicy"/> allows. Checking here, at connect time, covers redirects, DNS names that resolve to
/// internal hosts and odd IP spellings alike, and leaves no gap between the check and the connection (DNS rebinding).
/// </summary>
internal sealed partial class GuardedConnector(IAddressPolicy policy, ILogger<GuardedConnector> logger)
{
    private const string AllowHint = "set PartnerWatch:Fetch:AllowPrivateNetworks=true to allow";

    public ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken) =>
        ConnectAsync(context.DnsEndPoint, cancellationToken);

    /// <summary>The same guarded connect for other clients of the policy (the browser's forward proxy).</summary>
    public async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        var allowed = await AllowedAddressesAsync(endpoint, cancellationToken).ConfigureAwait(false);
        return await ConnectToAnyAsync(allowed, endpoint.Port, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The addresses of <paramref name="endpoint"/> the policy allows (IPv4-mapped ones as IPv4); throws
    /// <see cref="AddressRefusedException"/> when there are none. Used as is by the proxy tunnel, which asks the proxy
    /// for one of these addresses instead of the name.
    /// </summary>
    internal async ValueTask<List<IPAddress>> AllowedAddressesAsync(DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken).ConfigureAwait(false);

        var allowed = new List<IPAddress>(addresses.Length);
        var refusals = new List<string>();
        foreach (var address in addresses)
        {
            var reason = policy.RefusalReason(address);
            // The policy has judged the embedded IPv4 address; connect to it directly (no dual-mode socket needed).
            if (reason is null) allowed.Add(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
            else refusals.Add($"{address} is {reason}");
        }

        if (allowed.Count == 0)
        {
            var message = addresses.Length == 0
                ? $"refused: {endpoint.Host} has no address"
                : IPAddress.TryParse(endpoint.Host, out _) || refusals.Count == 1
                    ? $"refused: {refusals[0]}; {AllowHint}"
                    : $"refused: {endpoint.Host} resolves only to non-public addresses ({string.Join(", ", refusals)}); {AllowHint}";
            LogRefused(endpoint.Host, message);
            throw new AddressRefusedException(message);
        }
        return allowed;
    }

    /// <summary>A TCP connection to the first of <paramref name="addresses"/> that answers.</summary>
    internal static async ValueTask<Stream> ConnectToAnyAsync(IReadOnlyList<IPAddress> addresses, int port, CancellationToken cancellationToken)
    {
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last!;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Connection to {Host} refused by the address policy: {Reason}")]
    private partial void LogRefused(string host, string reason);
}
