using System.Text;
using MimeKit;
using static Dmarc.Reports.Tests.Failure.FailureMails;

namespace Dmarc.Reports.Tests.Failure;

/// <summary>ARF mails that are not DMARC failure reports, and failure reports that cannot be read: one clear outcome each.</summary>
public sealed class UnreadableFailureReportTests
{
    [Theory]
    [InlineData("abuse")]
    [InlineData("fraud")]
    [InlineData("virus")]
    [InlineData("not-spam")]
    [InlineData("other")]
    [InlineData("Abuse")]
    public void An_ARF_report_of_another_feedback_type_is_not_a_DMARC_failure_report(string feedbackType)
    {
        var fields = $"""
            Feedback-Type: {feedbackType}
            User-Agent: SomeGenerator/1.0
            Version: 1
            Original-Mail-From: <somespammer@example.net>
            Source-IP: 192.0.2.1
            Reported-Domain: example.net
            """;

        var outcome = Read.Single<NotAReport>(ReadAll(Arf(fields, Rfc822(Sample()))));

        Assert.Equal($"an ARF {feedbackType.ToLowerInvariant()} report, not a DMARC failure report", outcome.Reason);
    }

    [Fact]
    public void A_feedback_part_of_garbage_is_an_invalid_report()
    {
        var garbage = new MimePart("message", "feedback-report")
        {
            Content = new MimeContent(new MemoryStream([.. Enumerable.Range(0, 600).Select(i => (byte)((i * 37) % 256))])),
            ContentTransferEncoding = ContentEncoding.Base64,
        };
        var mail = ReportMail(new MultipartReport("feedback-report") { new TextPart("plain") { Text = "report" }, garbage, Rfc822(Sample()) });

        var invalid = Read.Single<InvalidReport>(ReadAll(mail));

        Assert.Contains("message/feedback-report", invalid.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feedback_part_of_prose_is_an_invalid_report()
    {
        var mail = Arf("Dear postmaster,\nwe could not generate this report: internal error.\nRegards: the robot", Rfc822(Sample()));

        var invalid = Read.Single<InvalidReport>(ReadAll(mail));

        Assert.Contains("no ARF fields", invalid.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_report_without_Source_IP_is_an_invalid_report()
    {
        var fields = string.Join('\n', AllFields.Split('\n').Where(line => !line.StartsWith("Source-IP:", StringComparison.Ordinal)));

        var invalid = Read.Single<InvalidReport>(ReadAll(Arf(fields, Rfc822(Sample()))));

        Assert.Contains("Source-IP", invalid.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feedback_report_without_Feedback_Type_and_Auth_Failure_is_an_invalid_report()
    {
        var invalid = Read.Single<InvalidReport>(ReadAll(Arf("Source-IP: 192.0.2.1\nReported-Domain: sender.example", Rfc822(Sample()))));

        Assert.Contains("Feedback-Type", invalid.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_report_that_names_no_domain_is_an_invalid_report()
    {
        var headersWithoutFrom = new TextRfc822Headers { Message = new MimeMessage(new HeaderList { { "Subject", "hello" } }) { Body = new TextPart("plain") { Text = "" } } };

        var invalid = Read.Single<InvalidReport>(ReadAll(Arf("Feedback-Type: auth-failure\nSource-IP: 192.0.2.1", headersWithoutFrom)));

        Assert.Contains("no domain", invalid.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ARF_mail_without_its_feedback_part_is_an_invalid_report()
    {
        var mail = ReportMail(new MultipartReport("feedback-report") { new TextPart("plain") { Text = "report" }, Rfc822(Sample()) });

        var invalid = Read.Single<InvalidReport>(ReadAll(mail));

        Assert.Contains("without its message/feedback-report part", invalid.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_delivery_status_report_is_left_to_the_other_readers()
    {
        var status = new MimePart("message", "delivery-status") { Content = new MimeContent(new MemoryStream(Encoding.ASCII.GetBytes("Reporting-MTA: dns; mx.example\r\n"))) };
        var mail = ReportMail(new MultipartReport("delivery-status") { new TextPart("plain") { Text = "Your message could not be delivered." }, status });

        var outcome = Read.Single<NotAReport>(ReadAll(mail));

        Assert.Contains("holds no DMARC or SMTP TLS report", outcome.Reason, StringComparison.Ordinal);
    }
}
