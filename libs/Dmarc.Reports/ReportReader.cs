using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Failure;
using Dmarc.Reports.Input;
using Dmarc.Reports.Outcomes;
using Dmarc.Reports.Triage;

namespace Dmarc.Reports;

/// <summary>
/// The entry point of the core: reads whatever a reporter sent (plain XML, gzip, zip, zlib, a whole mail or an mbox)
/// and ends every report in it, and every input without one, in a typed <see cref="ReportOutcome"/>.
/// Never throws for bad input: exceptions mean a bug (or cancellation).
/// <paramref name="samplePolicy"/> says what is kept of the failing message a failure report carries (headers by default).
/// </summary>
public sealed class ReportReader(ReportLimits? limits = null, FailureSamplePolicy? samplePolicy = null)
{
    public ReportLimits Limits { get; } = limits ?? ReportLimits.Default;

    public FailureSamplePolicy SamplePolicy { get; } = samplePolicy ?? FailureSamplePolicy.Default;

    /// <summary>Streams records and outcomes into <paramref name="sink"/>; memory stays flat whatever the report size.</summary>
    public void Read(Stream input, string source, IReportSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(sink);
        new InputWalker(Limits, source, sink, cancellationToken, SamplePolicy).Walk(input);
    }

    /// <summary>
    /// Reads an input and decides for each mail in it (each message of an mbox) the one place it belongs in, with the
    /// reason and evidence; an input that is not a mail gets one decision as a whole. Records are not kept.
    /// </summary>
    public IReadOnlyList<MailTriageResult> Triage(Stream input, string source, CancellationToken cancellationToken = default)
    {
        var sink = new TriageSink(source);
        Read(input, source, sink, cancellationToken);
        sink.Complete();
        return sink.Results;
    }

    /// <summary>Reads everything into memory: each aggregate outcome carries its records.</summary>
    public IReadOnlyList<ReportOutcome> ReadAll(Stream input, string source, CancellationToken cancellationToken = default)
    {
        var sink = new CollectingSink();
        Read(input, source, sink, cancellationToken);
        return sink.Outcomes;
    }

    public IReadOnlyList<ReportOutcome> ReadAll(ReadOnlyMemory<byte> input, string source, CancellationToken cancellationToken = default)
    {
        using var stream = new MemoryStream(input.ToArray(), writable: false);
        return ReadAll(stream, source, cancellationToken);
    }

    private sealed class CollectingSink : IReportSink
    {
        private readonly List<AggregateRecord> _records = [];

        public List<ReportOutcome> Outcomes { get; } = [];

        public void OnAggregateRecord(AggregateRecord record) => _records.Add(record);

        public void OnOutcome(ReportOutcome outcome)
        {
            Outcomes.Add(outcome is AggregateReportParsed parsed
                ? parsed with { Report = parsed.Report with { Records = [.. _records] } }
                : outcome);
            _records.Clear();
        }
    }
}
