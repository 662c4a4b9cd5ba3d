using Dmarc.Reports;
using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Outcomes;

namespace Dmarc.Cli.Inputs;

/// <summary>Passes everything on to <paramref name="inner"/> and counts outcomes, for the exit code and progress.</summary>
public sealed class OutcomeTally(IReportSink inner) : IReportSink
{
    public long Reports { get; private set; }
    public long Unreadable { get; private set; }
    public long Records { get; private set; }

    public int ExitCode => Unreadable > 0 ? ExitCodes.SomeUnreadable : ExitCodes.AllRead;

    public void OnAggregateRecord(AggregateRecord record)
    {
        Records++;
        inner.OnAggregateRecord(record);
    }

    public void OnOutcome(ReportOutcome outcome)
    {
        if (outcome is InvalidReport or NotAReport)
        {
            Unreadable++;
        }
        else
        {
            Reports++;
        }

        inner.OnOutcome(outcome);
    }
}
