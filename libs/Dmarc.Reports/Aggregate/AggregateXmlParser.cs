using System.Globalization;
using System.Xml;
using Dmarc.Reports.Input;
using Dmarc.Reports.Outcomes;

namespace Dmarc.Reports.Aggregate;

/// <summary>
/// Reads one aggregate report document in a single streaming pass with <see cref="XmlReader"/> (DTDs prohibited, no
/// resolver). When the XML turns out not to be well-formed, reads it again with <see cref="LenientXmlScanner"/>,
/// keeping the records already handed on and adding the rest, and notes the problem in the report's errors.
/// </summary>
internal sealed class AggregateXmlParser(ReportLimits limits, string source, string? part, IReportSink sink)
{
    private static readonly XmlReaderSettings TemplateSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
        CheckCharacters = false,
        CloseInput = false,
        MaxCharactersFromEntities = 1024,
    };

    public void Parse(Func<Stream> open)
    {
        var vocabulary = new ReportVocabulary(new NameTable());
        var builder = new AggregateReportBuilder(vocabulary, limits, sink.OnAggregateRecord, recordsToSkip: 0);
        try
        {
            var (hash, notWellFormed) = StrictPass(open, vocabulary, builder);
            if (notWellFormed is not null && !builder.RootClosed)
            {
                (builder, hash) = LenientPass(open, vocabulary, builder.RecordCount, notWellFormed);
            }
            else if (notWellFormed is not null)
            {
                builder.AddError(ReportErrorSource.Xml, $"the XML around the report is not well-formed ({notWellFormed.Message}); the report itself was read whole");
            }

            Conclude(builder, hash);
        }
        catch (Exception broken) when (InputWalker.IsBrokenInput(broken))
        {
            sink.OnOutcome(new InvalidReport(source, part, InputWalker.BrokenInputReason(broken)));
        }
    }

    private (string Hash, XmlException? NotWellFormed) StrictPass(Func<Stream> open, ReportVocabulary vocabulary, AggregateReportBuilder builder)
    {
        using var hashing = OpenDocument(open, out var text, out var fallback);
        var settings = TemplateSettings.Clone();
        settings.NameTable = vocabulary.Names;
        try
        {
            using (var reader = XmlReader.Create(text, settings))
            {
                Drive(reader, builder);
            }

            NoteUndecodableBytes(builder, fallback);
            return (hashing.Finish(), null);
        }
        catch (XmlException notWellFormed) when (IsDtd(notWellFormed))
        {
            throw new ReportLimitExceededException("the report declares a DTD (<!DOCTYPE>); DTDs and entities are refused for safety");
        }
        catch (XmlException notWellFormed)
        {
            return ("", notWellFormed);
        }
    }

    private (AggregateReportBuilder Builder, string Hash) LenientPass(Func<Stream> open, ReportVocabulary vocabulary, long recordsAlreadyHandedOn, XmlException problem)
    {
        var builder = new AggregateReportBuilder(vocabulary, limits, sink.OnAggregateRecord, recordsAlreadyHandedOn);
        using var hashing = OpenDocument(open, out var text, out var fallback);
        var scanner = new LenientXmlScanner(text, builder, vocabulary, limits);
        scanner.Scan();
        builder.AddError(ReportErrorSource.Xml, string.Create(CultureInfo.InvariantCulture,
            $"the XML is not well-formed ({problem.Message}); what could be read around it was kept"));
        if (scanner.UnclosedAtEnd > 0)
        {
            builder.AddError(ReportErrorSource.Xml, string.Create(CultureInfo.InvariantCulture,
                $"the XML ends early: {scanner.UnclosedAtEnd} elements were never closed (truncated report?)"));
        }

        NoteUndecodableBytes(builder, fallback);
        return (builder, hashing.Finish());
    }

    private HashingReadStream OpenDocument(Func<Stream> open, out TextReader text, out Windows1252Fallback fallback)
    {
        // The head (for the declared encoding) is read first: every open() rewinds the same underlying input.
        var head = new byte[1024];
        using (var peek = open())
        {
            head = head[..peek.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
        }

        var bounded = new BoundedReadStream(open(), limits.MaxReportBytes,
            $"the report document is larger than {Input.Bytes.Describe(limits.MaxReportBytes)} (limit MaxReportBytes)", null);
        var hashing = new HashingReadStream(bounded);

        fallback = new Windows1252Fallback();
        text = XmlTextDecoding.Open(new NonClosingStream(hashing), head, fallback);
        return hashing;
    }

    private static void Drive(XmlReader reader, AggregateReportBuilder builder)
    {
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (reader.Depth == 0)
                    {
                        builder.RootNamespace = reader.NamespaceURI;
                    }

                    builder.Start(reader.LocalName);
                    if (reader.IsEmptyElement)
                    {
                        builder.End();
                    }

                    break;
                case XmlNodeType.EndElement:
                    builder.End();
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    builder.Text(reader.Value);
                    break;
            }
        }
    }

    private static bool IsDtd(XmlException exception) => exception.Message.Contains("DTD", StringComparison.Ordinal);

    private static void NoteUndecodableBytes(AggregateReportBuilder builder, Windows1252Fallback fallback)
    {
        if (fallback.InvalidBytes > 0)
        {
            builder.AddError(ReportErrorSource.Xml, string.Create(CultureInfo.InvariantCulture,
                $"{fallback.InvalidBytes} bytes were not valid UTF-8 and were read as windows-1252"));
        }
    }

    private void Conclude(AggregateReportBuilder builder, string hash)
    {
        if (!builder.IsFeedback)
        {
            sink.OnOutcome(new NotAReport(source, part, "an XML document that is not a DMARC aggregate report (its root element is not <feedback>)"));
            return;
        }

        var (report, invalid) = builder.Finish(hash);
        sink.OnOutcome(report is null
            ? new InvalidReport(source, part, invalid!)
            : new AggregateReportParsed(source, part, report));
    }
}
