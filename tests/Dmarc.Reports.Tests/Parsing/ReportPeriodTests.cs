using static Dmarc.Reports.Tests.Support.ReportXml;

namespace Dmarc.Reports.Tests.Parsing;

/// <summary>
/// A report's period is kept as sent, however long; daily statistics apportion it to the days of the operator's time
/// zone by the share of its seconds that fall on each day.
/// </summary>
public sealed class ReportPeriodTests
{
    // 2024-03-31 15:00:00 UTC = 2024-04-01 00:00 in Tokyo; 48 hours later = 2024-04-03 00:00 in Tokyo.
    private static readonly DateTimeOffset Begin = new(2024, 3, 31, 15, 0, 0, TimeSpan.Zero);
    private static readonly ReportPeriod TwoDays = new(Begin, Begin.AddHours(48));

    [Fact]
    public void A_multi_day_report_keeps_its_period_as_sent()
    {
        var begin = Begin.ToUnixTimeSeconds();
        var end = begin + (4 * 86400) + 3723;
        var report = Read.SingleReport(Feedback(metadata: Metadata(begin: $"{begin}", end: $"{end}"), records: Record(count: "10")));

        Assert.Equal(ReportPeriod.FromUnixSeconds(begin, end), report.Metadata.Period);
        Assert.Equal(TimeSpan.FromSeconds(end - begin), report.Metadata.Period.Length);
        Assert.Equal(10, Assert.Single(report.Records).Count);
    }

    [Fact]
    public void Split_in_utc_gives_each_day_its_share_of_the_seconds()
    {
        var days = TwoDays.SplitByDay(TimeZoneInfo.Utc);

        // 9 h on 31 March, 24 h on 1 April, 15 h on 2 April.
        Assert.Equal([new DateOnly(2024, 3, 31), new DateOnly(2024, 4, 1), new DateOnly(2024, 4, 2)], days.Select(d => d.Day));
        Assert.Equal([9.0 / 48, 24.0 / 48, 15.0 / 48], days.Select(d => d.Share), new ShareComparer());
        Assert.Equal(
            [Begin, new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 4, 2, 0, 0, 0, TimeSpan.Zero)],
            days.Select(d => d.Begin));
        Assert.Equal(
            [new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 4, 2, 0, 0, 0, TimeSpan.Zero), TwoDays.End],
            days.Select(d => d.End));
        Assert.Equal(1.0, days.Sum(d => d.Share), 1e-9);
    }

    [Fact]
    public void Split_in_tokyo_puts_the_day_boundaries_at_tokyo_midnight()
    {
        var days = TwoDays.SplitByDay(Tokyo());

        // In Tokyo the same 48 hours are exactly 1 and 2 April.
        Assert.Equal([new DateOnly(2024, 4, 1), new DateOnly(2024, 4, 2)], days.Select(d => d.Day));
        Assert.Equal([0.5, 0.5], days.Select(d => d.Share), new ShareComparer());
        Assert.Equal([Begin, Begin.AddHours(24)], days.Select(d => d.Begin));
        Assert.Equal([Begin.AddHours(24), Begin.AddHours(48)], days.Select(d => d.End));
    }

    [Fact]
    public void A_utc_day_report_spans_two_tokyo_days()
    {
        // A typical Google report: 2023-11-15 00:00:00 to 23:59:59 UTC = 09:00 on the 15th to 08:59:59 on the 16th in Tokyo.
        var period = ReportPeriod.FromUnixSeconds(DefaultBegin, DefaultEnd);

        var days = period.SplitByDay(Tokyo());

        Assert.Equal([new DateOnly(2023, 11, 15), new DateOnly(2023, 11, 16)], days.Select(d => d.Day));
        Assert.Equal([15.0 * 3600 / 86399, (9.0 * 3600 - 1) / 86399], days.Select(d => d.Share), new ShareComparer());
        Assert.Equal(new DateTimeOffset(2023, 11, 15, 15, 0, 0, TimeSpan.Zero), days[0].End);
        Assert.Equal(days[0].End, days[1].Begin);
        Assert.Equal(1.0, days.Sum(d => d.Share), 1e-9);
    }

    [Fact]
    public void A_zero_length_period_is_one_whole_day()
    {
        // parsedmarc's sample !example.com!…xml has begin = end.
        var at = new DateTimeOffset(2018, 10, 1, 17, 7, 12, TimeSpan.Zero);

        var day = Assert.Single(new ReportPeriod(at, at).SplitByDay(Tokyo()));

        Assert.Equal(new DateOnly(2018, 10, 2), day.Day);
        Assert.Equal(1.0, day.Share);
    }

    private static TimeZoneInfo Tokyo() => TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    private sealed class ShareComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-9;

        public int GetHashCode(double obj) => 0;
    }
}
