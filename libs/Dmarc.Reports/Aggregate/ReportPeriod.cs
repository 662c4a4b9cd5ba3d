namespace Dmarc.Reports.Aggregate;

/// <summary>
/// The reporting period (<c>date_range</c>), UTC. Kept as sent, however long; <see cref="SplitByDay"/> gives the
/// per-day shares that daily statistics need.
/// </summary>
public readonly record struct ReportPeriod(DateTimeOffset Begin, DateTimeOffset End)
{
    public TimeSpan Length => End - Begin;

    public static ReportPeriod FromUnixSeconds(long begin, long end) =>
        new(DateTimeOffset.FromUnixTimeSeconds(begin), DateTimeOffset.FromUnixTimeSeconds(end));

    /// <summary>
    /// Splits the period at midnights of <paramref name="timeZone"/>. Each day gets the share of the period's
    /// seconds that fall in it (the shares add up to 1); a zero-length period is one day with share 1.
    /// </summary>
    public IReadOnlyList<ReportDay> SplitByDay(TimeZoneInfo timeZone)
    {
        var begin = TimeZoneInfo.ConvertTime(Begin, timeZone);
        var end = TimeZoneInfo.ConvertTime(End, timeZone);
        if (end <= begin)
        {
            return [new ReportDay(DateOnly.FromDateTime(begin.DateTime), Begin, End, 1.0)];
        }

        var total = (end - begin).TotalSeconds;
        var days = new List<ReportDay>();
        var cursor = begin;
        while (cursor < end)
        {
            var day = DateOnly.FromDateTime(cursor.DateTime);
            var nextMidnight = StartOfDay(day.AddDays(1), timeZone);
            var sliceEnd = nextMidnight < end ? nextMidnight : end;
            days.Add(new ReportDay(day, cursor.ToUniversalTime(), sliceEnd.ToUniversalTime(), (sliceEnd - cursor).TotalSeconds / total));
            cursor = sliceEnd;
        }

        return days;
    }

    private static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo timeZone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A midnight skipped by a DST change starts the day at the first valid instant after it.
        while (timeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, timeZone.GetUtcOffset(local));
    }
}

/// <summary>One calendar day of a reporting period, and the share of the period it covers.</summary>
public readonly record struct ReportDay(DateOnly Day, DateTimeOffset Begin, DateTimeOffset End, double Share);
