using System.Text;
using Dmarc.Reports.Aggregate;

namespace Dmarc.Reports.Formats;

/// <summary>
/// parsedmarc's treatment of a report period: up to 24 h every record keeps the report's interval; a longer period
/// is split at UTC midnights and each record's count is shared out over the days in proportion to their seconds,
/// rounded by largest remainder (ties to the earlier day) so the day counts add up; days, and records, left
/// with no messages are dropped. The bytes that end each record (the interval fields) are made once per report.
/// </summary>
internal sealed class ParsedmarcIntervals
{
    private const long NormalizationThresholdSeconds = 24 * 3600;

    private readonly double[] _shares;
    private readonly long[] _counts;
    private readonly double[] _fractions;
    private readonly bool[] _roundedUp;

    private ParsedmarcIntervals(bool normalized, IReadOnlyList<ReportDay> days)
    {
        Normalized = normalized;
        Tails = new byte[days.Count][];
        _shares = new double[days.Count];
        for (var i = 0; i < days.Count; i++)
        {
            _shares[i] = days[i].Share;
            Tails[i] = Encoding.UTF8.GetBytes(
                $",\"normalized_timespan\":{(normalized ? "true" : "false")},\"interval_begin\":\"{ReportTimes.Parsedmarc(days[i].Begin)}\",\"interval_end\":\"{ReportTimes.Parsedmarc(days[i].End)}\"}}");
        }

        _counts = new long[days.Count];
        _fractions = new double[days.Count];
        _roundedUp = new bool[days.Count];
    }

    public bool Normalized { get; }

    /// <summary>Per day (one when not normalized): the interval fields and the record's closing brace.</summary>
    public byte[][] Tails { get; }

    public static ParsedmarcIntervals For(ReportPeriod period)
    {
        var seconds = period.End.ToUnixTimeSeconds() - period.Begin.ToUnixTimeSeconds();
        return seconds > NormalizationThresholdSeconds
            ? new ParsedmarcIntervals(true, period.SplitByDay(TimeZoneInfo.Utc))
            : new ParsedmarcIntervals(false, [new ReportDay(DateOnly.FromDateTime(period.Begin.UtcDateTime), period.Begin, period.End, 1.0)]);
    }

    /// <summary>The count of each day for a record of <paramref name="count"/> messages.</summary>
    public ReadOnlySpan<long> Apportion(long count)
    {
        if (!Normalized)
        {
            _counts[0] = count;
            return _counts;
        }

        long floors = 0;
        for (var i = 0; i < _shares.Length; i++)
        {
            // The same double arithmetic as parsedmarc, so that the rounding agrees.
            var exact = _shares[i] * count;
            _counts[i] = (long)exact;
            _fractions[i] = exact - _counts[i];
            _roundedUp[i] = false;
            floors += _counts[i];
        }

        for (var remainder = count - floors; remainder > 0; remainder--)
        {
            var best = -1;
            for (var i = 0; i < _fractions.Length; i++)
            {
                if (!_roundedUp[i] && (best < 0 || _fractions[i] > _fractions[best]))
                {
                    best = i;
                }
            }

            if (best < 0)
            {
                break;
            }

            _roundedUp[best] = true;
            _counts[best]++;
        }

        return _counts;
    }
}
