using Dmarc.ReportGenerator;
using MimeKit;
using static Dmarc.Reports.Tests.Generator.GeneratedMail;

namespace Dmarc.Reports.Tests.Generator;

/// <summary>DMARC failure reports are ARF mails (RFC 6591, RFC 7489 §7.3) that MimeKit reads as such.</summary>
public sealed class FailureReportMailTests
{
    private static readonly DateTimeOffset _arrival = new(2026, 3, 5, 14, 22, 31, TimeSpan.Zero);

    private static FailedMessage Failed(FailureScenario scenario = FailureScenario.Spoofing, long seed = 1, string policy = "none") =>
        FailedMessage.Create(scenario, "example.net", "mailcoop.example", _arrival, seed, policy);

    [Fact]
    public void A_failure_report_is_a_feedback_report_of_text_fields_and_the_message_header()
    {
        var failed = Failed();

        var mail = RoundTrip(FailureReportMail.Create(Reporter.MailCoop, failed));

        var body = Report(mail, "feedback-report");
        Assert.Equal(3, body.Count);
        Assert.Contains(failed.SourceIp, Assert.IsType<TextPart>(body[0]).Text, StringComparison.Ordinal);
        Assert.IsType<MessageFeedbackReport>(body[1]);
        var sample = Assert.IsType<TextRfc822Headers>(body[2]);
        Assert.Equal(failed.MessageId, Assert.IsType<MimeMessage>(sample.Message).MessageId);
        Assert.Equal($"DMARC Failure Report for example.net (mail-from={failed.OriginalMailFrom}, ip={failed.SourceIp})", mail.Subject);
    }

    [Fact]
    public void The_feedback_part_has_the_fields_of_an_auth_failure_report()
    {
        var failed = Failed(FailureScenario.MisconfiguredEsp);

        var fields = Fields(RoundTrip(FailureReportMail.Create(Reporter.MailCoop, failed)));

        Assert.Equal("auth-failure", fields["Feedback-Type"]);
        Assert.Equal("1", fields["Version"]);
        Assert.False(string.IsNullOrEmpty(fields["User-Agent"]));
        Assert.Equal("dmarc", fields["Auth-Failure"]);
        Assert.Equal("none", fields["Identity-Alignment"]);
        Assert.Equal($"<{failed.OriginalMailFrom}>", fields["Original-Mail-From"]);
        Assert.Equal($"<{failed.OriginalRcptTo}>", fields["Original-Rcpt-To"]);
        Assert.Equal(_arrival, MimeKit.Utils.DateUtils.TryParse(fields["Arrival-Date"], out var arrival) ? arrival : default);
        Assert.Equal(failed.SourceIp, fields["Source-IP"]);
        Assert.Equal("example.net", fields["Reported-Domain"]);
        Assert.Contains("dmarc=fail", fields["Authentication-Results"], StringComparison.Ordinal);
        Assert.Contains("header.from=example.net", fields["Authentication-Results"], StringComparison.Ordinal);
        Assert.Equal("delivered", fields["Delivery-Result"]);
        Assert.Equal(SendingNetworks.EspSigningDomain, fields["DKIM-Domain"]);
        Assert.Equal("s1", fields["DKIM-Selector"]);
    }

    [Theory]
    [InlineData(FailureScenario.Spoofing, "dmarc", "none")]
    [InlineData(FailureScenario.MailingList, "dmarc", "none")]
    [InlineData(FailureScenario.DkimFailure, "dkim", "spf")]
    [InlineData(FailureScenario.SpfFailure, "spf", "dkim")]
    public void Each_scenario_says_what_failed_and_which_identifier_still_aligned(FailureScenario scenario, string authFailure, string alignment)
    {
        var fields = Fields(RoundTrip(FailureReportMail.Create(Reporter.FreeMail, Failed(scenario))));

        Assert.Equal(authFailure, fields["Auth-Failure"]);
        Assert.Equal(alignment, fields["Identity-Alignment"]);
    }

    [Fact]
    public void Spoofed_mail_without_a_signature_names_no_dkim_domain()
    {
        var fields = Fields(RoundTrip(FailureReportMail.Create(Reporter.MailCoop, Failed(FailureScenario.Spoofing))));

        Assert.False(fields.ContainsKey("DKIM-Domain"));
        Assert.Contains("dkim=none", fields["Authentication-Results"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("quarantine", "spam")]
    [InlineData("reject", "reject")]
    public void The_delivery_result_follows_the_published_policy(string policy, string deliveryResult)
    {
        var fields = Fields(RoundTrip(FailureReportMail.Create(Reporter.MailCoop, Failed(policy: policy))));

        Assert.Equal(deliveryResult, fields["Delivery-Result"]);
        Assert.Contains($"p={policy}", fields["Authentication-Results"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_whole_message_can_be_attached_and_its_body_holds_personal_data_to_redact()
    {
        var failed = Failed();

        var mail = RoundTrip(FailureReportMail.Create(Reporter.MailCoop, failed, new FailureReportOptions(ArfSample.WholeMessage)));

        var sample = Assert.IsType<MessagePart>(Report(mail, "feedback-report")[2]);
        Assert.Equal("message/rfc822", sample.ContentType.MimeType);
        var message = Assert.IsType<MimeMessage>(sample.Message);
        Assert.Contains(failed.OriginalRcptTo, message.TextBody, StringComparison.Ordinal);
        Assert.Contains(failed.RecipientName, message.TextBody, StringComparison.Ordinal);
        Assert.Equal(failed.OriginalRcptTo, Assert.Single(message.To.Mailboxes).Address);
    }

    [Fact]
    public void The_feedback_part_can_be_base64_encoded_and_decodes_to_the_same_fields()
    {
        var failed = Failed(FailureScenario.MailingList);
        var plain = Fields(RoundTrip(FailureReportMail.Create(Reporter.MailCoop, failed)));

        var mail = RoundTrip(FailureReportMail.Create(Reporter.MailCoop, failed, new FailureReportOptions(Base64Feedback: true)));

        var part = Assert.IsType<MessageFeedbackReport>(Report(mail, "feedback-report")[1]);
        Assert.Equal(ContentEncoding.Base64, part.ContentTransferEncoding);
        Assert.Equal(plain, Fields(mail));
    }

    [Fact]
    public void An_abuse_report_is_arf_but_no_dmarc_failure_report()
    {
        var mail = RoundTrip(AbuseReportMail.Create(_arrival, seed: 1));

        var fields = Fields(mail);
        Assert.Equal("abuse", fields["Feedback-Type"]);
        Assert.False(fields.ContainsKey("Auth-Failure"));
        Assert.False(fields.ContainsKey("Identity-Alignment"));
        Assert.IsType<MessagePart>(Report(mail, "feedback-report")[2]);
        Assert.DoesNotContain("DMARC", mail.Subject, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_same_failure_gives_the_same_bytes_and_another_seed_other_bytes()
    {
        byte[] Mail(long seed) => Bytes(FailureReportMail.Create(
            Reporter.FreeMail, Failed(FailureScenario.Spoofing, seed), new FailureReportOptions(ArfSample.WholeMessage, Base64Feedback: true)));

        Assert.Equal(Mail(7), Mail(7));
        Assert.NotEqual(Mail(7), Mail(8));
    }

    /// <summary>The feedback fields by name (each occurs once in our reports).</summary>
    private static Dictionary<string, string> Fields(MimeMessage mail)
    {
        var part = Assert.IsType<MessageFeedbackReport>(Report(mail, "feedback-report")[1]);
        return part.Fields.ToDictionary(field => field.Field, field => field.Value.Trim().ReplaceLineEndings("").Replace("\t", " ", StringComparison.Ordinal));
    }
}
