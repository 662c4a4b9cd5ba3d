using System.Text.RegularExpressions;

namespace Dmarc.Reports.Triage;

/// <summary>
/// The signs that a mail was sent as a DMARC or TLS report, whatever its parts turn out to hold: the subject RFC 7489
/// (7.2.1.1) and RFC 8460 (5.3) prescribe, the TLS-Report headers, a report-type of feedback-report, report-like
/// attachments. A mail with such signs whose reports cannot be read is <see cref="MailDestination.Invalid"/>, not
/// discarded as <see cref="MailDestination.NotAReport"/>.
/// </summary>
internal static partial class ReportLikeness
{
    private const string Subject = "report-like subject";
    private const string TlsHeaders = "TLS-Report headers";
    private const string Attachment = "report-like part";
    private const string Empty = " and is empty";

    private static readonly string[] ReportContentTypes =
    [
        "application/zip", "application/x-zip-compressed", "application/gzip", "application/x-gzip", "application/xml",
        "text/xml", "application/tlsrpt+json", "application/tlsrpt+gzip", "application/tlsrpt", "message/feedback-report",
    ];

    private static readonly string[] ReportFileEndings = [".xml", ".xml.gz", ".xml.zip", ".zip", ".gz", ".json", ".json.gz"];

    /// <summary>Every sign found; empty when the mail looks like anything but a report.</summary>
    public static IReadOnlyList<TriageEvidence> Signs(MailSummary mail)
    {
        var signs = new List<TriageEvidence>();
        if (mail.Subject is { } subject && ReportSubject().Match(subject) is { Success: true } match)
        {
            signs.Add(new TriageEvidence(Subject, $"the subject contains \"{match.Value.Trim()}\""));
        }

        if (mail.TlsReportDomain is not null || mail.TlsReportSubmitter is not null)
        {
            signs.Add(new TriageEvidence(TlsHeaders, $"TLS-Report-Domain: {mail.TlsReportDomain ?? "(none)"}, TLS-Report-Submitter: {mail.TlsReportSubmitter ?? "(none)"}"));
        }

        if (mail.ContentType.Contains("report-type=feedback-report", StringComparison.OrdinalIgnoreCase)
            || mail.ContentType.Contains("report-type=\"feedback-report\"", StringComparison.OrdinalIgnoreCase))
        {
            signs.Add(new TriageEvidence("report content type", "multipart/report with report-type feedback-report (ARF)"));
        }

        foreach (var part in mail.Parts.Where(IsReportLikePart))
        {
            var empty = part.EncodedLength == 0 ? Empty : "";
            signs.Add(new TriageEvidence(Attachment, $"{part.ContentType}{(part.FileName is null ? "" : $" named \"{part.FileName}\"")}{empty}", part.FileName));
        }

        return signs;
    }

    /// <summary>
    /// True for signs strong enough to keep a mail without a readable report for another try: what only report
    /// senders write (the report subject, the TLS-Report headers) or a report attachment that arrived empty. An archive
    /// alone is not enough (spam carries archives too), nor is ARF: an ARF mail is read as a failure report or
    /// found to be another kind of feedback.
    /// </summary>
    public static bool MeantAsReport(IReadOnlyList<TriageEvidence> signs) =>
        signs.Any(sign => sign.Check is Subject or TlsHeaders || (sign.Check == Attachment && sign.Finding.EndsWith(Empty, StringComparison.Ordinal)));

    private static bool IsReportLikePart(MailPartSummary part) =>
        ReportContentTypes.Contains(part.ContentType, StringComparer.OrdinalIgnoreCase)
        || (part.FileName is { } name && ReportFileEndings.Any(ending => name.EndsWith(ending, StringComparison.OrdinalIgnoreCase)));

    // "Report Domain: example.com Submitter: google.com Report-ID: 123", and the words other reporters put there.
    [GeneratedRegex(@"Report[ -]?Domain\s*:|Report[ -]?ID\s*:|Submitter\s*:|DMARC\s+(Aggregate|Failure|Forensic)?\s*Report|\bTLS[ -]?RPT\b|SMTP\s+TLS\s+Report",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex ReportSubject();
}
