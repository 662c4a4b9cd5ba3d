using Dmarc.Reports;
using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Outcomes;

namespace Dmarc.Benchmarks;

/// <summary>Keeps nothing but counts, so the measurement is the reader's cost alone.</summary>
public sealed class CountingSink : IReportSink
{
    public long Records { get; private set; }
    public long Messages { get; private set; }
    public ReportOutcome? LastOutcome { get; private set; }

    public void OnAggregateRecord(AggregateRecord record)
    {
        Records++;
        Messages += record.Count;
    }

    public void OnOutcome(ReportOutcome outcome) => LastOutcome = outcome;
}
