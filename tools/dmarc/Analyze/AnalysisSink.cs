using Dmarc.Reports;
using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Outcomes;
using Dmarc.Reports.Tls;

namespace Dmarc.Cli.Analyze;

/// <summary>Sums records up as they stream (flat memory) and folds each parsed report into the <see cref="Analysis"/>.</summary>
public sealed class AnalysisSink(Analysis analysis) : IReportSink
{
    private readonly PendingReport _pending = new();

    public void OnAggregateRecord(AggregateRecord record) => _pending.Add(record);

    public void OnOutcome(ReportOutcome outcome)
    {
        switch (outcome)
        {
            case AggregateReportParsed parsed:
                foreach (var record in parsed.Report.Records)
                {
                    _pending.Add(record);
                }

                Fold(parsed.Report);
                break;
            case FailureReportParsed failure:
                analysis.FailureReports++;
                Count(analysis.FailureKinds, FailureReportKind.Of(failure.Report), 1);
                break;
            case TlsReportParsed tls:
                FoldTls(tls.Report);
                break;
            case InvalidReport invalid:
                analysis.Unreadable.Add(new UnreadableInput(invalid.Source, invalid.Part, "invalid", invalid.Reason));
                break;
            case NotAReport notAReport:
                analysis.Unreadable.Add(new UnreadableInput(notAReport.Source, notAReport.Part, "not a report", notAReport.Reason));
                break;
            default:
                break;
        }

        _pending.Clear();
    }

    private void FoldTls(TlsReport report)
    {
        analysis.TlsReports++;
        foreach (var policy in report.Policies)
        {
            Analysis.Entry(analysis.TlsDomains, policy.Domain, Analysis.Other, domain => new TlsDomainSummary(domain)).Add(policy);
            foreach (var (kind, sessions) in TlsFailureKind.Of(policy))
            {
                Count(analysis.TlsFailures, kind, sessions);
            }
        }
    }

    /// <summary>Adds to a bounded tally: past <see cref="Analysis.MaxKeys"/> distinct keys, new ones are not kept apart.</summary>
    private static void Count<TKey>(Dictionary<TKey, long> tally, TKey key, long amount)
        where TKey : notnull
    {
        if (tally.ContainsKey(key) || tally.Count < Analysis.MaxKeys)
        {
            tally[key] = tally.GetValueOrDefault(key) + amount;
        }
    }

    private void Fold(AggregateReport report)
    {
        analysis.Reports++;
        analysis.Records += _pending.Records;
        analysis.Traffic.Add(_pending.Traffic);
        Analysis.Entry(analysis.Domains, report.Policy.Domain, Analysis.Other, domain => new DomainSummary(domain))
            .Add(report, _pending.Traffic);
        Analysis.Entry(analysis.Reporters, report.Metadata.OrgName, Analysis.Other, reporter => new ReporterSummary(reporter))
            .Add(_pending.Traffic);
        foreach (var (headerFrom, traffic) in _pending.HeaderFroms)
        {
            Analysis.Entry(analysis.HeaderFroms, headerFrom, Analysis.Other, _ => new PassTally()).Add(traffic);
        }
    }
}
