using System.Buffers.Binary;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Outcomes;
using N = Dmarc.Reports.Formats.ParsedmarcNames;

namespace Dmarc.Reports.Formats;

/// <summary>
/// JSON Lines in parsedmarc's shape, so that tools written for parsedmarc keep working: one line
/// <c>{"source_file", "report_type": "aggregate", "report": {…}}</c> per report, and one line with
/// <c>report_type</c> <c>invalid</c> or <c>not_a_report</c> and a <c>reason</c> per input that yields nothing.
/// Enrichment fields (reverse DNS, country, ASN…) are null: Dmarc reads reports offline.
/// </summary>
public sealed class ParsedmarcJsonWriter : ReportFormatWriter
{
    private const int EntryPrefixLength = sizeof(long) + sizeof(int);
    private static readonly JsonWriterOptions _options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly Utf8JsonWriter _json;

    private static ReadOnlySpan<byte> CountProperty => ",\"count\":"u8;

    public ParsedmarcJsonWriter(Stream output, int spillMemoryLimit = RecordSpillBuffer.DefaultMemoryLimit)
        : base(output, spillMemoryLimit) => _json = new Utf8JsonWriter(Scratch, _options);

    /// <summary>Entry: count, head length, head, tail (see <see cref="ParsedmarcRecordJson"/>).</summary>
    protected override void AddRecord(AggregateRecord record, RecordSpillBuffer records)
    {
        _json.Reset();
        ParsedmarcRecordJson.WriteHead(_json, record);
        _json.Flush();
        var headLength = Scratch.WrittenCount;
        ParsedmarcRecordJson.WriteTail(_json, record);
        _json.Flush();

        Span<byte> prefix = stackalloc byte[EntryPrefixLength];
        BinaryPrimitives.WriteInt64LittleEndian(prefix, record.Count);
        BinaryPrimitives.WriteInt32LittleEndian(prefix[sizeof(long)..], headLength);
        records.Add(prefix, Scratch.WrittenSpan);
    }

    protected override void WriteReport(AggregateReportParsed parsed, RecordSpillBuffer records)
    {
        var intervals = ParsedmarcIntervals.For(parsed.Report.Metadata.Period);
        Scratch.ResetWrittenCount();
        _json.Reset();
        ParsedmarcReportJson.WriteHeader(_json, parsed, intervals.Normalized);
        _json.Flush();
        Output.Write(Scratch.WrittenSpan);

        var first = true;
        while (records.TryReadEntry(out var entry))
        {
            var count = BinaryPrimitives.ReadInt64LittleEndian(entry);
            var headLength = BinaryPrimitives.ReadInt32LittleEndian(entry[sizeof(long)..]);
            var head = entry.Slice(EntryPrefixLength, headLength);
            var tail = entry[(EntryPrefixLength + headLength)..];
            var dayCounts = intervals.Apportion(count);
            for (var day = 0; day < dayCounts.Length; day++)
            {
                if (intervals.Normalized && dayCounts[day] == 0)
                {
                    continue;
                }

                WriteRecord(first, head, dayCounts[day], tail, intervals.Tails[day]);
                first = false;
            }
        }

        Output.Write("]}}\n"u8);
    }

    protected override void WriteOtherReport(ReportOutcome outcome) => WriteJsonLine(_json, json =>
    {
        ParsedmarcReportJson.WriteSource(json, outcome);
        switch (outcome)
        {
            case TlsReportParsed tls:
                json.WriteString(N.ReportType, N.SmtpTls);
                json.WritePropertyName(N.Report);
                ParsedmarcTlsJson.Write(json, tls.Report);
                break;
            case FailureReportParsed failure:
                json.WriteString(N.ReportType, N.Failure);
                json.WritePropertyName(N.Report);
                ParsedmarcFailureJson.Write(json, failure.Report);
                break;
        }
    });

    protected override void WriteUnreadable(ReportOutcome outcome, UnreadableKind kind, string reason) => WriteJsonLine(_json, json =>
    {
        ParsedmarcReportJson.WriteSource(json, outcome);
        json.WriteString(N.ReportType, kind == UnreadableKind.Invalid ? N.Invalid : N.NotAReport);
        json.WriteString(N.Reason, reason);
    });

    private void WriteRecord(bool first, ReadOnlySpan<byte> head, long count, ReadOnlySpan<byte> tail, ReadOnlySpan<byte> interval)
    {
        if (!first)
        {
            Output.WriteByte((byte)',');
        }

        Output.Write(head);
        Span<byte> countText = stackalloc byte[32];
        CountProperty.CopyTo(countText);
        count.TryFormat(countText[CountProperty.Length..], out var digits, default, CultureInfo.InvariantCulture);
        Output.Write(countText[..(CountProperty.Length + digits)]);
        Output.Write(tail);
        Output.Write(interval);
    }
}
