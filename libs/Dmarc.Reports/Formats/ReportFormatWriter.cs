using System.Buffers;
using System.Text.Json;
using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Outcomes;

namespace Dmarc.Reports.Formats;

/// <summary>
/// The shape every output format shares: a sink that serialises each streamed record at once into a
/// <see cref="RecordSpillBuffer"/>, and on the report's outcome writes the report (its header first, with everything
/// only known at the end, then the buffered records) or drops the records when the report could not be read.
/// Memory stays flat whatever the report size. Also takes outcomes that already carry their records (<c>ReadAll</c>).
/// </summary>
public abstract class ReportFormatWriter(Stream output, int spillMemoryLimit = RecordSpillBuffer.DefaultMemoryLimit)
    : IReportSink, IDisposable
{
    private readonly RecordSpillBuffer _records = new(spillMemoryLimit);

    protected Stream Output { get; } = output;

    /// <summary>Reusable bytes for one record or one header at a time.</summary>
    protected ArrayBufferWriter<byte> Scratch { get; } = new(16 * 1024);

    public void OnAggregateRecord(AggregateRecord record)
    {
        Scratch.ResetWrittenCount();
        AddRecord(record, _records);
    }

    public void OnOutcome(ReportOutcome outcome)
    {
        try
        {
            switch (outcome)
            {
                case AggregateReportParsed parsed:
                    AddCarriedRecords(parsed.Report);
                    _records.BeginReplay();
                    WriteReport(parsed, _records);
                    break;
                case TlsReportParsed or FailureReportParsed:
                    WriteOtherReport(outcome);
                    break;
                case InvalidReport invalid:
                    WriteUnreadable(invalid, UnreadableKind.Invalid, invalid.Reason);
                    break;
                case NotAReport notAReport:
                    WriteUnreadable(notAReport, UnreadableKind.NotAReport, notAReport.Reason);
                    break;
                default:
                    break;
            }
        }
        finally
        {
            _records.Clear();
        }
    }

    /// <summary>Ends the output (a format may owe a header when nothing was written) and flushes it.</summary>
    public virtual void Complete() => Output.Flush();

    public void Dispose()
    {
        _records.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Serialises one record into <see cref="Scratch"/> and adds it to <paramref name="records"/>.</summary>
    protected abstract void AddRecord(AggregateRecord record, RecordSpillBuffer records);

    /// <summary>Writes the report: header, then the entries of <paramref name="records"/> (ready for replay).</summary>
    protected abstract void WriteReport(AggregateReportParsed parsed, RecordSpillBuffer records);

    /// <summary>
    /// Writes one JSON object on a line of its own, through <see cref="Scratch"/>: the line of a report without records
    /// to stream, or of an input without a report.
    /// </summary>
    protected void WriteJsonLine(Utf8JsonWriter json, Action<Utf8JsonWriter> members)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(members);
        Scratch.ResetWrittenCount();
        json.Reset();
        json.WriteStartObject();
        members(json);
        json.WriteEndObject();
        json.Flush();
        Scratch.Write("\n"u8);
        Output.Write(Scratch.WrittenSpan);
    }

    /// <summary>Writes a report that has no records of its own to stream (a failure or an SMTP TLS report).</summary>
    protected abstract void WriteOtherReport(ReportOutcome outcome);

    protected abstract void WriteUnreadable(ReportOutcome outcome, UnreadableKind kind, string reason);

    private void AddCarriedRecords(AggregateReport report)
    {
        if (_records.EntryCount > 0)
        {
            return;
        }

        foreach (var record in report.Records)
        {
            OnAggregateRecord(record);
        }
    }
}

/// <summary>Why an input (or a part of it) produced no report.</summary>
public enum UnreadableKind
{
    Invalid,
    NotAReport,
}
