using System.Text;
using MimeKit;
using MimeKit.Utils;

namespace Dmarc.ReportGenerator;

/// <summary>How a feedback report (ARF) carries the message it is about.</summary>
public enum ArfSample
{
    /// <summary>Only the header (<c>text/rfc822-headers</c>): what most DMARC reporters send.</summary>
    Headers,

    /// <summary>The whole message (<c>message/rfc822</c>), with a body that holds personal data.</summary>
    WholeMessage,
}

/// <summary>The parts every RFC 5965 / RFC 6591 feedback report (ARF) is made of.</summary>
internal static class ArfParts
{
    /// <summary>The <c>message/feedback-report</c> part, fields in the given order; base64 if a reporter does so.</summary>
    public static MessageFeedbackReport Feedback(IEnumerable<(string Name, string? Value)> fields, bool base64)
    {
        var report = new MessageFeedbackReport();
        foreach (var (name, value) in fields)
        {
            if (value is not null)
            {
                report.Fields.Add(name, value);
            }
        }

        var feedback = new MessageFeedbackReport { Content = FieldBlock(report) };
        if (base64)
        {
            feedback.ContentTransferEncoding = ContentEncoding.Base64;
        }

        return feedback;
    }

    /// <summary>
    /// The fields of a <c>message/feedback-report</c> or <c>message/delivery-status</c> part as its content should be:
    /// CRLF line ends (nothing converts them inside base64) and no empty line after the last field, which MimeKit
    /// leaves there and a parser would read as one more (empty) field group.
    /// </summary>
    public static MimeContent FieldBlock(MimePart part)
    {
        using var fieldText = new MemoryStream();
        part.Content?.DecodeTo(fieldText);
        var text = Encoding.ASCII.GetString(fieldText.ToArray()).ReplaceLineEndings("\r\n").TrimEnd('\r', '\n') + "\r\n";
        return new MimeContent(new MemoryStream(Encoding.ASCII.GetBytes(text)));
    }

    /// <summary>The reported message as a receiver saw it: <c>text/rfc822-headers</c> or <c>message/rfc822</c>.</summary>
    public static MimeEntity Sample(string headerText, string bodyText, ArfSample sample)
    {
        if (sample == ArfSample.Headers)
        {
            return new TextRfc822Headers { Message = Load(headerText + "\n") };
        }

        return new MessagePart("rfc822") { Message = Load(headerText + "\n" + bodyText) };
    }

    /// <summary>An RFC 5322 date as <c>Arrival-Date</c> and <c>Date</c> write it: <c>Thu, 05 Mar 2026 14:22:31 +0000</c>.</summary>
    public static string Date(DateTimeOffset time) => DateUtils.FormatDate(time);

    private static MimeMessage Load(string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n")));
        return MimeMessage.Load(stream);
    }
}
