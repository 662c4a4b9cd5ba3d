namespace Dmarc.Reports.Tests.Support;

/// <summary>Remembers, in order, every record and outcome a streaming read hands out.</summary>
internal sealed class RecordingSink : IReportSink
{
    public List<object> Events { get; } = [];

    public IEnumerable<AggregateRecord> Records => Events.OfType<AggregateRecord>();

    public IEnumerable<ReportOutcome> Outcomes => Events.OfType<ReportOutcome>();

    public void OnAggregateRecord(AggregateRecord record) => Events.Add(record);

    public void OnOutcome(ReportOutcome outcome) => Events.Add(outcome);

    /// <summary>The events as a short string: R for a record, P/I/N for a parsed/invalid/not-a-report outcome.</summary>
    public string Shape => string.Concat(Events.Select(e => e switch
    {
        AggregateRecord => "R",
        AggregateReportParsed => "P",
        InvalidReport => "I",
        NotAReport => "N",
        _ => "?",
    }));
}
