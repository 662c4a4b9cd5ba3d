namespace Dmarc.Reports.Failure;

/// <summary>
/// How much of a failure report's sample (the failing message, which carries personal data) is kept. By default the
/// headers only, never the body. Pass it to <see cref="ReportReader"/>; each report says what was kept
/// (<see cref="FailureReport.SampleKept"/>, <see cref="FailureReport.Redacted"/>).
/// </summary>
public sealed record FailureSamplePolicy
{
    /// <summary>What to keep of the sample: nothing, the headers (default), or headers and body.</summary>
    public SampleKept Keep { get; init; } = SampleKept.Headers;

    /// <summary>
    /// Replace the local part of every e-mail address anywhere in the report (fields, sample headers, subject, body)
    /// by <c>redacted-</c> and 8 hex digits of a hash of the lower-cased local part: <c>jane@example.com</c> becomes
    /// <c>redacted-1a2b3c4d@example.com</c>. The same mailbox always gives the same redaction, so reports can still be
    /// grouped by it; the domain is kept. A leading <c>key=</c> (as in <c>smtp.mailfrom=jane@…</c>) is kept.
    /// DKIM canonicalized header and body (base64 copies of the message) are dropped when redacting.
    /// </summary>
    public bool RedactLocalParts { get; init; }

    /// <summary>
    /// A secret mixed into the redaction hash (HMAC-SHA-256). Without it, whoever guesses an address can check the
    /// guess by hashing it; with it, only holders of the key can.
    /// </summary>
    public string? RedactionKey { get; init; }

    /// <summary>Most characters of body text kept per sample (with <see cref="SampleKept.HeadersAndBody"/>).</summary>
    public int MaxBodyChars { get; init; } = 64 * 1024;

    public static FailureSamplePolicy Default { get; } = new();
}
