using MimeKit;

namespace Dmarc.ReportGenerator;

/// <summary>How the TLS report is attached to its mail.</summary>
public enum TlsReportAttachment
{
    /// <summary><c>….json.gz</c> as <c>application/tlsrpt+gzip</c>: what RFC 8460 §5.3 asks for and the big senders send.</summary>
    Gzip,

    /// <summary><c>….json</c> as <c>application/tlsrpt+json</c>, not compressed.</summary>
    Json,

    /// <summary><c>….json.gz</c> as the bare <c>application/tlsrpt</c> some senders use.</summary>
    BareMediaType,
}

/// <summary>
/// Builds an SMTP TLS report mail as senders send it (RFC 8460 §5.3): <c>multipart/report; report-type=tlsrpt</c>
/// with a short text part and the report, and the <c>TLS-Report-Domain</c> / <c>TLS-Report-Submitter</c> headers.
/// </summary>
public static class TlsReportMail
{
    public const string DefaultTlsRptMailbox = "tls-reports@example.com";

    public static MimeMessage Create(
        TlsReporter reporter, TlsReportDocument report, TlsReportAttachment attachment = TlsReportAttachment.Gzip,
        string tlsRptMailbox = DefaultTlsRptMailbox)
    {
        var domain = report.PolicyDomain;
        var message = new MimeMessage
        {
            Subject = $"Report Domain: {domain} Submitter: {reporter.Submitter} Report-ID: {reporter.SubjectReportId(report)}",
            // Senders mail the report a few hours after the day ends.
            Date = report.End.AddSeconds(1).AddMinutes(211),
            MessageId = $"{(uint)StableId.Hash(report.ReportId):x8}.tlsrpt@{reporter.Submitter}",
        };
        message.From.Add(MailboxAddress.Parse(reporter.MailFrom));
        message.To.Add(MailboxAddress.Parse(tlsRptMailbox));
        message.Headers.Add("TLS-Report-Domain", domain);
        message.Headers.Add("TLS-Report-Submitter", reporter.Submitter);

        var text = new TextPart("plain") { Text = $"This is an aggregate TLS report from {reporter.Submitter}\n" };
        var body = new MultipartReport("tlsrpt") { text, Attachment(reporter, report, attachment) };
        message.Body = AggregateReportMail.FixedBoundary(body, report.ReportId);
        return message;
    }

    /// <summary>RFC 8460 §5.3: <c>submitter!policy-domain!begin!end!unique-id.json[.gz]</c>, times in Unix seconds.</summary>
    public static string FileName(TlsReporter reporter, TlsReportDocument report, bool compressed) =>
        $"{reporter.Submitter}!{report.PolicyDomain}!{report.Begin.ToUnixTimeSeconds()}!{report.End.ToUnixTimeSeconds()}!"
        + $"{reporter.FileUniqueId(report)}.json{(compressed ? ".gz" : "")}";

    private static MimePart Attachment(TlsReporter reporter, TlsReportDocument report, TlsReportAttachment kind)
    {
        var json = TlsReportWriter.ToBytes(report, reporter.IndentsJson);
        var compressed = kind != TlsReportAttachment.Json;
        var subtype = kind switch
        {
            TlsReportAttachment.Gzip => "tlsrpt+gzip",
            TlsReportAttachment.Json => "tlsrpt+json",
            _ => "tlsrpt",
        };
        return new MimePart("application", subtype)
        {
            Content = new MimeContent(new MemoryStream(compressed ? ReportCompression.Gzip(json) : json)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = FileName(reporter, report, compressed),
        };
    }
}
