using System.Net;

namespace Dmarc.Reports.Enrichment;

/// <summary>
/// Addresses that are not on the public Internet (RFC 6890 and its IPv6 registry): private, shared, loopback,
/// link-local, documentation, benchmarking, unique-local. Reverse DNS of them says nothing about who sent mail, so
/// they are never looked up (and the samples, which use documentation ranges, need no DNS at all).
/// </summary>
public static class SpecialPurposeAddresses
{
    private static readonly IPNetwork[] Networks =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.0.2.0/24"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("198.51.100.0/24"), IPNetwork.Parse("203.0.113.0/24"),
        IPNetwork.Parse("240.0.0.0/4"), IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"),
        IPNetwork.Parse("2001:db8::/32"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"),
    ];

    /// <summary>The range <paramref name="address"/> falls in, or null when it is a public address.</summary>
    public static IPNetwork? RangeOf(IPAddress address)
    {
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        foreach (var network in Networks)
        {
            if (network.Contains(plain))
            {
                return network;
            }
        }

        return null;
    }
}
