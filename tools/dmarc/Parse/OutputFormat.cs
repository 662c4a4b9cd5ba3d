using Dmarc.Reports.Formats;

namespace Dmarc.Cli.Parse;

/// <summary>The formats of <c>dmarc parse</c>, by the name given to <c>--format</c>.</summary>
public static class OutputFormat
{
    public const string Parsedmarc = "parsedmarc";
    public const string Json = "json";
    public const string Csv = "csv";

    public static readonly string[] Names = [Parsedmarc, Json, Csv];

    public static ReportFormatWriter CreateWriter(string format, Stream output, int bufferBytes) => format switch
    {
        Json => new DmarcJsonWriter(output, bufferBytes),
        Csv => new RecordCsvWriter(output, bufferBytes),
        _ => new ParsedmarcJsonWriter(output, bufferBytes),
    };
}
