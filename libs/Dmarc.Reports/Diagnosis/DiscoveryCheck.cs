namespace Dmarc.Reports.Diagnosis;

/// <summary>Whether the organisational domains of <c>discovery_method=treewalk</c> reports were compared.</summary>
public enum DiscoveryCheckStatus
{
    /// <summary>No report read said <c>discovery_method=treewalk</c>: nothing to compare.</summary>
    NoTreeWalkReports,

    /// <summary>The domains were compared (some lookups may have failed: <see cref="DiscoveryCheck.Failed"/>).</summary>
    Checked,

    /// <summary>Not compared: offline, no DMARC record source, or every lookup failed (<see cref="DiscoveryCheck.Reason"/>).</summary>
    NotChecked,
}

/// <summary>
/// How the Public Suffix List was compared with the DNS tree walk (RFC 9989) for the domains of reports that say
/// <c>discovery_method=treewalk</c>: how many domains, how many were compared, and why the others were not.
/// The differences found are <see cref="AnalysisResult.DiscoveryDifferences"/>.
/// </summary>
public sealed record DiscoveryCheck
{
    /// <summary>No tree-walk report was read.</summary>
    public static DiscoveryCheck NoTreeWalkReports { get; } = new() { Status = DiscoveryCheckStatus.NoTreeWalkReports };

    public required DiscoveryCheckStatus Status { get; init; }

    /// <summary>Why the domains were not compared (<c>offline</c>, …); null when they were or there was nothing to compare.</summary>
    public string? Reason { get; init; }

    /// <summary>Reports that said <c>discovery_method=treewalk</c>.</summary>
    public long Reports { get; init; }

    /// <summary>Distinct Header-From and policy domains of those reports (up to <see cref="AnalysisOptions.MaxTreeWalkDomains"/>).</summary>
    public int Domains { get; init; }

    /// <summary>Domains whose two organisational domains were found.</summary>
    public int Checked { get; init; }

    /// <summary>Domains whose tree walk failed (a DNS lookup failed or timed out): see <see cref="Failures"/>.</summary>
    public int Failed { get; init; }

    /// <summary>Domains not tried: the check was not made, or stopped after several failures in a row.</summary>
    public int Skipped { get; init; }

    /// <summary>Messages of domains past <see cref="AnalysisOptions.MaxTreeWalkDomains"/>: not compared.</summary>
    public long MessagesPastBound { get; init; }

    /// <summary>The first failures, with what went wrong (at most ten).</summary>
    public IReadOnlyList<DiscoveryCheckFailure> Failures { get; init; } = [];
}

/// <summary>A domain whose tree walk failed, and why.</summary>
public sealed record DiscoveryCheckFailure(string Domain, string Reason);

/// <summary>
/// A domain of <c>discovery_method=treewalk</c> reports whose organisational domain by the Public Suffix List
/// (<see cref="ByPublicSuffixList"/>, what the recomputed alignment uses) differs from the one by the DNS tree walk
/// (<see cref="ByTreeWalk"/>, what the reporter used): relaxed alignment may come out differently. With the reports and
/// messages it appears in, as Header-From (<see cref="AsHeaderFrom"/>) or policy domain (<see cref="AsPolicyDomain"/>;
/// a policy domain counts all the messages of its reports).
/// </summary>
public sealed record ReportedDiscoveryDifference(
    string Domain,
    string ByPublicSuffixList,
    string ByTreeWalk,
    bool AsHeaderFrom,
    bool AsPolicyDomain,
    long Reports,
    long Messages);
