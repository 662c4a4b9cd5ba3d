using static Dmarc.Reports.Tests.Support.ReportXml;

namespace Dmarc.Reports.Tests.Parsing;

/// <summary>Values and document shapes seen in the wild that have broken other tools.</summary>
public sealed class OddShapesTests
{
    [Theory]
    [InlineData("&lt;5f2a9c@receiver.example&gt;")]
    [InlineData("<![CDATA[<5f2a9c@receiver.example>]]>")]
    public void A_report_id_in_angle_brackets_loses_the_brackets(string written)
    {
        var report = Read.SingleReport(Feedback(metadata: Metadata(reportId: written)));

        Assert.Equal("5f2a9c@receiver.example", report.Metadata.ReportId);
    }

    [Fact]
    public void Numbers_padded_with_whitespace_are_read()
    {
        var xml = Feedback(
            metadata: Metadata(begin: "\n        1700006400\n      ", end: " 1700092799 "),
            policy: Policy(pct: " 100 "),
            records: Record(count: "\n  12\t"));

        var report = Read.SingleReport(xml);

        Assert.Equal(ReportPeriod.FromUnixSeconds(1700006400, 1700092799), report.Metadata.Period);
        Assert.Equal(100, report.Policy.Pct);
        Assert.Equal(12, Assert.Single(report.Records).Count);
    }

    [Theory]
    [InlineData("2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1")]
    [InlineData("2001:DB8::AB", "2001:db8::ab")]
    [InlineData(" 2a00:1450:4864:20::22f ", "2a00:1450:4864:20::22f")]
    [InlineData("192.0.2.55", "192.0.2.55")]
    public void Source_ips_are_kept_in_canonical_form(string written, string canonical)
    {
        var record = Read.SingleRecord(Feedback(records: Record(sourceIp: written)));

        Assert.Equal(canonical, record.SourceIp);
    }

    [Fact]
    public void An_empty_source_ip_keeps_the_record()
    {
        var record = Read.SingleRecord(Feedback(records: Record(sourceIp: "", count: "5")));

        Assert.Equal("", record.SourceIp);
        Assert.Equal(5, record.Count);
    }

    [Fact]
    public void A_report_without_version_is_the_pre_rfc_draft()
    {
        var report = Read.SingleReport(Feedback(version: null, records: Records(2)));

        Assert.Null(report.SchemaVersion);
        Assert.Equal(2, report.RecordCount);
        Assert.Equal("Example Receiver", report.Metadata.OrgName);
    }

    [Fact]
    public void A_version_after_the_records_is_still_the_schema_version()
    {
        var report = Read.SingleReport(Feedback(version: null, records: Records(2), afterRecords: "  <version>1.0</version>\n"));

        Assert.Equal("1.0", report.SchemaVersion);
        Assert.Equal(2, report.RecordCount);
    }

    [Fact]
    public void A_version_inside_report_metadata_does_not_disturb_the_report()
    {
        var report = Read.SingleReport(Feedback(version: null, metadata: Metadata(reportId: "v-inside", extra: "      <version>1.0</version>\n"), records: Records(3)));

        Assert.Equal("v-inside", report.Metadata.ReportId);
        Assert.Equal("Example Receiver", report.Metadata.OrgName);
        Assert.Equal(3, report.RecordCount);
    }

    [Fact]
    public void Of_several_policy_published_the_first_is_the_policy_and_no_record_is_lost()
    {
        var xml = Feedback(
            policy: Policy(domain: "example.com", p: "reject") + Policy(domain: "other.example", p: "none"),
            records: Records(3));

        var report = Read.SingleReport(xml);

        Assert.Equal("example.com", report.Policy.Domain);
        Assert.Equal(DomainPolicy.Reject, report.Policy.P);
        Assert.Equal(3, report.RecordCount);
    }

    [Fact]
    public void A_bad_record_is_dropped_with_an_error_and_the_others_are_kept()
    {
        var xml = Feedback(records:
            Record(sourceIp: "192.0.2.1", count: "2")
            + Record(sourceIp: "192.0.2.66", count: "abc")
            + Record(sourceIp: "192.0.2.3", count: "5"));

        var outcomes = Read.All(xml);

        var report = Read.SingleParsed(outcomes).Report;
        Assert.Equal(["192.0.2.1", "192.0.2.3"], report.Records.Select(r => r.SourceIp));
        Assert.Equal(2, report.RecordCount);
        Assert.Equal(7, report.Records.Sum(r => r.Count));
        var error = Assert.Single(report.Errors, e => e.Source == ReportErrorSource.Record);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Extension_and_unknown_elements_are_ignored()
    {
        var xml = Feedback(
            metadata: Metadata(extra: "      <x-vendor-note>ignore me</x-vendor-note>\n"),
            records: Record(count: "6", extra: "    <extension><vendor:score xmlns:vendor=\"urn:vendor\">0.7</vendor:score></extension>\n"),
            afterRecords: "  <extension><other><deeper>text</deeper></other></extension>\n");

        var report = Read.SingleReport(xml);

        Assert.Equal(6, Assert.Single(report.Records).Count);
        Assert.Empty(report.Errors);
    }
}
