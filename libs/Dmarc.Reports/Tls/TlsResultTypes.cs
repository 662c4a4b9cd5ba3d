namespace Dmarc.Reports.Tls;

/// <summary>
/// The result types of RFC 8460 (4.3, and its IANA registry "STARTTLS Validation Result Types"), and the reading of
/// the values senders write: any case, '_' or ' ' for '-'. A result type outside this list is kept as sent.
/// </summary>
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

    public static IReadOnlyList<string> Known { get; } =
    [
        StarttlsNotSupported, CertificateHostMismatch, CertificateExpired, CertificateNotTrusted, ValidationFailure,
        TlsaInvalid, DnssecInvalid, DaneRequired, StsPolicyFetchError, StsPolicyInvalid, StsWebpkiInvalid,
    ];

    /// <summary>The RFC spelling of <paramref name="value"/> when it is a known result type, otherwise the value trimmed.</summary>
    public static string Canonical(string value)
    {
        var token = Token(value);
        foreach (var known in Known)
        {
            if (known == token)
            {
                return known;
            }
        }

        return value.Trim();
    }

    /// <summary>A policy type in any spelling (<c>STS</c>, <c>no_policy_found</c>), or null when it is none of the three.</summary>
    public static TlsPolicyType? PolicyType(string value) => Token(value) switch
    {
        "sts" => TlsPolicyType.Sts,
        "tlsa" => TlsPolicyType.Tlsa,
        "no-policy-found" => TlsPolicyType.NoPolicyFound,
        _ => null,
    };

    /// <summary>The RFC 8460 token of a policy type.</summary>
    public static string Token(TlsPolicyType type) => type switch
    {
        TlsPolicyType.Sts => "sts",
        TlsPolicyType.Tlsa => "tlsa",
        TlsPolicyType.NoPolicyFound => "no-policy-found",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a TLS policy type"),
    };

    private static string Token(string value) =>
        value.Trim().ToLowerInvariant().Replace('_', '-').Replace(' ', '-');
}
