using System.Net;
using Dmarc.Reports.Domains;

namespace Dmarc.Reports.Enrichment;

/// <summary>A third party the operator allows to send for their domains, and how to recognise its mail.</summary>
public sealed record AuthorisedSender(string Name)
{
    /// <summary>IP ranges the third party sends from for the operator (e.g. a dedicated IP at an ESP).</summary>
    public IReadOnlyList<IPNetwork> Ranges { get; init; } = [];

    /// <summary>Domains the operator's SPF record includes for it (e.g. <c>sendgrid.net</c>).</summary>
    public IReadOnlyList<string> SpfIncludes { get; init; } = [];

    /// <summary>DKIM <c>d=</c> domains it signs with (e.g. <c>mcsv.net</c>, or a subdomain of the operator's own).</summary>
    public IReadOnlyList<string> DkimDomains { get; init; } = [];
}

/// <summary>
/// The operator's own sending set-up: their outbound IP ranges and the third parties they authorised. A source or
/// record that matches is theirs (type <see cref="SenderType.Operator"/>) or their named third party's (type
/// <see cref="SenderType.EmailServiceProvider"/>), so its failures are misconfiguration, not spoofing.
/// </summary>
public sealed class SenderInventory
{
    private readonly IOrganizationalDomains _organizationalDomains;

    public SenderInventory(
        string operatorName,
        IReadOnlyList<IPNetwork> outboundRanges,
        IReadOnlyList<AuthorisedSender> authorisedSenders,
        IOrganizationalDomains organizationalDomains)
    {
        ArgumentNullException.ThrowIfNull(organizationalDomains);
        OperatorName = operatorName;
        OutboundRanges = outboundRanges;
        AuthorisedSenders = authorisedSenders;
        _organizationalDomains = organizationalDomains;
    }

    /// <summary>No inventory: nothing matches.</summary>
    public static SenderInventory Empty { get; } = new(DefaultOperatorName, [], [], new NoDomains());

    public const string DefaultOperatorName = "the operator's own servers";

    /// <summary>The name shown for matches of <see cref="OutboundRanges"/>.</summary>
    public string OperatorName { get; }

    public IReadOnlyList<IPNetwork> OutboundRanges { get; }

    public IReadOnlyList<AuthorisedSender> AuthorisedSenders { get; }

    /// <summary>Reads an inventory file (see docs/configuration.md); <see cref="InvalidDataException"/> says what is wrong with it.</summary>
    public static SenderInventory Load(Stream json, IOrganizationalDomains organizationalDomains, string fileName = "sender inventory")
    {
        var file = EnrichmentJson.Read<InventoryFile>(json, fileName);
        var ranges = ParseRanges(file.OutboundRanges, $"{fileName}: outboundRanges");
        var senders = (file.AuthorisedSenders ?? []).Select((entry, index) => entry.ToSender(fileName, index)).ToList();
        var name = string.IsNullOrWhiteSpace(file.Operator) ? DefaultOperatorName : file.Operator.Trim();
        return new SenderInventory(name, ranges, senders, organizationalDomains);
    }

    /// <summary>What the source IP alone shows: one of the operator's ranges, a third party's range, or an SPF include's servers.</summary>
    public KnownSender? MatchSource(IPAddress ip, string? baseDomain)
    {
        foreach (var own in OutboundRanges.Where(range => AddressRange.Contains(range, ip)))
        {
            return new KnownSender(OperatorName, SenderType.Operator, $"{ip} is in the operator's outbound range {own}");
        }

        foreach (var sender in AuthorisedSenders)
        {
            foreach (var range in sender.Ranges.Where(range => AddressRange.Contains(range, ip)))
            {
                return Authorised(sender, $"{ip} is in {range}, a range of authorised sender {sender.Name}");
            }
        }

        if (baseDomain is not null)
        {
            foreach (var sender in AuthorisedSenders)
            {
                foreach (var include in sender.SpfIncludes.Where(include => OrganizationalDomain(include) == baseDomain))
                {
                    return Authorised(sender, $"forward-confirmed reverse DNS under {baseDomain}, the domain of SPF include {include} authorised for {sender.Name}");
                }
            }
        }

        return null;
    }

    /// <summary>
    /// What a record shows: the source (see <see cref="MatchSource"/>), else a passing DKIM signature with an
    /// authorised <c>d=</c> (or a subdomain of one), else an SPF pass for a domain under an authorised include's
    /// organisational domain. Failing results never match: anyone can write any <c>d=</c> or MAIL FROM.
    /// </summary>
    public KnownSender? MatchRecord(SourceInfo source, Aggregate.AggregateRecord record)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(record);
        if (SourceAddress.TryParse(source.Ip, out var ip) && MatchSource(ip, source.ForwardConfirmed ? source.BaseDomain : null) is { } bySource)
        {
            return bySource;
        }

        return MatchPassingDomains(
            record.Dkim.Where(dkim => dkim.Result == Aggregate.DkimResult.Pass).Select(dkim => dkim.Domain),
            record.Spf.Where(spf => spf.Result == Aggregate.SpfResult.Pass).Select(spf => spf.Domain));
    }

    /// <summary>
    /// The authorised sender whose DKIM domain a passing DKIM <c>d=</c> is at or under, or whose SPF include shares its
    /// organisational domain with a passing SPF domain; null when none is.
    /// </summary>
    public KnownSender? MatchPassingDomains(IEnumerable<string> dkimPassDomains, IEnumerable<string> spfPassDomains)
    {
        ArgumentNullException.ThrowIfNull(dkimPassDomains);
        ArgumentNullException.ThrowIfNull(spfPassDomains);
        foreach (var dkimDomain in dkimPassDomains)
        {
            var domain = EnrichmentJson.Domain(dkimDomain);
            foreach (var sender in AuthorisedSenders)
            {
                if (sender.DkimDomains.FirstOrDefault(listed => domain is not null && IsAtOrUnder(domain, listed)) is { } listedDomain)
                {
                    return Authorised(sender, $"DKIM d={domain} passes; {listedDomain} is authorised for {sender.Name}");
                }
            }
        }

        foreach (var spfDomain in spfPassDomains)
        {
            if (EnrichmentJson.Domain(spfDomain) is not { } domain)
            {
                continue;
            }

            var organizational = OrganizationalDomain(domain);
            foreach (var sender in AuthorisedSenders)
            {
                if (sender.SpfIncludes.FirstOrDefault(include => OrganizationalDomain(include) == organizational) is { } include)
                {
                    return Authorised(sender, $"SPF passes for {domain}, under {organizational} of SPF include {include} authorised for {sender.Name}");
                }
            }
        }

        return null;
    }

    private static KnownSender Authorised(AuthorisedSender sender, string why) => new(sender.Name, SenderType.EmailServiceProvider, why);

    private static bool IsAtOrUnder(string domain, string listed) =>
        domain == listed || domain.EndsWith("." + listed, StringComparison.Ordinal);

    private string OrganizationalDomain(string domain) => _organizationalDomains.Of(domain).TrimEnd('.').ToLowerInvariant();

    private static List<IPNetwork> ParseRanges(List<string>? texts, string where)
    {
        var ranges = new List<IPNetwork>();
        foreach (var text in texts ?? [])
        {
            if (!AddressRange.TryParse(text, out var range, out var problem))
            {
                throw new InvalidDataException($"{where}: {problem}");
            }

            ranges.Add(range);
        }

        return ranges;
    }

    private static List<string> ParseDomains(List<string>? texts, string where)
    {
        var domains = new List<string>();
        foreach (var text in texts ?? [])
        {
            var domain = EnrichmentJson.Domain(text);
            if (domain is null || !domain.Contains('.', StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{where}: '{text}' is not a domain with at least two labels");
            }

            domains.Add(domain);
        }

        return domains;
    }

    /// <summary>For the empty inventory, which has no domains to look at.</summary>
    private sealed class NoDomains : IOrganizationalDomains
    {
        public string Of(string domain) => domain;
    }

    private sealed class InventoryFile
    {
        public string? Operator { get; set; }
        public List<string>? OutboundRanges { get; set; }
        public List<SenderEntry>? AuthorisedSenders { get; set; }
    }

    private sealed class SenderEntry
    {
        public string? Name { get; set; }
        public List<string>? Ranges { get; set; }
        public List<string>? SpfIncludes { get; set; }
        public List<string>? DkimDomains { get; set; }

        public AuthorisedSender ToSender(string fileName, int index)
        {
            var where = $"{fileName}: authorised sender {index + 1}";
            if (string.IsNullOrWhiteSpace(Name))
            {
                throw new InvalidDataException($"{where} has no name");
            }

            where += $" ({Name})";
            return new AuthorisedSender(Name.Trim())
            {
                Ranges = ParseRanges(Ranges, $"{where}: ranges"),
                SpfIncludes = ParseDomains(SpfIncludes, $"{where}: spfIncludes"),
                DkimDomains = ParseDomains(DkimDomains, $"{where}: dkimDomains"),
            };
        }
    }
}
