using System.Text.Json;
using Dmarc.ReportGenerator;
using MimeKit;
using static Dmarc.Reports.Tests.Generator.GeneratedMail;

namespace Dmarc.Reports.Tests.Generator;

/// <summary>TLS report mails look as RFC 8460 §5.3 describes and as the big senders send them.</summary>
public sealed class TlsReportMailTests
{
    private static readonly DateOnly _day = new(2026, 3, 6);

    [Fact]
    public void The_mail_names_domain_and_submitter_in_its_headers_and_subject()
    {
        var report = SyntheticTlsReport.Daily(TlsReporter.MailCoop, "example.com", _day, seed: 1, failures: 1);

        var mail = RoundTrip(TlsReportMail.Create(TlsReporter.MailCoop, report));

        Assert.Equal("example.com", mail.Headers["TLS-Report-Domain"]);
        Assert.Equal("mailcoop.example", mail.Headers["TLS-Report-Submitter"]);
        Assert.Equal($"Report Domain: example.com Submitter: mailcoop.example Report-ID: <{report.ReportId}>", mail.Subject);
        Assert.Equal("tls-reports@mailcoop.example", Assert.Single(mail.From.Mailboxes).Address);
        Assert.True(mail.Date > report.End, "a report is mailed after its day");
    }

    [Fact]
    public void The_body_is_a_tlsrpt_report_of_a_text_part_and_the_gzipped_json()
    {
        var report = SyntheticTlsReport.Daily(TlsReporter.Google, "example.net", _day, seed: 2, failures: 2);

        var mail = RoundTrip(TlsReportMail.Create(TlsReporter.Google, report));

        var body = Report(mail, "tlsrpt");
        Assert.Equal(2, body.Count);
        Assert.Contains("TLS report from google.com", Assert.IsType<TextPart>(body[0]).Text, StringComparison.Ordinal);
        var attachment = Assert.IsType<MimePart>(body[1]);
        Assert.Equal("application/tlsrpt+gzip", attachment.ContentType.MimeType);
        Assert.Equal(
            $"google.com!example.net!{report.Begin.ToUnixTimeSeconds()}!{report.End.ToUnixTimeSeconds()}!001.json.gz",
            attachment.FileName);
        Assert.Equal(TlsReportWriter.ToBytes(report), Gunzip(Content(attachment)));
    }

    [Fact]
    public void Google_and_microsoft_spell_the_report_id_of_the_subject_their_own_way()
    {
        var google = SyntheticTlsReport.Daily(TlsReporter.Google, "example.com", _day, seed: 3);
        var microsoft = SyntheticTlsReport.Daily(TlsReporter.Microsoft, "example.com", _day, seed: 3);

        var googleMail = RoundTrip(TlsReportMail.Create(TlsReporter.Google, google));
        var microsoftMail = RoundTrip(TlsReportMail.Create(TlsReporter.Microsoft, microsoft));

        Assert.EndsWith("Report-ID: <2026.03.06T00.00.00Z+example.com@google.com>", googleMail.Subject, StringComparison.Ordinal);
        Assert.EndsWith($"Report-ID: {microsoft.ReportId}", microsoftMail.Subject, StringComparison.Ordinal);
        var fileName = ((MimePart)Report(microsoftMail, "tlsrpt")[1]).FileName;
        Assert.EndsWith($"!{microsoft.ReportId.Split('+')[0]}.json.gz", fileName, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TlsReportAttachment.Json, "application/tlsrpt+json", ".json")]
    [InlineData(TlsReportAttachment.BareMediaType, "application/tlsrpt", ".json.gz")]
    public void The_report_can_be_attached_uncompressed_or_under_the_bare_media_type(
        TlsReportAttachment kind, string mediaType, string extension)
    {
        var report = SyntheticTlsReport.Daily(TlsReporter.MailCoop, "example.org", _day, seed: 4, failures: 1);

        var mail = RoundTrip(TlsReportMail.Create(TlsReporter.MailCoop, report, kind));

        var attachment = Assert.IsType<MimePart>(Report(mail, "tlsrpt")[1]);
        Assert.Equal(mediaType, attachment.ContentType.MimeType);
        Assert.EndsWith(extension, attachment.FileName, StringComparison.Ordinal);
        var json = extension == ".json" ? Content(attachment) : Gunzip(Content(attachment));
        using var document = JsonDocument.Parse(json);
        Assert.Equal(report.ReportId, document.RootElement.GetProperty("report-id").GetString());
    }

    [Fact]
    public void The_same_report_gives_the_same_mail_bytes()
    {
        byte[] Mail(long seed) => Bytes(TlsReportMail.Create(
            TlsReporter.Microsoft, SyntheticTlsReport.Daily(TlsReporter.Microsoft, "example.com", _day, seed, failures: 2)));

        Assert.Equal(Mail(5), Mail(5));
        Assert.NotEqual(Mail(5), Mail(6));
    }
}
