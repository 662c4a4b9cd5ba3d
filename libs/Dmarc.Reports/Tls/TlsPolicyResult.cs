namespace Dmarc.Reports.Tls;

/// <summary>
/// One entry of a TLS report's <c>policies</c>: the policy the sender found for a recipient domain, the sessions it
/// counted under it (<c>summary</c>) and the details of the failed ones (<c>failure-details</c>).
/// </summary>
public sealed record TlsPolicyResult
{
    /// <summary><c>policy-type</c>, or null when the report names a type this reader does not know (see the report's errors).</summary>
    public required TlsPolicyType? Type { get; init; }

    /// <summary><c>policy-domain</c>: the recipient domain, lower case without a trailing dot.</summary>
    public required string Domain { get; init; }

    /// <summary><c>policy-string</c>: the lines of the MTA-STS policy, or the TLSA records, as sent.</summary>
    public IReadOnlyList<string> PolicyStrings { get; init; } = [];

    /// <summary><c>mx-host</c>: the MX host patterns of an MTA-STS policy, as sent.</summary>
    public IReadOnlyList<string> MxHosts { get; init; } = [];

    /// <summary><c>total-successful-session-count</c>.</summary>
    public long SuccessfulSessionCount { get; init; }

    /// <summary><c>total-failure-session-count</c>.</summary>
    public long FailedSessionCount { get; init; }

    public IReadOnlyList<TlsFailureDetail> FailureDetails { get; init; } = [];
}

/// <summary>The kind of policy a sender applied to a recipient domain (RFC 8460, 4.3).</summary>
public enum TlsPolicyType
{
    /// <summary><c>sts</c>: an MTA-STS policy (RFC 8461).</summary>
    Sts,

    /// <summary><c>tlsa</c>: DANE TLSA records (RFC 7672).</summary>
    Tlsa,

    /// <summary><c>no-policy-found</c>: neither was found; the sessions used opportunistic TLS.</summary>
    NoPolicyFound,
}
