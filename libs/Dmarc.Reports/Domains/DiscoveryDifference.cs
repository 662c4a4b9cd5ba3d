namespace Dmarc.Reports.Domains;

/// <summary>
/// For one domain, the organisational domain by the Public Suffix List (RFC 7489) beside the one by the DNS tree walk
/// (RFC 9989). Where they differ, a reporter that says <c>discovery_method=treewalk</c> may align (relaxed) what a
/// PSL-based check does not, or the other way round: a recomputed verdict that disagrees may be explained by this.
/// </summary>
public sealed record DiscoveryDifference(string Domain, string ByPublicSuffixList, string ByTreeWalk)
{
    /// <summary>The two methods give different organisational domains.</summary>
    public bool Differs => !string.Equals(ByPublicSuffixList, ByTreeWalk, StringComparison.Ordinal);

    /// <summary>Finds both organisational domains of <paramref name="domain"/>.</summary>
    public static async ValueTask<DiscoveryDifference> OfAsync(
        string domain, IOrganizationalDomains publicSuffixList, IDmarcRecordSource records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(publicSuffixList);
        var byTreeWalk = await TreeWalk.OrganizationalDomainAsync(domain, records, cancellationToken).ConfigureAwait(false);
        return new DiscoveryDifference(domain, publicSuffixList.Of(domain), byTreeWalk);
    }

    /// <summary>The domains among <paramref name="domains"/> (each looked at once, ignoring case) whose two
    /// organisational domains differ.</summary>
    public static async ValueTask<IReadOnlyList<DiscoveryDifference>> AmongAsync(
        IEnumerable<string> domains, IOrganizationalDomains publicSuffixList, IDmarcRecordSource records,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(domains);
        var differences = new List<DiscoveryDifference>();
        foreach (var domain in domains.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var difference = await OfAsync(domain, publicSuffixList, records, cancellationToken).ConfigureAwait(false);
            if (difference.Differs)
            {
                differences.Add(difference);
            }
        }

        return differences;
    }
}
