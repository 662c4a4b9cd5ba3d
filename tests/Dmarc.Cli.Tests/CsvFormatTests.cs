using System.Text;
using Dmarc.Reports.Formats;

namespace Dmarc.Cli.Tests;

/// <summary><c>dmarc parse --format csv</c>: a header row, one row per record, RFC 4180 quoting.</summary>
public sealed class CsvFormatTests
{
    [Fact]
    public async Task Writes_a_header_row_and_one_row_per_record()
    {
        var xml = AggregateXml.Report(records: [AggregateXml.Record("192.0.2.1", 3), AggregateXml.Record("192.0.2.2", 4, spf: "fail")]);

        var result = await CliRun.WithInput(Encoding.UTF8.GetBytes(xml), "parse", "--format", "csv", "-");

        Assert.Equal(ExitCodes.AllRead, result.ExitCode);
        var rows = result.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', RecordCsvWriter.Columns), rows[0]);
        Assert.Equal(3, rows.Length);
        Assert.StartsWith("-,,google.com,noreply@google.com,r1,2023-11-15T00:00:00Z,2023-11-15T23:59:59Z,example.com,r,r,none,,,,192.0.2.1,3,none,pass,pass,pass,", rows[1]);
        Assert.Contains(",192.0.2.2,4,none,pass,fail,pass,", rows[2]);
    }

    [Fact]
    public async Task Quotes_fields_with_commas_quotes_and_line_breaks()
    {
        var reason = "<reason><type>local_policy</type><comment>arc=pass, said \"the list\"\nsecond line</comment></reason>";
        var xml = AggregateXml.Report(records: [AggregateXml.Record("192.0.2.1", 1, reasons: reason)]);

        var result = await CliRun.WithInput(Encoding.UTF8.GetBytes(xml), "parse", "--format", "csv", "-");

        Assert.Contains(",local_policy,\"arc=pass, said \"\"the list\"\"\nsecond line\",example.com,", result.Out);
    }

    [Fact]
    public async Task Inputs_without_a_report_go_to_standard_error()
    {
        var result = await CliRun.WithInput("not a report"u8.ToArray(), "parse", "--format", "csv", "-");

        Assert.Equal(ExitCodes.SomeUnreadable, result.ExitCode);
        Assert.Equal(string.Join(',', RecordCsvWriter.Columns) + "\r\n", result.Out);
        Assert.StartsWith("dmarc: not a report: -: ", result.Error);
    }
}
