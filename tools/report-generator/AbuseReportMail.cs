using MimeKit;

namespace Dmarc.ReportGenerator;

/// <summary>
/// An ARF abuse complaint (RFC 5965, <c>Feedback-Type: abuse</c>) from a feedback loop: the same
/// <c>multipart/report; report-type=feedback-report</c> shape as a DMARC failure report, but NOT one.
/// Such mails reach report mailboxes when a feedback loop points at the same address.
/// </summary>
public static class AbuseReportMail
{
    public static MimeMessage Create(DateTimeOffset sent, long seed, string mailbox = FailureReportMail.DefaultRufMailbox)
    {
        var random = new SeededRandom(seed);
        var sourceIp = $"192.0.2.{random.Next(10, 30)}";
        var complaintId = $"{random.NextUInt64():x16}";
        var arrival = sent.AddMinutes(-random.Next(5, 600));
        var message = new MimeMessage
        {
            Subject = $"Complaint about a message from {sourceIp}",
            Date = sent,
            MessageId = $"{complaintId}.fbl@feedback.isp.example",
        };
        message.From.Add(new MailboxAddress("ISP Feedback Loop", "fbl@feedback.isp.example"));
        message.To.Add(MailboxAddress.Parse(mailbox));

        var text = new TextPart("plain")
        {
            Text = $"This is an abuse report: one of our users marked a message from {sourceIp} as spam.\n"
                + "It is sent under the feedback loop agreement for example.com.\n",
        };
        var rcptTo = $"user{random.Next(1000, 10_000)}@isp.example";
        string[] fields = ["Feedback-Type", "User-Agent", "Version", "Original-Mail-From", "Original-Rcpt-To", "Arrival-Date", "Source-IP", "Reported-Domain"];
        string[] values = ["abuse", "IspFeedbackLoop/3.0", "1", "<newsletter@example.com>", $"<{rcptTo}>", ArfParts.Date(arrival), sourceIp, "example.com"];
        var header = $"From: Example Newsletter <newsletter@example.com>\nTo: <{rcptTo}>\nSubject: Our March news\n"
            + $"Date: {ArfParts.Date(arrival.AddSeconds(-30))}\nMessage-ID: <{complaintId}@example.com>\nMIME-Version: 1.0\n"
            + "Content-Type: text/plain; charset=utf-8\n";
        var body = new MultipartReport("feedback-report")
        {
            text,
            ArfParts.Feedback(fields.Zip(values, (name, value) => (name, (string?)value)), base64: false),
            ArfParts.Sample(header, "Hello, here is our news for March.\n", ArfSample.WholeMessage),
        };
        message.Body = AggregateReportMail.FixedBoundary(body, message.MessageId);
        return message;
    }
}
