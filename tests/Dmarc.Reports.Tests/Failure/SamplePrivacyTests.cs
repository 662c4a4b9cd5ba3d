using System.Text.Encodings.Web;
using System.Text.Json;
using Dmarc.Reports.Failure;
using Dmarc.Reports.Formats;
using MimeKit;
using static Dmarc.Reports.Tests.Failure.FailureMails;

namespace Dmarc.Reports.Tests.Failure;

/// <summary>
/// Samples carry personal data: by default only their headers are kept, the body only when configured, and local
/// parts of addresses can be redacted everywhere. Each report says what was kept.
/// </summary>
public sealed class SamplePrivacyTests
{
    private const string Body = "Dear Jane, the confidential offer is attached.";

    /// <summary>A local part that appears nowhere else, so that finding it anywhere means it leaked.</summary>
    private const string Secret = "jane.roe-7781";

    [Fact]
    public void By_default_the_headers_are_kept_and_the_body_is_not()
    {
        var report = Single(Arf(AllFields, Rfc822(Sample(Body))));

        Assert.Equal(SampleKept.Headers, report.SampleKept);
        Assert.False(report.Redacted);
        Assert.False(report.Sample.HeadersOnly);
        Assert.NotEmpty(report.Sample.Headers);
        Assert.Empty(report.Sample.BodyParts);
        Assert.DoesNotContain("confidential offer", Everything(report), StringComparison.Ordinal);
    }

    [Fact]
    public void The_body_is_kept_when_configured()
    {
        var report = Single(Arf(AllFields, Rfc822(Sample(Body))), new FailureSamplePolicy { Keep = SampleKept.HeadersAndBody });

        Assert.Equal(SampleKept.HeadersAndBody, report.SampleKept);
        var part = Assert.Single(report.Sample.BodyParts);
        Assert.Equal(("text/plain", Body, false), (part.MimeType, part.Text.TrimEnd('\n'), part.Truncated));
        Assert.Contains("confidential offer", Write(ParsedmarcFailureJson.Write, report), StringComparison.Ordinal);
    }

    [Fact]
    public void A_kept_body_is_cut_at_the_configured_size()
    {
        var report = Single(Arf(AllFields, Rfc822(Sample(Body))), new FailureSamplePolicy { Keep = SampleKept.HeadersAndBody, MaxBodyChars = 10 });

        Assert.Equal(new SampleBodyPart("text/plain", Body[..10], Truncated: true), Assert.Single(report.Sample.BodyParts));
    }

    [Fact]
    public void Nothing_of_the_sample_is_kept_when_configured_but_the_report_is_read()
    {
        var report = Single(Arf(AllFields, Rfc822(Sample(Body))), new FailureSamplePolicy { Keep = SampleKept.None });

        Assert.Equal(SampleKept.None, report.SampleKept);
        Assert.Empty(report.Sample.Headers);
        Assert.Null(report.Sample.Subject);
        Assert.Null(report.Sample.From);
        Assert.Equal("192.0.2.25", report.SourceIp);
        Assert.DoesNotContain("Rechnung", Everything(report), StringComparison.Ordinal);
    }

    [Fact]
    public void DKIM_canonicalized_copies_of_the_message_follow_the_policy()
    {
        var fields = AllFields + "\nDKIM-Canonicalized-Header: ZnJvbTpKYW5l\nDKIM-Canonicalized-Body: RGVhciBKYW5l";

        var headersOnly = Single(Arf(fields, Rfc822(Sample())));
        var everything = Single(Arf(fields, Rfc822(Sample())), new FailureSamplePolicy { Keep = SampleKept.HeadersAndBody });

        Assert.Equal(("ZnJvbTpKYW5l", null), (headersOnly.DkimCanonicalizedHeader, headersOnly.DkimCanonicalizedBody));
        Assert.DoesNotContain(headersOnly.Fields, field => field.Name == "DKIM-Canonicalized-Body");
        Assert.Equal(("ZnJvbTpKYW5l", "RGVhciBKYW5l"), (everything.DkimCanonicalizedHeader, everything.DkimCanonicalizedBody));
    }

    [Fact]
    public void Redacted_local_parts_are_never_present_anywhere_in_the_report()
    {
        var mail = Arf(LeakyFields(), Rfc822(LeakySample()));
        Assert.Contains(Secret, System.Text.Encoding.UTF8.GetString(Bytes(mail)), StringComparison.Ordinal);

        var report = Single(mail, new FailureSamplePolicy { Keep = SampleKept.HeadersAndBody, RedactLocalParts = true });

        Assert.True(report.Redacted);
        Assert.Equal(SampleKept.HeadersAndBody, report.SampleKept);
        Assert.DoesNotContain(Secret, Everything(report), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("<redacted-", report.OriginalMailFrom?[..10]);
        Assert.EndsWith("@sender.example>", report.OriginalMailFrom, StringComparison.Ordinal);
        Assert.Equal("sender.example", report.Sample.From?.Domain);
        Assert.Null(report.DkimCanonicalizedHeader);
        Assert.Contains("smtp.mailfrom=redacted-", report.AuthenticationResults, StringComparison.Ordinal);
    }

    [Fact]
    public void A_redaction_is_stable_per_mailbox_and_differs_between_mailboxes()
    {
        var report = Single(Arf(LeakyFields(), Rfc822(LeakySample())), new FailureSamplePolicy { RedactLocalParts = true });

        var sender = report.Sample.From!.Address;
        Assert.Matches("^redacted-[0-9a-f]{8}@sender\\.example$", sender);
        Assert.Equal($"<{sender}>", report.OriginalMailFrom);
        Assert.Contains($"smtp.mailfrom={sender}", report.AuthenticationResults, StringComparison.Ordinal);
        Assert.NotEqual(sender.Split('@')[0], report.Sample.To[0].LocalPart);
    }

    [Fact]
    public void A_redaction_key_changes_every_redaction()
    {
        var unkeyed = Single(Arf(LeakyFields(), Rfc822(LeakySample())), new FailureSamplePolicy { RedactLocalParts = true });
        var keyed = Single(Arf(LeakyFields(), Rfc822(LeakySample())), new FailureSamplePolicy { RedactLocalParts = true, RedactionKey = "site secret" });

        Assert.NotEqual(unkeyed.Sample.From?.Address, keyed.Sample.From?.Address);
        Assert.EndsWith("@sender.example", keyed.Sample.From?.Address, StringComparison.Ordinal);
    }

    [Fact]
    public void The_outcome_in_the_JSON_says_what_was_kept()
    {
        var report = Single(Arf(AllFields, Rfc822(Sample())), new FailureSamplePolicy { RedactLocalParts = true });

        using var json = JsonDocument.Parse(Write(DmarcFailureJson.Write, report));

        var sample = json.RootElement.GetProperty("sample");
        Assert.Equal("headers", sample.GetProperty("kept").GetString());
        Assert.True(sample.GetProperty("redacted").GetBoolean());
    }

    private static string LeakyFields() => AllFields
        .Replace("<bounce-42@sender.example>", $"<{Secret}@sender.example>", StringComparison.Ordinal)
        .Replace("smtp.mailfrom=bounce-42@sender.example", $"smtp.mailfrom={Secret}@sender.example", StringComparison.Ordinal)
        .Replace("DKIM-Identity: @sender.example", $"DKIM-Identity: {Secret}@sender.example", StringComparison.Ordinal)
        + $"\nDKIM-Canonicalized-Header: {Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"from:{Secret}@sender.example"))}";

    /// <summary>The secret local part in From, Cc, Reply-To, Subject, a Received line, a quoted local part and the body.</summary>
    private static MimeMessage LeakySample()
    {
        var sample = Sample($"Hello, write to {Secret}@sender.example or \"{Secret}\"@sender.example.");
        sample.From.Clear();
        sample.From.Add(new MailboxAddress("Jane Roe", $"{Secret}@sender.example"));
        sample.Cc.Add(new MailboxAddress(null, $"{Secret.ToUpperInvariant()}@receiver.example"));
        sample.ReplyTo.Add(new MailboxAddress(null, $"{Secret}@sender.example"));
        sample.Subject = $"Re: your mail to {Secret}@sender.example – dringend";
        sample.Headers.Add("Received", $"from mail.sender.example by mx.receiver.example for <{Secret}@receiver.example>; Tue, 14 Nov 2023 22:30:00 -0800");
        sample.Body = new Multipart("mixed")
        {
            sample.Body!,
            new MimePart("application", "pdf") { FileName = $"{Secret}@sender.example.pdf", Content = new MimeContent(new MemoryStream([1, 2, 3])) },
        };
        return sample;
    }

    /// <summary>The whole report: every public value (reflection-based JSON) and both writers' output.</summary>
    private static string Everything(FailureReport report)
    {
        var options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return JsonSerializer.Serialize(report, options) + Write(DmarcFailureJson.Write, report) + Write(ParsedmarcFailureJson.Write, report);
    }

    private static string Write(Action<Utf8JsonWriter, FailureReport> write, FailureReport report) => Conformance.FailureConformance.Write(write, report);
}
