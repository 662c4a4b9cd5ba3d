using Dmarc.Reports.Aggregate;

namespace Dmarc.Reports.Diagnosis;

/// <summary>
/// Why failing mail was not acted on: the receiver's <c>reason</c> overrides in DMARC words, with <c>local_policy</c>
/// split by whether the receiver saw an ARC pass, and test mode or sampling read from the published policy when the
/// receiver gave no reason.
/// </summary>
public enum OverrideReason
{
    Forwarded,
    TrustedForwarder,
    MailingList,

    /// <summary><c>local_policy</c> whose comment says <c>arc=pass</c> (Google does this for forwarded mail).</summary>
    LocalPolicyArcPass,

    /// <summary><c>local_policy</c> without an ARC pass.</summary>
    LocalPolicy,

    /// <summary><c>policy_test_mode</c>, or a failing message left alone under a policy published with <c>t=y</c>.</summary>
    PolicyTestMode,

    /// <summary><c>sampled_out</c>, or a failing message left alone under <c>pct</c> below 100.</summary>
    SampledOut,
    Other,
}

/// <summary>Reads the <see cref="OverrideReason"/>s of a record.</summary>
public static class OverrideReasons
{
    public static int Count { get; } = Enum.GetValues<OverrideReason>().Length;

    /// <summary>True for the overrides that name an indirect mail flow: forwarding, a mailing list, or an ARC pass.</summary>
    public static bool NamesForwarding(OverrideReason reason) =>
        reason is OverrideReason.Forwarded or OverrideReason.TrustedForwarder or OverrideReason.MailingList or OverrideReason.LocalPolicyArcPass;

    /// <summary>
    /// The distinct reasons of <paramref name="record"/>, as a bit set over <see cref="OverrideReason"/>. When the
    /// receiver gave none but left failing mail alone although the policy asks for more, test mode (<c>t=y</c>) or
    /// sampling (<c>pct</c> below 100) of <paramref name="policy"/> explains it (under <c>t=y</c> receivers apply one step
    /// less than the policy asks).
    /// </summary>
    public static int Of(AggregateRecord record, PolicyPublished policy)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(policy);
        var set = 0;
        foreach (var reason in record.PolicyEvaluated.Reasons)
        {
            set |= 1 << (int)Read(reason);
        }

        var disposition = record.PolicyEvaluated.Disposition;
        if (set == 0 && !record.PolicyEvaluated.DmarcPass && disposition != Disposition.Pass && (int)disposition < (int)Applies(policy, record.HeaderFrom))
        {
            if (policy.Testing == true)
            {
                set |= 1 << (int)OverrideReason.PolicyTestMode;
            }
            else if (policy.Pct is < 100)
            {
                set |= 1 << (int)OverrideReason.SampledOut;
            }
        }

        return set;
    }

    public static bool Contains(int set, OverrideReason reason) => (set & (1 << (int)reason)) != 0;

    /// <summary>The short name used in evidence and JSON (<c>forwarded</c>, <c>local_policy_arc_pass</c>, ...).</summary>
    public static string Name(OverrideReason reason) => reason switch
    {
        OverrideReason.Forwarded => "forwarded",
        OverrideReason.TrustedForwarder => "trusted_forwarder",
        OverrideReason.MailingList => "mailing_list",
        OverrideReason.LocalPolicyArcPass => "local_policy_arc_pass",
        OverrideReason.LocalPolicy => "local_policy",
        OverrideReason.PolicyTestMode => "policy_test_mode",
        OverrideReason.SampledOut => "sampled_out",
        _ => "other",
    };

    private static OverrideReason Read(PolicyOverrideReason reason) => reason.Type switch
    {
        PolicyOverride.Forwarded => OverrideReason.Forwarded,
        PolicyOverride.TrustedForwarder => OverrideReason.TrustedForwarder,
        PolicyOverride.MailingList => OverrideReason.MailingList,
        PolicyOverride.LocalPolicy => SaysArcPass(reason.Comment) ? OverrideReason.LocalPolicyArcPass : OverrideReason.LocalPolicy,
        PolicyOverride.PolicyTestMode => OverrideReason.PolicyTestMode,
        PolicyOverride.SampledOut => OverrideReason.SampledOut,
        _ => OverrideReason.Other,
    };

    /// <summary><c>arc=pass</c> anywhere in the comment, any case, spaces around <c>=</c> allowed.</summary>
    private static bool SaysArcPass(string? comment)
    {
        if (string.IsNullOrEmpty(comment))
        {
            return false;
        }

        var text = comment.Replace(" ", "", StringComparison.Ordinal);
        return text.Contains("arc=pass", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The policy that applies to the Header-From: p for the policy domain itself, sp for its subdomains.</summary>
    private static DomainPolicy Applies(PolicyPublished policy, string headerFrom) =>
        (string.Equals(headerFrom, policy.Domain, StringComparison.OrdinalIgnoreCase) ? policy.P : policy.EffectiveSp) ?? DomainPolicy.None;
}
