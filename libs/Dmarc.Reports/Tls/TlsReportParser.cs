using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dmarc.Reports.Input;
using Dmarc.Reports.Outcomes;

namespace Dmarc.Reports.Tls;

/// <summary>
/// Reads one JSON document that may be an SMTP TLS report (RFC 8460): bounded in size, depth and value length,
/// scanned once for its shape, then built into a <see cref="TlsReport"/>. JSON that is not a TLS report ends as
/// <see cref="NotAReport"/>; a TLS report that cannot be read, as <see cref="InvalidReport"/> with where and why.
/// </summary>
internal sealed class TlsReportParser(ReportLimits limits, string source, string? part, IReportSink sink)
{
    public void Parse(Func<Stream> open)
    {
        try
        {
            var payload = ReadPayload(open);
            var hash = Convert.ToHexStringLower(SHA256.HashData(payload.Span));
            sink.OnOutcome(Read(AsUtf8(payload), hash));
        }
        catch (Exception broken) when (InputWalker.IsBrokenInput(broken))
        {
            sink.OnOutcome(new InvalidReport(source, part, InputWalker.BrokenInputReason(broken)));
        }
    }

    private ReportOutcome Read(ReadOnlyMemory<byte> json, string hash)
    {
        var shape = TlsJsonScan.Scan(json.Span, limits);
        if (shape.Problem is { } problem)
        {
            return TlsJsonScan.MentionsReportNames(json.Span)
                ? new InvalidReport(source, part, $"the SMTP TLS report cannot be read: {problem}")
                : new NotAReport(source, part, $"a JSON document that is not an SMTP TLS report ({problem}; it names none of the report's fields)");
        }

        if (shape.Root != JsonTokenType.StartObject)
        {
            return new NotAReport(source, part, shape.Root == JsonTokenType.StartArray
                ? "a JSON list, not an SMTP TLS report (a TLS report is one JSON object)"
                : "a JSON value that is not an SMTP TLS report (a TLS report is one JSON object)");
        }

        if (shape.TopLevelNames < TlsJsonScan.NamesOfAReport)
        {
            return new NotAReport(source, part,
                "a JSON document that is not an SMTP TLS report (it does not have the fields of one: organization-name, date-range, report-id, policies)");
        }

        return Build(json, hash);
    }

    private ReportOutcome Build(ReadOnlyMemory<byte> json, string hash)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, TlsJsonScan.DocumentOptions(limits));
        }
        catch (JsonException broken)
        {
            // The scan has read the same bytes with the same options, so this should not happen; if it does, it is
            // still the report's problem, not a crash.
            return new InvalidReport(source, part, $"the SMTP TLS report cannot be read: {broken.Message}");
        }

        using (document)
        {
            var (report, invalid) = new TlsReportReading(document.RootElement, hash).Read();
            return report is null
                ? new InvalidReport(source, part, invalid!)
                : new TlsReportParsed(source, part, report);
        }
    }

    private ReadOnlyMemory<byte> ReadPayload(Func<Stream> open)
    {
        using var stream = open();
        using var bounded = new BoundedReadStream(stream, limits.MaxTlsReportBytes,
            $"the SMTP TLS report is larger than {Bytes.Describe(limits.MaxTlsReportBytes)} (limit MaxTlsReportBytes)", null);
        var buffer = new MemoryStream();
        bounded.CopyTo(buffer);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    /// <summary>The document as UTF-8 without a byte order mark; UTF-16 (rare, but JSON allows it) is transcoded.</summary>
    private static ReadOnlyMemory<byte> AsUtf8(ReadOnlyMemory<byte> payload)
    {
        var span = payload.Span;
        if (span.StartsWith(ByteOrderMarks.Utf8))
        {
            return payload[ByteOrderMarks.Utf8.Length..];
        }

        if (span.StartsWith(ByteOrderMarks.Utf16LittleEndian) || span.StartsWith(ByteOrderMarks.Utf16BigEndian))
        {
            var encoding = span.StartsWith(ByteOrderMarks.Utf16LittleEndian) ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return Encoding.UTF8.GetBytes(encoding.GetString(span[2..]));
        }

        return payload;
    }
}
