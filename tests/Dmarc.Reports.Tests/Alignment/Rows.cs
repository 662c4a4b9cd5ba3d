namespace Dmarc.Reports.Tests.Alignment;

/// <summary>Small aggregate records and policies, built in code for the alignment stories.</summary>
internal static class Rows
{
    public static AggregateRecord Record(
        string headerFrom = "example.com",
        IReadOnlyList<SpfAuthResult>? spf = null,
        IReadOnlyList<DkimAuthResult>? dkim = null,
        bool reporterDkimPass = false,
        bool reporterSpfPass = false,
        long count = 1) =>
        new()
        {
            SourceIp = "192.0.2.1",
            Count = count,
            PolicyEvaluated = new PolicyEvaluated(
                Disposition.None,
                reporterDkimPass ? DmarcVerdict.Pass : DmarcVerdict.Fail,
                reporterSpfPass ? DmarcVerdict.Pass : DmarcVerdict.Fail,
                []),
            HeaderFrom = headerFrom,
            Spf = spf ?? [],
            Dkim = dkim ?? [],
        };

    public static SpfAuthResult MailFrom(string domain, SpfResult result = SpfResult.Pass) => new(domain, SpfScope.MailFrom, result, null);

    public static SpfAuthResult Helo(string domain, SpfResult result = SpfResult.Pass) => new(domain, SpfScope.Helo, result, null);

    public static DkimAuthResult Dkim(string domain, DkimResult result = DkimResult.Pass) => new(domain, "selector", result, null);

    public static PolicyPublished Policy(AlignmentMode adkim = AlignmentMode.Relaxed, AlignmentMode aspf = AlignmentMode.Relaxed) =>
        new() { Domain = "example.com", Adkim = adkim, Aspf = aspf };
}
