using System.Buffers.Binary;
using System.Globalization;
using MimeKit;

namespace Dmarc.ReportGenerator;

/// <summary>The kinds of mail that land in report mailboxes without being a report.</summary>
public enum JunkKind
{
    /// <summary>A newsletter (text and HTML alternatives, <c>List-Unsubscribe</c>).</summary>
    Newsletter,

    /// <summary>A bounce (RFC 3464 DSN, <c>multipart/report; report-type=delivery-status</c>).</summary>
    Bounce,

    /// <summary>Malware spam: an "invoice" with a zip attachment holding <c>invoice.pdf.exe</c>.</summary>
    Phishing,

    /// <summary>An HTML-only mail (no multipart, no text part).</summary>
    HtmlOnly,

    /// <summary>An out-of-office auto-reply (<c>Auto-Submitted: auto-replied</c>).</summary>
    AutoReply,

    /// <summary>An ARF abuse complaint from a feedback loop (<see cref="AbuseReportMail"/>): ARF, but no DMARC report.</summary>
    AbuseReport,
}

/// <summary>
/// Mails that are no report at all but end up in rua/ruf/TLS mailboxes. Each must end as NotAReport and never reach
/// the statistics. Deterministic for a time and seed.
/// </summary>
public static class JunkMail
{
    private static readonly string[] _localParts = ["anna", "bert", "chen", "dana", "emil", "fatima"];

    public static IReadOnlyList<JunkKind> Kinds { get; } = Enum.GetValues<JunkKind>();

    public static MimeMessage Create(JunkKind kind, DateTimeOffset sent, long seed, string mailbox = AggregateReportMail.DefaultRuaMailbox) =>
        kind switch
        {
            JunkKind.Newsletter => NewsletterMail.Create(sent, mailbox),
            JunkKind.Bounce => Bounce(sent, seed, mailbox),
            JunkKind.Phishing => Phishing(sent, seed, mailbox),
            JunkKind.HtmlOnly => HtmlOnly(sent, seed, mailbox),
            JunkKind.AutoReply => AutoReply(sent, seed, mailbox),
            _ => AbuseReportMail.Create(sent, seed, mailbox),
        };

    /// <summary>
    /// A bounce for mail someone sent with the report mailbox as sender (backscatter): a text part, the
    /// <c>message/delivery-status</c> fields and the returned message's header.
    /// </summary>
    public static MimeMessage Bounce(DateTimeOffset sent, long seed, string mailbox = AggregateReportMail.DefaultRuaMailbox)
    {
        var random = new SeededRandom(seed);
        var recipient = $"{random.Pick(_localParts)}{random.Next(1, 100)}@partner.example";
        var queueId = $"{random.NextUInt64():X12}"[..12];
        var messageId = $"{sent.ToUnixTimeSeconds()}.{queueId}@mx.partner.example";
        var message = Message("Undelivered Mail Returned to Sender", sent, messageId,
            new MailboxAddress("Mail Delivery System", "MAILER-DAEMON@mx.partner.example"), mailbox);
        message.Headers.Add("Auto-Submitted", "auto-replied");

        var diagnostic = $"550 5.1.1 <{recipient}>: Recipient address rejected: User unknown in local recipient table";
        var text = new TextPart("plain")
        {
            Text = "This is the mail system at mx.partner.example.\n\n"
                + "Your message could not be delivered to one or more recipients. The returned header is attached.\n\n"
                + $"<{recipient}>: host mx.partner.example said: {diagnostic}\n",
        };
        var status = new MessageDeliveryStatus();
        var perMessage = new HeaderList
        {
            { "Reporting-MTA", "dns; mx.partner.example" },
            { "X-Postfix-Queue-ID", queueId },
            { "Arrival-Date", ArfParts.Date(sent.AddSeconds(-2)) },
        };
        var perRecipient = new HeaderList
        {
            { "Final-Recipient", $"rfc822; {recipient}" },
            { "Original-Recipient", $"rfc822;{recipient}" },
            { "Action", "failed" },
            { "Status", "5.1.1" },
            { "Remote-MTA", "dns; mx.partner.example" },
            { "Diagnostic-Code", $"smtp; {diagnostic}" },
        };
        status.StatusGroups.Add(perMessage);
        status.StatusGroups.Add(perRecipient);

        var returned = $"From: <{mailbox}>\nTo: <{recipient}>\nSubject: Re: your order {random.Next(10_000, 100_000)}\n"
            + $"Date: {ArfParts.Date(sent.AddSeconds(-3))}\nMessage-ID: <{random.NextUInt64():x16}@example.com>\n";
        var body = new MultipartReport("delivery-status")
        {
            text,
            new MessageDeliveryStatus { Content = ArfParts.FieldBlock(status) },
            ArfParts.Sample(returned, "", ArfSample.Headers),
        };
        message.Body = AggregateReportMail.FixedBoundary(body, messageId);
        return message;
    }

    /// <summary>Malware spam: an urgent "invoice" whose zip attachment holds a fake <c>invoice.pdf.exe</c> (random bytes).</summary>
    public static MimeMessage Phishing(DateTimeOffset sent, long seed, string mailbox = AggregateReportMail.DefaultRuaMailbox)
    {
        var random = new SeededRandom(seed);
        var invoice = $"INV-{sent.Year}-{random.Next(1000, 10_000)}";
        var messageId = $"{random.NextUInt64():x16}@invoices-secure.example";
        var message = Message($"Overdue invoice {invoice}: payment required today", sent, messageId,
            new MailboxAddress("Accounts Payable", "billing@invoices-secure.example"), mailbox);

        var text = new TextPart("plain")
        {
            Text = $"Dear customer,\n\ninvoice {invoice} is overdue. Open the attached invoice today to avoid a late fee.\n\nAccounts Payable\n",
        };
        var zip = ReportCompression.Zip(FakeExecutable(random), "invoice.pdf.exe", sent);
        var attachment = new MimePart("application", "zip")
        {
            Content = new MimeContent(new MemoryStream(zip)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = $"{invoice}.zip",
        };
        message.Body = AggregateReportMail.FixedBoundary(new Multipart("mixed") { text, attachment }, messageId);
        return message;
    }

    /// <summary>A webinar invitation that is nothing but one <c>text/html</c> body.</summary>
    public static MimeMessage HtmlOnly(DateTimeOffset sent, long seed, string mailbox = AggregateReportMail.DefaultRuaMailbox)
    {
        var random = new SeededRandom(seed);
        var day = sent.AddDays(random.Next(7, 21));
        var message = Message(string.Create(CultureInfo.InvariantCulture, $"Webinar on {day:d MMMM}: mail deliverability in {day.Year}"), sent,
            $"{random.NextUInt64():x16}@webinars.example", new MailboxAddress("Webinars", "events@webinars.example"), mailbox);
        message.Body = new TextPart("html")
        {
            Text = $"<!DOCTYPE html><html><body><h1>Mail deliverability in {day.Year}</h1>"
                + string.Create(CultureInfo.InvariantCulture, $"<p>Join us on {day:dddd, d MMMM} at 16:00 UTC.</p>")
                + "<p><a href=\"https://webinars.example/register?id=deliverability\">Register now</a></p></body></html>\n",
        };
        return message;
    }

    /// <summary>An out-of-office reply to a message that had the report mailbox as its sender.</summary>
    public static MimeMessage AutoReply(DateTimeOffset sent, long seed, string mailbox = AggregateReportMail.DefaultRuaMailbox)
    {
        var random = new SeededRandom(seed);
        var name = random.Pick(_localParts);
        var back = sent.AddDays(random.Next(3, 15));
        var message = Message("Out of office: Re: DMARC setup for example.com", sent, $"{random.NextUInt64():x16}@partner.example",
            new MailboxAddress($"{char.ToUpperInvariant(name[0])}{name[1..]} (Partner)", $"{name}@partner.example"), mailbox);
        message.InReplyTo = $"{random.NextUInt64():x16}@example.com";
        message.Headers.Add("Auto-Submitted", "auto-replied");
        message.Headers.Add("X-Auto-Response-Suppress", "All");
        message.Body = new TextPart("plain")
        {
            Text = string.Create(CultureInfo.InvariantCulture, $"I am out of the office until {back:d MMMM} with limited access to e-mail.\n")
                + "For urgent matters please write to support@partner.example.\n",
        };
        return message;
    }

    private static MimeMessage Message(string subject, DateTimeOffset sent, string messageId, MailboxAddress from, string mailbox)
    {
        var message = new MimeMessage { Subject = subject, Date = sent, MessageId = messageId };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(mailbox));
        return message;
    }

    /// <summary>What a dropper looks like from outside: the "MZ" of a Windows executable, then random bytes.</summary>
    private static byte[] FakeExecutable(SeededRandom random)
    {
        var bytes = new byte[2048];
        for (var i = 0; i < bytes.Length; i += 8)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i), random.NextUInt64());
        }

        bytes[0] = (byte)'M';
        bytes[1] = (byte)'Z';
        return bytes;
    }
}
