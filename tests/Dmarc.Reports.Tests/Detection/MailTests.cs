using static Dmarc.Reports.Tests.Support.Containers;
using static Dmarc.Reports.Tests.Support.MailText;
using static Dmarc.Reports.Tests.Support.ReportXml;

namespace Dmarc.Reports.Tests.Detection;

/// <summary>
/// Whole report mails as the mailbox holds them: any line ending, any transfer encoding, reports nested in
/// multiparts and forwarded mails, and content types that say nothing about the content.
/// </summary>
public sealed class MailTests
{
    private const string FileName = "receiver.example!example.com!1700006400!1700092799.xml";

    /// <summary>The report every mail here carries; the org name has an umlaut to show the text survived its encoding.</summary>
    private static readonly string ReportText = Feedback(metadata: Metadata(orgName: "Empfänger Mail", reportId: "mailed-1"), records: Records(3));

    public static TheoryData<string, string> LineEndingsAndEncodings() => new()
    {
        { "\n", "base64" },
        { "\r\n", "base64" },
        { "\n", "quoted-printable" },
        { "\r\n", "quoted-printable" },
        { "\n", "8bit" },
        { "\r\n", "8bit" },
    };

    [Theory]
    [MemberData(nameof(LineEndingsAndEncodings))]
    public void A_report_mail_is_read_with_either_line_ending_and_any_transfer_encoding(string newline, string transferEncoding)
    {
        var body = transferEncoding switch
        {
            "base64" => Base64Lines(Utf8(ReportText)),
            "quoted-printable" => QuotedPrintable(ReportText),
            _ => ReportText,
        };
        var mail = Mixed(
            $"Content-Type: text/xml; charset=UTF-8; name=\"{FileName}\"\n"
            + $"Content-Transfer-Encoding: {transferEncoding}\n"
            + $"Content-Disposition: attachment; filename=\"{FileName}\"\n\n"
            + body);

        var report = Read.SingleReport(Bytes(mail, newline));

        IsTheMailedReport(report);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void A_gzip_attachment_is_read_with_either_line_ending(string newline)
    {
        var mail = Mixed(Base64Attachment("application/gzip", FileName + ".gz", Gzip(Utf8(ReportText))));

        var report = Read.SingleReport(Bytes(mail, newline));

        IsTheMailedReport(report);
    }

    [Fact]
    public void A_report_in_a_nested_multipart_is_read()
    {
        // Outlook.com: multipart/mixed > multipart/related > multipart/alternative (text, html), then the attachment
        // inside another multipart.
        var mail = Mixed(
            "Content-Type: multipart/related; boundary=\"=_related\"\n\n"
            + "--=_related\nContent-Type: multipart/alternative; boundary=\"=_alt\"\n\n"
            + "--=_alt\nContent-Type: text/plain; charset=UTF-8\n\nThis is a DMARC aggregate report.\n"
            + "--=_alt\nContent-Type: text/html; charset=UTF-8\n\n<html><body><p>This is a DMARC aggregate report.</p></body></html>\n"
            + "--=_alt--\n"
            + "--=_related\nContent-Type: multipart/mixed; boundary=\"=_inner\"\n\n"
            + "--=_inner\n" + Base64Attachment("application/gzip", FileName + ".gz", Gzip(Utf8(ReportText)))
            + "--=_inner--\n"
            + "--=_related--\n");

        var report = Read.SingleReport(Lf(mail));

        IsTheMailedReport(report);
    }

    [Fact]
    public void A_report_mail_forwarded_as_an_attached_message_is_read()
    {
        var original = Mixed(Base64Attachment("application/zip", FileName + ".zip", Zip((FileName, Utf8(ReportText)))));
        var forward = """
            From: Postmaster <postmaster@example.com>
            To: dmarc-rua@example.com
            Subject: Fwd: Report domain: example.com Submitter: receiver.example
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="=_fwd"

            --=_fwd
            Content-Type: text/plain; charset=UTF-8

            Forwarding the report below.

            --=_fwd
            Content-Type: message/rfc822
            Content-Disposition: attachment; filename="report.eml"


            """ + original + """

            --=_fwd--

            """;

        var report = Read.SingleReport(Crlf(forward));

        IsTheMailedReport(report);
    }

    [Fact]
    public void An_rfc_2231_split_file_name_is_joined()
    {
        var mail = Mixed(
            "Content-Type: application/zip\n"
            + "Content-Transfer-Encoding: base64\n"
            + "Content-Disposition: attachment;\n"
            + " filename*0=\"receiver.example!example.com!\";\n"
            + " filename*1=\"1700006400!1700092799.zip\"\n\n"
            + Base64Lines(Zip((FileName, Utf8(ReportText)))) + "\n");

        var parsed = Read.SingleParsed(Read.All(Lf(mail)));

        IsTheMailedReport(parsed.Report);
        Assert.Contains("receiver.example!example.com!1700006400!1700092799.zip", parsed.Part, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Content-Type: application/octet-stream")]
    [InlineData("Content-Type: text/plain")]
    [InlineData("Content-Type: application/x-zip-compressed")]
    [InlineData("Content-Type: application/pdf")]
    [InlineData("ContentType: application/zip")]
    public void A_report_is_found_by_its_bytes_whatever_the_content_type_says(string contentTypeHeader)
    {
        var mail = Mixed(
            $"{contentTypeHeader}; name=\"report.zip\"\n"
            + "Content-Transfer-Encoding: base64\n"
            + "Content-Disposition: attachment; filename=\"report.zip\"\n\n"
            + Base64Lines(Zip((FileName, Utf8(ReportText)))) + "\n");

        var report = Read.SingleReport(Lf(mail));

        IsTheMailedReport(report);
    }

    [Fact]
    public void A_base64_attachment_whose_mailer_mangled_every_content_header_is_read()
    {
        // The mailer that writes "ContentType:" also writes "ContentTransferEncoding:": MIME sees a 7bit text part
        // that is nothing but base64.
        var mail = Mixed(
            "ContentType: application/zip; name=\"report.zip\"\n"
            + "ContentTransferEncoding: base64\n"
            + "ContentDisposition: attachment; filename=\"report.zip\"\n\n"
            + Base64Lines(Zip((FileName, Utf8(ReportText)))) + "\n");

        var report = Read.SingleReport(Lf(mail));

        IsTheMailedReport(report);
    }

    [Fact]
    public void A_single_part_mail_whose_body_is_the_zip_is_read()
    {
        // Google (mox's google.eml): no multipart, the whole body is the zip.
        var mail = Headers + "\n"
            + $"Content-Type: application/zip; name=\"{FileName}.zip\"\n"
            + $"Content-Disposition: attachment; filename=\"{FileName}.zip\"\n"
            + "Content-Transfer-Encoding: base64\n\n"
            + Base64Lines(Zip((FileName, Utf8(ReportText)))) + "\n";

        var report = Read.SingleReport(Crlf(mail));

        IsTheMailedReport(report);
    }

    [Fact]
    public void A_mail_with_two_report_attachments_gives_two_outcomes()
    {
        var other = Feedback(metadata: Metadata(reportId: "mailed-2"), policy: Policy(domain: "example.org"), records: Records(1));
        var mail = Mixed(
            Base64Attachment("application/gzip", "a.xml.gz", Gzip(Utf8(ReportText))),
            Base64Attachment("application/zip", "b.zip", Zip(("b.xml", Utf8(other)))));

        var outcomes = Read.All(Lf(mail));

        Assert.Equal(2, outcomes.Count);
        Assert.Equal(["mailed-1", "mailed-2"], outcomes.Select(o => Assert.IsType<AggregateReportParsed>(o).Report.Metadata.ReportId).Order());
    }

    [Fact]
    public void An_mbox_with_two_mails_gives_both_reports()
    {
        var second = Feedback(metadata: Metadata(reportId: "mailed-2"), records: Records(2));
        var mbox = "From noreply-dmarc-support@receiver.example Thu Nov 16 04:12:09 2023\n"
            + Mixed(Base64Attachment("application/gzip", "a.xml.gz", Gzip(Utf8(ReportText))))
            + "\n"
            + "From noreply-dmarc-support@receiver.example Fri Nov 17 04:12:09 2023\n"
            + Mixed(Base64Attachment("application/zip", "b.zip", Zip(("b.xml", Utf8(second)))))
            + "\n";

        var outcomes = Read.All(Lf(mbox));

        Assert.Equal(2, outcomes.Count);
        var reports = outcomes.Select(o => Assert.IsType<AggregateReportParsed>(o).Report).ToList();
        Assert.Equal(["mailed-1", "mailed-2"], reports.Select(r => r.Metadata.ReportId).Order());
        Assert.Equal(3 + 2, reports.Sum(r => r.RecordCount));
    }

    private static void IsTheMailedReport(AggregateReport report)
    {
        Assert.Equal("Empfänger Mail", report.Metadata.OrgName);
        Assert.Equal("mailed-1", report.Metadata.ReportId);
        Assert.Equal(["192.0.2.1", "192.0.2.2", "192.0.2.3"], report.Records.Select(r => r.SourceIp));
    }
}
