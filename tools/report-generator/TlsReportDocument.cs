namespace Dmarc.ReportGenerator;

/// <summary>An RFC 8460 SMTP TLS report: who reports which day, and one <see cref="TlsPolicyResult"/> per policy it met.</summary>
public sealed record TlsReportDocument(
    string OrganizationName,
    DateTimeOffset Begin,
    DateTimeOffset End,
    string? ContactInfo,
    string ReportId,
    IReadOnlyList<TlsPolicyResult> Policies)
{
    /// <summary>The domain the report is about: the first policy's <c>policy-domain</c>.</summary>
    public string PolicyDomain => Policies.Count > 0 ? Policies[0].Policy.PolicyDomain : "";
}

/// <summary>One entry of <c>policies</c>: the policy applied, the session counts and the failures behind them.</summary>
public sealed record TlsPolicyResult(
    TlsPolicy Policy,
    long SuccessfulSessions,
    long FailedSessions,
    IReadOnlyList<TlsFailureDetail> FailureDetails);

/// <summary>
/// The <c>policy</c> object. <see cref="PolicyString"/> and <see cref="MxHosts"/> are left out of the JSON when null,
/// as senders do for <c>no-policy-found</c>.
/// </summary>
public sealed record TlsPolicy(
    string PolicyType,
    string PolicyDomain,
    IReadOnlyList<string>? PolicyString = null,
    IReadOnlyList<string>? MxHosts = null);

/// <summary>One entry of <c>failure-details</c>; null members are left out of the JSON.</summary>
public sealed record TlsFailureDetail(
    string ResultType,
    long FailedSessionCount,
    string? SendingMtaIp = null,
    string? ReceivingMxHostname = null,
    string? ReceivingMxHelo = null,
    string? ReceivingIp = null,
    string? AdditionalInformation = null,
    string? FailureReasonCode = null);

/// <summary>The <c>policy-type</c> values of RFC 8460 §4.3.</summary>
public static class TlsPolicyTypes
{
    public const string Sts = "sts";
    public const string Tlsa = "tlsa";
    public const string NoPolicyFound = "no-policy-found";
}

/// <summary>The <c>result-type</c> values of RFC 8460 §4.3 (IANA "STARTTLS Validation Result Types").</summary>
public static class TlsResultTypes
{
    public const string StarttlsNotSupported = "starttls-not-supported";
    public const string CertificateHostMismatch = "certificate-host-mismatch";
    public const string CertificateExpired = "certificate-expired";
    public const string CertificateNotTrusted = "certificate-not-trusted";
    public const string ValidationFailure = "validation-failure";
    public const string TlsaInvalid = "tlsa-invalid";
    public const string DnssecInvalid = "dnssec-invalid";
    public const string DaneRequired = "dane-required";
    public const string StsPolicyFetchError = "sts-policy-fetch-error";
    public const string StsPolicyInvalid = "sts-policy-invalid";
    public const string StsWebpkiInvalid = "sts-webpki-invalid";

    /// <summary>Failures an MTA-STS sender reports: negotiation, certificate and policy problems.</summary>
    public static IReadOnlyList<string> Sts { get; } =
    [
        StarttlsNotSupported, CertificateHostMismatch, CertificateExpired, CertificateNotTrusted, ValidationFailure,
        StsPolicyFetchError, StsPolicyInvalid, StsWebpkiInvalid,
    ];

    /// <summary>Failures a DANE sender reports.</summary>
    public static IReadOnlyList<string> Dane { get; } =
        [StarttlsNotSupported, TlsaInvalid, DnssecInvalid, DaneRequired, CertificateExpired, ValidationFailure];

    /// <summary>Failures of opportunistic TLS, when the domain publishes no policy.</summary>
    public static IReadOnlyList<string> NoPolicy { get; } =
        [StarttlsNotSupported, CertificateHostMismatch, CertificateExpired, CertificateNotTrusted, ValidationFailure];

    /// <summary>All eleven result types of RFC 8460 §4.3.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Sts, TlsaInvalid, DnssecInvalid, DaneRequired];

    /// <summary>Failures about the policy itself rather than a session with one MX: they name no MX host or IP.</summary>
    public static bool IsPolicyFailure(string resultType) =>
        resultType is StsPolicyFetchError or StsPolicyInvalid or StsWebpkiInvalid or DnssecInvalid;
}
