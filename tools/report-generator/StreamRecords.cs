namespace Dmarc.ReportGenerator;

/// <summary>The authentication results and verdicts typical of each <see cref="StreamKind"/>.</summary>
internal static class StreamRecords
{
    private const string OwnSelector = "s2026";

    public static SyntheticRecord Create(StreamKind kind, string headerFrom, string sourceIp, SeededRandom random) => kind switch
    {
        StreamKind.OwnServer => OwnServer(headerFrom, sourceIp, random),
        StreamKind.AlignedEsp => Record(sourceIp, random.Count(12), "pass", "pass", headerFrom, $"bounces.{headerFrom}",
            [new(headerFrom, "esp1", "pass"), new(SendingNetworks.EspSigningDomain, "s1", "pass")],
            new($"bounces.{headerFrom}", "mfrom", "pass")),
        StreamKind.Forwarded => Record(sourceIp, random.Count(5), "pass", "fail", headerFrom, headerFrom,
            [new(headerFrom, OwnSelector, "pass")],
            new(headerFrom, "mfrom", random.Percent(50) ? "fail" : "softfail"))
            with { Overrides = random.Percent(40) ? [new("forwarded")] : [] },
        StreamKind.MailingList => Record(sourceIp, random.Count(4), "fail", "fail", headerFrom, SendingNetworks.MailingListDomain,
            [new(headerFrom, OwnSelector, "fail"), new(SendingNetworks.MailingListDomain, "list", "pass")],
            new(SendingNetworks.MailingListDomain, "mfrom", "pass"))
            with { Overrides = random.Percent(60) ? [new("mailing_list")] : [new("local_policy", "arc=pass")] },
        StreamKind.MisconfiguredEsp => Record(sourceIp, random.Count(11), "fail", "fail", headerFrom, SendingNetworks.EspBounceDomain,
            random.Percent(80) ? [new(SendingNetworks.EspSigningDomain, "s1", "pass")] : [],
            new(SendingNetworks.EspBounceDomain, "mfrom", "pass")),
        _ => Spoofing(headerFrom, sourceIp, random),
    };

    private static SyntheticRecord OwnServer(string headerFrom, string sourceIp, SeededRandom random)
    {
        // A server not yet in the SPF record soft-fails now and then; DKIM still carries DMARC.
        var spfPasses = random.Percent(92);
        return Record(sourceIp, random.Count(13), "pass", spfPasses ? "pass" : "fail", headerFrom, headerFrom,
            [new(headerFrom, OwnSelector, "pass")],
            new(headerFrom, "mfrom", spfPasses ? "pass" : "softfail"));
    }

    private static SyntheticRecord Spoofing(string headerFrom, string sourceIp, SeededRandom random)
    {
        var envelopeFrom = random.Percent(60) ? headerFrom : $"mx{random.Next(1, 99)}.spam-{random.Next(100, 999)}.example";
        SyntheticDkim[] dkim = random.Percent(25) ? [new(headerFrom, "default", "fail")] : [];
        string[] spfResults = ["fail", "softfail", "none", "neutral"];
        return Record(sourceIp, random.Count(5), "fail", "fail", headerFrom, envelopeFrom, dkim,
            new(envelopeFrom, "mfrom", random.Pick(spfResults)));
    }

    private static SyntheticRecord Record(
        string sourceIp, long count, string dkimVerdict, string spfVerdict, string headerFrom, string envelopeFrom,
        SyntheticDkim[] dkim, SyntheticSpf spf) => new()
        {
            SourceIp = sourceIp,
            Count = count,
            Disposition = "none",
            DkimVerdict = dkimVerdict,
            SpfVerdict = spfVerdict,
            HeaderFrom = headerFrom,
            EnvelopeFrom = envelopeFrom,
            Dkim = dkim,
            Spf = spf,
        };
}
