namespace Dmarc.Reports.Aggregate;

/// <summary>
/// One <c>record</c>: <see cref="Count"/> messages from one source with the same identifiers and results.
/// Statistics weight by <see cref="Count"/>, never by number of records.
/// </summary>
public sealed record AggregateRecord
{
    /// <summary>The sending IP in canonical form; the text as sent when it is not an IP address; empty when missing.</summary>
    public required string SourceIp { get; init; }

    public required long Count { get; init; }
    public required PolicyEvaluated PolicyEvaluated { get; init; }

    public required string HeaderFrom { get; init; }

    /// <summary>The RFC5321.MailFrom domain; null when the report leaves it out (RFC 9990 allows it empty).</summary>
    public string? EnvelopeFrom { get; init; }

    public string? EnvelopeTo { get; init; }

    /// <summary>Raw, unaligned DKIM results (<c>auth_results/dkim</c>).</summary>
    public IReadOnlyList<DkimAuthResult> Dkim { get; init; } = [];

    /// <summary>Raw, unaligned SPF results (<c>auth_results/spf</c>); old reports may have none.</summary>
    public IReadOnlyList<SpfAuthResult> Spf { get; init; } = [];
}

/// <summary>The reporter's verdicts (already aligned) and what it did with the messages.</summary>
public sealed record PolicyEvaluated(
    Disposition Disposition,
    DmarcVerdict Dkim,
    DmarcVerdict Spf,
    IReadOnlyList<PolicyOverrideReason> Reasons)
{
    /// <summary>DMARC passes when either aligned mechanism passed.</summary>
    public bool DmarcPass => Dkim == DmarcVerdict.Pass || Spf == DmarcVerdict.Pass;
}

/// <summary>A <c>reason</c> the receiver gave for applying something other than the published policy.</summary>
public sealed record PolicyOverrideReason(PolicyOverride Type, string? Comment);

/// <summary>One DKIM signature's result for domain <c>d=</c>.</summary>
public sealed record DkimAuthResult(string Domain, string? Selector, DkimResult Result, string? HumanResult);

/// <summary>The SPF result for one identity (MAIL FROM or HELO).</summary>
public sealed record SpfAuthResult(string Domain, SpfScope Scope, SpfResult Result, string? HumanResult);
