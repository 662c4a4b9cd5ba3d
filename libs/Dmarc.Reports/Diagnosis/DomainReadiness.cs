using Dmarc.Reports.Aggregate;

namespace Dmarc.Reports.Diagnosis;

/// <summary>
/// Whether a policy domain can move on to a stricter policy: its volume and pass rate over the window read, what a
/// stricter policy would have done to its mail (split by stream class), the legitimate streams to fix first, and the
/// advice that follows (RFC 9989).
/// </summary>
public sealed record DomainReadiness
{
    public required string Domain { get; init; }
    public required DomainKind Kind { get; init; }
    public required long Reports { get; init; }
    public required long Messages { get; init; }
    public required long ReporterPass { get; init; }
    public required long DmarcPass { get; init; }
    public double PassRate => Shares.Of(DmarcPass, Messages);
    public double ReporterPassRate => Shares.Of(ReporterPass, Messages);
    public DateTimeOffset? FirstSeen { get; init; }
    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>The policy of the latest report; null when no report named one.</summary>
    public PolicyPublished? Published { get; init; }

    public bool PolicyChanged { get; init; }

    /// <summary>Messages per stream class.</summary>
    public required IReadOnlyDictionary<StreamClass, long> MessagesByClass { get; init; }

    public required PolicyImpact WouldQuarantine { get; init; }
    public required PolicyImpact WouldReject { get; init; }

    /// <summary>Messages whose Header-From is not the policy domain itself (its subdomains), and how many of them fail.</summary>
    public required long SubdomainMessages { get; init; }

    public required long SubdomainDmarcFail { get; init; }

    /// <summary>Legitimate streams (misconfigured, forwarded) that fail under this domain, most failing messages first.</summary>
    public required IReadOnlyList<StreamToFix> FixFirst { get; init; }

    public required PolicyRecommendation Recommendation { get; init; }
}

/// <summary>
/// What <see cref="Policy"/>, applied to the domain and its subdomains, would have done to the mail of the window:
/// the messages that fail DMARC (recomputed), split by stream class, and how many of them receivers exempted by
/// naming forwarding, a mailing list or an ARC pass.
/// </summary>
public sealed record PolicyImpact(
    DomainPolicy Policy,
    long Messages,
    double Share,
    IReadOnlyDictionary<StreamClass, long> ByClass,
    long ExemptedByReceivers);

/// <summary>A legitimate stream that fails DMARC under a policy domain, with what to change.</summary>
public sealed record StreamToFix(StreamKey Stream, string Label, StreamClass Class, long DmarcFail, string? Fix);

/// <summary>
/// The advice for a policy domain: whether the next stricter step is safe, the DMARC tags to publish next and the
/// target for its kind, with the reasoning as sentences. <see cref="NextStep"/> is the tags to publish next (e.g.
/// <c>p=quarantine; t=y; np=reject</c>), <see cref="Target"/> where the domain should end (e.g. <c>p=quarantine;
/// np=reject</c> for a mailbox domain).
/// </summary>
public sealed record PolicyRecommendation(bool Ready, string Summary, string NextStep, string Target, IReadOnlyList<string> Reasoning);
