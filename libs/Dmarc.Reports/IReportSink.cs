using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Outcomes;

namespace Dmarc.Reports;

/// <summary>
/// Receives what <see cref="ReportReader"/> finds, as it finds it, so that a report of any size is read in flat memory.
/// Records of an aggregate report arrive first, then the report's outcome. When that outcome is not
/// <see cref="AggregateReportParsed"/>, the records received since the previous outcome must be dropped:
/// they belonged to a report that in the end could not be read.
/// </summary>
public interface IReportSink
{
    void OnAggregateRecord(AggregateRecord record);

    void OnOutcome(ReportOutcome outcome);
}
