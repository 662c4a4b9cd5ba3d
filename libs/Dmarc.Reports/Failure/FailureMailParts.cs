using MimeKit;

namespace Dmarc.Reports.Failure;

/// <summary>
/// The parts of a mail that matter for a failure report: the machine-readable feedback part, the sample (the
/// failing message or its headers) and the text parts. Only the mail's own parts are looked at: an attached message
/// is a sample (or a forwarded mail), its inside is never searched.
/// </summary>
internal sealed class FailureMailParts
{
    /// <summary>The media types reporters use for the sample; the first two are RFC 6591's.</summary>
    private static readonly HashSet<string> _sampleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "message/rfc822", "text/rfc822-headers", "message/global", "message/global-headers", "message/rfc822-headers",
        "text/rfc822", "message/rfc-822", "text/rfc-822-headers", "message/rfc-822-headers",
    };

    private FailureMailParts()
    {
    }

    /// <summary>True for <c>multipart/report; report-type=feedback-report</c> (RFC 5965 ARF).</summary>
    public bool IsArf { get; private init; }

    public MimePart? FeedbackPart { get; private set; }

    public MimeEntity? SamplePart { get; private set; }

    public List<TextPart> TextParts { get; } = [];

    /// <summary>Parts that are none of the above (attachments, HTML): a mail with any is not a plain-text report.</summary>
    public int OtherParts { get; private set; }

    public static FailureMailParts Find(MimeMessage message, int maxParts)
    {
        var parts = new FailureMailParts
        {
            IsArf = message.Body is Multipart { ContentType: var type } && type.IsMimeType("multipart", "report")
                && string.Equals(type.Parameters["report-type"]?.Trim(), "feedback-report", StringComparison.OrdinalIgnoreCase),
        };

        var seen = 0;
        var pending = new Stack<MimeEntity>();
        if (message.Body is not null)
        {
            pending.Push(message.Body);
        }

        while (pending.Count > 0 && ++seen <= maxParts)
        {
            var entity = pending.Pop();
            switch (entity)
            {
                case Multipart multipart:
                    for (var i = multipart.Count - 1; i >= 0; i--)
                    {
                        pending.Push(multipart[i]);
                    }

                    break;
                case MessagePart when IsSample(entity):
                    parts.SamplePart ??= entity;
                    break;
                case MimePart part when part.ContentType.IsMimeType("message", "feedback-report"):
                    parts.FeedbackPart ??= part;
                    break;
                case MimePart part when IsSample(part):
                    parts.SamplePart ??= part;
                    break;
                case TextPart text when text.IsPlain:
                    parts.TextParts.Add(text);
                    break;
                default:
                    parts.OtherParts++;
                    break;
            }
        }

        return parts;
    }

    private static bool IsSample(MimeEntity entity) => _sampleTypes.Contains(entity.ContentType.MimeType);
}
