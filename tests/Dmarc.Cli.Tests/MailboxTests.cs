using System.Text.Json;
using Dmarc.ReportGenerator;

namespace Dmarc.Cli.Tests;

/// <summary>
/// A whole report mailbox as the CLI sees it: aggregate, failure and TLS report mails among junk, generated with a
/// known kind per mail. <c>triage</c> must put each where its kind says, and <c>parse</c>/<c>analyze</c> must show every report.
/// </summary>
public sealed class MailboxTests
{
    private const int Mails = 80;

    [Fact]
    public async Task Triage_puts_every_mail_of_a_mixed_mailbox_where_its_kind_belongs()
    {
        using var folder = Mailbox(out var kinds);

        var result = await CliRun.Dmarc("triage", "--format", "json", folder.Path);

        Assert.Equal(ExitCodes.AllRead, result.ExitCode);
        var decisions = result.Lines.Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(line => Path.GetFileName(line.GetProperty("source").GetString()!), line => line.GetProperty("destination").GetString());
        Assert.Equal(Mails, decisions.Count);
        Assert.All(kinds, mail => Assert.True(Expected(mail.Value) == decisions[mail.Key], $"{mail.Key}: {decisions[mail.Key]}"));
        Assert.Contains("tls", decisions.Values);
        Assert.Contains("failure", decisions.Values);
        Assert.Contains("not_a_report", decisions.Values);
    }

    [Fact]
    public async Task Triage_text_names_each_place_and_the_totals_and_a_broken_report_mail_is_invalid()
    {
        using var folder = new TempFolder();
        var header = AggregateReportHeader.Daily(Reporter.Google, new PublishedPolicy("example.com"), new DateOnly(2026, 3, 2), 5);
        var document = AggregateReportWriter.ToBytes(header, new SyntheticTraffic(header, 5).Mixed(10));
        folder.Write("report.eml", MailBytes(AggregateReportMail.Create(header, document, ReportAttachment.Gzip)));
        folder.Write("cut.eml", MailBytes(AggregateReportMail.Create(header, document, ReportAttachment.Zip))[..1500]);
        folder.Write("newsletter.eml", MailBytes(NewsletterMail.Create(new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.Zero))));

        var result = await CliRun.Dmarc("triage", folder.Path);

        Assert.Equal(ExitCodes.SomeUnreadable, result.ExitCode);
        Assert.Matches(@"(?m)^Aggregate +\S+report\.eml +1 aggregate report read: google\.com report", result.Out);
        Assert.Matches(@"(?m)^Invalid +\S+cut\.eml +", result.Out);
        Assert.Matches(@"(?m)^NotAReport +\S+newsletter\.eml +the mail ""Spring deals", result.Out);
        Assert.Contains("3 mails: 1 Aggregate, 0 Failure, 0 Tls, 1 Invalid, 1 NotAReport", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_writes_failure_and_tls_reports_in_parsedmarcs_shape_and_in_ours()
    {
        using var folder = Mailbox(out var kinds);
        var failures = kinds.Count(kind => kind.Value == MailboxMailKind.Failure);
        var tls = kinds.Count(kind => kind.Value == MailboxMailKind.Tls);

        var parsedmarc = await CliRun.Dmarc("parse", folder.Path);
        var ours = await CliRun.Dmarc("parse", "--format", "json", folder.Path);

        foreach (var output in new[] { parsedmarc, ours })
        {
            var types = output.Lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("report_type").GetString()).ToList();
            Assert.Equal(failures, types.Count(type => type == "failure"));
            Assert.Equal(tls, types.Count(type => type == "smtp_tls"));
        }

        var failure = JsonDocument.Parse(parsedmarc.Lines.First(line => line.Contains("\"report_type\":\"failure\"", StringComparison.Ordinal))).RootElement;
        Assert.Equal("auth-failure", failure.GetProperty("report").GetProperty("feedback_type").GetString());
        var report = JsonDocument.Parse(parsedmarc.Lines.First(line => line.Contains("\"report_type\":\"smtp_tls\"", StringComparison.Ordinal))).RootElement.GetProperty("report");
        Assert.True(report.GetProperty("policies").GetArrayLength() > 0);
        Assert.False(string.IsNullOrEmpty(report.GetProperty("organization_name").GetString()));
    }

    [Fact]
    public async Task Analyze_sums_up_failure_and_tls_reports_too()
    {
        using var folder = Mailbox(out var kinds);
        var failures = kinds.Count(kind => kind.Value == MailboxMailKind.Failure);
        var tls = kinds.Count(kind => kind.Value == MailboxMailKind.Tls);

        var result = await CliRun.Dmarc("analyze", "--offline", folder.Path);

        Assert.Contains($"; {failures} failure reports; {tls} SMTP TLS reports;", result.Out, StringComparison.Ordinal);
        Assert.Contains("Failure reports (ruf)", result.Out, StringComparison.Ordinal);
        Assert.Contains("SMTP TLS policy domains", result.Out, StringComparison.Ordinal);
    }

    private static string Expected(MailboxMailKind kind) => kind switch
    {
        MailboxMailKind.Aggregate => "aggregate",
        MailboxMailKind.Failure => "failure",
        MailboxMailKind.Tls => "tls",
        _ => "not_a_report",
    };

    private static TempFolder Mailbox(out Dictionary<string, MailboxMailKind> kinds)
    {
        var folder = new TempFolder();
        kinds = [];
        foreach (var (name, mail) in MixedMailbox.Generate(Mails, junkPercent: 20, seed: 3))
        {
            folder.Write(name, mail);
            kinds[name] = KindOfName(name);
        }

        return folder;
    }

    /// <summary>The generator names each mail after its kind (<c>00042-aggregate.eml</c>, <c>00007-junk-bounce.eml</c>).</summary>
    private static MailboxMailKind KindOfName(string name) =>
        name.Contains("-aggregate", StringComparison.Ordinal) ? MailboxMailKind.Aggregate
        : name.Contains("-failure", StringComparison.Ordinal) ? MailboxMailKind.Failure
        : name.Contains("-tls", StringComparison.Ordinal) ? MailboxMailKind.Tls
        : MailboxMailKind.Junk;

    private static byte[] MailBytes(MimeKit.MimeMessage message)
    {
        using var buffer = new MemoryStream();
        AggregateReportMail.WriteTo(message, buffer);
        return buffer.ToArray();
    }
}
