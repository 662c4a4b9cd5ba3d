using System.Text;
using Dmarc.Reports.Input;
using Dmarc.Reports.Outcomes;
using MimeKit;

namespace Dmarc.Reports.Failure;

/// <summary>
/// Recognises a DMARC failure report at the level of the whole mail (ARF, ARF fields in another multipart, or an
/// Exim-style plain-text report) and ends it in one outcome: the report, <see cref="NotAReport"/> for ARF feedback
/// of another kind (abuse, fraud…), or <see cref="InvalidReport"/> when it cannot be read. Any other mail is left alone.
/// </summary>
internal sealed class FailureReportReader(ReportLimits limits, FailureSamplePolicy policy, string source, CancellationToken cancellationToken)
{
    /// <summary>Feedback fields are a few lines; a "feedback part" larger than this is not one.</summary>
    private const int MaxFeedbackBytes = 1024 * 1024;

    /// <summary>A sample sent as a plain part (not an attached message) is read up to this size.</summary>
    private const int MaxPlainSampleBytes = 32 * 1024 * 1024;

    /// <summary>Text parts larger than this are not read for a plain-text report (Exim's are a few KB).</summary>
    private const long MaxPlainTextBytes = 1024 * 1024;

    /// <summary>The outcome of <paramref name="mail"/> as a failure report, or null when it is not one.</summary>
    public ReportOutcome? Read(MimeMessage mail, string? part)
    {
        var parts = FailureMailParts.Find(mail, limits.MaxMimeParts);
        try
        {
            if (parts.FeedbackPart is { } feedback)
            {
                return ReadFeedback(mail, part, parts, feedback);
            }

            if (parts.IsArf)
            {
                return new InvalidReport(source, part, "an ARF report (multipart/report; report-type=feedback-report) without its message/feedback-report part");
            }

            return parts.OtherParts == 0 ? ReadPlainText(mail, part, parts) : null;
        }
        catch (Exception broken) when (InputWalker.IsBrokenInput(broken) && broken is not ReportLimitExceededException)
        {
            // Only an ARF mail is known to be a failure report here; any other mail is left to the general walk.
            return parts.FeedbackPart is not null || parts.IsArf
                ? new InvalidReport(source, part, $"a failure report that cannot be read: {InputWalker.BrokenInputReason(broken)}")
                : null;
        }
    }

    private ReportOutcome ReadFeedback(MimeMessage mail, string? part, FailureMailParts parts, MimePart feedback)
    {
        if (PartContent.Decode(feedback, MaxFeedbackBytes, cancellationToken) is not { } bytes)
        {
            return new InvalidReport(source, part, $"the message/feedback-report part is larger than {Bytes.Describe(MaxFeedbackBytes)}: not feedback fields");
        }

        var fields = FeedbackFields.Parse(PartContent.FieldsText(bytes));
        if (!ArfFieldNames.Distinctive.Any(fields.Has))
        {
            return new InvalidReport(source, part, fields.All.Count == 0
                ? "the message/feedback-report part holds no feedback fields"
                : $"the message/feedback-report part holds no ARF fields (it has: {Names.Printable(string.Join(", ", fields.All.Select(field => field.Name).Distinct().Take(8)))})");
        }

        var feedbackType = fields.First(ArfFieldNames.FeedbackType)?.ToLowerInvariant();
        if (feedbackType is null && !fields.Has(ArfFieldNames.AuthFailure))
        {
            return new InvalidReport(source, part, "the feedback report has no Feedback-Type (and no Auth-Failure), so what it reports is unknown");
        }

        if (feedbackType is not null and not ArfFieldNames.AuthFailureType)
        {
            return new NotAReport(source, part, $"an ARF {Names.Printable(feedbackType)} report, not a DMARC failure report");
        }

        var format = parts.IsArf ? FailureReportFormat.Arf : FailureReportFormat.NonArfMultipart;
        var builder = new FailureReportBuilder(policy);
        var (report, invalid) = builder.Build(format, fields, fields.All, mail, Sample(parts.SamplePart));
        return report is null ? new InvalidReport(source, part, invalid!) : new FailureReportParsed(source, part, report);
    }

    private ReportOutcome? ReadPlainText(MimeMessage mail, string? part, FailureMailParts parts)
    {
        foreach (var text in parts.TextParts)
        {
            if (text.Content?.Stream is { CanSeek: true } stream && stream.Length > MaxPlainTextBytes)
            {
                continue;
            }

            if (PlainTextFailureSummary.TryRead(text.Text) is not { } summary)
            {
                continue;
            }

            var sample = Sample(parts.SamplePart) ?? (summary.HeadersText is { } headers ? Headers(headers) : null);
            var (report, invalid) = new FailureReportBuilder(policy).Build(FailureReportFormat.PlainText, summary.AsArfFields(), summary.Lines, mail, sample);
            return report is null ? new InvalidReport(source, part, $"a plain-text DMARC failure report that cannot be used: {invalid}") : new FailureReportParsed(source, part, report);
        }

        return null;
    }

    /// <summary>The sample as a message: an attached message, or a plain part holding one (or its headers).</summary>
    private MimeMessage? Sample(MimeEntity? entity) => entity switch
    {
        MessagePart attached => attached.Message,
        MimePart plain when PartContent.Decode(plain, (int)Math.Min(limits.MaxReportBytes, MaxPlainSampleBytes), cancellationToken) is { } bytes => Message(bytes),
        _ => null,
    };

    private MimeMessage? Headers(string text) => Message(Encoding.UTF8.GetBytes(text.TrimEnd() + "\n"));

    /// <summary>The sample parsed, or null when it is not a message at all (then the report has no sample).</summary>
    private MimeMessage? Message(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        try
        {
            return MimeMessage.Load(stream, cancellationToken);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
