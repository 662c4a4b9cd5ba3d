namespace Dmarc.ReportGenerator;

/// <summary>Why a receiver wrote a failure report about a message (which stream it came from, what failed).</summary>
public enum FailureScenario
{
    /// <summary>Someone else sends as the domain: nothing passes, nothing aligns (<c>Auth-Failure: dmarc</c>, alignment <c>none</c>).</summary>
    Spoofing,

    /// <summary>A sending service signs and bounces with its own domains: DKIM and SPF pass, but misaligned (alignment <c>none</c>).</summary>
    MisconfiguredEsp,

    /// <summary>A mailing list changed the message: the domain's DKIM signature breaks, the list's SPF passes (alignment <c>none</c>).</summary>
    MailingList,

    /// <summary>The domain's own server with a broken DKIM key: <c>Auth-Failure: dkim</c>, SPF still aligned (alignment <c>spf</c>).</summary>
    DkimFailure,

    /// <summary>Forwarded mail: SPF fails at the forwarder, DKIM still aligned (<c>Auth-Failure: spf</c>, alignment <c>dkim</c>).</summary>
    SpfFailure,
}

/// <summary>
/// The message a failure report is about: its envelope, where it came from, what authenticated and what the receiver
/// did. <see cref="RecipientName"/> and <see cref="OriginalRcptTo"/> are a (made-up) person's data, for redaction tests.
/// </summary>
public sealed record FailedMessage
{
    private static readonly string[] _firstNames = ["Jane", "Max", "Aiko", "Lars", "Priya", "Tomas"];
    private static readonly string[] _lastNames = ["Doe", "Mustermann", "Tanaka", "Olsen", "Sharma", "Novak"];
    private static readonly string[] _spoofedSpf = ["fail", "softfail", "none", "neutral"];
    private static readonly string[] _subjects =
        ["Your invoice for March", "Payment reminder", "Your account statement is ready", "Action required: confirm your details"];

    public required string ReportedDomain { get; init; }
    public required string HeaderFrom { get; init; }
    public required string OriginalMailFrom { get; init; }
    public required string OriginalRcptTo { get; init; }
    public required string RecipientName { get; init; }
    public required string SourceIp { get; init; }
    public required DateTimeOffset Arrival { get; init; }
    public required string Subject { get; init; }
    public required string MessageId { get; init; }

    /// <summary><c>dmarc</c>, <c>dkim</c> or <c>spf</c> (RFC 6591 <c>Auth-Failure</c>).</summary>
    public string AuthFailure { get; init; } = "dmarc";

    /// <summary><c>none</c>, <c>dkim</c>, <c>spf</c> or <c>dkim, spf</c>: which identifiers aligned.</summary>
    public string IdentityAlignment { get; init; } = "none";

    public string DmarcResult { get; init; } = "fail";
    public string SpfResult { get; init; } = "fail";
    public string DkimResult { get; init; } = "none";
    public string? DkimDomain { get; init; }
    public string? DkimSelector { get; init; }

    /// <summary>The published policy (p= or sp=) that applied.</summary>
    public string Policy { get; init; } = "none";

    /// <summary>RFC 6591 <c>Delivery-Result</c>: <c>delivered</c>, <c>spam</c>, <c>policy</c>, <c>reject</c> or <c>other</c>.</summary>
    public string DeliveryResult { get; init; } = "delivered";

    /// <summary>The domain part of <see cref="OriginalMailFrom"/> (SPF checks it).</summary>
    public string MailFromDomain => OriginalMailFrom[(OriginalMailFrom.IndexOf('@', StringComparison.Ordinal) + 1)..];

    /// <summary>A failed message of the given scenario from <paramref name="domain"/> to a person at <paramref name="recipientDomain"/>.</summary>
    public static FailedMessage Create(
        FailureScenario scenario, string domain, string recipientDomain, DateTimeOffset arrival, long seed, string policy = "none")
    {
        var random = new SeededRandom(seed);
        var (first, last) = (random.Pick(_firstNames), random.Pick(_lastNames));
        var common = new FailedMessage
        {
            ReportedDomain = domain,
            HeaderFrom = $"billing@{domain}",
            OriginalMailFrom = $"billing@{domain}",
            OriginalRcptTo = $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}@{recipientDomain}",
            RecipientName = $"{first} {last}",
            SourceIp = "",
            Arrival = arrival,
            Subject = random.Pick(_subjects),
            MessageId = $"{random.NextUInt64():x16}@{domain}",
            Policy = policy,
            DeliveryResult = policy switch { "reject" => "reject", "quarantine" => "spam", _ => "delivered" },
        };
        return scenario switch
        {
            FailureScenario.Spoofing => common with
            {
                SourceIp = SendingNetworks.SourceIp(StreamKind.Spoofing, random),
                OriginalMailFrom = random.Percent(50) ? $"billing@{domain}" : $"info@mx{random.Next(1, 99)}.spam-{random.Next(100, 999)}.example",
                SpfResult = random.Pick(_spoofedSpf),
            },
            FailureScenario.MisconfiguredEsp => common with
            {
                SourceIp = SendingNetworks.SourceIp(StreamKind.MisconfiguredEsp, random),
                OriginalMailFrom = $"bounce-{random.Next(10_000, 100_000)}@{SendingNetworks.EspBounceDomain}",
                SpfResult = "pass",
                DkimResult = "pass",
                DkimDomain = SendingNetworks.EspSigningDomain,
                DkimSelector = "s1",
            },
            FailureScenario.MailingList => common with
            {
                SourceIp = SendingNetworks.SourceIp(StreamKind.MailingList, random),
                OriginalMailFrom = $"announce-bounces@{SendingNetworks.MailingListDomain}",
                SpfResult = "pass",
                DkimResult = "fail",
                DkimDomain = domain,
                DkimSelector = "s2026",
            },
            FailureScenario.DkimFailure => common with
            {
                SourceIp = SendingNetworks.SourceIp(StreamKind.OwnServer, random),
                AuthFailure = "dkim",
                IdentityAlignment = "spf",
                DmarcResult = "pass",
                SpfResult = "pass",
                DkimResult = "fail",
                DkimDomain = domain,
                DkimSelector = "s2026",
                DeliveryResult = "delivered",
            },
            _ => common with
            {
                SourceIp = SendingNetworks.SourceIp(StreamKind.Forwarded, random),
                AuthFailure = "spf",
                IdentityAlignment = "dkim",
                DmarcResult = "pass",
                SpfResult = random.Percent(50) ? "fail" : "softfail",
                DkimResult = "pass",
                DkimDomain = domain,
                DkimSelector = "s2026",
                DeliveryResult = "delivered",
            },
        };
    }
}
