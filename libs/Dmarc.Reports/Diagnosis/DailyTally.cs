using Dmarc.Reports.Aggregate;

namespace Dmarc.Reports.Diagnosis;

/// <summary>
/// Count-weighted DMARC results per calendar day of the configured time zone and policy domain. A report's period is
/// split at the zone's midnights and its messages apportioned to the days (<see cref="LargestRemainder"/>), so each
/// day's numbers are whole and they add up to the report's.
/// </summary>
public sealed class DailyTally(TimeZoneInfo timeZone, int bound)
{
    private readonly Dictionary<(DateOnly Day, string Domain), DayCounts> _days = [];

    public TimeZoneInfo TimeZone { get; } = timeZone;

    /// <summary>The days, oldest first, each day's policy domains by name.</summary>
    public IReadOnlyList<DayStatistics> Days =>
    [
        .. _days.OrderBy(entry => entry.Key.Day).ThenBy(entry => entry.Key.Domain, StringComparer.Ordinal)
            .Select(entry => new DayStatistics(entry.Key.Day, entry.Key.Domain, entry.Value.Messages, entry.Value.ReporterPass, entry.Value.DmarcPass)),
    ];

    /// <summary>Adds one report's messages, by whether the reporter and the recomputation pass them.</summary>
    internal void AddReport(string policyDomain, ReportPeriod period, ResultSplit split)
    {
        if (split.Messages == 0)
        {
            return;
        }

        var days = period.SplitByDay(TimeZone);
        var both = LargestRemainder.Apportion(split.BothPass, days);
        var reporterOnly = LargestRemainder.Apportion(split.ReporterOnly, days);
        var recomputedOnly = LargestRemainder.Apportion(split.RecomputedOnly, days);
        var neither = LargestRemainder.Apportion(split.Neither, days);
        for (var i = 0; i < days.Count; i++)
        {
            var counts = Entry(days[i].Day, policyDomain);
            counts.Messages += both[i] + reporterOnly[i] + recomputedOnly[i] + neither[i];
            counts.ReporterPass += both[i] + reporterOnly[i];
            counts.DmarcPass += both[i] + recomputedOnly[i];
        }
    }

    private DayCounts Entry(DateOnly day, string domain)
    {
        if (_days.TryGetValue((day, domain), out var counts))
        {
            return counts;
        }

        if (_days.Count >= bound)
        {
            (day, domain) = (DateOnly.MinValue, AnalysisOptions.Other);
            if (_days.TryGetValue((day, domain), out counts))
            {
                return counts;
            }
        }

        counts = new DayCounts();
        _days[(day, domain)] = counts;
        return counts;
    }

    private sealed class DayCounts
    {
        public long Messages { get; set; }
        public long ReporterPass { get; set; }
        public long DmarcPass { get; set; }
    }
}

/// <summary>One report's messages split four ways by the reporter's and the recomputed DMARC result.</summary>
internal sealed class ResultSplit
{
    public long BothPass { get; private set; }
    public long ReporterOnly { get; private set; }
    public long RecomputedOnly { get; private set; }
    public long Neither { get; private set; }
    public long Messages => BothPass + ReporterOnly + RecomputedOnly + Neither;

    public void Add(long count, bool reporterPass, bool dmarcPass)
    {
        if (reporterPass && dmarcPass)
        {
            BothPass += count;
        }
        else if (reporterPass)
        {
            ReporterOnly += count;
        }
        else if (dmarcPass)
        {
            RecomputedOnly += count;
        }
        else
        {
            Neither += count;
        }
    }
}

/// <summary>
/// One day's count-weighted DMARC results for one policy domain: <see cref="ReporterPass"/> by the reporters'
/// <c>policy_evaluated</c>, <see cref="DmarcPass"/> recomputed from <c>auth_results</c>.
/// </summary>
public sealed record DayStatistics(DateOnly Day, string PolicyDomain, long Messages, long ReporterPass, long DmarcPass)
{
    public double ReporterPassRate => Messages == 0 ? 0 : (double)ReporterPass / Messages;
    public double PassRate => Messages == 0 ? 0 : (double)DmarcPass / Messages;
}
