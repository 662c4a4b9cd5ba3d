namespace Dmarc.ReportGenerator;

/// <summary>How a reporter spells its report ids.</summary>
public enum ReportIdStyle
{
    Numeric,
    Hex,
    Dotted,
    AngleBracketed,
}

/// <summary>
/// A receiver that sends aggregate reports, as it presents itself in the XML (<c>org_name</c>, <c>email</c>) and in
/// its mails (<see cref="MailFrom"/>, the <see cref="Submitter"/> domain in the subject and attachment name).
/// </summary>
public sealed record Reporter(
    string OrgName,
    string Email,
    string? ExtraContactInfo,
    string MailFrom,
    string Submitter,
    ReportIdStyle IdStyle,
    bool WritesEnvelopeTo,
    IReadOnlyList<string> RecipientDomains)
{
    public static Reporter Google { get; } = new(
        "google.com", "noreply-dmarc-support@google.com", "https://support.google.com/a/answer/2466580",
        "noreply-dmarc-support@google.com", "google.com", ReportIdStyle.Numeric, false, ["gmail.com"]);

    public static Reporter Outlook { get; } = new(
        "Enterprise Outlook", "dmarcreport@microsoft.com", null,
        "dmarcreport@microsoft.com", "enterprise.protection.outlook.com", ReportIdStyle.Hex, true,
        ["outlook.com", "hotmail.com", "live.com"]);

    public static Reporter Yahoo { get; } = new(
        "Yahoo", "dmarchelp@yahooinc.com", null,
        "noreply@dmarc.yahoo.com", "yahoo.com", ReportIdStyle.Dotted, false, ["yahoo.com"]);

    /// <summary>A small regional provider (made up), with the <c>&lt;id@host&gt;</c> report ids some small reporters use.</summary>
    public static Reporter MailCoop { get; } = new(
        "Mail Cooperative", "dmarc-reports@mailcoop.example", "https://mailcoop.example/postmaster",
        "dmarc-reports@mailcoop.example", "mailcoop.example", ReportIdStyle.AngleBracketed, true, ["mailcoop.example"]);

    /// <summary>A made-up free-mail provider that sends failure reports (ruf); the big receivers send none.</summary>
    public static Reporter FreeMail { get; } = new(
        "FreeMail", "dmarc-noreply@freemail.example", null,
        "dmarc-noreply@freemail.example", "freemail.example", ReportIdStyle.Dotted, false, ["freemail.example"]);

    public string NewReportId(SeededRandom random, DateTimeOffset begin) => IdStyle switch
    {
        ReportIdStyle.Numeric => $"{random.NextUInt64() % 10_000_000_000_000_000_000UL:D19}",
        ReportIdStyle.Hex => $"{random.NextUInt64():x16}{random.NextUInt64():x16}",
        ReportIdStyle.Dotted => $"{begin.ToUnixTimeSeconds()}.{random.Next(100_000, 1_000_000)}",
        _ => $"<{begin:yyyyMMdd}.{random.Next(1000, 10_000)}@{Submitter}>",
    };
}
