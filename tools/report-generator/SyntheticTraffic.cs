namespace Dmarc.ReportGenerator;

/// <summary>
/// Makes the records of one report: realistic values for each <see cref="StreamKind"/>, the receiver's verdicts and
/// the disposition the published policy leads to. Deterministic for a seed; records are made one at a time.
/// </summary>
public sealed class SyntheticTraffic(AggregateReportHeader header, long seed)
{
    /// <summary>Roughly what a busy domain's reports hold, in records (not messages).</summary>
    public static IReadOnlyList<(StreamKind Kind, int Weight)> TypicalMix { get; } =
    [
        (StreamKind.OwnServer, 50), (StreamKind.AlignedEsp, 15), (StreamKind.Forwarded, 8),
        (StreamKind.MailingList, 5), (StreamKind.MisconfiguredEsp, 7), (StreamKind.Spoofing, 15),
    ];

    private readonly SeededRandom _random = new(seed);
    private readonly string[] _headerFromDomains = HeaderFromDomains(header.Policy.Domain);

    /// <summary><paramref name="count"/> records drawn from <see cref="TypicalMix"/>.</summary>
    public IEnumerable<SyntheticRecord> Mixed(int count)
    {
        var total = TypicalMix.Sum(entry => entry.Weight);
        for (var i = 0; i < count; i++)
        {
            var roll = _random.Next(total);
            var kind = TypicalMix.First(entry => (roll -= entry.Weight) < 0).Kind;
            yield return Create(kind);
        }
    }

    /// <summary>Records of the given kinds, in order: <c>Of((OwnServer, 5), (Spoofing, 3))</c>.</summary>
    public IEnumerable<SyntheticRecord> Of(params (StreamKind Kind, int Count)[] streams) =>
        streams.SelectMany(stream => Enumerable.Range(0, stream.Count).Select(_ => Create(stream.Kind)));

    public SyntheticRecord Create(StreamKind kind)
    {
        var headerFrom = _random.Pick(_headerFromDomains);
        var record = StreamRecords.Create(kind, headerFrom, SendingNetworks.SourceIp(kind, _random), _random);
        // Reporters that write envelope_to leave it out when the recipient domain is unknown (e.g. after expansion).
        var envelopeTo = header.Reporter.WritesEnvelopeTo && _random.Percent(20) ? _random.Pick(header.Reporter.RecipientDomains) : null;
        return record with { EnvelopeTo = envelopeTo, Disposition = Disposition(record) };
    }

    /// <summary>What the receiver did: nothing when DMARC passed or it overrode the policy, else the policy for the domain.</summary>
    private string Disposition(SyntheticRecord record) =>
        record.DkimVerdict == "pass" || record.SpfVerdict == "pass" || record.Overrides.Count > 0
            ? "none"
            : header.Policy.PolicyFor(record.HeaderFrom);

    /// <summary>Header-From domains seen in a domain's reports: mostly the domain itself, some subdomains.</summary>
    private static string[] HeaderFromDomains(string domain) =>
        [domain, domain, domain, $"news.{domain}", $"mail.{domain}", $"shop.{domain}"];
}
