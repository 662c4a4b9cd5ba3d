using System.Text;
using static Dmarc.Reports.Tests.Support.ReportXml;

namespace Dmarc.Reports.Tests.Parsing;

/// <summary>Reports come with and without declaration and BOM, in windows-1252, and with bytes that are not UTF-8.</summary>
public sealed class EncodingTests
{
    [Theory]
    [InlineData(Declaration)]
    [InlineData("")]
    public void A_report_with_a_utf8_bom_is_read(string declaration)
    {
        // EF BB BF, then the report: with or without an XML declaration.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Utf8(Feedback(declaration: declaration, records: Records(2)))).ToArray();

        var report = Read.SingleReport(bytes);

        Assert.Equal("Example Receiver", report.Metadata.OrgName);
        Assert.Equal(2, report.RecordCount);
    }

    [Theory]
    [InlineData("utf-16LE")]
    [InlineData("utf-16BE")]
    public void A_utf16_report_with_a_bom_is_read(string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var xml = Feedback(declaration: """<?xml version="1.0" encoding="UTF-16"?>""", metadata: Metadata(orgName: "Empfänger Mail"), records: Records(2));
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes(xml)];

        var report = Read.SingleReport(bytes);

        Assert.Equal("Empfänger Mail", report.Metadata.OrgName);
        Assert.Equal(2, report.RecordCount);
    }

    [Fact]
    public void A_report_without_xml_declaration_is_read()
    {
        var report = Read.SingleReport(Feedback(declaration: "", records: Records(2)));

        Assert.Equal("report-1", report.Metadata.ReportId);
        Assert.Equal(2, report.RecordCount);
    }

    [Fact]
    public void A_report_with_an_odd_declaration_is_read()
    {
        var report = Read.SingleReport(Feedback(declaration: "<?xml version=\"1.0\" ?>  ", records: Records(1)));

        Assert.Equal(1, report.RecordCount);
    }

    [Fact]
    public void A_windows_1252_report_is_decoded_as_windows_1252()
    {
        // 0xFC is ü and 0x80 is € in windows-1252; neither is valid UTF-8 on its own.
        var xml = Feedback(declaration: """<?xml version="1.0" encoding="windows-1252"?>""", metadata: Metadata(orgName: "B\u00fccher \u20ac Versand"));
        var bytes = Latin1WithEuro(xml);

        var report = Read.SingleReport(bytes);

        Assert.Equal("B\u00fccher \u20ac Versand", report.Metadata.OrgName);
        Assert.Equal(1, report.RecordCount);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_do_not_lose_the_report()
    {
        // A stray windows-1252 quote (0x91) in a report that says it is UTF-8, as in parsedmarc's invalid_utf_8.xml.
        var xml = Feedback(metadata: Metadata(orgName: "Acme QUOTE Mail", reportId: "bad-bytes-1"), records: Records(2));
        var bytes = Utf8(xml);
        var at = IndexOf(bytes, Utf8("QUOTE"));
        bytes = [.. bytes[..at], 0x91, .. bytes[(at + "QUOTE".Length)..]];

        var report = Read.SingleReport(bytes);

        Assert.StartsWith("Acme", report.Metadata.OrgName, StringComparison.Ordinal);
        Assert.EndsWith("Mail", report.Metadata.OrgName, StringComparison.Ordinal);
        Assert.Equal("bad-bytes-1", report.Metadata.ReportId);
        Assert.Equal(2, report.RecordCount);
    }

    private static byte[] Latin1WithEuro(string text) =>
        [.. text.Select(c => c == '\u20ac' ? (byte)0x80 : checked((byte)c))];

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
