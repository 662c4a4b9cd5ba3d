namespace Dmarc.Reports.Failure;

/// <summary>
/// One DMARC failure (forensic, ruf) report: what a receiver says about one message that failed DMARC for the
/// <see cref="ReportedDomain"/>, with a sample of that message kept as <see cref="FailureSamplePolicy"/> allows.
/// Field values are as the reporter sent them (trimmed); with <see cref="Redacted"/> every local part of an e-mail
/// address in them is replaced (see <see cref="FailureSamplePolicy.RedactLocalParts"/>).
/// </summary>
public sealed record FailureReport
{
    /// <summary>The shape the report came in.</summary>
    public required FailureReportFormat Format { get; init; }

    /// <summary>The ARF <c>Feedback-Type</c>, lower case; always <c>auth-failure</c> for a report read as a failure report.</summary>
    public required string FeedbackType { get; init; }

    public string? UserAgent { get; init; }

    public string? Version { get; init; }

    /// <summary><c>Auth-Failure</c> tokens, lower case (<c>dmarc</c>, <c>spf</c>, <c>signature</c>, <c>bodyhash</c>…), in the order sent.</summary>
    public IReadOnlyList<string> AuthFailure { get; init; } = [];

    /// <summary>RFC 9991 <c>Identity-Alignment</c>: the mechanisms whose identifier aligned; null when the report does not say.</summary>
    public IdentityAlignment? IdentityAlignment { get; init; }

    /// <summary>The domain whose DMARC policy the message failed (lower case), or the sample's From domain when not sent.</summary>
    public string? ReportedDomain { get; init; }

    /// <summary><c>Reported-URI</c> values, in the order sent.</summary>
    public IReadOnlyList<string> ReportedUris { get; init; } = [];

    /// <summary>The sending IP in canonical form, as the aggregate model stores <c>source_ip</c>.</summary>
    public required string SourceIp { get; init; }

    /// <summary>When the receiver got the message, in UTC; null when the date cannot be read.</summary>
    public DateTimeOffset? ArrivalDate { get; init; }

    /// <summary>The <c>Arrival-Date</c> text as sent, or null when the report has none.</summary>
    public string? ArrivalDateText { get; init; }

    /// <summary><c>Original-Mail-From</c> as sent (angle brackets kept); null when absent or empty.</summary>
    public string? OriginalMailFrom { get; init; }

    /// <summary>Every <c>Original-Rcpt-To</c>, in the order sent.</summary>
    public IReadOnlyList<string> OriginalRcptTo { get; init; } = [];

    public string? OriginalEnvelopeId { get; init; }

    /// <summary>The receiver's <c>Authentication-Results</c> for the message, as sent (unfolded).</summary>
    public string? AuthenticationResults { get; init; }

    /// <summary><c>Delivery-Result</c> read as an RFC 6591 value; null when not sent.</summary>
    public DeliveryResult? DeliveryResult { get; init; }

    /// <summary>The <c>Delivery-Result</c> text as sent (some reporters use their own words).</summary>
    public string? DeliveryResultText { get; init; }

    public string? DkimDomain { get; init; }

    public string? DkimIdentity { get; init; }

    public string? DkimSelector { get; init; }

    /// <summary>Base64 canonicalized header as sent; only kept with the headers of the sample and never when redacting.</summary>
    public string? DkimCanonicalizedHeader { get; init; }

    /// <summary>Base64 canonicalized body as sent; only kept with the body of the sample and never when redacting.</summary>
    public string? DkimCanonicalizedBody { get; init; }

    public string? SpfDns { get; init; }

    /// <summary>How many similar incidents this report stands for (<c>Incidents</c>); null when not sent.</summary>
    public long? Incidents { get; init; }

    /// <summary>
    /// Every field of the machine-readable part as sent, in order (for a plain-text report: its labelled lines),
    /// including ones not modelled above, minus the DKIM canonicalized data when it is not kept.
    /// </summary>
    public IReadOnlyList<FeedbackField> Fields { get; init; } = [];

    /// <summary>The report mail's From address (the reporter), or null.</summary>
    public string? ReporterEmail { get; init; }

    /// <summary>What of the sample was kept: nothing, its headers, or its headers and body.</summary>
    public required SampleKept SampleKept { get; init; }

    /// <summary>True when every local part of an address in this report was replaced by its redaction.</summary>
    public required bool Redacted { get; init; }

    public required FailureSample Sample { get; init; }

    /// <summary>What was missing or odd in the report and was read around (a sentence each).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}

/// <summary>How a failure report was sent.</summary>
public enum FailureReportFormat
{
    /// <summary>RFC 6591: <c>multipart/report; report-type=feedback-report</c> with a <c>message/feedback-report</c> part.</summary>
    Arf,

    /// <summary>ARF fields in a mail that is not <c>multipart/report</c> (e.g. NetEase's <c>multipart/mixed</c>).</summary>
    NonArfMultipart,

    /// <summary>A plain-text summary with the headers of the message copied below it (e.g. Exim), no ARF part.</summary>
    PlainText,
}

/// <summary>RFC 6591 <c>Delivery-Result</c>: what the receiver did with the failing message.</summary>
public enum DeliveryResult
{
    Delivered,
    Spam,
    Policy,
    Reject,
    Other,
}

/// <summary>RFC 9991 <c>Identity-Alignment</c>: which mechanisms produced an identifier aligned with the From domain.</summary>
[Flags]
public enum IdentityAlignment
{
    None = 0,
    Dkim = 1,
    Spf = 2,
}

/// <summary>What of a failure report's sample (the failing message) is kept.</summary>
public enum SampleKept
{
    None,
    Headers,
    HeadersAndBody,
}

/// <summary>One <c>Name: value</c> field of a feedback report, as sent (unfolded, trimmed).</summary>
public sealed record FeedbackField(string Name, string Value);
