using MimeKit;

namespace Dmarc.ReportGenerator;

/// <summary>What a mail of a <see cref="MixedMailbox"/> is; its name says it too (<c>00042-aggregate.eml</c>).</summary>
public enum MailboxMailKind
{
    Aggregate,
    Tls,
    Failure,
    Junk,
}

/// <summary>
/// A realistic mailbox that rua, ruf and TLS-RPT addresses all point to, for tests and benchmarks. Of every 100 mails
/// <c>junkPercent</c> are junk (<see cref="JunkKind"/>, all kinds alike); the rest is split 16 : 1 : 1 into aggregate
/// report mails, TLS report mails and failure reports — with the default 10% junk: 80% aggregate, 5% TLS, 5% failure,
/// 10% junk. Each mail's kind is drawn at random, so a small mailbox varies around these fractions.
/// </summary>
public static class MixedMailbox
{
    public static IReadOnlyList<Reporter> AggregateReporters { get; } = [Reporter.Google, Reporter.Outlook, Reporter.Yahoo, Reporter.MailCoop];
    public static IReadOnlyList<Reporter> FailureReporters { get; } = [Reporter.MailCoop, Reporter.FreeMail];

    /// <summary>The operator's domains, each with its own policy.</summary>
    public static IReadOnlyList<PublishedPolicy> Domains { get; } =
    [
        new("example.com"),
        new("example.net", Fo: "1"),
        new("example.org", P: "quarantine", Sp: "quarantine"),
        new("example.info", P: "reject", Sp: "reject", Pct: null),
    ];

    /// <summary>Reports cover days from here on, over <see cref="Days"/> days.</summary>
    public static DateOnly FirstDay { get; } = new(2026, 3, 1);

    public const int Days = 28;
    public const int MaxRecords = 40;

    /// <summary>Failure scenarios, spoofing weighted most (it is what ruf mostly shows).</summary>
    private static readonly FailureScenario[] _failureScenarios =
    [
        FailureScenario.Spoofing, FailureScenario.Spoofing, FailureScenario.Spoofing, FailureScenario.MisconfiguredEsp,
        FailureScenario.MailingList, FailureScenario.DkimFailure, FailureScenario.SpfFailure,
    ];

    /// <summary><paramref name="mails"/> mails named <c>NNNNN-kind.eml</c>, made one at a time as they are enumerated.</summary>
    public static IEnumerable<(string Name, byte[] Mail)> Generate(int mails, int junkPercent = 10, long seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(mails);
        ArgumentOutOfRangeException.ThrowIfNegative(junkPercent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(junkPercent, 100);
        return Mails(mails, junkPercent, seed);
    }

    /// <summary>The kind of a mail from a roll in [0, 1800): junk, then 1/18 of the rest each TLS and failure, then aggregate.</summary>
    public static MailboxMailKind KindOf(int roll, int junkPercent)
    {
        // Above the junk, the rest of the 1800 is (100 - junkPercent) eighteenths: one each for TLS and failure.
        var eighteenth = 100 - junkPercent;
        var reportRoll = roll - (junkPercent * 18);
        return reportRoll < 0 ? MailboxMailKind.Junk
            : reportRoll < eighteenth ? MailboxMailKind.Tls
            : reportRoll < 2 * eighteenth ? MailboxMailKind.Failure
            : MailboxMailKind.Aggregate;
    }

    private static IEnumerable<(string Name, byte[] Mail)> Mails(int mails, int junkPercent, long seed)
    {
        var random = new SeededRandom(seed);
        for (var number = 1; number <= mails; number++)
        {
            var kind = KindOf(random.Next(1800), junkPercent);
            // Each mail gets its own seed, so what one mail draws does not shift the next.
            var mail = new SeededRandom((long)random.NextUInt64());
            var day = FirstDay.AddDays(mail.Next(Days));
            var (label, message) = kind switch
            {
                MailboxMailKind.Aggregate => ("aggregate", Aggregate(mail, day)),
                MailboxMailKind.Tls => ("tls", Tls(mail, day)),
                MailboxMailKind.Failure => ("failure", Failure(mail, day)),
                _ => Junk(mail, day),
            };
            yield return ($"{number:D5}-{label}.eml", Bytes(message));
        }
    }

    private static MimeMessage Aggregate(SeededRandom random, DateOnly day)
    {
        var reporter = random.Pick(AggregateReporters);
        var header = AggregateReportHeader.Daily(reporter, random.Pick(Domains), day, (long)random.NextUInt64());
        var records = new SyntheticTraffic(header, (long)random.NextUInt64()).Mixed(random.Next(1, MaxRecords + 1));
        var attachment = reporter == Reporter.Outlook ? ReportAttachment.Gzip
            : reporter == Reporter.MailCoop && random.Percent(50) ? ReportAttachment.Gzip
            : ReportAttachment.Zip;
        return AggregateReportMail.Create(header, AggregateReportWriter.ToBytes(header, records), attachment);
    }

    private static MimeMessage Tls(SeededRandom random, DateOnly day)
    {
        var reporter = random.Pick(TlsReporter.All);
        var roll = random.Next(100);
        var policyType = roll < 75 ? TlsPolicyTypes.Sts : roll < 85 ? TlsPolicyTypes.Tlsa : TlsPolicyTypes.NoPolicyFound;
        var failures = random.Percent(60) ? 0 : random.Next(1, 4);
        var report = SyntheticTlsReport.Daily(reporter, random.Pick(Domains).Domain, day, (long)random.NextUInt64(), failures, policyType);
        var attachment = reporter == TlsReporter.MailCoop
            ? random.Pick([TlsReportAttachment.Gzip, TlsReportAttachment.Json, TlsReportAttachment.BareMediaType])
            : TlsReportAttachment.Gzip;
        return TlsReportMail.Create(reporter, report, attachment);
    }

    private static MimeMessage Failure(SeededRandom random, DateOnly day)
    {
        var reporter = random.Pick(FailureReporters);
        var policy = random.Pick(Domains);
        var arrival = At(day, random);
        var failed = FailedMessage.Create(
            random.Pick(_failureScenarios), policy.Domain, reporter.RecipientDomains[0], arrival, (long)random.NextUInt64(), policy.P);
        var options = new FailureReportOptions(
            random.Percent(30) ? ArfSample.WholeMessage : ArfSample.Headers, Base64Feedback: random.Percent(20));
        return FailureReportMail.Create(reporter, failed, options);
    }

    private static (string Label, MimeMessage Message) Junk(SeededRandom random, DateOnly day)
    {
        var kind = random.Pick(JunkMail.Kinds);
        return ($"junk-{Label(kind)}", JunkMail.Create(kind, At(day, random), (long)random.NextUInt64()));
    }

    private static string Label(JunkKind kind) => kind switch
    {
        JunkKind.Newsletter => "newsletter",
        JunkKind.Bounce => "bounce",
        JunkKind.Phishing => "phishing",
        JunkKind.HtmlOnly => "html-only",
        JunkKind.AutoReply => "auto-reply",
        _ => "abuse-report",
    };

    private static DateTimeOffset At(DateOnly day, SeededRandom random) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddSeconds(random.Next(24 * 3600));

    private static byte[] Bytes(MimeMessage message)
    {
        using var buffer = new MemoryStream();
        AggregateReportMail.WriteTo(message, buffer);
        return buffer.ToArray();
    }
}
