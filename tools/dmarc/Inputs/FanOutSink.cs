using Dmarc.Reports;
using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Outcomes;

namespace Dmarc.Cli.Inputs;

/// <summary>Hands every record and outcome to each of several sinks, in order.</summary>
public sealed class FanOutSink(params IReportSink[] sinks) : IReportSink
{
    public void OnAggregateRecord(AggregateRecord record)
    {
        foreach (var sink in sinks)
        {
            sink.OnAggregateRecord(record);
        }
    }

    public void OnOutcome(ReportOutcome outcome)
    {
        foreach (var sink in sinks)
        {
            sink.OnOutcome(outcome);
        }
    }
}
