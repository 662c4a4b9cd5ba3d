using Dmarc.Reports.Aggregate;

namespace Dmarc.Reports.Diagnosis;

/// <summary>
/// Apportions a whole number of messages to the days of a reporting period in proportion to the time each day covers,
/// by the largest remainder method: every day gets the whole part of its quota, and the messages left over go one by
/// one to the days with the largest fractions (earlier days first on a tie). The parts always add up to the whole.
/// </summary>
public static class LargestRemainder
{
    public static long[] Apportion(long total, IReadOnlyList<ReportDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var parts = new long[days.Count];
        if (days.Count == 0 || total <= 0)
        {
            return parts;
        }

        var weights = days.Select(day => (Int128)Math.Max((day.End - day.Begin).Ticks, 0)).ToArray();
        var whole = weights.Aggregate(Int128.Zero, (sum, weight) => sum + weight);
        if (whole == 0)
        {
            // Only a zero-length period has no length: its one day takes everything.
            weights = [.. days.Select(_ => Int128.One)];
            whole = days.Count;
        }

        var remainders = new Int128[days.Count];
        var given = 0L;
        for (var i = 0; i < days.Count; i++)
        {
            var quota = total * weights[i];
            parts[i] = (long)(quota / whole);
            remainders[i] = quota % whole;
            given += parts[i];
        }

        var order = Enumerable.Range(0, days.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).ToArray();
        // The fractions add up to less than the number of days, so each day gets at most one more.
        var left = (int)(total - given);
        for (var i = 0; i < left; i++)
        {
            parts[order[i]]++;
        }

        return parts;
    }
}
