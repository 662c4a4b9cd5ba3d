using System.Globalization;
using System.Net;

namespace Dmarc.Reports.Enrichment;

/// <summary>Reading CIDR ranges as operators write them: <c>192.0.2.0/24</c>, <c>2001:db8::/32</c>, or one address.</summary>
internal static class AddressRange
{
    /// <summary>The range, or a sentence saying why <paramref name="text"/> is not one.</summary>
    public static bool TryParse(string? text, out IPNetwork range, out string problem)
    {
        range = default;
        problem = "";
        var trimmed = text?.Trim() ?? "";
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? trimmed : trimmed[..slash];
        if (!SourceAddress.TryParse(addressText, out var address))
        {
            problem = $"'{text}' is not an IP address or CIDR range (like 192.0.2.0/24 or 2001:db8::/32)";
            return false;
        }

        var bits = address.GetAddressBytes().Length * 8;
        var prefix = bits;
        if (slash >= 0 && (!int.TryParse(trimmed[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > bits))
        {
            problem = $"'{text}': the prefix length must be a number from 0 to {bits}";
            return false;
        }

        var network = new IPNetwork(NetworkAddress(address, prefix), prefix);
        if (!network.BaseAddress.Equals(address))
        {
            problem = $"'{text}' has bits set after the prefix; the range is {network}";
            return false;
        }

        range = network;
        return true;
    }

    public static bool Contains(IPNetwork range, IPAddress address) => range.Contains(SourceAddress.Normal(address));

    private static IPAddress NetworkAddress(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var bit = prefix; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return new IPAddress(bytes);
    }
}
