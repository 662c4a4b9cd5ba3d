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
    public void Gzip_of_several_members_is_read_whole()
    {
        // RFC 1952 2.2: a gzip file is a series of members; the report is their concatenation.
        var xml = Utf8(Feedback(metadata: Metadata(reportId: "members-1"), records: Records(5)));
        var cut = xml.Length / 3;

        var report = Read.SingleReport([.. Gzip(xml[..cut]), .. Gzip(xml[cut..])]);

        Assert.Equal("members-1", report.Metadata.ReportId);
        Assert.Equal(5, report.RecordCount);
    }

    public static TheoryData<string, int> Cuts() => new()
    {
        { "in its header", 6 },
        { "in its compressed data", -300 },
        { "just before its end", -1 },
        { "in its checksum", -6 },
    };

    [Theory]
    [MemberData(nameof(Cuts))]
    public void A_gzip_cut_short_is_invalid_because_truncated_even_when_the_report_would_be_readable(string where, int at)
    {
        // Decided: a report cut in transit is retryable; keeping the records read so far under the report's key
        // would lose the rest for good.
        var gzip = Gzip(Utf8(Feedback(records: Records(200))));
        var length = at > 0 ? at : gzip.Length + at;

        var invalid = Read.Single<InvalidReport>(Read.All(gzip[..length]));

        Assert.True(invalid.Reason.Contains("gzip stream is truncated", StringComparison.Ordinal), $"cut {where}: {invalid.Reason}");
    }

    [Fact]
    public void A_gzip_whose_second_member_is_cut_short_is_invalid()
    {
        var xml = Utf8(Feedback(records: Records(100)));
        var second = Gzip(xml[100..]);

        var invalid = Read.Single<InvalidReport>(Read.All([.. Gzip(xml[..100]), .. second[..(second.Length / 2)]]));

        Assert.Contains("gzip stream is truncated", invalid.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-200)]
    [InlineData(-1)]
    public void A_zlib_stream_cut_short_is_invalid_because_truncated(int at)
    {
        var zlib = Zlib(Utf8(Feedback(records: Records(200))));

        var invalid = Read.Single<InvalidReport>(Read.All(zlib[..(zlib.Length + at)]));

        Assert.Contains("zlib stream is truncated", invalid.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(-22)]
    [InlineData(-1)]
    public void A_zip_cut_short_is_invalid_because_truncated(int denominatorOrCut)
    {
        var zip = Zip(("report.xml", Utf8(Feedback(records: Records(200)))));
        var length = denominatorOrCut > 0 ? zip.Length / denominatorOrCut : zip.Length + denominatorOrCut;

        var invalid = Read.Single<InvalidReport>(Read.All(zip[..length]));

        Assert.Contains("zip archive is truncated", invalid.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_gzip_in_a_mail_is_invalid_and_leaves_the_report_next_to_it_alone()
    {
        var mail = MailText.Mixed(
            MailText.Base64Attachment("application/gzip", "r.xml.gz", Gzip(Report)),
            MailText.Base64Attachment("application/gzip", "cut.xml.gz", Gzip(Utf8(Feedback(records: Records(50))))[..200]));

        var outcomes = Read.All(MailText.Lf(mail));

        Assert.Equal("packed-1", outcomes.OfType<AggregateReportParsed>().Single().Report.Metadata.ReportId);
        Assert.Contains("truncated", Assert.Single(outcomes.OfType<InvalidReport>()).Reason, StringComparison.Ordinal);
    }
}
