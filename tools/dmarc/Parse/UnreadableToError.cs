using Dmarc.Reports;
using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Outcomes;

namespace Dmarc.Cli.Parse;

/// <summary>CSV has rows for records only, so inputs without a report are named on standard error instead.</summary>
public sealed class UnreadableToError(IReportSink inner, TextWriter error) : IReportSink
{
    public void OnAggregateRecord(AggregateRecord record) => inner.OnAggregateRecord(record);

    public void OnOutcome(ReportOutcome outcome)
    {
        var line = outcome switch
        {
            InvalidReport invalid => $"invalid: {Where(outcome)}: {invalid.Reason}",
            NotAReport notAReport => $"not a report: {Where(outcome)}: {notAReport.Reason}",
            _ => null,
        };
        if (line is not null)
        {
            error.WriteLine($"dmarc: {line}");
        }

        inner.OnOutcome(outcome);
    }

    private static string Where(ReportOutcome outcome) =>
        outcome.Part is null ? outcome.Source : $"{outcome.Source} ({outcome.Part})";
}
