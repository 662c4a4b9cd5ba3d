using System.Globalization;

namespace Dmarc.ReportGenerator;

/// <summary>How a TLS reporter spells its report ids, in the JSON, in the mail subject and in the file name.</summary>
public enum TlsReportIdStyle
{
    /// <summary>Google: <c>2026-03-02T00:00:00Z_example.com</c>; subject <c>&lt;2026.03.02T00.00.00Z+example.com@google.com&gt;</c>; file id <c>001</c>.</summary>
    DatedDomain,

    /// <summary>Microsoft: <c>134170632710000000+example.com</c> (Windows file time); the same in the subject, without angle brackets.</summary>
    FileTimePlusDomain,

    /// <summary>A UUID, in angle brackets in the subject, as RFC 8460's example.</summary>
    Uuid,
}

/// <summary>
/// A sending MTA operator that mails SMTP TLS reports (RFC 8460), as it presents itself in the JSON
/// (<c>organization-name</c>, <c>contact-info</c>) and in its mails (<see cref="MailFrom"/>, <see cref="Submitter"/>).
/// </summary>
public sealed record TlsReporter(
    string OrganizationName,
    string? ContactInfo,
    string MailFrom,
    string Submitter,
    TlsReportIdStyle IdStyle,
    bool WritesMxHost,
    bool IndentsJson)
{
    public static TlsReporter Google { get; } = new(
        "Google Inc.", "smtp-tls-reporting@google.com", "noreply-smtp-tls-reporting@google.com", "google.com",
        TlsReportIdStyle.DatedDomain, WritesMxHost: true, IndentsJson: false);

    /// <summary>Microsoft leaves <c>mx-host</c> out of its policies.</summary>
    public static TlsReporter Microsoft { get; } = new(
        "Microsoft Corporation", "tlsrpt-noreply@microsoft.com", "tlsrpt-noreply@microsoft.com", "microsoft.com",
        TlsReportIdStyle.FileTimePlusDomain, WritesMxHost: false, IndentsJson: false);

    /// <summary>A small provider (made up) running an open-source reporter that writes indented JSON.</summary>
    public static TlsReporter MailCoop { get; } = new(
        "Mail Cooperative", "tls-reports@mailcoop.example", "tls-reports@mailcoop.example", "mailcoop.example",
        TlsReportIdStyle.Uuid, WritesMxHost: true, IndentsJson: true);

    public static IReadOnlyList<TlsReporter> All { get; } = [Google, Microsoft, MailCoop];

    /// <summary>The <c>report-id</c> of a report about <paramref name="policyDomain"/> for the day starting at <paramref name="begin"/>.</summary>
    public string NewReportId(SeededRandom random, DateTimeOffset begin, string policyDomain) => IdStyle switch
    {
        TlsReportIdStyle.DatedDomain => $"{TlsReportWriter.Rfc3339(begin)}_{policyDomain}",
        // Microsoft's id is the time it wrote the report, in 100 ns steps since 1601, plus the domain.
        TlsReportIdStyle.FileTimePlusDomain =>
            $"{begin.AddDays(1).AddSeconds(random.Next(3600, 4 * 3600)).ToFileTime() + random.Next(10_000_000)}+{policyDomain}",
        _ => $"{random.NextUInt64() >> 32:x8}-{random.Next(0x10000):x4}-4{random.Next(0x1000):x3}-{random.Next(0x8000, 0xc000):x4}-{random.NextUInt64() >> 16:x12}",
    };

    /// <summary>The Report-ID as the mail subject carries it.</summary>
    public string SubjectReportId(TlsReportDocument report) => IdStyle switch
    {
        TlsReportIdStyle.DatedDomain => $"<{report.Begin.UtcDateTime.ToString("yyyy.MM.dd'T'HH.mm.ss'Z'", CultureInfo.InvariantCulture)}+{report.PolicyDomain}@{Submitter}>",
        TlsReportIdStyle.FileTimePlusDomain => report.ReportId,
        _ => $"<{report.ReportId}>",
    };

    /// <summary>The optional unique id at the end of the attachment name (RFC 8460 §5.3).</summary>
    public string FileUniqueId(TlsReportDocument report) => IdStyle switch
    {
        TlsReportIdStyle.DatedDomain => "001",
        TlsReportIdStyle.FileTimePlusDomain => report.ReportId.Split('+')[0],
        _ => report.ReportId,
    };
}
