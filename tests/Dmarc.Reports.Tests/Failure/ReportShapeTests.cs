using System.Text;
using Dmarc.Reports.Failure;
using MimeKit;
using static Dmarc.Reports.Tests.Failure.FailureMails;
using static Dmarc.Reports.Tests.Support.ReportXml;

namespace Dmarc.Reports.Tests.Failure;

/// <summary>The shapes failure reports come in besides textbook ARF, and what a sample's own attachments must not do.</summary>
public sealed class ReportShapeTests
{
    [Fact]
    public void A_failure_report_forwarded_as_an_attached_mail_is_read_whole()
    {
        var forwarding = new MimeMessage { Subject = "Fwd: DMARC failure report" };
        forwarding.From.Add(MailboxAddress.Parse("postmaster@example.com"));
        forwarding.Body = new Multipart("mixed")
        {
            new TextPart("plain") { Text = "Forwarding the report we got this morning.\n" },
            Rfc822(Arf(AllFields, Rfc822(Sample()))),
        };

        var outcome = Assert.Single(ReadAll(forwarding));

        var report = Assert.IsType<FailureReportParsed>(outcome).Report;
        Assert.Equal("192.0.2.25", report.SourceIp);
        Assert.Equal("sender.example", report.ReportedDomain);
    }

    [Fact]
    public void A_base64_encoded_feedback_part_is_read()
    {
        var mail = Arf(AllFields, Rfc822(Sample()), ContentEncoding.Base64);
        Assert.DoesNotContain("Feedback-Type: auth-failure", Encoding.ASCII.GetString(Bytes(mail)), StringComparison.Ordinal);

        var report = Single(mail);

        Assert.Equal("192.0.2.25", report.SourceIp);
        Assert.Equal("sender.example", report.ReportedDomain);
        Assert.Equal(20, report.Fields.Count);
    }

    [Fact]
    public void A_feedback_part_in_base64_that_does_not_say_so_is_read()
    {
        var feedback = new MimePart("message", "feedback-report")
        {
            Content = new MimeContent(new MemoryStream(Encoding.ASCII.GetBytes(Containers.Base64Lines(Encoding.UTF8.GetBytes(AllFields)) + "\r\n"))),
        };
        var mail = ReportMail(new MultipartReport("feedback-report") { new TextPart("plain") { Text = "report" }, feedback, Rfc822(Sample()) });

        var report = Single(mail);

        Assert.Equal("192.0.2.25", report.SourceIp);
        Assert.Equal(DeliveryResult.Reject, report.DeliveryResult);
    }

    [Fact]
    public void ARF_fields_in_a_multipart_mixed_mail_are_a_non_ARF_failure_report()
    {
        // NetEase (163.com): multipart/mixed, a text part, a base64 message/feedback-report attachment, the sample.
        var mail = ReportMail(new Multipart("mixed")
        {
            new TextPart("plain") { Text = "This is a spf/dkim authentication-failure report for an email message received from IP 192.0.2.25." },
            FeedbackPart(AllFields.Replace("Identity-Alignment: none", "Identity-Alignment: spf,dkim", StringComparison.Ordinal), ContentEncoding.Base64),
            Rfc822(Sample()),
        });

        var report = Single(mail);

        Assert.Equal(FailureReportFormat.NonArfMultipart, report.Format);
        Assert.Equal(IdentityAlignment.Dkim | IdentityAlignment.Spf, report.IdentityAlignment);
        Assert.Equal("Rechnung für Oktober – bitte prüfen", report.Sample.Subject);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void An_Exim_plain_text_report_without_an_ARF_part_is_read(string newline)
    {
        var mail = ReportMail(new TextPart("plain") { Text = EximText.ReplaceLineEndings(newline) });

        var report = Single(mail);

        Assert.Equal(FailureReportFormat.PlainText, report.Format);
        Assert.Equal("auth-failure", report.FeedbackType);
        Assert.Equal(["dmarc"], report.AuthFailure);
        Assert.Equal("sender.example", report.ReportedDomain);
        Assert.Equal("203.0.113.68", report.SourceIp);
        Assert.Equal(new DateTimeOffset(2025, 4, 7, 21, 16, 9, TimeSpan.Zero), report.ArrivalDate);
        Assert.Equal(IdentityAlignment.Dkim, report.IdentityAlignment);
        Assert.Null(report.DeliveryResult);
        Assert.Contains(new FeedbackField("DMARC Results", "None, Accept"), report.Fields);
        Assert.True(report.Sample.HeadersOnly);
        Assert.Equal("Payment from your account.", report.Sample.Subject);
        Assert.Equal("user@sender.example", report.Sample.From?.Address);
        Assert.Equal(2, report.Sample.Headers.Count(header => header.Name == "Received"));
        Assert.Empty(report.Problems);
    }

    [Fact]
    public void A_plain_text_report_without_the_sender_IP_is_invalid()
    {
        var mail = ReportMail(new TextPart("plain") { Text = EximText.Replace("  Sender IP Address: 203.0.113.68\n", "", StringComparison.Ordinal) });

        var invalid = Read.Single<InvalidReport>(ReadAll(mail));

        Assert.Contains("Source-IP", invalid.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_that_only_mentions_DMARC_is_not_a_plain_text_failure_report()
    {
        var mail = ReportMail(new TextPart("plain") { Text = "Our DMARC policy is now p=reject. Sender Domain: sender.example\nQuestions: ask us." });

        Read.Single<NotAReport>(ReadAll(mail));
    }

    [Fact]
    public void An_attachment_in_the_sample_is_never_read_as_a_report()
    {
        // The failing message carries a real aggregate report, zipped, and its XML: both belong to the sample.
        var xml = Utf8(Feedback());
        var failing = Sample();
        failing.Body = new Multipart("mixed")
        {
            new TextPart("plain") { Text = "Please find the report attached." },
            new MimePart("application", "zip") { FileName = "receiver!sender.example!1!2.zip", Content = new MimeContent(new MemoryStream(Containers.Zip(("report.xml", xml)))), ContentTransferEncoding = ContentEncoding.Base64 },
            new MimePart("text", "xml") { FileName = "report.xml", Content = new MimeContent(new MemoryStream(xml)) },
        };
        var mail = Arf(AllFields, Rfc822(failing));
        Assert.Equal(2, Read.All(Bytes(ReportMail(failing.Body))).OfType<AggregateReportParsed>().Count());

        var outcomes = ReadAll(mail, new FailureSamplePolicy { Keep = SampleKept.HeadersAndBody });

        var report = Conformance.FailureConformance.SingleFailure(outcomes).Report;
        Assert.Equal(
            [new SampleAttachment("application/zip", "receiver!sender.example!1!2.zip"), new SampleAttachment("text/xml", "report.xml")],
            report.Sample.Attachments);
    }

    private const string EximText = """
        A message claiming to be from you has failed the published DMARC
        policy for your domain.

          Sender Domain: sender.example
          Sender IP Address: 203.0.113.68
          Received Date: Mon, 07 Apr 2025 23:16:09 +0200
          SPF Alignment: no
          DKIM Alignment: yes
          DMARC Results: None, Accept

        ------ This is a copy of the headers that were received before the error was detected.

        Received: from [203.0.113.68] (helo=smtpclient.example)
        	by mx.receiver.example with esmtp (Exim 4.92)
        	(envelope-from <user@sender.example>)
        	id 1u1tpA-00AAwZ-CR
        	for user@receiver.example; Mon, 07 Apr 2025 23:16:08 +0200
        Received: from [203.0.113.68] (unknown [203.0.113.68])
        	by sender.example (Postfix) with ESMTP id 9CCA25FC9873
        	for <user@receiver.example>; Mon, 7 Apr 2025 10:10:06 -0600 (UTC)
        Content-Type: text/plain;
        	charset=windows-1250
        From: <user@sender.example>
        Date: Mon, 7 Apr 2025 10:10:06 -0600
        Subject: Payment from your account.
        To: <user@receiver.example>
        """;
}
