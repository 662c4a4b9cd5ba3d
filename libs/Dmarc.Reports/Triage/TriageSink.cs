using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Outcomes;

namespace Dmarc.Reports.Triage;

/// <summary>
/// Groups what the reader finds by mail and decides each mail as it ends. Records are not kept (triage needs only
/// the outcomes); an input that is not a mail is decided as one unit when it ends.
/// </summary>
internal sealed class TriageSink(string source) : IMailSink
{
    private readonly List<ReportOutcome> _pending = [];

    public List<MailTriageResult> Results { get; } = [];

    public void OnAggregateRecord(AggregateRecord record)
    {
    }

    public void OnOutcome(ReportOutcome outcome) => _pending.Add(outcome);

    public void OnMail(MailSummary mail)
    {
        Results.Add(MailTriage.Decide(source, mail, [.. _pending]));
        _pending.Clear();
    }

    /// <summary>Decides what is left when the input has ended: the outcomes of an input that was not a mail.</summary>
    public void Complete()
    {
        if (_pending.Count > 0 || Results.Count == 0)
        {
            Results.Add(MailTriage.Decide(source, null, [.. _pending]));
            _pending.Clear();
        }
    }
}
