namespace Dmarc.Reports.Aggregate;

/// <summary>adkim / aspf: strict needs the same domain, relaxed the same organisational domain.</summary>
public enum AlignmentMode
{
    Relaxed,
    Strict,
}

/// <summary>A published DMARC policy (p, sp, np).</summary>
public enum DomainPolicy
{
    None,
    Quarantine,
    Reject,
}

/// <summary>What the receiver did with the messages. <see cref="Pass"/> is RFC 9990's "DMARC passed".</summary>
public enum Disposition
{
    None,
    Quarantine,
    Reject,
    Pass,
}

/// <summary>The reporter's aligned verdict for SPF or DKIM in <c>policy_evaluated</c>.</summary>
public enum DmarcVerdict
{
    Fail,
    Pass,
}

/// <summary>Why the receiver did not apply the published policy.</summary>
public enum PolicyOverride
{
    Other,
    Forwarded,
    SampledOut,
    TrustedForwarder,
    MailingList,
    LocalPolicy,
    PolicyTestMode,
}

/// <summary>RFC 9990 <c>discovery_method</c>.</summary>
public enum DiscoveryMethod
{
    Psl,
    TreeWalk,
}

/// <summary>DKIM verification result (RFC 8601).</summary>
public enum DkimResult
{
    None,
    Pass,
    Fail,
    Policy,
    Neutral,
    TempError,
    PermError,
}

/// <summary>SPF result (RFC 7208); only <see cref="Pass"/> passes.</summary>
public enum SpfResult
{
    None,
    Neutral,
    Pass,
    Fail,
    SoftFail,
    TempError,
    PermError,
}

/// <summary>Which identity SPF checked; only MAIL FROM counts for DMARC.</summary>
public enum SpfScope
{
    MailFrom,
    Helo,
}
