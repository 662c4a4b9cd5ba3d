using System.Text;
using Dmarc.Reports.Triage;
using static Dmarc.Reports.Tests.Support.Containers;
using static Dmarc.Reports.Tests.Support.MailText;
using static Dmarc.Reports.Tests.Support.ReportXml;

namespace Dmarc.Reports.Tests.Triage;

/// <summary>
/// Every mail of a report mailbox ends in exactly one place, with a reason and the evidence behind it: the decision
/// the ingestor acts on when it files the mail.
/// </summary>
public sealed class MailTriageTests
{
    private const string ReportFile = "receiver.example!example.com!1700006400!1700092799.xml.gz";

    private const string NewsletterHeaders = """
        From: Deals Weekly <news@deals.example>
        To: dmarc-rua@example.com
        Date: Thu, 16 Nov 2023 04:12:09 +0000
        Message-ID: <deal-1@deals.example>
        Subject: Spring deals: up to 40% off garden furniture
        MIME-Version: 1.0
        """;

    [Fact]
    public void A_report_mail_goes_to_the_aggregate_archive_and_names_the_report()
    {
        var mail = Mixed(Base64Attachment("application/gzip", ReportFile, Gzip(Utf8(Feedback(metadata: Metadata(reportId: "r-42"))))));

        var result = Single(Lf(mail));

        Assert.Equal(MailDestination.Aggregate, result.Destination);
        Assert.Contains("r-42", result.Reason, StringComparison.Ordinal);
        Assert.Contains(result.Evidence, evidence => evidence.Check == "report-like subject");
        Assert.False(result.Retryable);
    }

    [Fact]
    public void A_newsletter_is_not_a_report()
    {
        var mail = NewsletterHeaders + "\nContent-Type: text/html; charset=UTF-8\n\n<html><body><p>Shop now</p></body></html>\n";

        var result = Single(Lf(mail));

        Assert.Equal(MailDestination.NotAReport, result.Destination);
        Assert.Equal("Spring deals: up to 40% off garden furniture", result.Subject);
        Assert.Contains("holds no DMARC or SMTP TLS report", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Spam_with_an_archive_that_holds_no_report_is_not_a_report()
    {
        var archive = Zip(("invoice.pdf.exe", Encoding.ASCII.GetBytes("MZ\u0090 this program cannot be run in DOS mode")));
        var mail = NewsletterHeaders.Replace("Spring deals: up to 40% off garden furniture", "Your invoice", StringComparison.Ordinal)
            + "\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nSee attached.\n--b\n"
            + Base64Attachment("application/zip", "invoice.zip", archive) + "--b--\n";

        var result = Single(Lf(mail));

        Assert.Equal(MailDestination.NotAReport, result.Destination);
        Assert.Contains(result.Evidence, evidence => evidence.Check == "report-like part");
    }

    [Fact]
    public void A_report_mail_whose_attachment_is_corrupt_is_invalid_and_retryable()
    {
        var corrupt = Gzip(Utf8(Feedback()))[..40];
        var mail = Mixed(Base64Attachment("application/gzip", ReportFile, corrupt));

        var result = Single(Lf(mail));

        Assert.Equal(MailDestination.Invalid, result.Destination);
        Assert.True(result.Retryable);
        Assert.Contains(ReportFile, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mail_sent_as_a_report_without_any_report_in_it_is_invalid()
    {
        var mail = Headers + "\nContent-Type: text/plain\n\nThe attachment was removed by the virus scanner.\n";

        var result = Single(Lf(mail));

        Assert.Equal(MailDestination.Invalid, result.Destination);
        Assert.StartsWith("sent as a report (the subject contains", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_attachment_that_arrived_empty_makes_the_mail_invalid_even_without_a_report_subject()
    {
        var mail = NewsletterHeaders.Replace("Spring deals: up to 40% off garden furniture", "(no subject)", StringComparison.Ordinal)
            + "\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\n"
            + Base64Attachment("application/gzip", ReportFile, []) + "--b--\n";

        var result = Single(Lf(mail));

        Assert.Equal(MailDestination.Invalid, result.Destination);
        Assert.Contains("is empty", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mail_with_one_good_and_one_broken_report_is_invalid_as_a_whole_so_nothing_is_lost()
    {
        var good = Gzip(Utf8(Feedback(metadata: Metadata(reportId: "good-1"))));
        var broken = Gzip(Utf8(Feedback(metadata: Metadata(reportId: "broken-1"))))[..50];
        var mail = Mixed(Base64Attachment("application/gzip", "good.xml.gz", good), Base64Attachment("application/gzip", "broken.xml.gz", broken));

        var result = Single(Lf(mail));

        Assert.Equal(MailDestination.Invalid, result.Destination);
        Assert.Contains("broken.xml.gz", result.Reason, StringComparison.Ordinal);
        Assert.Contains("1 other report in it could be read", result.Reason, StringComparison.Ordinal);
        Assert.Equal(2, result.Outcomes.Count);
    }

    [Fact]
    public void Each_mail_of_an_mbox_is_decided_on_its_own()
    {
        var report = Lf(Mixed(Base64Attachment("application/gzip", ReportFile, Gzip(Utf8(Feedback())))));
        var newsletter = Lf(NewsletterHeaders + "\nContent-Type: text/plain\n\nShop now.\n");
        var mbox = Encoding.UTF8.GetBytes("From sender@example.com Thu Nov 16 04:12:09 2023\n")
            .Concat(report).Concat("\nFrom news@deals.example Thu Nov 16 05:00:00 2023\n"u8.ToArray())
            .Concat(newsletter).ToArray();

        var results = Triage(mbox);

        Assert.Equal([MailDestination.Aggregate, MailDestination.NotAReport], results.Select(result => result.Destination));
        Assert.Equal(["message 1", "message 2"], results.Select(result => result.Part));
    }

    [Fact]
    public void A_report_file_that_is_not_a_mail_is_decided_as_a_whole()
    {
        var result = Single(Gzip(Utf8(Feedback(metadata: Metadata(reportId: "file-1")))));

        Assert.Equal(MailDestination.Aggregate, result.Destination);
        Assert.Null(result.Subject);
        Assert.Contains("file-1", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_input_is_not_a_report()
    {
        var result = Single([]);

        Assert.Equal(MailDestination.NotAReport, result.Destination);
        Assert.Contains("empty", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Tls_report_headers_mark_a_mail_as_a_report_even_when_its_report_cannot_be_read()
    {
        var mail = """
            From: tls-reporting@reporter.example
            To: tls-rua@example.com
            Subject: Daily summary
            TLS-Report-Domain: example.com
            TLS-Report-Submitter: reporter.example
            Content-Type: text/plain

            (no report attached)
            """;

        var result = Single(Lf(mail));

        Assert.Equal(MailDestination.Invalid, result.Destination);
        Assert.Contains(result.Evidence, evidence => evidence.Check == "TLS-Report headers");
    }

    private static MailTriageResult Single(byte[] input) => Assert.Single(Triage(input));

    private static IReadOnlyList<MailTriageResult> Triage(byte[] input)
    {
        using var stream = new MemoryStream(input, writable: false);
        return new ReportReader().Triage(stream, "mailbox", TestContext.Current.CancellationToken);
    }
}
