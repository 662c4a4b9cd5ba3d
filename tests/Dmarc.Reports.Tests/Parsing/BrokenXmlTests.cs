using static Dmarc.Reports.Tests.Support.ReportXml;

namespace Dmarc.Reports.Tests.Parsing;

/// <summary>
/// XML that is not well-formed, but whose report can still be read: the report is kept, and what was wrong is in
/// <see cref="AggregateReport.Errors"/>.
/// </summary>
public sealed class BrokenXmlTests
{
    [Fact]
    public void An_unescaped_angle_bracket_in_a_value_keeps_the_report_and_records_an_xml_error()
    {
        // As in parsedmarc's invalid_xml.xml: <email><bad-xml@bad-xml.net></email>.
        var xml = Feedback(
            metadata: Metadata(orgName: "Example Receiver", email: "<reports@receiver.example>", reportId: "broken-1"),
            records: Records(2));

        var report = Read.SingleReport(xml);

        Assert.Equal("Example Receiver", report.Metadata.OrgName);
        Assert.Equal("broken-1", report.Metadata.ReportId);
        Assert.Equal(["192.0.2.1", "192.0.2.2"], report.Records.Select(r => r.SourceIp));
        Assert.Contains(report.Errors, error => error.Source == ReportErrorSource.Xml && error.Message.Length > 0);
    }

    [Fact]
    public void An_unescaped_ampersand_in_a_value_keeps_the_report_and_records_an_xml_error()
    {
        var report = Read.SingleReport(Feedback(metadata: Metadata(orgName: "Smith & Sons Mail", reportId: "amp-1"), records: Records(2)));

        Assert.Equal("amp-1", report.Metadata.ReportId);
        Assert.Equal(2, report.RecordCount);
        Assert.Contains(report.Errors, error => error.Source == ReportErrorSource.Xml);
    }

    [Fact]
    public void A_truncated_report_keeps_its_complete_records_and_records_an_xml_error()
    {
        var whole = Feedback(metadata: Metadata(reportId: "cut-1"), records: Records(3));
        var cut = whole.IndexOf("<source_ip>192.0.2.3", StringComparison.Ordinal) + "<source_ip>192.0".Length;

        var report = Read.SingleReport(whole[..cut]);

        Assert.Equal("cut-1", report.Metadata.ReportId);
        // The third record lost its count and everything after its first characters: there is nothing to count.
        Assert.Equal(["192.0.2.1", "192.0.2.2"], report.Records.Select(r => r.SourceIp));
        Assert.Contains(report.Errors, error => error.Source == ReportErrorSource.Xml);
    }

    [Fact]
    public void A_record_cut_off_after_its_count_is_not_counted_and_is_named_in_the_errors()
    {
        var whole = Feedback(metadata: Metadata(reportId: "cut-2"), records: Records(3));
        var thirdRecord = whole.IndexOf("<source_ip>192.0.2.3", StringComparison.Ordinal);
        var cut = whole.IndexOf("<auth_results>", thirdRecord, StringComparison.Ordinal);

        var report = Read.SingleReport(whole[..cut]);

        // Its count and identifiers were read, but the rest of it was lost: a partial record would skew statistics.
        Assert.Equal(["192.0.2.1", "192.0.2.2"], report.Records.Select(r => r.SourceIp));
        Assert.Contains(report.Errors, error => error.Source == ReportErrorSource.Record && error.Message.Contains("record 3", StringComparison.Ordinal));
    }

    [Fact]
    public void A_report_cut_off_before_its_first_complete_record_is_invalid_so_it_can_be_retried()
    {
        var whole = Feedback(metadata: Metadata(reportId: "cut-3"), records: Records(2));
        var cut = whole.IndexOf("<auth_results>", StringComparison.Ordinal);

        var outcome = Assert.Single(Read.All(whole[..cut]));

        var invalid = Assert.IsType<InvalidReport>(outcome);
        Assert.Contains("before its first complete record", invalid.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stray_schema_tag_before_the_feedback_keeps_the_report()
    {
        // As in parsedmarc's ikea.com report: an unclosed <xs:schema> wraps the whole document.
        var xml = Feedback(
            declaration: """<?xml version="1.0"?> <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://dmarc.org/dmarc-xml/0.1">""",
            metadata: Metadata(orgName: "ikea.example", reportId: "schema-1"),
            records: Records(2));

        var outcomes = Read.All(xml);

        var report = Read.SingleParsed(outcomes).Report;
        Assert.Equal(("ikea.example", "schema-1"), (report.Metadata.OrgName, report.Metadata.ReportId));
        Assert.Equal(2, report.RecordCount);
    }
}
