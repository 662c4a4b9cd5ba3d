using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Outcomes;

namespace Dmarc.Reports.Input;

/// <summary>
/// Collects what one container (a mail, an archive) yields. Reports and invalid reports pass straight through;
/// the parts that are not reports (a mail's text body, a readme in a zip) are only counted, so that a container
/// with reports reports just those, and one without any ends in a single <see cref="NotAReport"/>.
/// </summary>
internal sealed class OutcomeScope(IReportSink outer) : IReportSink
{
    private readonly List<string> _notReports = [];

    public int Forwarded { get; private set; }

    public IReadOnlyList<string> NotReportReasons => _notReports;

    public void OnAggregateRecord(AggregateRecord record) => outer.OnAggregateRecord(record);

    public void OnOutcome(ReportOutcome outcome)
    {
        if (outcome is NotAReport notAReport)
        {
            _notReports.Add(notAReport.Part is null ? notAReport.Reason : $"{notAReport.Part}: {notAReport.Reason}");
            return;
        }

        Forwarded++;
        outer.OnOutcome(outcome);
    }
}
