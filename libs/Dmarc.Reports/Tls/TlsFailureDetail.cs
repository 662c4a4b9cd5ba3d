namespace Dmarc.Reports.Tls;

/// <summary>
/// One entry of <c>failure-details</c>: sessions that failed in the same way between the same hosts. Every field
/// but the result type and the count is optional; absent ones are null.
/// </summary>
public sealed record TlsFailureDetail
{
    /// <summary>
    /// <c>result-type</c>: one of <see cref="TlsResultTypes.Known"/> in its RFC spelling when it is one of them
    /// (whatever case the sender used), otherwise as sent.
    /// </summary>
    public required string ResultType { get; init; }

    /// <summary><c>failed-session-count</c>.</summary>
    public long FailedSessionCount { get; init; }

    /// <summary><c>sending-mta-ip</c> in canonical form (IPv6 compressed, lower case); the text as sent when not an IP.</summary>
    public string? SendingMtaIp { get; init; }

    /// <summary><c>receiving-ip</c>, canonical like <see cref="SendingMtaIp"/>.</summary>
    public string? ReceivingIp { get; init; }

    /// <summary><c>receiving-mx-hostname</c>, as sent.</summary>
    public string? ReceivingMxHostname { get; init; }

    /// <summary><c>receiving-mx-helo</c>, as sent.</summary>
    public string? ReceivingMxHelo { get; init; }

    /// <summary><c>additional-information</c>: a URI with more about the failure, as sent.</summary>
    public string? AdditionalInformation { get; init; }

    /// <summary><c>failure-reason-code</c>: the sender's own words or code for the failure, as sent.</summary>
    public string? FailureReasonCode { get; init; }
}
