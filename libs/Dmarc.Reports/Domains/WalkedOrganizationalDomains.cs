using System.Collections.Concurrent;

namespace Dmarc.Reports.Domains;

/// <summary>
/// Organisational domains found by the DNS tree walk ahead of time, for synchronous use by alignment checks of reports
/// that say <c>discovery_method=treewalk</c>: <see cref="WalkAsync"/> the domains of a report first, then
/// <see cref="Of"/> answers from what was walked and asks <c>fallback</c> (e.g. the Public Suffix List) for the rest.
/// </summary>
public sealed class WalkedOrganizationalDomains(IDmarcRecordSource records, IOrganizationalDomains fallback) : IOrganizationalDomains
{
    private readonly ConcurrentDictionary<string, string> _walked = new(StringComparer.Ordinal);

    /// <summary>How many distinct names have been walked.</summary>
    public int Count => _walked.Count;

    /// <summary>Walks every name of <paramref name="domains"/> not walked before.</summary>
    public async ValueTask WalkAsync(IEnumerable<string> domains, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(domains);
        foreach (var domain in domains)
        {
            var key = DomainNames.Canonical(domain) ?? DomainNames.Loose(domain);
            if (!_walked.ContainsKey(key))
            {
                _walked[key] = await TreeWalk.OrganizationalDomainAsync(key, records, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The walked organisational domain of <paramref name="domain"/>, or the fallback's when it was not walked.</summary>
    public string Of(string domain) =>
        _walked.TryGetValue(DomainNames.Canonical(domain) ?? DomainNames.Loose(domain), out var walked) ? walked : fallback.Of(domain);
}
