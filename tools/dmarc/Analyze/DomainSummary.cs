using Dmarc.Reports.Aggregate;

namespace Dmarc.Cli.Analyze;

/// <summary>One policy domain (<c>policy_published/domain</c>): its traffic and the latest policy reporters saw.</summary>
public sealed class DomainSummary(string domain)
{
    public string Domain { get; } = domain;
    public int Reports { get; private set; }
    public PassTally Traffic { get; } = new();

    /// <summary>The policy of the report with the latest period end.</summary>
    public PolicyPublished? Policy { get; private set; }

    private DateTimeOffset _policySeenAt = DateTimeOffset.MinValue;

    public void Add(AggregateReport report, PassTally traffic)
    {
        Reports++;
        Traffic.Add(traffic);
        if (report.Metadata.Period.End >= _policySeenAt)
        {
            Policy = report.Policy;
            _policySeenAt = report.Metadata.Period.End;
        }
    }
}

/// <summary>One reporter (<c>org_name</c>, or the reporter's e-mail domain).</summary>
public sealed class ReporterSummary(string reporter)
{
    public string Reporter { get; } = reporter;
    public int Reports { get; private set; }
    public PassTally Traffic { get; } = new();

    public void Add(PassTally traffic)
    {
        Reports++;
        Traffic.Add(traffic);
    }
}

/// <summary>An input, or a part of one, that held no report, and why.</summary>
public sealed record UnreadableInput(string Source, string? Part, string Outcome, string Reason);
