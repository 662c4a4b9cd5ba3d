using Dmarc.Reports;
using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Outcomes;

namespace Dmarc.Cli.Inputs;

/// <summary>Records and outcomes, in order, handed from the reading thread to <see cref="PipelinedSink"/>'s thread.</summary>
internal sealed class RecordBatch
{
    public const int Size = 256;

    private readonly object[] _items = new object[Size];

    public int Count { get; private set; }

    /// <summary>Adds a record or an outcome; returns how many items the batch now holds.</summary>
    public int Add(object item)
    {
        _items[Count] = item;
        return ++Count;
    }

    /// <summary>Hands every item to <paramref name="sink"/> and empties the batch for reuse.</summary>
    public void DeliverTo(IReportSink sink)
    {
        for (var i = 0; i < Count; i++)
        {
            if (_items[i] is AggregateRecord record)
            {
                sink.OnAggregateRecord(record);
            }
            else
            {
                sink.OnOutcome((ReportOutcome)_items[i]);
            }
        }

        Array.Clear(_items, 0, Count);
        Count = 0;
    }
}
