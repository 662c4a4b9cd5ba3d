using Dmarc.Reports.Domains;
using Dmarc.Reports.Input;

namespace Dmarc.Reports.Diagnosis;

/// <summary>
/// Compares, for the domains of <c>discovery_method=treewalk</c> reports, the organisational domain by the Public
/// Suffix List with the one by the DNS tree walk, most messages first. A failed walk is noted and the next domain
/// tried; after <see cref="MaxFailuresInARow"/> failures in a row the DNS is taken to be down and the rest is skipped.
/// </summary>
internal static class DiscoveryComparison
{
    public const int MaxFailuresInARow = 3;
    public const string Offline = "offline";
    public const string NoRecordSource = "no DMARC record source was given";

    private const int MaxFailuresListed = 10;

    /// <summary>What is said when no DNS work is done: nothing to check, or not checked for <paramref name="reason"/>.</summary>
    public static DiscoveryCheck NotChecked(TreeWalkDomains collected, string reason) =>
        collected.Reports == 0
            ? DiscoveryCheck.NoTreeWalkReports
            : new DiscoveryCheck
            {
                Status = DiscoveryCheckStatus.NotChecked,
                Reason = reason,
                Reports = collected.Reports,
                Domains = collected.Domains.Count,
                Skipped = collected.Domains.Count,
                MessagesPastBound = collected.MessagesPastBound,
            };

    public static async Task<(DiscoveryCheck Check, IReadOnlyList<ReportedDiscoveryDifference> Differences)> CompareAsync(
        TreeWalkDomains collected, IOrganizationalDomains publicSuffixList, IDmarcRecordSource records, CancellationToken cancellationToken)
    {
        if (collected.Reports == 0 || ReferenceEquals(records, IDmarcRecordSource.Offline))
        {
            return (NotChecked(collected, Offline), []);
        }

        var domains = collected.Domains.OrderByDescending(domain => domain.Messages).ThenBy(domain => domain.Domain, StringComparer.Ordinal).ToList();
        var differences = new List<ReportedDiscoveryDifference>();
        var failures = new List<DiscoveryCheckFailure>();
        int tried = 0, failed = 0, inARow = 0;
        foreach (var domain in domains)
        {
            if (inARow >= MaxFailuresInARow)
            {
                break;
            }

            tried++;
            DiscoveryDifference difference;
            try
            {
                difference = await DiscoveryDifference.OfAsync(domain.Domain, publicSuffixList, records, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not OutOfMemoryException)
            {
                failed++;
                inARow++;
                if (failures.Count < MaxFailuresListed)
                {
                    failures.Add(new DiscoveryCheckFailure(domain.Domain, Names.Printable(exception.Message)));
                }

                continue;
            }

            inARow = 0;
            if (difference.Differs)
            {
                differences.Add(new ReportedDiscoveryDifference(
                    domain.Domain, difference.ByPublicSuffixList, difference.ByTreeWalk, domain.AsHeaderFrom, domain.AsPolicyDomain, domain.Reports, domain.Messages));
            }
        }

        var allFailed = tried > 0 && failed == tried;
        var check = new DiscoveryCheck
        {
            Status = allFailed ? DiscoveryCheckStatus.NotChecked : DiscoveryCheckStatus.Checked,
            Reason = allFailed ? $"the DMARC record lookups failed: {failures[0].Reason}" : null,
            Reports = collected.Reports,
            Domains = domains.Count,
            Checked = tried - failed,
            Failed = failed,
            Skipped = domains.Count - tried,
            MessagesPastBound = collected.MessagesPastBound,
            Failures = failures,
        };
        return (check, differences);
    }
}
