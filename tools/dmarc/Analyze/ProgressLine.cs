using System.Diagnostics;
using System.Globalization;
using Dmarc.Reports;
using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Outcomes;

namespace Dmarc.Cli.Analyze;

/// <summary>
/// Passes everything on and, on a terminal, keeps one line on standard error up to date on long runs (after a
/// second, four times a second at most): inputs, reports and records read so far. Cleared at the end.
/// </summary>
public sealed class ProgressLine(IReportSink inner, TextWriter error, bool enabled) : IReportSink
{
    private static readonly long _firstAfter = Stopwatch.Frequency;
    private static readonly long _every = Stopwatch.Frequency / 4;

    private readonly long _started = Stopwatch.GetTimestamp();
    private long _lastShown;
    private long _records;
    private long _outcomes;
    private int _shownLength;

    public void OnAggregateRecord(AggregateRecord record)
    {
        inner.OnAggregateRecord(record);
        if ((++_records & 4095) == 0)
        {
            Show();
        }
    }

    public void OnOutcome(ReportOutcome outcome)
    {
        inner.OnOutcome(outcome);
        _outcomes++;
        Show();
    }

    public void Clear()
    {
        if (_shownLength > 0)
        {
            error.Write('\r' + new string(' ', _shownLength) + '\r');
            _shownLength = 0;
        }
    }

    private void Show()
    {
        var now = Stopwatch.GetTimestamp();
        if (!enabled || now - _started < _firstAfter || now - _lastShown < _every)
        {
            return;
        }

        _lastShown = now;
        var text = string.Create(CultureInfo.InvariantCulture, $"dmarc: {_outcomes:N0} reports or inputs, {_records:N0} records read…");
        error.Write('\r' + text.PadRight(_shownLength));
        _shownLength = text.Length;
        error.Flush();
    }
}
