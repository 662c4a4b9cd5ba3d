using System.Text;
using Dmarc.Reports.Failure;
using MimeKit;
using static Dmarc.Reports.Tests.Failure.FailureMails;

namespace Dmarc.Reports.Tests.Failure;

/// <summary>RFC 6591 failure reports (multipart/report, message/feedback-report, a sample) read field by field.</summary>
public sealed class ArfReportTests
{
    [Fact]
    public void Every_RFC_6591_field_is_read()
    {
        var report = Single(Arf(AllFields, Rfc822Sample()));

        Assert.Equal(FailureReportFormat.Arf, report.Format);
        Assert.Equal("auth-failure", report.FeedbackType);
        Assert.Equal("ExampleReceiver/2.1", report.UserAgent);
        Assert.Equal("1", report.Version);
        Assert.Equal("<bounce-42@sender.example>", report.OriginalMailFrom);
        Assert.Equal("env-7f3a", report.OriginalEnvelopeId);
        Assert.Equal("192.0.2.25", report.SourceIp);
        Assert.Equal("sender.example", report.ReportedDomain);
        Assert.Equal(["mailto:ruf@sender.example"], report.ReportedUris);
        Assert.Equal("mx.receiver.example; dmarc=fail header.from=sender.example; spf=fail smtp.mailfrom=bounce-42@sender.example", report.AuthenticationResults);
        Assert.Equal(["dmarc"], report.AuthFailure);
        Assert.Equal(IdentityAlignment.None, report.IdentityAlignment);
        Assert.Equal(DeliveryResult.Reject, report.DeliveryResult);
        Assert.Equal("reject", report.DeliveryResultText);
        Assert.Equal("sender.example", report.DkimDomain);
        Assert.Equal("@sender.example", report.DkimIdentity);
        Assert.Equal("s2023", report.DkimSelector);
        Assert.Equal("txt : sender.example : \"v=spf1 -all\"", report.SpfDns);
        Assert.Equal(3, report.Incidents);
        Assert.Equal("dmarc-noreply@receiver.example", report.ReporterEmail);
        Assert.Empty(report.Problems);
        Assert.Equal(20, report.Fields.Count);
        Assert.Equal(new FeedbackField("SPF-DNS", "txt : sender.example : \"v=spf1 -all\""), report.Fields[18]);
    }

    [Fact]
    public void A_message_rfc822_sample_has_its_headers_read_and_decoded()
    {
        var mail = Arf(AllFields, Rfc822Sample());
        Assert.Contains("=?utf-8?", Encoding.ASCII.GetString(Bytes(mail)), StringComparison.OrdinalIgnoreCase);

        var sample = Single(mail).Sample;

        Assert.False(sample.HeadersOnly);
        Assert.Equal("Rechnung für Oktober – bitte prüfen", sample.Subject);
        Assert.Equal(new SampleAddress("Zoë Billing", "billing@sender.example", "sender.example"), sample.From);
        Assert.Equal([new SampleAddress("Alice", "alice@receiver.example", "receiver.example")], sample.To);
        Assert.Equal([new SampleAddress(null, "carol@receiver.example", "receiver.example")], sample.Cc);
        Assert.Equal(new DateTimeOffset(2023, 11, 15, 6, 29, 58, TimeSpan.Zero), sample.Date);
        Assert.Equal(TimeSpan.FromHours(-8), sample.DateOffset);
        Assert.Equal("<invoice-123@sender.example>", sample.MessageId);
        Assert.Contains(sample.Headers, header => header.Name == "Received" && header.Value.Contains("[192.0.2.25]", StringComparison.Ordinal));
        Assert.Contains(sample.Headers, header => header.Name == "Content-Type" && header.Value.StartsWith("text/plain", StringComparison.Ordinal));
    }

    [Fact]
    public void A_text_rfc822_headers_sample_is_read_as_headers_only()
    {
        var report = Single(Arf(AllFields, HeadersOf(Sample())), new FailureSamplePolicy { Keep = SampleKept.HeadersAndBody });

        Assert.True(report.Sample.HeadersOnly);
        Assert.Equal(SampleKept.Headers, report.SampleKept);
        Assert.Equal("Rechnung für Oktober – bitte prüfen", report.Sample.Subject);
        Assert.Equal("billing@sender.example", report.Sample.From?.Address);
        Assert.Empty(report.Sample.BodyParts);
    }

    [Theory]
    [InlineData("dkim", IdentityAlignment.Dkim)]
    [InlineData("spf", IdentityAlignment.Spf)]
    [InlineData("dkim, spf", IdentityAlignment.Dkim | IdentityAlignment.Spf)]
    [InlineData("SPF,DKIM", IdentityAlignment.Dkim | IdentityAlignment.Spf)]
    [InlineData("dkim (aligned with d=sender.example)", IdentityAlignment.Dkim)]
    [InlineData("none", IdentityAlignment.None)]
    public void RFC_9991_Identity_Alignment_says_which_mechanisms_aligned(string value, IdentityAlignment expected)
    {
        var report = Single(Arf(AllFields.Replace("Identity-Alignment: none", $"Identity-Alignment: {value}", StringComparison.Ordinal), Rfc822Sample()));

        Assert.Equal(expected, report.IdentityAlignment);
        Assert.Empty(report.Problems);
    }

    [Fact]
    public void A_report_without_Identity_Alignment_does_not_say_what_aligned()
    {
        var report = Single(Arf(Without(AllFields, "Identity-Alignment"), Rfc822Sample()));

        Assert.Null(report.IdentityAlignment);
    }

    [Fact]
    public void Every_Original_Rcpt_To_is_kept_in_order()
    {
        var fields = AllFields.Replace(
            "Original-Rcpt-To: <bob@receiver.example>",
            "Original-Rcpt-To: <bob@receiver.example>\nOriginal-Rcpt-To: dave@receiver.example",
            StringComparison.Ordinal);

        var report = Single(Arf(fields, Rfc822Sample()));

        Assert.Equal(["<alice@receiver.example>", "<bob@receiver.example>", "dave@receiver.example"], report.OriginalRcptTo);
    }

    [Theory]
    [InlineData("Tue, 14 Nov 2023 22:30:00 -0800")]
    [InlineData("Wed, 15 Nov 2023 15:30:00 +0900")]
    [InlineData("Wed, 15 Nov 2023 06:30:00 +0000")]
    [InlineData("Wed, 15 Nov 2023 06:30:00 GMT")]
    [InlineData("Tue, 14 Nov 2023 22:30:00 PST")]
    [InlineData("15 Nov 2023 12:00:00 +0530")]
    [InlineData("Wed, 15 Nov 2023 01:30:00 EST")]
    public void Arrival_Date_in_any_zone_is_read_in_UTC(string arrivalDate)
    {
        var fields = AllFields.Replace("Arrival-Date: Tue, 14 Nov 2023 22:30:00 -0800", $"Arrival-Date: {arrivalDate}", StringComparison.Ordinal);

        var report = Single(Arf(fields, Rfc822Sample()));

        Assert.Equal(new DateTimeOffset(2023, 11, 15, 6, 30, 0, TimeSpan.Zero), report.ArrivalDate);
        Assert.Equal(TimeSpan.Zero, report.ArrivalDate?.Offset);
        Assert.Equal(arrivalDate, report.ArrivalDateText);
    }

    [Fact]
    public void Without_Arrival_Date_the_report_mail_date_is_used_and_said()
    {
        var report = Single(Arf(Without(AllFields, "Arrival-Date"), Rfc822Sample()));

        Assert.Equal(new DateTimeOffset(2023, 11, 15, 6, 31, 0, TimeSpan.Zero), report.ArrivalDate);
        Assert.Null(report.ArrivalDateText);
        Assert.Contains(report.Problems, problem => problem.Contains("Arrival-Date", StringComparison.Ordinal));
    }

    [Fact]
    public void An_encoded_subject_in_a_header_only_sample_is_decoded()
    {
        var headers = new HeaderList
        {
            { "From", "sender@sender.example" },
            { "Subject", "=?ISO-8859-1?Q?Pr=FCfung_der_Zahlung?= =?UTF-8?B?4oCTIGRyaW5nZW5k?=" },
        };
        var sample = new TextRfc822Headers { Message = new MimeMessage(headers) { Body = new TextPart("plain") { Text = "" } } };

        var report = Single(Arf(AllFields, sample));

        Assert.Equal("Prüfung der Zahlung– dringend", report.Sample.Subject);
    }

    [Theory]
    [InlineData("192.0.2.25", "192.0.2.25")]
    [InlineData("  192.0.2.25 (mail.sender.example)", "192.0.2.25")]
    [InlineData("2001:DB8:0:0:0:0:0:1", "2001:db8::1")]
    [InlineData("2001:db8::0001", "2001:db8::1")]
    public void Source_IP_is_stored_in_canonical_form(string sent, string stored)
    {
        var report = Single(Arf(AllFields.Replace("Source-IP: 192.0.2.25", $"Source-IP: {sent}", StringComparison.Ordinal), Rfc822Sample()));

        Assert.Equal(stored, report.SourceIp);
    }

    [Theory]
    [InlineData("delivered", DeliveryResult.Delivered, false)]
    [InlineData("Spam", DeliveryResult.Spam, false)]
    [InlineData("policy", DeliveryResult.Policy, false)]
    [InlineData("smg-policy-action", DeliveryResult.Policy, true)]
    [InlineData("discarded", DeliveryResult.Other, true)]
    public void Delivery_Result_is_read_as_an_RFC_6591_value(string sent, DeliveryResult expected, bool problem)
    {
        var report = Single(Arf(AllFields.Replace("Delivery-Result: reject", $"Delivery-Result: {sent}", StringComparison.Ordinal), Rfc822Sample()));

        Assert.Equal(expected, report.DeliveryResult);
        Assert.Equal(sent, report.DeliveryResultText);
        Assert.Equal(problem, report.Problems.Any(text => text.Contains("Delivery-Result", StringComparison.Ordinal)));
    }

    [Fact]
    public void Without_Reported_Domain_the_sample_From_domain_is_used_and_said()
    {
        var report = Single(Arf(Without(AllFields, "Reported-Domain"), Rfc822Sample()));

        Assert.Equal("sender.example", report.ReportedDomain);
        Assert.Contains(report.Problems, problem => problem.Contains("Reported-Domain", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_Auth_Failure_the_failure_is_taken_as_dmarc_and_said()
    {
        var report = Single(Arf(Without(AllFields, "Auth-Failure"), Rfc822Sample()));

        Assert.Equal(["dmarc"], report.AuthFailure);
        Assert.Contains(report.Problems, problem => problem.Contains("Auth-Failure", StringComparison.Ordinal));
    }

    [Fact]
    public void Folded_feedback_fields_are_unfolded()
    {
        var fields = AllFields.Replace(
            "Authentication-Results: mx.receiver.example; dmarc=fail header.from=sender.example; spf=fail smtp.mailfrom=bounce-42@sender.example",
            "Authentication-Results: mx.receiver.example;\n\tdmarc=fail header.from=sender.example",
            StringComparison.Ordinal);

        var report = Single(Arf(fields, Rfc822Sample()));

        Assert.Equal("mx.receiver.example; dmarc=fail header.from=sender.example", report.AuthenticationResults);
    }

    [Fact]
    public void A_report_without_a_sample_is_read_and_says_so()
    {
        var report = Single(Arf(AllFields, sample: null));

        Assert.Equal(SampleKept.None, report.SampleKept);
        Assert.Same(FailureSample.Empty, report.Sample);
        Assert.Contains(report.Problems, problem => problem.Contains("no sample", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failure_report_in_an_mbox_ends_in_its_own_outcome_beside_other_mails()
    {
        var other = ReportMail(new TextPart("plain") { Text = "Hello, this is a newsletter." });
        var mbox = new StringBuilder()
            .Append("From dmarc-noreply@receiver.example Wed Nov 15 06:31:00 2023\n").Append(Text(Arf(AllFields, Rfc822Sample()))).Append('\n')
            .Append("From news@receiver.example Wed Nov 15 06:32:00 2023\n").Append(Text(other)).Append('\n')
            .ToString();

        var outcomes = Read.All(mbox);

        Assert.Collection(
            outcomes,
            first => Assert.Equal("message 1", Assert.IsType<FailureReportParsed>(first).Part),
            second => Assert.Equal("message 2", Assert.IsType<NotAReport>(second).Part));
    }

    private static MessagePart Rfc822Sample() => Rfc822(Sample());

    private static string Text(MimeMessage mail) => Encoding.UTF8.GetString(Bytes(mail)).ReplaceLineEndings("\n");

    private static string Without(string fields, string name) =>
        string.Join('\n', fields.Split('\n').Where(line => !line.StartsWith(name + ":", StringComparison.Ordinal)));
}
