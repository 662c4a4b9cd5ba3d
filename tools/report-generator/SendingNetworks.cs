namespace Dmarc.ReportGenerator;

/// <summary>
/// Where each kind of stream sends from, inside the documentation ranges (192.0.2.0/24, 198.51.100.0/24,
/// 203.0.113.0/24, 2001:db8::/32), so samples never name a real network.
/// </summary>
public static class SendingNetworks
{
    /// <summary>Parties that are not the operator: ESP, list, forwarder and spammers' domains (reserved <c>.example</c> TLD).</summary>
    public const string EspSigningDomain = "esp.example";
    public const string EspBounceDomain = "bounces.vendor.example";
    public const string MailingListDomain = "lists.community.example";
    public const string ForwarderDomain = "forwarder.example";

    public static string SourceIp(StreamKind kind, SeededRandom random) => kind switch
    {
        StreamKind.OwnServer => random.Percent(15) ? $"2001:db8:10::{random.Next(0x10, 0x30):x}" : $"192.0.2.{random.Next(10, 30)}",
        StreamKind.AlignedEsp => $"198.51.100.{random.Next(1, 100)}",
        StreamKind.MisconfiguredEsp => $"198.51.100.{random.Next(128, 200)}",
        StreamKind.Forwarded or StreamKind.MailingList => random.Percent(25)
            ? $"2001:db8:f0::{random.Next(1, 0x100):x}"
            : $"203.0.113.{random.Next(200, 251)}",
        _ => random.Percent(20)
            ? $"2001:db8:{random.Next(0xa000, 0xb000):x}:{random.Next(1, 0x10000):x}::{random.Next(1, 0x10000):x}"
            : $"203.0.113.{random.Next(1, 150)}",
    };
}
