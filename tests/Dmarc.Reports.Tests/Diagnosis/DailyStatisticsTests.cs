using Dmarc.Reports.Diagnosis;
using static Dmarc.Reports.Tests.Diagnosis.Analyse;

namespace Dmarc.Reports.Tests.Diagnosis;

/// <summary>Daily pass rates in the operator's time zone, with multi-day periods apportioned in whole messages.</summary>
public sealed class DailyStatisticsTests
{
    private static readonly TimeZoneInfo _tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    // 2023-11-15 00:00:00 UTC is 09:00 in Tokyo (UTC+9, no daylight saving time).
    private const long MidnightUtc = ReportXml.DefaultBegin;

    private static string Metadata(long begin, long end, string id = "r") =>
        ReportXml.Metadata(reportId: id, begin: Streams.N(begin), end: Streams.N(end));

    [Fact]
    public void A_utc_day_is_split_fifteen_to_nine_hours_across_tokyo_midnight()
    {
        var records = Streams.Compliant(count: 16) + Streams.Spoofing(count: 8);

        var result = Result(new AnalysisOptions { TimeZone = _tokyo }, Report(records, metadata: Metadata(MidnightUtc, MidnightUtc + 86_400)));

        // 15 of 24 hours fall on the 15th in Tokyo, 9 on the 16th: 24 messages split exactly 15 / 9, passes 10 / 6.
        Assert.Equal("Asia/Tokyo", result.TimeZone);
        Assert.Equal(
            [
                new DayStatistics(new DateOnly(2023, 11, 15), "example.com", 15, 10, 10),
                new DayStatistics(new DateOnly(2023, 11, 16), "example.com", 9, 6, 6),
            ],
            result.Days);
    }

    [Fact]
    public void The_same_report_in_utc_is_one_day()
    {
        var result = Result(Report(Streams.Compliant(count: 24), metadata: Metadata(MidnightUtc, MidnightUtc + 86_399)));

        var day = Assert.Single(result.Days);
        Assert.Equal((new DateOnly(2023, 11, 15), 24L), (day.Day, day.Messages));
    }

    [Fact]
    public void Reporter_and_recomputed_passes_are_apportioned_apart_and_each_day_stays_whole()
    {
        // Reporter passes 5 messages the recomputation fails (no aligned pass in auth_results), and 7 fail for both.
        var reporterOnly = ReportXml.Record(count: "5", envelopeFrom: "other.example", authResults: ReportXml.SpfAuth("other.example", result: "fail"));
        var neither = Streams.Spoofing(count: 7);
        var threeTokyoDays = Metadata(MidnightUtc - 9 * 3600, MidnightUtc - 9 * 3600 + 3 * 86_400);

        var result = Result(new AnalysisOptions { TimeZone = _tokyo }, Report(reporterOnly + neither, metadata: threeTokyoDays));

        // Thirds: 5 → 2, 2, 1 and 7 → 3, 2, 2 (the leftover goes to the earliest days on a tie).
        Assert.Equal([5L, 4L, 3L], result.Days.Select(d => d.Messages));
        Assert.Equal([2L, 2L, 1L], result.Days.Select(d => d.ReporterPass));
        Assert.All(result.Days, d => Assert.Equal(0, d.DmarcPass));
        Assert.Equal(12, result.Days.Sum(d => d.Messages));
    }

    [Fact]
    public void Days_are_kept_per_policy_domain_and_add_up_over_reports()
    {
        var day = Metadata(MidnightUtc, MidnightUtc + 86_399, "a");
        var sameDay = Metadata(MidnightUtc, MidnightUtc + 86_399, "b");

        var result = Result(
            Report(Streams.Compliant(count: 2), metadata: day),
            Report(Streams.Spoofing(count: 3), metadata: sameDay),
            ReportXml.Feedback(metadata: day, policy: ReportXml.Policy(domain: "example.net"), records: ReportXml.Record(count: "4", headerFrom: "example.net", envelopeFrom: "example.net",
                authResults: ReportXml.DkimAuth("example.net") + ReportXml.SpfAuth("example.net"))));

        Assert.Equal(
            [("example.com", 5L, 2L), ("example.net", 4L, 4L)],
            result.Days.Select(d => (d.PolicyDomain, d.Messages, d.DmarcPass)));
    }

    [Theory]
    [InlineData(10, new long[] { 1, 1, 1 }, new long[] { 4, 3, 3 })]
    [InlineData(7, new long[] { 1, 1 }, new long[] { 4, 3 })]
    [InlineData(100, new long[] { 54_000, 32_399 }, new long[] { 63, 37 })]
    [InlineData(1, new long[] { 1, 3 }, new long[] { 0, 1 })]
    [InlineData(0, new long[] { 1, 3 }, new long[] { 0, 0 })]
    public void Largest_remainder_gives_whole_parts_that_add_up(long total, long[] seconds, long[] expected)
    {
        var begin = DateTimeOffset.UnixEpoch;
        var days = new List<ReportDay>();
        foreach (var length in seconds)
        {
            var end = begin.AddSeconds(length);
            days.Add(new ReportDay(DateOnly.FromDateTime(begin.UtcDateTime), begin, end, 0));
            begin = end;
        }

        var parts = LargestRemainder.Apportion(total, days);

        Assert.Equal(expected, parts);
        Assert.Equal(total, parts.Sum());
    }
}
