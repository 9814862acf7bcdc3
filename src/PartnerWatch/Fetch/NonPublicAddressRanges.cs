using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace PartnerWatch.Fetch;

/// <summary>
/// Says whether an IP address is outside the public internet (loopback, private, link-local, reserved …),
/// looking through IPv6 forms that embed an IPv4 address so <c>::ffff:127.0.0.1</c> cannot slip past.
/// </summary>
public static class NonPublicAddressRanges
{
    private readonly record struct V4Range(uint Network, int PrefixLength, string Description)
    {
        public bool Contains(uint address) =>
            PrefixLength == 0 || (address >> (32 - PrefixLength)) == (Network >> (32 - PrefixLength));
    }

    // Ordered most specific first where ranges nest; first match wins.
    private static readonly V4Range[] V4Ranges =
    [
        new(0xFFFFFFFF, 32, "a broadcast address"),
        new(0x00000000, 8, "an unspecified (\"this network\") address"),
        new(0x0A000000, 8, "a private address"),
        new(0x64400000, 10, "a shared (CGNAT) address"),
        new(0x7F000000, 8, "a loopback address"),
        new(0xA9FE0000, 16, "a link-local address"),
        new(0xAC100000, 12, "a private address"),
        new(0xC0000000, 24, "an IETF protocol assignment (reserved) address"),
        new(0xC0000200, 24, "a documentation address"),
        new(0xC0586300, 24, "a 6to4 relay anycast (reserved) address"),
        new(0xC0A80000, 16, "a private address"),
        new(0xC6120000, 15, "a benchmarking address"),
        new(0xC6336400, 24, "a documentation address"),
        new(0xCB007100, 24, "a documentation address"),
        new(0xE0000000, 4, "a multicast address"),
        new(0xF0000000, 4, "a reserved address"),
    ];

    /// <summary>Returns why <paramref name="address"/> is not a public address (e.g. "a loopback address"), or null when it is public.</summary>
    public static string? Describe(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => DescribeV4(ToUInt32(address)),
            AddressFamily.InterNetworkV6 => DescribeV6(address),
            _ => "not an IP address",
        };
    }

    private static uint ToUInt32(IPAddress v4)
    {
        Span<byte> bytes = stackalloc byte[4];
        v4.TryWriteBytes(bytes, out _);
        return BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    private static string? DescribeV4(uint address)
    {
        foreach (var range in V4Ranges)
            if (range.Contains(address)) return range.Description;
        return null;
    }

    private static string? DescribeV6(IPAddress address)
    {
        Span<byte> b = stackalloc byte[16];
        address.TryWriteBytes(b, out _);
        var high = BinaryPrimitives.ReadUInt64BigEndian(b);
        var low = BinaryPrimitives.ReadUInt64BigEndian(b[8..]);
        var embeddedLast32 = BinaryPrimitives.ReadUInt32BigEndian(b[12..]);

        if (high == 0 && low == 0) return "an unspecified address";
        if (high == 0 && low == 1) return "a loopback address";
        // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (deprecated compatible) reach the embedded IPv4 host.
        if (high == 0 && (low >> 32) == 0xFFFF) return Embedded(embeddedLast32, "an IPv4-mapped IPv6 address");
        if (high == 0 && (low >> 32) == 0) return Embedded(embeddedLast32, "an IPv4-compatible IPv6 address");
        // 64:ff9b::/96 (NAT64) translates to the embedded IPv4 host; 64:ff9b:1::/48 is for local use only.
        if (high == 0x0064_FF9B_0000_0000 && (low >> 32) == 0) return Embedded(embeddedLast32, "a NAT64 address");
        if ((high >> 16) == 0x0064_FF9B_0001) return "a local-use NAT64 address";
        // 2002:aabb:ccdd::/48 (6to4) tunnels to aabbccdd.
        if ((high >> 48) == 0x2002) return Embedded((uint)(high >> 16), "a 6to4 address");
        if (high == 0x0100_0000_0000_0000) return "a discard-only address";
        if ((high >> 32) == 0x2001_0DB8) return "a documentation address";
        if ((high >> 44) == 0x3FFF_0) return "a documentation address";
        if ((high >> 41) == (0x2001_0000_0000_0000UL >> 41)) return "an IETF protocol assignment (reserved) address";
        if ((high >> 57) == (0xFC00_0000_0000_0000UL >> 57)) return "a unique-local (private) address";
        if ((high >> 54) == (0xFE80_0000_0000_0000UL >> 54)) return "a link-local address";
        if ((high >> 54) == (0xFEC0_0000_0000_0000UL >> 54)) return "a site-local (private) address";
        if ((high >> 56) == 0xFF) return "a multicast address";
        // Only 2000::/3 is allocated as global unicast; everything else is reserved.
        if ((high >> 61) != 0b001) return "a reserved address";
        return null;
    }

    private static string? Embedded(uint v4, string wrapper)
    {
        var inner = DescribeV4(v4);
        return inner is null ? null : $"{wrapper} embedding {new IPAddress(BinaryPrimitives.ReverseEndianness(v4))} ({inner})";
    }
}
