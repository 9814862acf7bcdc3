using System.Net;
using PartnerWatch.Config;

namespace PartnerWatch.Fetch;

/// <summary>Decides which resolved IP addresses the fetcher may open a connection to.</summary>
public interface IAddressPolicy
{
    /// <summary>Null when a connection to <paramref name="address"/> is allowed, else why not (e.g. "a loopback address").</summary>
    string? RefusalReason(IPAddress address);
}

/// <summary>
/// The production policy: only public addresses, unless <see cref="FetchOptions.AllowPrivateNetworks"/> is set
/// (tests and local demos).
/// </summary>
public sealed class PublicAddressPolicy(PartnerWatchOptions options) : IAddressPolicy
{
    public string? RefusalReason(IPAddress address) =>
        options.Fetch.AllowPrivateNetworks ? null : NonPublicAddressRanges.Describe(address);
}

/// <summary>Thrown by the connect step when every address of a host is refused by the <see cref="IAddressPolicy"/>.</summary>
public sealed class AddressRefusedException(string message) : Exception(message);
