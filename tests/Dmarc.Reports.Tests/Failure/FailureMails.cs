using System.Text;
using Dmarc.Reports.Failure;
using MimeKit;

namespace Dmarc.Reports.Tests.Failure;

/// <summary>
/// Failure report mails built with MimeKit the way receivers send them (RFC 6591 ARF, NetEase's multipart/mixed, Exim's
/// plain text), and reading them back.
/// </summary>
internal static class FailureMails
{
    /// <summary>Every RFC 6591 field, once (Original-Rcpt-To twice), for the DMARC failure of one message.</summary>
    public const string AllFields = """
        Feedback-Type: auth-failure
        User-Agent: ExampleReceiver/2.1
        Version: 1
        Original-Mail-From: <bounce-42@sender.example>
        Original-Rcpt-To: <alice@receiver.example>
        Original-Rcpt-To: <bob@receiver.example>
        Original-Envelope-Id: env-7f3a
        Arrival-Date: Tue, 14 Nov 2023 22:30:00 -0800
        Source-IP: 192.0.2.25
        Reported-Domain: Sender.Example
        Reported-URI: mailto:ruf@sender.example
        Authentication-Results: mx.receiver.example; dmarc=fail header.from=sender.example; spf=fail smtp.mailfrom=bounce-42@sender.example
        Auth-Failure: dmarc
        Identity-Alignment: none
        Delivery-Result: reject
        DKIM-Domain: Sender.Example
        DKIM-Identity: @sender.example
        DKIM-Selector: s2023
        SPF-DNS: txt : sender.example : "v=spf1 -all"
        Incidents: 3
        """;

    /// <summary>The failing message: encoded subject and display name, To, Cc, a date with an offset, a text body.</summary>
    public static MimeMessage Sample(string body = "Your invoice is attached.\nRegards, Billing\n")
    {
        var sample = new MimeMessage();
        sample.From.Add(new MailboxAddress("Zoë Billing", "billing@sender.example"));
        sample.To.Add(new MailboxAddress("Alice", "alice@receiver.example"));
        sample.Cc.Add(new MailboxAddress(null, "carol@receiver.example"));
        sample.Subject = "Rechnung für Oktober – bitte prüfen";
        sample.Date = new DateTimeOffset(2023, 11, 14, 22, 29, 58, TimeSpan.FromHours(-8));
        sample.MessageId = "invoice-123@sender.example";
        sample.Headers.Add("Received", "from mail.sender.example (mail.sender.example [192.0.2.25]) by mx.receiver.example; Tue, 14 Nov 2023 22:30:00 -0800");
        sample.Body = new TextPart("plain") { Text = body };
        return sample;
    }

    /// <summary>An RFC 6591 report: multipart/report with a text part, the feedback fields and the sample part.</summary>
    public static MimeMessage Arf(string fields, MimeEntity? sample, ContentEncoding fieldsEncoding = ContentEncoding.SevenBit)
    {
        var report = new MultipartReport("feedback-report")
        {
            new TextPart("plain") { Text = "This is an authentication failure report for an email message received from IP 192.0.2.25.\n" },
            FeedbackPart(fields, fieldsEncoding),
        };
        if (sample is not null)
        {
            report.Add(sample);
        }

        return ReportMail(report);
    }

    public static MimePart FeedbackPart(string fields, ContentEncoding encoding = ContentEncoding.SevenBit) =>
        new("message", "feedback-report")
        {
            Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(fields.ReplaceLineEndings("\r\n") + "\r\n"))),
            ContentTransferEncoding = encoding,
        };

    /// <summary>The sample as RFC 6591 says: the whole message.</summary>
    public static MessagePart Rfc822(MimeMessage sample) => new("rfc822") { Message = sample };

    /// <summary>The sample as RFC 6591 also allows: only its headers.</summary>
    public static TextRfc822Headers HeadersOf(MimeMessage sample)
    {
        var headersOnly = new MimeMessage(sample.Headers.Where(header => !header.Field.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)))
        {
            Body = new TextPart("plain") { Text = "" },
        };
        return new TextRfc822Headers { Message = headersOnly };
    }

    public static MimeMessage ReportMail(MimeEntity body)
    {
        var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress("DMARC Reports", "dmarc-noreply@receiver.example"));
        mail.To.Add(new MailboxAddress(null, "ruf@sender.example"));
        mail.Subject = "DMARC Failure Report for sender.example";
        mail.Date = new DateTimeOffset(2023, 11, 15, 6, 31, 0, TimeSpan.Zero);
        mail.MessageId = "ruf-1@receiver.example";
        mail.Body = body;
        return mail;
    }

    public static byte[] Bytes(MimeMessage mail)
    {
        using var bytes = new MemoryStream();
        mail.WriteTo(bytes);
        return bytes.ToArray();
    }

    public static IReadOnlyList<ReportOutcome> ReadAll(MimeMessage mail, FailureSamplePolicy? policy = null) =>
        new ReportReader(samplePolicy: policy).ReadAll(Bytes(mail), Read.Source, TestContext.Current.CancellationToken);

    /// <summary>The one failure report the mail must end in.</summary>
    public static FailureReport Single(MimeMessage mail, FailureSamplePolicy? policy = null) =>
        Conformance.FailureConformance.SingleFailure(ReadAll(mail, policy)).Report;
}
