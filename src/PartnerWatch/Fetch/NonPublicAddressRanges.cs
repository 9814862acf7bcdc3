using System.Net;
using System.Net.Sockets;

namespace PartnerWatch.Fetch;

/// <summary>
/// Says whether an IP address is outside the public internet (loopback, private, link-local, reserved …),
/// looking through IPv6 forms that embed an IPv4 address so <c>::ffff:127.0.0.1</c> cannot slip past.
/// The ranges are <see cref="IPNetwork"/> values written in CIDR notation, as the IANA special-purpose registries list them.
/// </summary>
public static class NonPublicAddressRanges
{
    private readonly record struct Range(IPNetwork Network, string Description)
    {
        public Range(string cidr, string description) : this(IPNetwork.Parse(cidr), description) { }
    }

    // Ordered most specific first where ranges nest; first match wins.
    private static readonly Range[] V4Ranges =
    [
        new("255.255.255.255/32", "a broadcast address"),
        new("0.0.0.0/8", "an unspecified (\"this network\") address"),
        new("10.0.0.0/8", "a private address"),
        new("100.64.0.0/10", "a shared (CGNAT) address"),
        new("127.0.0.0/8", "a loopback address"),
        new("169.254.0.0/16", "a link-local address"),
        new("172.16.0.0/12", "a private address"),
        new("192.0.0.0/24", "an IETF protocol assignment (reserved) address"),
        new("192.0.2.0/24", "a documentation address"),
        new("192.88.99.0/24", "a 6to4 relay anycast (reserved) address"),
        new("192.168.0.0/16", "a private address"),
        new("198.18.0.0/15", "a benchmarking address"),
        new("198.51.100.0/24", "a documentation address"),
        new("203.0.113.0/24", "a documentation address"),
        new("224.0.0.0/4", "a multicast address"),
        new("240.0.0.0/4", "a reserved address"),
    ];

    /// <summary>IPv6 ranges that carry an IPv4 host in the given bytes: the answer is that host's.</summary>
    private static readonly (IPNetwork Network, int V4Offset, string Wrapper)[] V6Embedding =
    [
        (IPNetwork.Parse("::/96"), 12, "an IPv4-compatible IPv6 address"),       // deprecated, still routed by some stacks
        (IPNetwork.Parse("64:ff9b::/96"), 12, "a NAT64 address"),
        (IPNetwork.Parse("2002::/16"), 2, "a 6to4 address"),
    ];

    private static readonly Range[] V6Ranges =
    [
        new("64:ff9b:1::/48", "a local-use NAT64 address"),
        new("100::/64", "a discard-only address"),
        new("2001:db8::/32", "a documentation address"),
        new("3fff::/20", "a documentation address"),
        new("2001::/23", "an IETF protocol assignment (reserved) address"),
        new("fc00::/7", "a unique-local (private) address"),
        new("fe80::/10", "a link-local address"),
        new("fec0::/10", "a site-local (private) address"),
        new("ff00::/8", "a multicast address"),
    ];

    /// <summary>Only this block is allocated as global unicast; the rest of the IPv6 space is reserved.</summary>
    private static readonly IPNetwork GlobalUnicast = IPNetwork.Parse("2000::/3");

    /// <summary>Returns why <paramref name="address"/> is not a public address (e.g. "a loopback address"), or null when it is public.</summary>
    public static string? Describe(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => First(V4Ranges, address),
            AddressFamily.InterNetworkV6 => DescribeV6(address),
            _ => "not an IP address",
        };
    }

    private static string? First(Range[] ranges, IPAddress address)
    {
        foreach (var range in ranges)
            if (range.Network.Contains(address)) return range.Description;
        return null;
    }

    private static string? DescribeV6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6None)) return "an unspecified address";
        if (address.Equals(IPAddress.IPv6Loopback)) return "a loopback address";
        // IPNetwork.Contains does not match ::ffff:a.b.c.d against ::ffff:0:0/96, so mapped addresses are unwrapped first.
        if (address.IsIPv4MappedToIPv6)
        {
            var mapped = address.MapToIPv4();
            return First(V4Ranges, mapped) is { } reason4 ? $"an IPv4-mapped IPv6 address embedding {mapped} ({reason4})" : null;
        }
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        foreach (var (network, offset, wrapper) in V6Embedding)
        {
            if (!network.Contains(address)) continue;
            var v4 = new IPAddress(bytes.Slice(offset, 4));
            return First(V4Ranges, v4) is { } inner ? $"{wrapper} embedding {v4} ({inner})" : null;
        }
        if (First(V6Ranges, address) is { } reason) return reason;
        return GlobalUnicast.Contains(address) ? null : "a reserved address";
    }
}
