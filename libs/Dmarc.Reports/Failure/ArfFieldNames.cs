namespace Dmarc.Reports.Failure;

/// <summary>The ARF field names of RFC 5965, RFC 6591 and RFC 9991 that the failure model reads.</summary>
internal static class ArfFieldNames
{
    public const string FeedbackType = "Feedback-Type";
    public const string UserAgent = "User-Agent";
    public const string Version = "Version";
    public const string AuthFailure = "Auth-Failure";
    public const string IdentityAlignment = "Identity-Alignment";
    public const string OriginalMailFrom = "Original-Mail-From";
    public const string OriginalRcptTo = "Original-Rcpt-To";
    public const string OriginalEnvelopeId = "Original-Envelope-Id";
    public const string ArrivalDate = "Arrival-Date";
    public const string ReceivedDate = "Received-Date";
    public const string SourceIp = "Source-IP";
    public const string ReportedDomain = "Reported-Domain";
    public const string ReportedUri = "Reported-URI";
    public const string AuthenticationResults = "Authentication-Results";
    public const string DeliveryResult = "Delivery-Result";
    public const string DkimDomain = "DKIM-Domain";
    public const string DkimIdentity = "DKIM-Identity";
    public const string DkimSelector = "DKIM-Selector";
    public const string DkimCanonicalizedHeader = "DKIM-Canonicalized-Header";
    public const string DkimCanonicalizedBody = "DKIM-Canonicalized-Body";
    public const string SpfDns = "SPF-DNS";
    public const string Incidents = "Incidents";

    /// <summary>Fields only a feedback report has: one of them tells ARF fields from other text with colons.</summary>
    public static readonly string[] Distinctive =
    [
        FeedbackType, AuthFailure, IdentityAlignment, OriginalMailFrom, OriginalRcptTo, ArrivalDate, SourceIp,
        ReportedDomain, ReportedUri, DeliveryResult, DkimDomain,
    ];

    public const string AuthFailureType = "auth-failure";
}
