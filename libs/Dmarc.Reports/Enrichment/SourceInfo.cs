namespace Dmarc.Reports.Enrichment;

/// <summary>What kind of party a sending source belongs to.</summary>
public enum SenderType
{
    /// <summary>Big mailbox providers sending their users' mail (Google, Microsoft, Yahoo, ...).</summary>
    MailboxProvider,

    /// <summary>E-mail service providers sending on behalf of customers (SendGrid, Mailchimp, Amazon SES, ...).</summary>
    EmailServiceProvider,

    /// <summary>Forwarding services and mailing-list hosts: indirect mail flows that break SPF (and often DKIM).</summary>
    Forwarder,

    /// <summary>Inbound/outbound security gateways that relay mail (Mimecast, Proofpoint, ...).</summary>
    SecurityGateway,

    /// <summary>Hosting and cloud networks: anything may send from there.</summary>
    Hosting,

    /// <summary>The operator's own servers or an authorised third party (from the operator's inventory).</summary>
    Operator,
}

/// <summary>A known sending service (from the built-in known-senders map, configuration or the operator's inventory).</summary>
public sealed record KnownSender(string Name, SenderType Type, string MatchedBy);

/// <summary>
/// Everything known about one sending IP. Every field but <see cref="Ip"/> may be missing: an IP without reverse
/// DNS or outside the configured databases is a normal result, not an error.
/// </summary>
public sealed record SourceInfo(string Ip)
{
    /// <summary>The PTR name, when there is one.</summary>
    public string? ReverseDns { get; init; }

    /// <summary>True when <see cref="ReverseDns"/> resolves back to <see cref="Ip"/> (forward-confirmed reverse DNS).</summary>
    public bool ForwardConfirmed { get; init; }

    /// <summary>The organisational domain of a forward-confirmed <see cref="ReverseDns"/>.</summary>
    public string? BaseDomain { get; init; }

    /// <summary>ISO 3166 country code, when an MMDB country database is configured.</summary>
    public string? Country { get; init; }

    public long? Asn { get; init; }

    public string? AsOrganization { get; init; }

    /// <summary>The known service the source belongs to, when one matched.</summary>
    public KnownSender? Sender { get; init; }

    /// <summary>Why a field could not be filled (lookups off, timeout, no database), for the evidence; empty when none.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>Finds out what is known about sending IPs; implementations cache and never throw for an unknown IP.</summary>
public interface ISourceEnricher
{
    ValueTask<SourceInfo> EnrichAsync(string ip, CancellationToken cancellationToken = default);
}
