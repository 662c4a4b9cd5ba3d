namespace Dmarc.Reports.Diagnosis;

/// <summary>
/// What <see cref="DmarcAnalysis"/> found over the reports read: classified streams with their sources, enforcement
/// readiness per policy domain, reporter disagreements, daily statistics, and where Public Suffix List and DNS tree
/// walk disagree for tree-walk reports. Written as JSON by
/// <c>AnalysisJsonWriter</c> (docs/analysis-format.md).
/// </summary>
public sealed record AnalysisResult
{
    /// <summary>The IANA or Windows id of the time zone the daily statistics are in.</summary>
    public required string TimeZone { get; init; }

    /// <summary>Aggregate reports read (parsed).</summary>
    public required long Reports { get; init; }

    public required long Records { get; init; }
    public required long Messages { get; init; }

    /// <summary>Messages of records past twice the bound on distinct records in one report: counted, not analysed.</summary>
    public required long UnanalysedMessages { get; init; }

    /// <summary>Reports that could not be read (their records were dropped) and inputs that held no report.</summary>
    public required long InvalidReports { get; init; }

    public required long NotReports { get; init; }

    /// <summary>The earliest period begin and the latest period end of the reports read.</summary>
    public DateTimeOffset? Begin { get; init; }

    public DateTimeOffset? End { get; init; }

    /// <summary>The streams, most messages first.</summary>
    public required IReadOnlyList<StreamAnalysis> Streams { get; init; }

    /// <summary>The policy domains, most messages first.</summary>
    public required IReadOnlyList<DomainReadiness> Domains { get; init; }

    /// <summary>The reporters, most messages first.</summary>
    public required IReadOnlyList<ReporterTally> Reporters { get; init; }

    /// <summary>Per day of <see cref="TimeZone"/> and policy domain, oldest first.</summary>
    public required IReadOnlyList<DayStatistics> Days { get; init; }

    /// <summary>Whether the organisational domains of <c>discovery_method=treewalk</c> reports were compared, and how far.</summary>
    public DiscoveryCheck DiscoveryCheck { get; init; } = DiscoveryCheck.NoTreeWalkReports;

    /// <summary>Domains of tree-walk reports whose organisational domain by the Public Suffix List and by the DNS tree
    /// walk differ, most messages first.</summary>
    public IReadOnlyList<ReportedDiscoveryDifference> DiscoveryDifferences { get; init; } = [];
}
