using System.IO.Compression;
using Dmarc.ReportGenerator;
using MimeKit;
using static Dmarc.Reports.Tests.Generator.GeneratedMail;

namespace Dmarc.Reports.Tests.Generator;

/// <summary>The mails that land in report mailboxes without being reports: each kind has the shape it is named for.</summary>
public sealed class JunkMailTests
{
    private static readonly DateTimeOffset _sent = new(2026, 3, 9, 10, 0, 0, TimeSpan.FromHours(1));

    public static TheoryData<JunkKind> Kinds() => [.. JunkMail.Kinds];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_is_deterministic_and_parses_as_a_mail_to_the_report_mailbox(JunkKind kind)
    {
        var first = Bytes(JunkMail.Create(kind, _sent, seed: 3));

        Assert.Equal(first, Bytes(JunkMail.Create(kind, _sent, seed: 3)));
        var mail = Parse(first);
        Assert.Equal(AggregateReportMail.DefaultRuaMailbox, Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal(_sent, mail.Date);
        Assert.False(string.IsNullOrEmpty(mail.MessageId));
    }

    [Fact]
    public void A_bounce_is_a_delivery_status_report_with_a_failed_recipient()
    {
        var mail = RoundTrip(JunkMail.Bounce(_sent, seed: 1));

        var body = Report(mail, "delivery-status");
        var status = Assert.IsType<MessageDeliveryStatus>(body[1]);
        Assert.Equal(2, status.StatusGroups.Count);
        Assert.StartsWith("dns;", status.StatusGroups[0]["Reporting-MTA"], StringComparison.Ordinal);
        Assert.Equal("failed", status.StatusGroups[1]["Action"]);
        Assert.StartsWith("5.", status.StatusGroups[1]["Status"], StringComparison.Ordinal);
        Assert.StartsWith("rfc822;", status.StatusGroups[1]["Final-Recipient"], StringComparison.Ordinal);
        Assert.IsType<TextRfc822Headers>(body[2]);
    }

    [Fact]
    public void Phishing_carries_a_zip_holding_a_fake_executable()
    {
        var mail = RoundTrip(JunkMail.Phishing(_sent, seed: 1));

        var attachment = Assert.Single(mail.Attachments.OfType<MimePart>());
        Assert.Equal("application/zip", attachment.ContentType.MimeType);
        using var zip = new ZipArchive(new MemoryStream(Content(attachment)));
        var entry = Assert.Single(zip.Entries);
        Assert.Equal("invoice.pdf.exe", entry.Name);
        using var executable = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(executable);
        }

        Assert.Equal("MZ"u8.ToArray(), executable.ToArray()[..2]);
    }

    [Fact]
    public void Phishing_attachments_differ_by_seed()
    {
        static byte[] Zip(long seed) => Content(RoundTrip(JunkMail.Phishing(_sent, seed)).Attachments.OfType<MimePart>().Single());

        Assert.NotEqual(Zip(1), Zip(2));
    }

    [Fact]
    public void An_html_only_mail_has_one_html_body_and_nothing_else()
    {
        var mail = RoundTrip(JunkMail.HtmlOnly(_sent, seed: 1));

        var body = Assert.IsType<TextPart>(mail.Body);
        Assert.True(body.IsHtml);
        Assert.Null(mail.TextBody);
    }

    [Fact]
    public void An_auto_reply_says_it_is_one()
    {
        var mail = RoundTrip(JunkMail.AutoReply(_sent, seed: 1));

        Assert.Equal("auto-replied", mail.Headers["Auto-Submitted"]);
        Assert.False(string.IsNullOrEmpty(mail.InReplyTo));
        Assert.Contains("out of the office", mail.TextBody, StringComparison.Ordinal);
    }
}
