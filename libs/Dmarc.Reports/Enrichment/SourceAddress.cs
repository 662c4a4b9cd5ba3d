using System.Net;
using System.Net.Sockets;

namespace Dmarc.Reports.Enrichment;

/// <summary>Reading and comparing source IPs as reports give them.</summary>
internal static class SourceAddress
{
    /// <summary>
    /// An IPv4 address in dotted-quad form or an IPv6 address; IPv4-mapped IPv6 addresses become IPv4. Stricter than
    /// <see cref="IPAddress.TryParse(string?, out IPAddress?)"/>, which also takes "1" or "1.2" as IPv4.
    /// </summary>
    public static bool TryParse(string text, out IPAddress address)
    {
        address = IPAddress.None;
        var trimmed = text.Trim();
        var looksLikeIp = trimmed.Contains(':', StringComparison.Ordinal) || trimmed.Count(c => c == '.') == 3;
        if (!looksLikeIp || !IPAddress.TryParse(trimmed, out var parsed))
        {
            return false;
        }

        address = Normal(parsed);
        return true;
    }

    public static IPAddress Normal(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    public static bool Same(IPAddress left, IPAddress right) => Normal(left).Equals(Normal(right));
}
