using static Dmarc.Reports.Tests.Support.MailText;

namespace Dmarc.Reports.Tests.Detection;

/// <summary>What is no report at all ends as <see cref="NotAReport"/> with a reason, so that it stays out of the statistics.</summary>
public sealed class NotAReportTests
{
    [Fact]
    public void Random_bytes_are_not_a_report()
    {
        var bytes = new byte[4096];
        new Random(20231116).NextBytes(bytes);

        var outcome = Read.Single<NotAReport>(Read.All(bytes));

        Assert.False(string.IsNullOrWhiteSpace(outcome.Reason));
    }

    [Fact]
    public void A_newsletter_mail_is_not_a_report()
    {
        var mail = """
            From: Example Shop <news@shop.example>
            To: customer@example.com
            Subject: Our autumn sale starts today
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="=_news"

            --=_news
            Content-Type: text/plain; charset=UTF-8

            Everything 20% off this week. Visit https://shop.example/sale
            --=_news
            Content-Type: text/html; charset=UTF-8

            <html><body><h1>Autumn sale</h1><p>Everything 20% off this week.</p></body></html>
            --=_news--

            """;

        var outcomes = Read.All(Crlf(mail));

        Assert.NotEmpty(outcomes);
        Assert.All(outcomes, outcome => Assert.False(string.IsNullOrWhiteSpace(Assert.IsType<NotAReport>(outcome).Reason)));
    }

    [Fact]
    public void A_mail_whose_only_attachment_is_empty_is_not_a_report()
    {
        var mail = Mixed("Content-Type: application/gzip; name=\"report.xml.gz\"\nContent-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=\"report.xml.gz\"\n\n");

        var outcomes = Read.All(Lf(mail));

        Assert.NotEmpty(outcomes);
        Assert.DoesNotContain(outcomes, outcome => outcome is AggregateReportParsed);
    }

    [Fact]
    public void A_mail_body_that_just_says_unused_is_not_a_report()
    {
        var outcomes = Read.All(Lf(Headers + "\nContent-Type: text/plain\n\nunused\n"));

        Assert.NotEmpty(outcomes);
        Assert.All(outcomes, outcome => Assert.IsType<NotAReport>(outcome));
    }

    [Fact]
    public void A_json_document_that_is_not_a_report_is_not_a_report()
    {
        var outcomes = Read.All("""{ "event": "newsletter.opened", "user": 42, "tags": ["autumn", "sale"] }""");

        var outcome = Read.Single<NotAReport>(outcomes);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Reason));
    }

    [Fact]
    public void An_xml_document_that_is_not_a_report_is_not_a_report()
    {
        var outcome = Read.Single<NotAReport>(Read.All("""<?xml version="1.0"?><rss version="2.0"><channel><title>News</title></channel></rss>"""));

        Assert.False(string.IsNullOrWhiteSpace(outcome.Reason));
    }

    [Fact]
    public void An_empty_input_is_not_read_as_a_report()
    {
        var outcome = Assert.Single(Read.All([]));

        Assert.IsNotType<AggregateReportParsed>(outcome);
    }
}
