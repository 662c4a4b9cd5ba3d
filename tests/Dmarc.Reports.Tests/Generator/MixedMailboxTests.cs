using System.Text.RegularExpressions;
using Dmarc.ReportGenerator;
using MimeKit;
using static Dmarc.Reports.Tests.Generator.GeneratedMail;

namespace Dmarc.Reports.Tests.Generator;

/// <summary>The mixed mailbox: deterministic, uniquely named, and in the fractions its documentation states.</summary>
public sealed partial class MixedMailboxTests
{
    [Fact]
    public void The_same_seed_gives_the_same_mailbox_and_another_seed_another()
    {
        var first = MixedMailbox.Generate(40, seed: 5).ToList();
        var again = MixedMailbox.Generate(40, seed: 5).ToList();
        var other = MixedMailbox.Generate(40, seed: 6).ToList();

        Assert.Equal(first.Select(mail => mail.Name), again.Select(mail => mail.Name));
        Assert.All(first.Zip(again), pair => Assert.Equal(pair.First.Mail, pair.Second.Mail));
        Assert.Contains(first.Zip(other), pair => !pair.First.Mail.AsSpan().SequenceEqual(pair.Second.Mail));
    }

    [Fact]
    public void Names_are_unique_numbered_in_order_and_say_the_kind()
    {
        var names = MixedMailbox.Generate(120, seed: 2).Select(mail => mail.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names, name => Assert.Matches(NamePattern(), name));
        Assert.Equal(Enumerable.Range(1, 120).Select(n => n.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)), names.Select(name => name[..5]));
    }

    [Fact]
    public void The_kinds_are_split_as_documented()
    {
        // 1800 rolls are every possible roll once: the split must be exact.
        var kinds = Enumerable.Range(0, 1800).Select(roll => MixedMailbox.KindOf(roll, junkPercent: 10)).ToList();

        Assert.Equal(1440, kinds.Count(kind => kind == MailboxMailKind.Aggregate));
        Assert.Equal(90, kinds.Count(kind => kind == MailboxMailKind.Tls));
        Assert.Equal(90, kinds.Count(kind => kind == MailboxMailKind.Failure));
        Assert.Equal(180, kinds.Count(kind => kind == MailboxMailKind.Junk));
    }

    [Fact]
    public void A_generated_mailbox_is_roughly_80_5_5_10()
    {
        var counts = MixedMailbox.Generate(1000, seed: 1).Select(mail => Kind(mail.Name)).GroupBy(kind => kind)
            .ToDictionary(group => group.Key, group => group.Count());

        // Binomial spread for 1000 mails is about ±13 at 80% and ±7 at 5%; the bounds allow more than three times that.
        Assert.InRange(counts.GetValueOrDefault("aggregate"), 760, 840);
        Assert.InRange(counts.GetValueOrDefault("tls"), 25, 80);
        Assert.InRange(counts.GetValueOrDefault("failure"), 25, 80);
        Assert.InRange(counts.GetValueOrDefault("junk"), 70, 135);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void No_junk_or_only_junk_when_asked(int junkPercent)
    {
        var kinds = MixedMailbox.Generate(60, junkPercent, seed: 3).Select(mail => Kind(mail.Name)).ToList();

        Assert.Equal(junkPercent == 100 ? 60 : 0, kinds.Count(kind => kind == "junk"));
    }

    [Fact]
    public void Every_mail_parses_and_is_what_its_name_says()
    {
        foreach (var (name, bytes) in MixedMailbox.Generate(150, junkPercent: 30, seed: 4))
        {
            var mail = Parse(bytes);
            var reportType = (mail.Body as MultipartReport)?.ReportType;
            switch (Kind(name))
            {
                case "aggregate":
                    Assert.Contains(mail.Attachments.OfType<MimePart>(), part => part.FileName is { } file && (file.EndsWith(".zip", StringComparison.Ordinal) || file.EndsWith(".xml.gz", StringComparison.Ordinal)));
                    break;
                case "tls":
                    Assert.Equal("tlsrpt", reportType);
                    break;
                case "failure":
                    Assert.Equal("feedback-report", reportType);
                    Assert.StartsWith("DMARC Failure Report", mail.Subject, StringComparison.Ordinal);
                    break;
                default:
                    Assert.StartsWith("junk-", name[6..], StringComparison.Ordinal);
                    break;
            }
        }
    }

    [Fact]
    public void Aggregate_mails_hold_reports_of_1_to_40_records_from_four_reporters()
    {
        var reports = MixedMailbox.Generate(200, seed: 7)
            .Where(mail => Kind(mail.Name) == "aggregate")
            .Select(mail => Read.SingleReport(mail.Mail))
            .ToList();

        Assert.All(reports, report => Assert.InRange(report.RecordCount, 1, MixedMailbox.MaxRecords));
        Assert.Equal(4, reports.Select(report => report.Metadata.OrgName).Distinct().Count());
        Assert.True(reports.Select(report => report.Policy.Domain).Distinct().Count() > 1, "reports are about several domains");
    }

    [Fact]
    public void Junk_percent_outside_0_to_100_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MixedMailbox.Generate(10, junkPercent: 101));
        Assert.Throws<ArgumentOutOfRangeException>(() => MixedMailbox.Generate(10, junkPercent: -1));
    }

    private static string Kind(string name) => name[6..^4].StartsWith("junk-", StringComparison.Ordinal) ? "junk" : name[6..^4];

    [GeneratedRegex(@"^\d{5}-(aggregate|tls|failure|junk-[a-z-]+)\.eml$")]
    private static partial Regex NamePattern();
}
