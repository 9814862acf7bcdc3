using System.Net;
using PartnerWatch.Fetch;

namespace PartnerWatch.Tests.Fetch;

public sealed class NonPublicAddressRangesTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.255.254", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("100.64.0.1", "CGNAT")]
    [InlineData("100.127.255.255", "CGNAT")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("0.1.2.3", "unspecified")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("240.0.0.1", "reserved")]
    [InlineData("224.0.0.251", "multicast")]
    [InlineData("239.255.255.250", "multicast")]
    [InlineData("198.18.0.1", "benchmarking")]
    [InlineData("198.19.255.255", "benchmarking")]
    [InlineData("192.0.2.10", "documentation")]
    [InlineData("198.51.100.7", "documentation")]
    [InlineData("203.0.113.9", "documentation")]
    [InlineData("192.0.0.8", "reserved")]
    [InlineData("::", "unspecified")]
    [InlineData("::1", "loopback")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("febf::1", "link-local")]
    [InlineData("fc00::1", "unique-local")]
    [InlineData("fd12:3456::1", "unique-local")]
    [InlineData("fec0::1", "site-local")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("2001:db8::1", "documentation")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    [InlineData("::127.0.0.1", "loopback")]
    [InlineData("64:ff9b::7f00:1", "loopback")]
    [InlineData("64:ff9b::a9fe:a9fe", "link-local")]
    [InlineData("64:ff9b:1::1", "NAT64")]
    [InlineData("2002:7f00:1::1", "loopback")]
    [InlineData("2002:c0a8:101::1", "private")]
    [InlineData("2001::1", "reserved")]
    [InlineData("100::1", "discard")]
    [InlineData("4000::1", "reserved")]
    public void NonPublicAddressIsDescribed(string address, string expectedWord)
    {
        var reason = NonPublicAddressRanges.Describe(IPAddress.Parse(address));

        Assert.NotNull(reason);
        Assert.Contains(expectedWord, reason, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("93.184.215.14")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.0")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.0")]
    [InlineData("198.17.255.255")]
    [InlineData("198.20.0.0")]
    [InlineData("223.255.255.255")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2a00:1450:4001:81c::200e")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:808:808::1")]
    public void PublicAddressIsAllowed(string address) =>
        Assert.Null(NonPublicAddressRanges.Describe(IPAddress.Parse(address)));

    [Fact]
    public void MappedAddressMessageNamesTheEmbeddedAddress()
    {
        var reason = NonPublicAddressRanges.Describe(IPAddress.Parse("::ffff:127.0.0.1"));

        Assert.Equal("an IPv4-mapped IPv6 address embedding 127.0.0.1 (a loopback address)", reason);
    }

    [Fact]
    public void AllowPrivateNetworksMakesThePolicyAllowEverything()
    {
        var options = new global::PartnerWatch.Config.PartnerWatchOptions();
        Assert.NotNull(new PublicAddressPolicy(options).RefusalReason(IPAddress.Loopback));

        options.Fetch.AllowPrivateNetworks = true;
        Assert.Null(new PublicAddressPolicy(options).RefusalReason(IPAddress.Loopback));
    }
}
