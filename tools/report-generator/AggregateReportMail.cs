using MimeKit;

namespace Dmarc.ReportGenerator;

/// <summary>How the report document is attached to its mail.</summary>
public enum ReportAttachment
{
    /// <summary><c>submitter!domain!begin!end.zip</c> as <c>application/zip</c> (Google, Yahoo).</summary>
    Zip,

    /// <summary><c>submitter!domain!begin!end.xml.gz</c> as <c>application/gzip</c> (Microsoft).</summary>
    Gzip,
}

/// <summary>Builds an aggregate report mail the way reporters send them: a short text part and the compressed report.</summary>
public static class AggregateReportMail
{
    public const string DefaultRuaMailbox = "dmarc-rua@example.com";

    public static MimeMessage Create(
        AggregateReportHeader header, byte[] document, ReportAttachment attachment, string ruaMailbox = DefaultRuaMailbox)
    {
        var reporter = header.Reporter;
        var message = new MimeMessage
        {
            Subject = $"Report Domain: {header.Policy.Domain} Submitter: {reporter.Submitter} Report-ID: {header.ReportId}",
            // Reporters send an hour or two after the period ends.
            Date = header.End.AddSeconds(1).AddMinutes(97),
            MessageId = $"{header.ReportId.Trim('<', '>').Replace('@', '.')}@{reporter.Submitter}",
        };
        message.From.Add(MailboxAddress.Parse(reporter.MailFrom));
        message.To.Add(MailboxAddress.Parse(ruaMailbox));

        var text = new TextPart("plain") { Text = $"This is an aggregate report from {reporter.Submitter}.\n" };
        message.Body = FixedBoundary(new Multipart("mixed") { text, Attachment(header, document, attachment) }, header.ReportId);
        return message;
    }

    /// <summary>Writes the mail as it would sit in a mailbox (CRLF line ends, as on the wire).</summary>
    public static void WriteTo(MimeMessage message, Stream output)
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        message.WriteTo(options, output);
    }

    /// <summary>MimeKit picks random boundaries; a fixed one keeps the mail byte-identical for the same report.</summary>
    internal static Multipart FixedBoundary(Multipart multipart, string seedText)
    {
        multipart.Boundary = $"=_part_{(uint)StableId.Hash(seedText):x8}";
        return multipart;
    }

    private static MimePart Attachment(AggregateReportHeader header, byte[] document, ReportAttachment kind)
    {
        var (subtype, fileName, content) = kind == ReportAttachment.Zip
            ? ("zip", header.FileBaseName + ".zip", ReportCompression.Zip(document, header.FileBaseName + ".xml", header.End))
            : ("gzip", header.FileBaseName + ".xml.gz", ReportCompression.Gzip(document));
        return new MimePart("application", subtype)
        {
            Content = new MimeContent(new MemoryStream(content)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = fileName,
        };
    }
}
