using Dmarc.Reports.Enrichment;

namespace Dmarc.Reports.Diagnosis;

/// <summary>What the operator tells the analysis: their time zone, what kind each domain is, and its bounds.</summary>
public sealed record AnalysisOptions
{
    /// <summary>The name under which whatever passed a bound is summed up.</summary>
    public const string Other = "(other)";

    public static AnalysisOptions Default { get; } = new();

    /// <summary>The time zone of the daily statistics (reports arrive as UTC periods). UTC by default.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Bound on distinct streams, policy domains, reporters and days kept apart; the rest is summed as <see cref="Other"/>.</summary>
    public int MaxKeys { get; init; } = 100_000;

    /// <summary>
    /// The operator's sender inventory: a stream whose passing DKIM <c>d=</c> or SPF domain belongs to an authorised
    /// sender is named after it (its IP ranges are matched by the enricher).
    /// </summary>
    public SenderInventory Inventory { get; init; } = SenderInventory.Empty;

    /// <summary>
    /// Bound on the distinct domains of <c>discovery_method=treewalk</c> reports whose organisational domains are
    /// compared (each costs up to eight DNS queries); the messages of further domains are only counted.
    /// </summary>
    public int MaxTreeWalkDomains { get; init; } = 1_000;

    /// <summary>Kinds of the operator's policy domains (mailbox or transactional); a domain not named here is <see cref="DomainKind.Unknown"/>.</summary>
    public IReadOnlyDictionary<string, DomainKind> DomainKinds { get; init; } = new Dictionary<string, DomainKind>();

    /// <summary>
    /// Share of a domain's mail that legitimate but failing streams (misconfigured, forwarded) may have before the
    /// readiness advice holds enforcement back until they are fixed. 0.1 % by default.
    /// </summary>
    public double LegitimateFailureTolerance { get; init; } = 0.001;

    public DomainKind KindOf(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        foreach (var (name, kind) in DomainKinds)
        {
            if (string.Equals(name.TrimEnd('.'), domain, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        return DomainKind.Unknown;
    }
}

/// <summary>
/// What a policy domain is used for, which decides the enforcement target RFC 9989 advises: general-purpose mailbox
/// domains (people's own mail, mailing lists) stop at <c>quarantine</c> plus <c>np=reject</c>; transactional and
/// corporate domains go to <c>reject</c>.
/// </summary>
public enum DomainKind
{
    /// <summary>Not configured: the advice explains both targets.</summary>
    Unknown,

    /// <summary>A general-purpose mailbox domain (an ISP's or a university's users).</summary>
    Mailbox,

    /// <summary>A transactional or corporate domain (invoices, notifications, staff mail).</summary>
    Transactional,
}
