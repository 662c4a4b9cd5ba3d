namespace Dmarc.Reports.Aggregate;

/// <summary>The <c>policy_published</c> section: the DMARC record the receiver found for the domain.</summary>
public sealed record PolicyPublished
{
    public required string Domain { get; init; }

    /// <summary>DKIM alignment mode; relaxed when the report leaves it out.</summary>
    public AlignmentMode Adkim { get; init; } = AlignmentMode.Relaxed;

    /// <summary>SPF alignment mode; relaxed when the report leaves it out.</summary>
    public AlignmentMode Aspf { get; init; } = AlignmentMode.Relaxed;

    /// <summary>The policy for the organisational domain; null when the report has none or an unknown value.</summary>
    public DomainPolicy? P { get; init; }

    /// <summary>The policy for existing subdomains as published (null: not published, <see cref="EffectiveSp"/> applies p).</summary>
    public DomainPolicy? Sp { get; init; }

    /// <summary>RFC 9990 policy for non-existent subdomains as published (null: <see cref="EffectiveNp"/> applies sp).</summary>
    public DomainPolicy? Np { get; init; }

    /// <summary>RFC 7489 sampling percentage (removed by RFC 9989).</summary>
    public int? Pct { get; init; }

    /// <summary>Failure reporting options, as sent.</summary>
    public string? Fo { get; init; }

    /// <summary>RFC 9990 <c>testing</c> (t=y): the policy is published in test mode.</summary>
    public bool? Testing { get; init; }

    /// <summary>RFC 9990 <c>discovery_method</c>: how the receiver found the policy.</summary>
    public DiscoveryMethod? DiscoveryMethod { get; init; }

    public DomainPolicy? EffectiveSp => Sp ?? P;
    public DomainPolicy? EffectiveNp => Np ?? EffectiveSp;
}
