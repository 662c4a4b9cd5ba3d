using System.Security.Cryptography;
using System.Text;
using static Dmarc.Reports.Tests.Support.Containers;
using static Dmarc.Reports.Tests.Support.MailText;
using static Dmarc.Reports.Tests.Support.ReportXml;

namespace Dmarc.Reports.Tests.Limits;

/// <summary>
/// Mails made to cost or to fool: thousands of parts, nesting far past any real mail, a 200 MB attachment, file
/// names that inject headers or climb paths, bytes that are not UTF-8, charsets that lie. Each ends in a typed
/// outcome in bounded time and memory, and every part name reported is printable and safe.
/// </summary>
public sealed class HostileMailTests
{
    private static readonly byte[] GzippedReport = Gzip(Utf8(Feedback(metadata: Metadata(reportId: "mailed-1"), records: Records(2))));

    [Fact]
    public void A_mail_with_thousands_of_parts_is_invalid()
    {
        var parts = Enumerable.Range(1, 5000).Select(i => $"Content-Type: text/plain\n\npart {i}\n").ToArray();

        var cost = Cost.OfReading(Lf(Mixed(parts))).Within(Cost.Seconds10, 256 * Cost.MiB);

        cost.SingleInvalid("MaxMimeParts");
    }

    [Fact]
    public void Multiparts_nested_ten_thousand_deep_end_in_bounded_time_and_memory()
    {
        const int depth = 10_000;
        var mail = new StringBuilder(Headers).Append('\n');
        for (var i = 0; i < depth; i++)
        {
            mail.Append($"Content-Type: multipart/mixed; boundary=\"b{i}\"\n\n--b{i}\n");
        }

        mail.Append(Base64Attachment("application/gzip", "deep.xml.gz", GzippedReport));
        for (var i = depth - 1; i >= 0; i--)
        {
            mail.Append($"--b{i}--\n");
        }

        var cost = Cost.OfReading(Lf(mail.ToString())).Within(Cost.Seconds10, 256 * Cost.MiB);

        // Past MimeKit's nesting limit the rest is one opaque part: not a report, but never an exception or a hang.
        var outcome = Assert.Single(cost.Outcomes);
        Assert.True(outcome is NotAReport or InvalidReport, Read.Describe(cost.Outcomes));
    }

    [Fact]
    public void Mails_attached_to_mails_two_hundred_deep_end_in_bounded_time_and_memory()
    {
        var mail = Mixed(Base64Attachment("application/gzip", "deep.xml.gz", GzippedReport));
        for (var i = 0; i < 200; i++)
        {
            mail = Mixed("Content-Type: message/rfc822\n\n" + mail);
        }

        var cost = Cost.OfReading(Lf(mail)).Within(Cost.Seconds10, 512 * Cost.MiB);

        Assert.NotEmpty(cost.Outcomes);
        Assert.DoesNotContain(cost.Outcomes, o => o is AggregateReportParsed);
        Assert.All(cost.Outcomes, o => Assert.True(o.Part is null || ReaderPromises.IsSafePartName(o.Part)));
    }

    [Fact]
    public void A_200_MB_attachment_is_read_in_flat_memory()
    {
        // Streamed from a generator: the mail (270 MB of base64) never exists in memory, and neither may its part.
        const int lines = 200 * 1024 * 1024 / 57;
        var line = Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(57)) + "\n");
        var mail = GeneratedInput.Of(
            Lf(Headers + "\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nSee attachment.\n--b\n"
                + "Content-Type: application/octet-stream; name=\"big.bin\"\nContent-Transfer-Encoding: base64\n\n"),
            GeneratedInput.Repeat(line, lines),
            Lf("--b--\n"));

        var cost = Cost.OfReading(mail, new ReportLimits { MaxInputBytes = 512 * Cost.MiB }).Within(TimeSpan.FromSeconds(60), 64 * Cost.MiB);

        var notAReport = Read.Single<NotAReport>(cost.Outcomes);
        Assert.Contains("application/octet-stream", notAReport.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzipped_mail_with_a_large_attachment_is_read_in_flat_memory()
    {
        // A mail that comes out of a decompressor cannot be parsed in place: it is spooled, not held in memory.
        var line = "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB\n";
        var body = new StringBuilder(Headers + "\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nSee attachment.\n--b\n"
            + "Content-Type: application/octet-stream; name=\"big.bin\"\nContent-Transfer-Encoding: base64\n\n");
        body.Insert(body.Length, line, 40 * 1024 * 1024 / line.Length).Append("--b--\n");
        var gzippedMail = Gzip(Lf(body.ToString()));

        var cost = Cost.OfReading(gzippedMail).Within(Cost.Seconds10, 32 * Cost.MiB);

        var notAReport = Read.Single<NotAReport>(cost.Outcomes);
        Assert.Contains("application/octet-stream", notAReport.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_large_attachment_in_undeclared_base64_is_decoded_in_flat_memory()
    {
        // No Content-Transfer-Encoding: 13 MB of base64 text, recognised and decoded as a stream. Each of the two
        // spools (text, decoded) allocates up to twice its 4 MiB of memory before it moves to a file.
        var report = Gzip(Utf8(Feedback(metadata: Metadata(reportId: "undeclared-1"), records: Records(3))));
        var padding = RandomNumberGenerator.GetBytes(10 * 1024 * 1024);
        var text = Base64Lines([.. report, .. padding]);
        var mail = Lf(Mixed($"Content-Type: application/gzip; name=\"r.xml.gz\"\n\n{text}\n"));

        var cost = Cost.OfReading(mail).Within(Cost.Seconds10, 32 * Cost.MiB);

        // The gzip member ends before the random bytes: they are trailing garbage, and the report is read.
        Assert.Equal("undeclared-1", Read.SingleParsed(cost.Outcomes).Report.Metadata.ReportId);
    }

    public static TheoryData<string, string> HostileFileNames() => new()
    {
        { "filename=\"../../etc/passwd\"", "etc/passwd" },
        { "filename=\"..\\\\..\\\\windows\\\\win.ini\"", "windows/win.ini" },
        { "filename=\"/etc/shadow\"", "etc/shadow" },
        { "filename*=UTF-8''report.xml.gz%0D%0AX-Injected%3A%20yes", "report.xml.gzX-Injected: yes" },
        { "filename=\"=?UTF-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes("r\r\nBcc: victim@example\0.xml.gz")) + "?=\"", "rBcc: victim@example.xml.gz" },
        { "filename=\"evil\u202Ezg.lmx.gz\"", "evilzg.lmx.gz" },
        { "filename=\"red\u001B[31m\u0007.xml.gz\"", "red[31m.xml.gz" },
        { "filename=\"../..\"", "part 2 (application/gzip)" },
        { "filename=\"" + new string('a', 10_000) + ".xml.gz\"", new string('a', 200) },
    };

    [Theory]
    [MemberData(nameof(HostileFileNames))]
    public void A_hostile_file_name_becomes_a_printable_part_name_that_climbs_no_path(string disposition, string expected)
    {
        var mail = Mixed(
            "Content-Type: application/gzip\nContent-Transfer-Encoding: base64\n"
            + $"Content-Disposition: attachment; {disposition}\n\n" + Base64Lines(GzippedReport));

        var sink = ReaderPromises.ReadAndCheck(Lf(mail));

        var parsed = Assert.IsType<AggregateReportParsed>(Assert.Single(sink.Outcomes));
        Assert.Equal(expected, parsed.Part);
        Assert.Equal("mailed-1", parsed.Report.Metadata.ReportId);
    }

    [Fact]
    public void A_zip_entry_named_to_climb_a_path_is_reported_under_a_safe_name()
    {
        var zip = Zip(("../../../etc/cron.d/evil.xml", Utf8(Feedback())), ("a/\u0000b/\u001B.xml", Utf8(Feedback(metadata: Metadata(reportId: "second")))));

        var sink = ReaderPromises.ReadAndCheck(zip);

        Assert.Equal(["a/b/.xml", "etc/cron.d/evil.xml"], sink.Outcomes.Select(o => o.Part).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Bytes_that_are_not_utf8_in_headers_and_file_names_give_printable_names_and_reasons()
    {
        var head = "From: =?utf-8?B?/w==?= <a@b.example>\nTo: d@example.com\nSubject: Report \u00FF\u00FE\u00C0\u00AF\u0001 domain\n"
            + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\n"
            + "Content-Type: application/gzip; name=\"r\u00FF\u00FE\u00C3.xml.gz\"\nContent-Transfer-Encoding: base64\n"
            + "Content-Disposition: attachment; filename=\"r\u00FF\u00FE\u00C3.xml.gz\"\n\n" + Base64Lines(GzippedReport) + "\n"
            + "--b\nContent-Type: text/plain; name=\"\u0080\u0081.txt\"\n\nnot a report\n--b--\n";
        var mail = Encoding.Latin1.GetBytes(head.ReplaceLineEndings("\n"));

        var sink = ReaderPromises.ReadAndCheck(mail);

        var parsed = Assert.IsType<AggregateReportParsed>(Assert.Single(sink.Outcomes));
        Assert.StartsWith("r", parsed.Part, StringComparison.Ordinal);
        Assert.EndsWith(".xml.gz", parsed.Part, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mail_that_is_not_a_report_with_hostile_headers_gives_a_printable_reason()
    {
        var mail = Encoding.Latin1.GetBytes(("From: x@y.example\nSubject: =?UTF-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes("Hi\r\n\u001B[2J\u202Etxet"))
            + "?= \u00FF\u00FE\nMIME-Version: 1.0\nContent-Type: text/plain; charset=\"utf-8\"\n\nhello \u00FF\n").ReplaceLineEndings("\n"));

        var sink = ReaderPromises.ReadAndCheck(mail);

        var notAReport = Assert.IsType<NotAReport>(Assert.Single(sink.Outcomes));
        Assert.Contains("Hi", notAReport.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/xml; charset=utf-16")]
    [InlineData("text/xml; charset=iso-2022-jp")]
    [InlineData("text/xml; charset=x-no-such-charset")]
    [InlineData("application/pdf")]
    public void A_mail_part_whose_declared_type_or_charset_lies_is_read_by_its_bytes(string contentType)
    {
        var xml = Feedback(metadata: Metadata(orgName: "Empfänger", reportId: "lying-1"));
        var mail = Mixed($"Content-Type: {contentType}; name=\"r.xml\"\nContent-Transfer-Encoding: 8bit\n\n{xml}");

        var report = Read.SingleReport(Lf(mail));

        Assert.Equal("lying-1", report.Metadata.ReportId);
        Assert.Equal("Empfänger", report.Metadata.OrgName);
    }

    [Theory]
    [InlineData("UTF-16")]
    [InlineData("UTF-32")]
    [InlineData("ISO-2022-JP")]
    [InlineData("IBM037")]
    [InlineData("x-no-such-charset")]
    public void A_report_whose_xml_declaration_lies_about_its_encoding_ends_typed(string declared)
    {
        var xml = Feedback(declaration: $"<?xml version=\"1.0\" encoding=\"{declared}\"?>", metadata: Metadata(orgName: "Empfänger"));

        var sink = ReaderPromises.ReadAndCheck(Utf8(xml));

        // Read as declared, UTF-8 is garbage for most of these; what counts is a typed outcome with a reason.
        Assert.Single(sink.Outcomes);
    }
}
