namespace Dmarc.ReportGenerator;

/// <summary>The <c>policy_published</c> values, as text the way reporters write them.</summary>
public sealed record PublishedPolicy(
    string Domain,
    string P = "none",
    string? Sp = "none",
    int? Pct = 100,
    string Adkim = "r",
    string Aspf = "r",
    string? Fo = null)
{
    /// <summary>The policy that applies to <paramref name="headerFrom"/>: p for the domain itself, sp for subdomains.</summary>
    public string PolicyFor(string headerFrom) =>
        string.Equals(headerFrom, Domain, StringComparison.OrdinalIgnoreCase) ? P : Sp ?? P;
}

/// <summary>Everything of an aggregate report but its records: who reports, which report, which policy and period.</summary>
public sealed record AggregateReportHeader(Reporter Reporter, string ReportId, PublishedPolicy Policy, DateTimeOffset Begin, DateTimeOffset End)
{
    /// <summary>A one-day report as the big receivers send them: begin at midnight UTC, end one second before the next.</summary>
    public static AggregateReportHeader Daily(Reporter reporter, PublishedPolicy policy, DateOnly day, long seed)
    {
        var begin = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return new(reporter, reporter.NewReportId(new SeededRandom(seed), begin), policy, begin, begin.AddDays(1).AddSeconds(-1));
    }

    /// <summary>The reporters' attachment naming: <c>submitter!policy-domain!begin!end</c>, without extension.</summary>
    public string FileBaseName => $"{Reporter.Submitter}!{Policy.Domain}!{Begin.ToUnixTimeSeconds()}!{End.ToUnixTimeSeconds()}";
}
