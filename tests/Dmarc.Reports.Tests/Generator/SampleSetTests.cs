using Dmarc.ReportGenerator;
using MimeKit;
using static Dmarc.Reports.Tests.Generator.GeneratedMail;

namespace Dmarc.Reports.Tests.Generator;

/// <summary>The sample catalogue: the new mail samples are what their names say; the files already in samples/ stay as they are.</summary>
public sealed class SampleSetTests
{
    [Fact]
    public void The_tls_sample_is_a_google_tls_report_mail_with_failures()
    {
        var mail = Parse(Sample("mail-google-tls.eml"));

        Assert.Equal("google.com", mail.Headers["TLS-Report-Submitter"]);
        var attachment = Assert.IsType<MimePart>(Report(mail, "tlsrpt")[1]);
        using var json = System.Text.Json.JsonDocument.Parse(Gunzip(Content(attachment)));
        Assert.NotEmpty(json.RootElement.GetProperty("policies")[0].GetProperty("failure-details").EnumerateArray());
    }

    [Fact]
    public void The_failure_sample_is_a_headers_only_dmarc_failure_report()
    {
        var mail = Parse(Sample("mail-failure-report.eml"));

        var body = Report(mail, "feedback-report");
        Assert.Equal("auth-failure", Assert.IsType<MessageFeedbackReport>(body[1]).Fields["Feedback-Type"]);
        Assert.IsType<TextRfc822Headers>(body[2]);
    }

    [Fact]
    public void The_bounce_sample_is_a_delivery_status_notification()
    {
        var mail = Parse(Sample("mail-bounce.eml"));

        Assert.IsType<MessageDeliveryStatus>(Report(mail, "delivery-status")[1]);
    }

    [Theory]
    [InlineData("aggregate-google-compliant.xml")]
    [InlineData("aggregate-mailcoop-spoofing.xml")]
    [InlineData("broken-cut-in-half.xml")]
    [InlineData("mail-newsletter.eml")]
    public void Uncompressed_samples_in_the_repository_are_still_what_the_generator_writes(string fileName)
    {
        // Compressed samples depend on the runtime's zlib, so only files without compression are compared byte for byte.
        var stored = Path.Combine(RepositoryRoot(), "samples", fileName);

        Assert.Equal(File.ReadAllBytes(stored), Sample(fileName));
    }

    private static byte[] Sample(string fileName) => SampleSet.Files.Single(file => file.FileName == fileName).Content();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Dmarc.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Dmarc.sln above {AppContext.BaseDirectory}");
    }
}
