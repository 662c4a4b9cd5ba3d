using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Domains;

namespace Dmarc.Reports.Diagnosis;

/// <summary>
/// The domains of the reports whose reporters found organisational domains by DNS tree walk
/// (<c>discovery_method=treewalk</c>): each policy domain with all the messages of its reports, each other Header-From
/// domain with the messages of its records, and the reports each appears in. Gathered while records stream in,
/// bounded: past <c>bound</c> domains, further ones are only counted in <see cref="MessagesPastBound"/>.
/// </summary>
internal sealed class TreeWalkDomains(int bound)
{
    private readonly Dictionary<string, TreeWalkDomain> _domains = new(StringComparer.Ordinal);

    /// <summary>Reports that said <c>discovery_method=treewalk</c>.</summary>
    public long Reports { get; private set; }

    /// <summary>Messages of domains past the bound: not compared.</summary>
    public long MessagesPastBound { get; private set; }

    public IReadOnlyCollection<TreeWalkDomain> Domains => _domains.Values;

    public static bool Walked(PolicyPublished policy) => policy.DiscoveryMethod == DiscoveryMethod.TreeWalk;

    /// <summary>Adds one report of <paramref name="policy"/>'s domain with its records (merged by shape, with their counts).</summary>
    public void AddReport(long sequence, PolicyPublished policy, IEnumerable<AggregateRecord> records)
    {
        Reports++;
        var policyDomain = DomainNames.Canonical(policy.Domain);
        var all = 0L;
        var policyIsHeaderFrom = false;
        foreach (var record in records)
        {
            var count = Math.Max(record.Count, 0);
            all += count;
            var headerFrom = DomainNames.Canonical(record.HeaderFrom);
            if (headerFrom is null)
            {
                continue;
            }

            if (string.Equals(headerFrom, policyDomain, StringComparison.Ordinal))
            {
                policyIsHeaderFrom = true;
            }
            else
            {
                Add(headerFrom, sequence, count)?.AsHeaderFrom = true;
            }
        }

        if (policyDomain is not null && Add(policyDomain, sequence, all) is { } entry)
        {
            entry.AsPolicyDomain = true;
            entry.AsHeaderFrom |= policyIsHeaderFrom;
        }
    }

    public TreeWalkDomain? Find(string domain) =>
        DomainNames.Canonical(domain) is { } name ? _domains.GetValueOrDefault(name) : null;

    private TreeWalkDomain? Add(string domain, long sequence, long messages)
    {
        if (!_domains.TryGetValue(domain, out var entry))
        {
            if (_domains.Count >= bound)
            {
                MessagesPastBound += messages;
                return null;
            }

            _domains[domain] = entry = new TreeWalkDomain(domain);
        }

        entry.Add(sequence, messages);
        return entry;
    }
}

/// <summary>One domain of <see cref="TreeWalkDomains"/>: the reports and messages it appears in, and as what.</summary>
internal sealed class TreeWalkDomain(string domain)
{
    private long _lastReport = -1;

    public string Domain { get; } = domain;
    public long Reports { get; private set; }
    public long Messages { get; private set; }
    public bool AsHeaderFrom { get; set; }
    public bool AsPolicyDomain { get; set; }

    public void Add(long sequence, long messages)
    {
        if (sequence != _lastReport)
        {
            _lastReport = sequence;
            Reports++;
        }

        Messages += messages;
    }
}
