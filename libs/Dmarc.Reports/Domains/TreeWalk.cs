namespace Dmarc.Reports.Domains;

/// <summary>
/// The organisational domain by RFC 9989's DNS tree walk (4.10): DMARC records are looked up at
/// <c>_dmarc.&lt;name&gt;</c> from the name up to its top-level domain, at most eight queries (a name of eight labels
/// or more jumps to its last seven after the first query). The walk stops at a record with <c>psd=n</c> or
/// <c>psd=y</c>. Then, from the longest name to the shortest: a record with <c>psd=n</c> is the organisational
/// domain; a record with <c>psd=y</c> (not at the starting name) makes the name one label below it the organisational
/// domain; otherwise the record at the fewest labels is. With no record at all the starting name is its own.
/// </summary>
public static class TreeWalk
{
    /// <summary>The most DNS queries one walk makes (RFC 9989 4.10).</summary>
    public const int MaxQueries = 8;

    /// <summary>The organisational domain of <paramref name="domain"/> (lower-case ASCII, no trailing dot), read from
    /// the DMARC records <paramref name="records"/> knows. A name that is not a usable domain name is returned
    /// trimmed and lower-cased, without a query.</summary>
    public static async ValueTask<string> OrganizationalDomainAsync(
        string domain, IDmarcRecordSource records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (DomainNames.Canonical(domain) is not { } name)
        {
            return DomainNames.Loose(domain);
        }

        var labels = DomainNames.LabelCount(name);
        string? fewestLabels = null;
        foreach (var target in Targets(name))
        {
            var record = await records.DmarcRecordAsync(target, cancellationToken).ConfigureAwait(false);
            if (record is null || !DmarcRecordText.IsDmarcRecord(record))
            {
                continue;
            }

            switch (DmarcRecordText.Psd(record))
            {
                case PublicSuffixDomainFlag.No:
                    return target;
                case PublicSuffixDomainFlag.Yes when target.Length == name.Length:
                    return name;
                case PublicSuffixDomainFlag.Yes:
                    return DomainNames.LastLabels(name, Math.Min(labels, DomainNames.LabelCount(target) + 1));
                default:
                    fewestLabels = target;
                    break;
            }
        }

        return fewestLabels ?? name;
    }

    /// <summary>The names a walk from <paramref name="name"/> (canonical) queries, in order: the name itself, then its
    /// parents down to the top-level domain, skipping to seven labels when the name has eight or more.</summary>
    internal static IEnumerable<string> Targets(string name)
    {
        yield return name;
        var labels = DomainNames.LabelCount(name);
        for (var remaining = labels >= MaxQueries ? MaxQueries - 1 : labels - 1; remaining >= 1; remaining--)
        {
            yield return DomainNames.LastLabels(name, remaining);
        }
    }
}
