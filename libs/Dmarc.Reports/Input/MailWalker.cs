using Dmarc.Reports.Failure;
using Dmarc.Reports.Outcomes;
using Dmarc.Reports.Triage;
using MimeKit;

namespace Dmarc.Reports.Input;

/// <summary>
/// Reads a whole mail (or every mail of an mbox) and walks its parts with MimeKit: nested multiparts, attached
/// messages, any transfer encoding. Which parts hold reports is decided by their decoded content, not their headers.
/// </summary>
internal sealed class MailWalker(InputWalker walker, ReportLimits limits, string source, CancellationToken cancellationToken)
{
    private int _parts;

    public void Walk(Content content, bool mbox, IReportSink target)
    {
        using var opened = content.Open();
        // Persistent parsing leaves part contents in a seekable input instead of copying them all into memory; a mail
        // that comes out of a decompressor is spooled first (to a file when large), so that it can be parsed so too.
        using var spool = opened.CanSeek ? null : Spooled(opened);
        using var stream = spool?.Open() ?? opened;
        var parser = new MimeParser(new ParserOptions { MaxMimeDepth = 16 }, stream, mbox ? MimeFormat.Mbox : MimeFormat.Entity, persistent: true);
        if (!mbox)
        {
            WalkMessage(parser.ParseMessage(cancellationToken), content, target);
            return;
        }

        for (var number = 1; !parser.IsEndOfStream; number++)
        {
            var message = parser.ParseMessage(cancellationToken);
            WalkMessage(message, content.Inner(content.Open, $"message {number}"), target);
        }
    }

    private static Spool Spooled(Stream input)
    {
        var spool = new Spool();
        input.CopyTo(spool);
        return spool;
    }

    private void WalkMessage(MimeMessage message, Content mail, IReportSink target)
    {
        ReadMessage(message, mail, target);
        if (target is IMailSink mails)
        {
            // Only the sink the walk began with hears of mails: a mail inside an archive is part of the archive's input.
            mails.OnMail(MailSummaries.Of(message, mail.Part));
        }
    }

    private void ReadMessage(MimeMessage message, Content mail, IReportSink target)
    {
        // A failure report is one report for the whole mail; its sample is an attached message whose parts
        // (even a zip or XML attachment) are the failing mail's, never reports of their own.
        if (ReadFailureReport(message, mail.Part) is { } failure)
        {
            target.OnOutcome(failure);
            return;
        }

        var scope = new OutcomeScope(target);
        var partTypes = new List<string>();
        WalkEntity(message.Body, mail, scope, partTypes);
        if (scope.Forwarded == 0)
        {
            var parts = partTypes.Count == 0 ? "no parts" : $"parts: {string.Join(", ", partTypes.Distinct())}";
            target.OnOutcome(new NotAReport(source, mail.Part, $"the mail \"{Names.Printable(message.Subject ?? "")}\" holds no DMARC or SMTP TLS report ({parts})"));
        }
    }

    private ReportOutcome? ReadFailureReport(MimeMessage message, string? part) =>
        new FailureReportReader(limits, walker.SamplePolicy, source, cancellationToken).Read(message, part);

    private void WalkEntity(MimeEntity? entity, Content mail, IReportSink scope, List<string> partTypes)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (entity is null)
        {
            return;
        }

        if (++_parts > limits.MaxMimeParts)
        {
            throw new ReportLimitExceededException($"the mail has more than {limits.MaxMimeParts} MIME parts (limit MaxMimeParts)");
        }

        switch (entity)
        {
            case Multipart multipart:
                foreach (var child in multipart)
                {
                    WalkEntity(child, mail, scope, partTypes);
                }

                break;
            case MessagePart { Message: { } attached }:
                // A report forwarded as an attached mail: a failure report is read whole, as it would be on its own;
                // the parts of any other attached mail count as this mail's.
                partTypes.Add(entity.ContentType.MimeType);
                if (ReadFailureReport(attached, mail.Part) is { } forwarded)
                {
                    scope.OnOutcome(forwarded);
                    break;
                }

                WalkEntity(attached.Body, mail with { Depth = mail.Depth + 1 }, scope, partTypes);
                break;
            case MimePart part:
                partTypes.Add(part.ContentType.MimeType);
                WalkPart(part, mail, scope, partTypes.Count);
                break;
        }
    }

    private void WalkPart(MimePart part, Content mail, IReportSink scope, int number)
    {
        var type = part.ContentType;
        var name = Names.PartName(part.FileName, $"part {number} ({Names.Segment(type.MediaType)}/{Names.Segment(type.MediaSubtype)})");
        using var decoded = Decode(part);
        walker.WalkContent(mail.Inner(decoded.Open, name), scope);
    }

    /// <summary>The part's content without its transfer encoding, spooled to a file when large.</summary>
    private Spool Decode(MimePart part)
    {
        var decoded = new Spool();
        try
        {
            if (part.Content is not null)
            {
                using var bounded = new BoundedWriteStream(decoded, limits.MaxReportBytes);
                part.Content.DecodeTo(bounded, cancellationToken);
            }

            if (!LooksLikeUndeclaredBase64(decoded, part) || UndeclaredBase64.Decode(decoded) is not { } base64)
            {
                return decoded;
            }

            decoded.Dispose();
            return base64;
        }
        catch
        {
            decoded.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Some reporters send an attachment in base64 without saying so (a broken or missing
    /// Content-Transfer-Encoding): text that is nothing but base64 and decodes to something, is read decoded.
    /// </summary>
    private static bool LooksLikeUndeclaredBase64(Spool decoded, MimePart part)
    {
        if (part.ContentTransferEncoding is ContentEncoding.Base64 or ContentEncoding.QuotedPrintable || decoded.Length < 64)
        {
            return false;
        }

        using var content = decoded.Open();
        var head = new byte[ContentSniffer.HeadLength];
        var length = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return ContentSniffer.Sniff(head.AsSpan(0, length)) == ContentKind.Unknown && UndeclaredBase64.IsAllBase64(decoded.Open());
    }
}
