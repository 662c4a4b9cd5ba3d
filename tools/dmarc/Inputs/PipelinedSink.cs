using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Dmarc.Reports;
using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Outcomes;

namespace Dmarc.Cli.Inputs;

/// <summary>
/// Runs the sink behind it on a second thread, so that writing (or summing up) records overlaps with the core parsing
/// the next ones: on two cores this hides most of the writer's time. Records and outcomes keep their order, in batches;
/// at most <see cref="Capacity"/> batches wait, so memory stays flat. A failure behind it (a closed pipe, say)
/// surfaces on the reading side at the next record or at <see cref="Complete"/>.
/// </summary>
public sealed class PipelinedSink : IReportSink, IDisposable
{
    private const int Capacity = 16;

    private readonly IReportSink _inner;
    private readonly BlockingCollection<RecordBatch> _queue = new(Capacity);
    private readonly ConcurrentQueue<RecordBatch> _spare = new();
    private readonly CancellationTokenSource _failed = new();
    private readonly Thread _thread;
    private RecordBatch _batch = new();
    private ExceptionDispatchInfo? _failure;

    public PipelinedSink(IReportSink inner)
    {
        _inner = inner;
        _thread = new Thread(Drain) { IsBackground = true, Name = "dmarc sink" };
        _thread.Start();
    }

    public void OnAggregateRecord(AggregateRecord record)
    {
        if (_batch.Add(record) == RecordBatch.Size)
        {
            Send();
        }
    }

    public void OnOutcome(ReportOutcome outcome)
    {
        _batch.Add(outcome);
        Send();
    }

    /// <summary>Waits until the sink behind has taken everything; rethrows its failure.</summary>
    public void Complete()
    {
        if (_batch.Count > 0)
        {
            Send();
        }

        _queue.CompleteAdding();
        _thread.Join();
        _failure?.Throw();
    }

    public void Dispose()
    {
        if (!_queue.IsAddingCompleted)
        {
            _queue.CompleteAdding();
        }

        _thread.Join();
        _queue.Dispose();
        _failed.Dispose();
    }

    private void Send()
    {
        try
        {
            _queue.Add(_batch, _failed.Token);
        }
        catch (OperationCanceledException)
        {
            _failure!.Throw();
        }

        _batch = _spare.TryDequeue(out var spare) ? spare : new RecordBatch();
    }

    private void Drain()
    {
        try
        {
            foreach (var batch in _queue.GetConsumingEnumerable())
            {
                batch.DeliverTo(_inner);
                _spare.Enqueue(batch);
            }
        }
        catch (Exception failure)
        {
            _failure = ExceptionDispatchInfo.Capture(failure);
            _failed.Cancel();
        }
    }
}
