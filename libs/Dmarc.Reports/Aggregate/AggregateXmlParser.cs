using System.Globalization;
using Dmarc.Reports.Input;
using Dmarc.Reports.Outcomes;

namespace Dmarc.Reports.Aggregate;

/// <summary>
/// Reads one aggregate report document in a single streaming pass: bytes are hashed, bounded, transcoded to UTF-8
/// when declared otherwise, and scanned; records go to the sink as they end, then the report's one outcome.
/// </summary>
internal sealed class AggregateXmlParser(ReportLimits limits, string source, string? part, IReportSink sink)
{
    public void Parse(Func<Stream> open)
    {
        try
        {
            var builder = new AggregateReportBuilder(limits, sink.OnAggregateRecord);
            bool truncated;
            var head = Head(open);
            using var hashing = new HashingReadStream(new BoundedReadStream(open(), limits.MaxReportBytes,
                $"the report document is larger than {Bytes.Describe(limits.MaxReportBytes)} (limit MaxReportBytes)", null));
            using (var scanner = new Utf8ReportScanner(XmlTextDecoding.AsUtf8(new NonClosingStream(hashing), head), builder, limits))
            {
                scanner.Scan();
                NoteProblems(scanner, builder);
                truncated = scanner.UnclosedAtEnd > 0 && !builder.RootClosed;
            }

            Conclude(builder, hashing.Finish(), truncated);
        }
        catch (Exception broken) when (InputWalker.IsBrokenInput(broken))
        {
            sink.OnOutcome(new InvalidReport(source, part, InputWalker.BrokenInputReason(broken)));
        }
    }

    /// <summary>The first bytes, for the declared encoding; read before the document since every open() rewinds the input.</summary>
    private static byte[] Head(Func<Stream> open)
    {
        var head = new byte[1024];
        using var peek = open();
        return head[..peek.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
    }

    private static void NoteProblems(Utf8ReportScanner scanner, AggregateReportBuilder builder)
    {
        if (scanner.UnclosedAtEnd == 1 && scanner.LastUnclosed is { } wrapper && builder.RootClosed)
        {
            builder.AddError(ReportErrorSource.Xml, $"the XML around the report is not well-formed (<{wrapper}> is never closed); the report itself was read whole");
        }
        else if (scanner.UnclosedAtEnd > 0)
        {
            builder.AddError(ReportErrorSource.Xml, string.Create(CultureInfo.InvariantCulture,
                $"the XML ends early: {scanner.UnclosedAtEnd} elements were never closed (truncated report?)"));
        }

        if (scanner.FirstProblem is { } problem)
        {
            builder.AddError(ReportErrorSource.Xml, $"the XML is not well-formed ({problem}); what could be read around it was kept");
        }
    }

    private void Conclude(AggregateReportBuilder builder, string hash, bool truncated)
    {
        if (!builder.IsFeedback)
        {
            sink.OnOutcome(new NotAReport(source, part, "an XML document that is not a DMARC aggregate report (its root element is not <feedback>)"));
            return;
        }

        if (truncated && builder.RecordCount == 0)
        {
            // Nothing countable was read: keep it retryable rather than store an empty report.
            sink.OnOutcome(new InvalidReport(source, part, "the report ends before its first complete record (truncated in transfer?)"));
            return;
        }

        var (report, invalid) = builder.Finish(hash);
        sink.OnOutcome(report is null
            ? new InvalidReport(source, part, invalid!)
            : new AggregateReportParsed(source, part, report));
    }
}
