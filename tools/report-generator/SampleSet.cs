using static Dmarc.ReportGenerator.StreamKind;

namespace Dmarc.ReportGenerator;

/// <summary>
/// The files in <c>samples/</c>: small reports of one week in March 2026 for example.com/.net/.org, one scenario each
/// (see docs/samples.md). Fixed seeds and times: regenerating gives the same bytes.
/// </summary>
public static class SampleSet
{
    private static readonly PublishedPolicy _exampleCom = new("example.com");
    private static readonly PublishedPolicy _exampleNet = new("example.net", Fo: "1");
    private static readonly PublishedPolicy _exampleOrg = new("example.org", P: "quarantine", Sp: "quarantine");

    public static IReadOnlyList<(string FileName, Func<byte[]> Content)> Files { get; } =
    [
        ("aggregate-google-compliant.xml", () => Xml(Report(Reporter.Google, _exampleCom, 2, 101), t => t.Of((OwnServer, 8), (AlignedEsp, 4)))),
        ("aggregate-outlook-forwarded.xml.gz", () => ReportCompression.Gzip(
            Xml(Report(Reporter.Outlook, _exampleCom, 3, 102), t => t.Of((OwnServer, 5), (Forwarded, 6), (MailingList, 4))))),
        ("aggregate-yahoo-misconfigured-esp.zip", () => Zipped(
            Report(Reporter.Yahoo, _exampleCom, 4, 103), t => t.Of((OwnServer, 5), (AlignedEsp, 2), (MisconfiguredEsp, 6)))),
        ("aggregate-mailcoop-spoofing.xml", () => Xml(TwoDayReport(Reporter.MailCoop, _exampleNet, 5, 104), t => t.Of((OwnServer, 4), (Spoofing, 8)))),
        ("mail-google-zip.eml", () => Mail(Report(Reporter.Google, _exampleNet, 6, 105), 24, ReportAttachment.Zip)),
        ("mail-outlook-gzip.eml", () => Mail(Report(Reporter.Outlook, _exampleOrg, 7, 106), 30, ReportAttachment.Gzip)),
        ("mail-newsletter.eml", () => MailBytes(NewsletterMail.Create(new DateTimeOffset(2026, 3, 5, 8, 30, 0, TimeSpan.FromHours(9))))),
        ("broken-truncated.xml.gz", () => FirstHalf(ReportCompression.Gzip(Xml(Report(Reporter.Yahoo, _exampleOrg, 8, 107), t => t.Mixed(20))))),
        ("broken-cut-in-half.xml", () => FirstHalf(Xml(Report(Reporter.MailCoop, _exampleCom, 8, 108), t => t.Mixed(16)))),
        ("mail-google-tls.eml", () => MailBytes(TlsReportMail.Create(
            TlsReporter.Google, SyntheticTlsReport.WithFailures(TlsReporter.Google, "example.com", new DateOnly(2026, 3, 6), 109,
                [TlsResultTypes.CertificateExpired, TlsResultTypes.StarttlsNotSupported])))),
        ("mail-failure-report.eml", () => MailBytes(FailureReportMail.Create(Reporter.MailCoop, FailedMessage.Create(
            FailureScenario.Spoofing, "example.net", "mailcoop.example", new DateTimeOffset(2026, 3, 5, 14, 22, 31, TimeSpan.Zero), 110)))),
        ("mail-bounce.eml", () => MailBytes(JunkMail.Bounce(new DateTimeOffset(2026, 3, 7, 9, 15, 0, TimeSpan.FromHours(1)), 111))),
    ];

    public static void WriteAll(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var (fileName, content) in Files)
        {
            File.WriteAllBytes(Path.Combine(directory, fileName), content());
        }
    }

    private static AggregateReportHeader Report(Reporter reporter, PublishedPolicy policy, int dayOfMarch, long seed) =>
        AggregateReportHeader.Daily(reporter, policy, new DateOnly(2026, 3, dayOfMarch), seed);

    /// <summary>Small reporters sometimes cover two days in one report; daily statistics must split it.</summary>
    private static AggregateReportHeader TwoDayReport(Reporter reporter, PublishedPolicy policy, int dayOfMarch, long seed)
    {
        var daily = Report(reporter, policy, dayOfMarch, seed);
        return daily with { End = daily.Begin.AddDays(2) };
    }

    private static byte[] Xml(AggregateReportHeader header, Func<SyntheticTraffic, IEnumerable<SyntheticRecord>> records) =>
        AggregateReportWriter.ToBytes(header, records(new SyntheticTraffic(header, header.Begin.ToUnixTimeSeconds())));

    private static byte[] Zipped(AggregateReportHeader header, Func<SyntheticTraffic, IEnumerable<SyntheticRecord>> records) =>
        ReportCompression.Zip(Xml(header, records), header.FileBaseName + ".xml", header.End);

    private static byte[] Mail(AggregateReportHeader header, int records, ReportAttachment attachment) =>
        MailBytes(AggregateReportMail.Create(header, Xml(header, t => t.Mixed(records)), attachment));

    private static byte[] MailBytes(MimeKit.MimeMessage message)
    {
        using var buffer = new MemoryStream();
        AggregateReportMail.WriteTo(message, buffer);
        return buffer.ToArray();
    }

    /// <summary>A transfer cut off half way: still recognisably a report, but not a whole one.</summary>
    private static byte[] FirstHalf(byte[] bytes) => bytes[..(bytes.Length / 2)];
}
