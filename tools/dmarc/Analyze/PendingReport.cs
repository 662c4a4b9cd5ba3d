using Dmarc.Reports.Aggregate;

namespace Dmarc.Cli.Analyze;

/// <summary>
/// The records of the report being read, summed up as they stream in: kept apart until the report's outcome says
/// whether they count (parsed) or are dropped (the report turned out unreadable).
/// </summary>
public sealed class PendingReport
{
    public PassTally Traffic { get; private set; } = new();
    public Dictionary<string, PassTally> HeaderFroms { get; } = new(StringComparer.OrdinalIgnoreCase);
    public long Records { get; private set; }

    public void Add(AggregateRecord record)
    {
        Records++;
        Traffic.Add(record);
        Analysis.Entry(HeaderFroms, record.HeaderFrom, Analysis.Other, _ => new PassTally()).Add(record);
    }

    public void Clear()
    {
        Traffic = new PassTally();
        HeaderFroms.Clear();
        Records = 0;
    }
}
