using MimeKit;

namespace Dmarc.ReportGenerator;

/// <summary>A mail that is no report at all, as ends up in rua mailboxes (newsletters, spam): it must not reach the statistics.</summary>
public static class NewsletterMail
{
    public static MimeMessage Create(DateTimeOffset sent, string ruaMailbox = AggregateReportMail.DefaultRuaMailbox)
    {
        var message = new MimeMessage
        {
            Subject = "Spring deals: up to 40% off garden furniture",
            Date = sent,
            MessageId = $"newsletter.{sent.ToUnixTimeSeconds()}@deals.example",
        };
        message.From.Add(new MailboxAddress("Deals Weekly", "news@deals.example"));
        message.To.Add(MailboxAddress.Parse(ruaMailbox));
        message.Headers.Add("List-Unsubscribe", "<https://deals.example/unsubscribe?u=42>");

        var text = new TextPart("plain") { Text = "This week only: up to 40% off garden furniture.\nShop now at https://deals.example/spring\n" };
        var html = new TextPart("html")
        {
            Text = "<html><body><h1>Spring deals</h1><p>This week only: up to <b>40% off</b> garden furniture.</p>"
                + "<p><a href=\"https://deals.example/spring\">Shop now</a></p></body></html>\n",
        };
        message.Body = AggregateReportMail.FixedBoundary(new Multipart("alternative") { text, html }, message.MessageId);
        return message;
    }
}
