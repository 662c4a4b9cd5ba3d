using static Dmarc.Reports.Tests.Support.Containers;
using static Dmarc.Reports.Tests.Support.ReportXml;

namespace Dmarc.Reports.Tests.Detection;

/// <summary>Reports arrive compressed in every way; what they are is decided by their bytes, never by a name.</summary>
public sealed class CompressionTests
{
    private static readonly byte[] Report = Utf8(Feedback(metadata: Metadata(reportId: "packed-1"), records: Records(3)));

    [Fact]
    public void Gzip_is_read()
    {
        var report = Read.SingleReport(Gzip(Report));

        Assert.Equal("packed-1", report.Metadata.ReportId);
        Assert.Equal(3, report.RecordCount);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n\n\n")]
    [InlineData("\0\0\0\0")]
    public void Gzip_with_trailing_bytes_is_read(string trailing)
    {
        // Mimecast sends gzip attachments with a line break after the end of the gzip stream.
        var report = Read.SingleReport([.. Gzip(Report), .. System.Text.Encoding.ASCII.GetBytes(trailing)]);

        Assert.Equal("packed-1", report.Metadata.ReportId);
        Assert.Equal(3, report.RecordCount);
    }

    [Fact]
    public void Gzip_in_gzip_is_read()
    {
        var report = Read.SingleReport(Gzip(Gzip(Report)));

        Assert.Equal("packed-1", report.Metadata.ReportId);
        Assert.Equal(3, report.RecordCount);
    }

    [Fact]
    public void Raw_zlib_is_read()
    {
        // AOL's old reports: a zlib stream, neither gzip nor zip.
        var report = Read.SingleReport(Zlib(Report));

        Assert.Equal("packed-1", report.Metadata.ReportId);
        Assert.Equal(3, report.RecordCount);
    }

    [Fact]
    public void Zip_is_read()
    {
        var parsed = Read.SingleParsed(Read.All(Zip(("receiver.example!example.com!1700006400!1700092799.xml", Report))));

        Assert.Equal("packed-1", parsed.Report.Metadata.ReportId);
        Assert.Equal(3, parsed.Report.RecordCount);
        Assert.Contains("receiver.example!example.com!1700006400!1700092799.xml", parsed.Part, StringComparison.Ordinal);
    }

    [Fact]
    public void Zip_with_two_reports_gives_two_outcomes()
    {
        var first = Utf8(Feedback(metadata: Metadata(reportId: "zip-a"), records: Records(2)));
        var second = Utf8(Feedback(metadata: Metadata(reportId: "zip-b"), records: Records(4)));

        var outcomes = Read.All(Zip(("a.xml", first), ("b.xml", second)));

        Assert.Equal(2, outcomes.Count);
        var reports = outcomes.Select(o => Assert.IsType<AggregateReportParsed>(o)).ToList();
        Assert.Equal(["zip-a", "zip-b"], reports.Select(r => r.Report.Metadata.ReportId).Order());
        Assert.Equal(2, reports.Single(r => r.Report.Metadata.ReportId == "zip-a").Report.RecordCount);
        Assert.Equal(4, reports.Single(r => r.Report.Metadata.ReportId == "zip-b").Report.RecordCount);
        Assert.All(reports, r => Assert.Equal(Read.Source, r.Source));
    }

    [Fact]
    public void Zip_with_a_report_and_a_readme_gives_just_the_report()
    {
        var outcomes = Read.All(Zip(("README.txt", "Aggregate report attached."u8.ToArray()), ("r.xml.gz", Gzip(Report))));

        Assert.Equal("packed-1", Read.SingleParsed(outcomes).Report.Metadata.ReportId);
    }

    [Fact]
    public void A_gzip_cut_short_is_invalid_with_a_reason()
    {
        var gzip = Gzip(Utf8(Feedback(records: Records(200))));

        var outcomes = Read.All(gzip[..(gzip.Length / 2)]);

        Assert.NotEmpty(outcomes);
        Assert.DoesNotContain(outcomes, o => o is NotAReport);
        var invalid = outcomes.OfType<InvalidReport>().ToList();
        var parsed = outcomes.OfType<AggregateReportParsed>().ToList();
        // Either the whole report is invalid, or what could be read is kept with the problem recorded.
        Assert.True(
            invalid.Any(i => i.Reason.Length > 0) || parsed.Any(p => p.Report.Errors.Count > 0),
            $"a truncated gzip must be invalid or carry an error, got: {Read.Describe(outcomes)}");
    }
}
