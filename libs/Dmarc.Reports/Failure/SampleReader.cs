using MimeKit;
using MimeKit.Utils;

namespace Dmarc.Reports.Failure;

/// <summary>
/// Reads the sample of a failure report (the failing message or its headers) into a <see cref="FailureSample"/>,
/// keeping only what the <see cref="FailureSamplePolicy"/> allows, redacted when it asks.
/// </summary>
internal sealed class SampleReader(FailureSamplePolicy policy, LocalPartRedactor redactor)
{
    /// <summary>Text parts whose encoded content is larger than this are not decoded at all.</summary>
    private const long MaxDecodedTextBytes = 8L * 1024 * 1024;

    /// <summary>An encoded text part up to this size is decoded to see whether it holds anything but whitespace.</summary>
    private const long WhitespaceCheckBytes = 4096;

    /// <summary>The sample as kept, and what was kept (nothing when there is no sample).</summary>
    public (FailureSample Sample, SampleKept Kept) Read(MimeMessage? message)
    {
        if (message is null)
        {
            return (FailureSample.Empty, SampleKept.None);
        }

        var headersOnly = !HasBody(message.Body);
        if (policy.Keep == SampleKept.None)
        {
            return (FailureSample.Empty with { HeadersOnly = headersOnly }, SampleKept.None);
        }

        var date = ReadDate(message.Headers[HeaderId.Date]);
        var sample = new FailureSample
        {
            HeadersOnly = headersOnly,
            Headers = [.. AllHeaders(message).Select(header => new SampleHeader(header.Field, redactor.Redact(header.Value.Trim())))],
            From = message.From.Mailboxes.Select(Address).FirstOrDefault(),
            To = [.. message.To.Mailboxes.Select(Address)],
            Cc = [.. message.Cc.Mailboxes.Select(Address)],
            Subject = redactor.Redact(message.Headers[HeaderId.Subject] is null ? null : message.Subject),
            Date = date?.ToUniversalTime(),
            DateOffset = date?.Offset,
            MessageId = redactor.Redact(message.Headers[HeaderId.MessageId]?.Trim()),
        };

        if (policy.Keep != SampleKept.HeadersAndBody || headersOnly)
        {
            return (sample, SampleKept.Headers);
        }

        var (bodyParts, attachments) = ReadBody(message);
        return (sample with { BodyParts = bodyParts, Attachments = attachments }, SampleKept.HeadersAndBody);
    }

    /// <summary>The From domain of a sample, whatever is kept (to name the reported domain when the report does not).</summary>
    public static string? FromDomain(MimeMessage? message) =>
        message?.From.Mailboxes.Select(mailbox => mailbox.Domain).FirstOrDefault(domain => !string.IsNullOrWhiteSpace(domain))?.Trim().ToLowerInvariant();

    /// <summary>The message's headers, then the Content-* headers MimeKit keeps on the body entity.</summary>
    private static IEnumerable<Header> AllHeaders(MimeMessage message) =>
        message.Headers.Concat(message.Body?.Headers.Where(header => header.Field.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)) ?? []);

    private static DateTimeOffset? ReadDate(string? value) =>
        value is not null && DateUtils.TryParse(value, out var date) ? date : null;

    private SampleAddress Address(MailboxAddress mailbox) => new(
        redactor.Redact(string.IsNullOrWhiteSpace(mailbox.Name) ? null : mailbox.Name),
        redactor.Redact(mailbox.Address),
        mailbox.Domain.Trim().ToLowerInvariant());

    private (IReadOnlyList<SampleBodyPart>, IReadOnlyList<SampleAttachment>) ReadBody(MimeMessage message)
    {
        var texts = new List<SampleBodyPart>();
        var attachments = new List<SampleAttachment>();
        var budget = policy.MaxBodyChars;
        foreach (var part in message.BodyParts)
        {
            if (part is TextPart text && !text.IsAttachment)
            {
                var (content, truncated) = Text(text, budget);
                budget -= content.Length;
                texts.Add(new SampleBodyPart(text.ContentType.MimeType.ToLowerInvariant(), redactor.Redact(content), truncated));
            }
            else
            {
                var name = part is MimePart mimePart ? mimePart.FileName : null;
                attachments.Add(new SampleAttachment(part.ContentType.MimeType.ToLowerInvariant(), redactor.Redact(name)));
            }
        }

        return (texts, attachments);
    }

    private static (string Text, bool Truncated) Text(TextPart part, int budget)
    {
        if (budget <= 0 || EncodedLength(part) > MaxDecodedTextBytes)
        {
            return ("", true);
        }

        // Line ends as "\n" whatever the mail used, so that the same sample reads the same from LF and CRLF mails.
        var text = part.Text.ReplaceLineEndings("\n");
        return text.Length <= budget ? (text, false) : (text[..budget], true);
    }

    private static long EncodedLength(MimePart part) => part.Content?.Stream is { CanSeek: true } stream ? stream.Length : 0;

    /// <summary>False for a header-only sample: no body, or a body that is empty or only whitespace.</summary>
    private static bool HasBody(MimeEntity? body) => body switch
    {
        null => false,
        Multipart multipart => multipart.Any(HasBody),
        MessagePart attached => attached.Message is not null,
        TextPart text when EncodedLength(text) <= WhitespaceCheckBytes => !string.IsNullOrWhiteSpace(text.Text),
        MimePart part => part.Content is not null && EncodedLength(part) > 0,
        _ => false,
    };
}
