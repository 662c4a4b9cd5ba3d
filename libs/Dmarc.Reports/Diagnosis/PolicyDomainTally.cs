using Dmarc.Reports.Aggregate;

namespace Dmarc.Reports.Diagnosis;

/// <summary>The numbers of one policy domain (<c>policy_published/domain</c>) over the reports read, and the policy it publishes.</summary>
public sealed class PolicyDomainTally(string domain)
{
    private readonly long[] _dispositions = new long[4];
    private DateTimeOffset _publishedAt = DateTimeOffset.MinValue;

    public string Domain { get; } = domain;
    public long Reports { get; private set; }
    public long Messages { get; private set; }
    public long ReporterPass { get; private set; }
    public long DmarcPass { get; private set; }

    /// <summary>The policy of the latest report (by period end); null before the first report.</summary>
    public PolicyPublished? Published { get; private set; }

    /// <summary>True when reports of the window show different published policies (the domain changed its record, or receivers disagree).</summary>
    public bool PolicyChanged { get; private set; }

    public DateTimeOffset? FirstSeen { get; private set; }
    public DateTimeOffset? LastSeen { get; private set; }

    public long DispositionMessages(Disposition disposition) => _dispositions[(int)disposition];

    internal void AddReport(PolicyPublished policy, ReportPeriod period)
    {
        Reports++;
        if (Published is not null && Published != policy with { Domain = Published.Domain })
        {
            PolicyChanged = true;
        }

        if (period.End >= _publishedAt)
        {
            _publishedAt = period.End;
            Published = policy;
        }

        FirstSeen = FirstSeen is { } first && first <= period.Begin ? first : period.Begin;
        LastSeen = LastSeen is { } last && last >= period.End ? last : period.End;
    }

    internal void Add(AggregateRecord record, bool reporterPass, bool dmarcPass)
    {
        var count = Math.Max(record.Count, 0);
        Messages += count;
        ReporterPass += reporterPass ? count : 0;
        DmarcPass += dmarcPass ? count : 0;
        _dispositions[(int)record.PolicyEvaluated.Disposition] += count;
    }
}
