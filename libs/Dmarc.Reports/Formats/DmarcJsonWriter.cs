using System.Text.Encodings.Web;
using System.Text.Json;
using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Outcomes;
using N = Dmarc.Reports.Formats.DmarcJsonNames;

namespace Dmarc.Reports.Formats;

/// <summary>
/// Dmarc's own JSON Lines format (docs/json-format.md): one line per report with its identity, payload hash,
/// errors and records in DMARC words; one line per input or part that held no report, with the reason.
/// </summary>
public sealed class DmarcJsonWriter : ReportFormatWriter
{
    private static readonly JsonWriterOptions _options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly Utf8JsonWriter _json;

    public DmarcJsonWriter(Stream output, int spillMemoryLimit = RecordSpillBuffer.DefaultMemoryLimit)
        : base(output, spillMemoryLimit) => _json = new Utf8JsonWriter(Scratch, _options);

    protected override void AddRecord(AggregateRecord record, RecordSpillBuffer records)
    {
        _json.Reset();
        DmarcRecordJson.Write(_json, record);
        _json.Flush();
        records.Add(Scratch.WrittenSpan);
    }

    protected override void WriteReport(AggregateReportParsed parsed, RecordSpillBuffer records)
    {
        Scratch.ResetWrittenCount();
        _json.Reset();
        DmarcReportJson.WriteHeader(_json, parsed, records.EntryCount);
        _json.Flush();
        Output.Write(Scratch.WrittenSpan);

        var first = true;
        while (records.TryReadEntry(out var entry))
        {
            if (!first)
            {
                Output.WriteByte((byte)',');
            }

            Output.Write(entry);
            first = false;
        }

        Output.Write("]}}\n"u8);
    }

    protected override void WriteOtherReport(ReportOutcome outcome) => WriteJsonLine(_json, json =>
    {
        DmarcReportJson.WriteSource(json, outcome);
        switch (outcome)
        {
            case TlsReportParsed tls:
                json.WriteString(N.ReportType, N.SmtpTls);
                json.WritePropertyName(N.Report);
                DmarcTlsJson.Write(json, tls.Report);
                break;
            case FailureReportParsed failure:
                json.WriteString(N.ReportType, N.Failure);
                json.WritePropertyName(N.Report);
                DmarcFailureJson.Write(json, failure.Report);
                break;
        }
    });

    protected override void WriteUnreadable(ReportOutcome outcome, UnreadableKind kind, string reason) => WriteJsonLine(_json, json =>
    {
        DmarcReportJson.WriteSource(json, outcome);
        json.WriteString(N.ReportType, kind == UnreadableKind.Invalid ? N.Invalid : N.NotAReport);
        json.WriteString(N.Reason, reason);
    });
}
