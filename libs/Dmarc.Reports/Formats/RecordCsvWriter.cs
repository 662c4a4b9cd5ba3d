using System.Globalization;
using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Outcomes;

namespace Dmarc.Reports.Formats;

/// <summary>
/// CSV (RFC 4180, UTF-8, CRLF) with a header row and one row per record: the report's columns, then the record's.
/// Lists (several DKIM signatures, reasons) are joined with '|'. Inputs without a report produce no row.
/// </summary>
public sealed class RecordCsvWriter(Stream output, int spillMemoryLimit = RecordSpillBuffer.DefaultMemoryLimit)
    : ReportFormatWriter(output, spillMemoryLimit)
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "source", "part", "org_name", "org_email", "report_id", "begin", "end", "policy_domain", "adkim", "aspf",
        "p", "sp", "np", "pct", "source_ip", "count", "disposition", "dkim", "spf", "dmarc", "override_reasons",
        "override_comments", "header_from", "envelope_from", "envelope_to", "dkim_domains", "dkim_selectors",
        "dkim_results", "spf_domains", "spf_scopes", "spf_results",
    ];

    private readonly CsvLine _line = new();
    private bool _headerWritten;

    public override void Complete()
    {
        WriteHeaderOnce();
        base.Complete();
    }

    protected override void AddRecord(AggregateRecord record, RecordSpillBuffer records)
    {
        _line.Clear();
        RecordCsvFields.Write(_line, record);
        _line.EndLine();
        records.Add(_line.Written);
    }

    protected override void WriteReport(AggregateReportParsed parsed, RecordSpillBuffer records)
    {
        WriteHeaderOnce();
        var report = parsed.Report;
        var metadata = report.Metadata;
        var policy = report.Policy;
        _line.Clear();
        _line.Field(parsed.Source);
        _line.Field(parsed.Part);
        _line.Field(metadata.OrgName);
        _line.Field(metadata.Email);
        _line.Field(metadata.ReportId);
        _line.Field(ReportTimes.Iso(metadata.Period.Begin));
        _line.Field(ReportTimes.Iso(metadata.Period.End));
        _line.Field(policy.Domain);
        _line.Field(RfcTokens.Of(policy.Adkim).EncodedUtf8Bytes);
        _line.Field(RfcTokens.Of(policy.Aspf).EncodedUtf8Bytes);
        _line.Field(policy.P is { } p ? RfcTokens.Of(p).EncodedUtf8Bytes : default);
        _line.Field(policy.Sp is { } sp ? RfcTokens.Of(sp).EncodedUtf8Bytes : default);
        _line.Field(policy.Np is { } np ? RfcTokens.Of(np).EncodedUtf8Bytes : default);
        _line.Field(policy.Pct?.ToString(CultureInfo.InvariantCulture));
        _line.Bytes(","u8);
        var prefix = _line.Written.ToArray();

        while (records.TryReadEntry(out var row))
        {
            Output.Write(prefix);
            Output.Write(row);
        }
    }

    /// <summary>Failure and TLS reports have no aggregate records, so no rows (the CLI names them on standard error).</summary>
    protected override void WriteOtherReport(ReportOutcome outcome) => WriteHeaderOnce();

    protected override void WriteUnreadable(ReportOutcome outcome, UnreadableKind kind, string reason) => WriteHeaderOnce();

    private void WriteHeaderOnce()
    {
        if (_headerWritten)
        {
            return;
        }

        _line.Clear();
        foreach (var column in Columns)
        {
            _line.Field(column);
        }

        _line.EndLine();
        Output.Write(_line.Written);
        _headerWritten = true;
    }
}
