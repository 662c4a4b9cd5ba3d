using System.Text.Json.Nodes;
using MimeKit;
using static Dmarc.Reports.Tests.Tls.TlsFixtures;

namespace Dmarc.Reports.Tests.Tls;

/// <summary>
/// TLS reports arrive by mail as RFC 8460 section 5.3 describes (multipart/report; report-type=tlsrpt), in parts
/// typed <c>application/tlsrpt+gzip</c>, <c>application/tlsrpt+json</c>, or a bare <c>application/tlsrpt</c>.
/// </summary>
public sealed class TlsMailTests
{
    [Fact]
    public void Reports_in_json_gzip_and_bare_tlsrpt_parts_of_one_mail_are_all_read()
    {
        var mail = ReportMail(
            Part("tlsrpt+json", "first.json", Bytes(ReportFor("first"))),
            Part("tlsrpt+gzip", "second.json.gz", Containers.Gzip(Bytes(ReportFor("second")))),
            Part("tlsrpt", "third.json", Bytes(ReportFor("third"))));

        var outcomes = Support.Read.All(mail);

        var reports = outcomes.OfType<TlsReportParsed>().ToList();
        Assert.True(reports.Count == 3 && outcomes.Count == 3, $"expected three TLS reports, got: {Describe(outcomes)}");
        Assert.Equal(["first", "second", "third"], reports.Select(parsed => parsed.Report.ReportId));
        Assert.Equal(["first.json", "second.json.gz", "third.json"], reports.Select(parsed => parsed.Part));
        Assert.All(reports, parsed => Assert.Equal(2, parsed.Report.Policies.Count));
    }

    [Fact]
    public void A_broken_report_in_a_mail_is_invalid_and_the_good_one_beside_it_is_read()
    {
        var broken = Bytes(ReportFor("broken"));
        var mail = ReportMail(
            Part("tlsrpt+gzip", "good.json.gz", Containers.Gzip(Bytes(ReportFor("good")))),
            Part("tlsrpt+json", "broken.json", broken[..(broken.Length / 2)]));

        var outcomes = Support.Read.All(mail);

        Assert.True(outcomes is [TlsReportParsed { Report.ReportId: "good" }, InvalidReport { Part: "broken.json" }],
            $"expected the good report and the broken one as invalid, got: {Describe(outcomes)}");
    }

    [Fact]
    public void A_mail_with_only_its_text_part_holds_no_report()
    {
        var outcome = Support.Read.Single<NotAReport>(Support.Read.All(ReportMail()));

        Assert.Contains("text/plain", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_TLS_report_beside_a_DMARC_aggregate_report_in_one_mail_are_both_read()
    {
        var aggregate = new MimePart("application", "gzip")
        {
            Content = new MimeContent(new MemoryStream(Containers.Gzip(System.Text.Encoding.UTF8.GetBytes(ReportXml.Feedback())))),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = "aggregate.xml.gz",
        };

        var outcomes = Support.Read.All(ReportMail(aggregate, Part("tlsrpt+gzip", "tls.json.gz", Containers.Gzip(Bytes(ReportFor("tls"))))));

        Assert.True(outcomes is [AggregateReportParsed, TlsReportParsed], $"expected an aggregate and a TLS report, got: {Describe(outcomes)}");
    }

    private static JsonObject ReportFor(string reportId)
    {
        var json = Report();
        json["report-id"] = reportId;
        return json;
    }

    private static MimePart Part(string subtype, string fileName, byte[] content) => new("application", subtype)
    {
        Content = new MimeContent(new MemoryStream(content)),
        ContentTransferEncoding = ContentEncoding.Base64,
        FileName = fileName,
    };

    /// <summary>A TLS report mail as RFC 8460 5.3 shapes it: a human-readable part, then the reports.</summary>
    private static byte[] ReportMail(params MimeEntity[] reports)
    {
        var body = new Multipart("report");
        body.ContentType.Parameters.Add("report-type", "tlsrpt");
        body.Add(new TextPart("plain") { Text = "This is an aggregate TLS report from sender.example" });
        foreach (var report in reports)
        {
            body.Add(report);
        }

        var message = new MimeMessage { Subject = "Report Domain: recipient.example Submitter: sender.example Report-ID: <r-1>", Body = body };
        message.From.Add(new MailboxAddress("TLS reporting", "noreply-tls@sender.example"));
        message.To.Add(new MailboxAddress("", "tlsrpt@recipient.example"));
        message.Headers.Add("TLS-Report-Domain", "recipient.example");
        message.Headers.Add("TLS-Report-Submitter", "sender.example");

        using var bytes = new MemoryStream();
        message.WriteTo(bytes);
        return bytes.ToArray();
    }
}
