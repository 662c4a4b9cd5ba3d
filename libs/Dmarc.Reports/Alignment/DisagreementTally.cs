using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Domains;

namespace Dmarc.Reports.Alignment;

/// <summary>
/// Per reporting organisation, the messages (weighted by <c>count</c>) where the recomputed DMARC result and the
/// reporter's own differ, in both directions. Many disagreements from one reporter point at the reporter (forwarding it
/// sees, another discovery method, its own bugs); disagreements everywhere point at the recomputation's inputs.
/// Not thread-safe: one tally per thread, or add under a lock.
/// </summary>
public sealed class DisagreementTally
{
    private readonly Dictionary<string, ReporterDisagreement> _reporters = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every reporter seen, by name.</summary>
    public IReadOnlyList<ReporterDisagreement> Reporters =>
        [.. _reporters.Values.OrderBy(reporter => reporter.Reporter, StringComparer.OrdinalIgnoreCase)];

    /// <summary>The tally of <paramref name="reporter"/> (all zero when it was never seen).</summary>
    public ReporterDisagreement For(string reporter) =>
        _reporters.GetValueOrDefault(reporter.Trim()) ?? new ReporterDisagreement(reporter.Trim(), 0, 0, 0);

    /// <summary>Counts <paramref name="count"/> messages of <paramref name="reporter"/> with this recomputed alignment.</summary>
    public void Add(string reporter, long count, RecordAlignment alignment)
    {
        ArgumentNullException.ThrowIfNull(reporter);
        ArgumentNullException.ThrowIfNull(alignment);
        var key = reporter.Trim();
        var tally = _reporters.GetValueOrDefault(key) ?? new ReporterDisagreement(key, 0, 0, 0);
        _reporters[key] = tally with
        {
            Messages = tally.Messages + count,
            ReporterPassRecomputedFail = tally.ReporterPassRecomputedFail + (alignment.ReporterPass && !alignment.DmarcPass ? count : 0),
            RecomputedPassReporterFail = tally.RecomputedPassReporterFail + (!alignment.ReporterPass && alignment.DmarcPass ? count : 0),
        };
    }

    /// <summary>Recomputes and counts every record of <paramref name="report"/> (a report read in streaming mode has
    /// none here: add its records one by one instead).</summary>
    public void Add(AggregateReport report, IOrganizationalDomains domains)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var record in report.Records)
        {
            Add(report.Metadata.OrgName, record.Count, AlignmentCheck.Of(record, report.Policy, domains));
        }
    }
}

/// <summary>One reporter's messages, and those where it and the recomputation disagree on DMARC, each way.</summary>
public sealed record ReporterDisagreement(
    string Reporter,
    long Messages,
    long ReporterPassRecomputedFail,
    long RecomputedPassReporterFail)
{
    /// <summary>All messages with a disagreement.</summary>
    public long Disagreements => ReporterPassRecomputedFail + RecomputedPassReporterFail;
}
