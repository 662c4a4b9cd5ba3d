using Dmarc.Reports;
using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Outcomes;

namespace Dmarc.Cli.Parse;

/// <summary>CSV has rows for aggregate records only, so inputs without one are named on standard error instead.</summary>
public sealed class UnreadableToError(IReportSink inner, TextWriter error) : IReportSink
{
    public void OnAggregateRecord(AggregateRecord record) => inner.OnAggregateRecord(record);

    public void OnOutcome(ReportOutcome outcome)
    {
        var line = outcome switch
        {
            InvalidReport invalid => $"invalid: {Where(outcome)}: {invalid.Reason}",
            NotAReport notAReport => $"not a report: {Where(outcome)}: {notAReport.Reason}",
            TlsReportParsed => $"SMTP TLS report in {Where(outcome)}: not written (CSV rows are aggregate records; use --format json)",
            FailureReportParsed => $"failure report in {Where(outcome)}: not written (CSV rows are aggregate records; use --format json)",
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
