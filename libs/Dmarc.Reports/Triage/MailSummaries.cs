using Dmarc.Reports.Input;
using MimeKit;

namespace Dmarc.Reports.Triage;

/// <summary>Summarises a parsed mail for triage: its report-related headers and the leaf parts it carries.</summary>
internal static class MailSummaries
{
    /// <summary>Parts listed at most; a mail with more says so through the parts limit of the reader anyway.</summary>
    private const int MaxListedParts = 64;

    public static MailSummary Of(MimeMessage message, string? part) => new(
        part,
        Printable(message.Subject),
        Printable(message.From.Mailboxes.FirstOrDefault()?.Address),
        Printable(message.MessageId),
        message.Date == DateTimeOffset.MinValue ? null : message.Date,
        Printable(message.Headers["TLS-Report-Domain"]),
        Printable(message.Headers["TLS-Report-Submitter"]),
        Names.Printable(message.Body?.ContentType.ToString() ?? "text/plain"),
        [.. message.BodyParts.OfType<MimePart>().Take(MaxListedParts).Select(Summary)]);

    private static MailPartSummary Summary(MimePart part) => new(
        part.ContentType.MimeType.ToLowerInvariant(),
        Printable(part.FileName),
        part.Content?.Stream is { CanSeek: true } content ? content.Length : -1);

    private static string? Printable(string? text) => text is null ? null : Names.Printable(text);
}
