using static Dmarc.Reports.Tests.Support.Containers;
using static Dmarc.Reports.Tests.Support.ReportXml;

namespace Dmarc.Reports.Tests.Streaming;

/// <summary>
/// Streaming: records go to the sink as they are read, then the one outcome of their report. A consumer counts on it:
/// records since the last outcome belong to the next one, and are dropped when that outcome is not a parsed report.
/// </summary>
public sealed class StreamingTests
{
    [Fact]
    public void A_sink_sees_each_reports_records_and_then_its_one_outcome()
    {
        var first = Utf8(Feedback(metadata: Metadata(reportId: "first"), records: Records(3, "192.0.2.")));
        var second = Utf8(Feedback(metadata: Metadata(reportId: "second"), records: Records(2, "198.51.100.")));
        var sink = new RecordingSink();

        Stream(Zip(("first.xml", first), ("second.xml", second)), sink);

        Assert.Equal("RRRPRRP", sink.Shape);
        var outcomes = sink.Outcomes.Cast<AggregateReportParsed>().ToList();
        Assert.Equal(["first", "second"], outcomes.Select(o => o.Report.Metadata.ReportId));
        Assert.Equal([3L, 2L], outcomes.Select(o => o.Report.RecordCount));
        Assert.All(outcomes, o => Assert.Empty(o.Report.Records));
        Assert.Equal(
            ["192.0.2.1", "192.0.2.2", "192.0.2.3", "198.51.100.1", "198.51.100.2"],
            sink.Records.Select(r => r.SourceIp));
    }

    [Fact]
    public void A_report_that_turns_invalid_after_streaming_records_still_ends_in_exactly_one_outcome()
    {
        // Three good records go out before a fourth nests deeper than allowed.
        var limits = new ReportLimits { MaxXmlDepth = 16 };
        var deep = string.Concat(Enumerable.Repeat("<x>", 40)) + string.Concat(Enumerable.Repeat("</x>", 40));
        var xml = Feedback(records: Records(3) + Record(sourceIp: "192.0.2.4", extra: "    <extension>" + deep + "</extension>\n") + Records(2, "198.51.100."));
        var sink = new RecordingSink();

        Stream(Utf8(xml), sink, limits);

        var outcome = Assert.Single(sink.Outcomes);
        Assert.IsType<InvalidReport>(outcome);
        Assert.Same(outcome, sink.Events[^1]);
        Assert.Matches("^R+I$", sink.Shape);
    }

    [Fact]
    public void Reading_all_of_a_report_that_turned_invalid_keeps_none_of_its_records()
    {
        var limits = new ReportLimits { MaxXmlDepth = 16 };
        var deep = string.Concat(Enumerable.Repeat("<x>", 40)) + string.Concat(Enumerable.Repeat("</x>", 40));
        var xml = Feedback(records: Records(3) + Record(extra: "    <extension>" + deep + "</extension>\n"));

        var outcome = Assert.Single(Read.All(xml, limits));

        Assert.IsType<InvalidReport>(outcome);
    }

    [Fact]
    public void A_report_read_around_broken_xml_streams_each_record_once()
    {
        // The unescaped '&' comes after two records: however the reader recovers, no record may reach the sink twice.
        var xml = Feedback(records: Records(2) + Record(sourceIp: "192.0.2.3", headerFrom: "smith&sons.example") + Records(2, "198.51.100."));
        var sink = new RecordingSink();

        Stream(Utf8(xml), sink);

        var parsed = Assert.IsType<AggregateReportParsed>(Assert.Single(sink.Outcomes));
        Assert.Same(parsed, sink.Events[^1]);
        var seen = sink.Records.Select(r => r.SourceIp).ToList();
        Assert.Equal(seen.Distinct(), seen);
        Assert.Equal(parsed.Report.RecordCount, seen.Count);
        Assert.Contains(parsed.Report.Errors, e => e.Source == ReportErrorSource.Xml);
    }

    [Fact]
    public void A_non_seekable_input_is_streamed_like_any_other()
    {
        var sink = new RecordingSink();

        new ReportReader().Read(new ForwardOnlyStream(Gzip(Utf8(Feedback(records: Records(4))))), Read.Source, sink, TestContext.Current.CancellationToken);

        Assert.Equal("RRRRP", sink.Shape);
    }

    private static void Stream(byte[] input, RecordingSink sink, ReportLimits? limits = null)
    {
        using var stream = new MemoryStream(input, writable: false);
        new ReportReader(limits).Read(stream, Read.Source, sink, TestContext.Current.CancellationToken);
    }

    /// <summary>A stream that can only be read forward, like a network or pipe.</summary>
    private sealed class ForwardOnlyStream(byte[] content) : Input.ForwardReadStream(new MemoryStream(content, writable: false))
    {
        public override int Read(Span<byte> buffer) => Inner.Read(buffer);
    }
}
