using System.Text.Json;

namespace Dmarc.Cli.Tests;

/// <summary>parsedmarc's choices that are not in the report itself: defaults, day splitting, lines without a report.</summary>
public sealed class ParsedmarcFormatTests
{
    // 2024-01-01 12:00 to 2024-01-03 06:00 UTC: 12 h, 24 h and 6 h, i.e. shares of 2/7, 4/7 and 1/7.
    private const long MultiDayBegin = 1_704_110_400;
    private const long MultiDayEnd = 1_704_261_600;

    [Fact]
    public async Task A_report_longer_than_a_day_is_split_into_days_by_largest_remainder()
    {
        using var folder = new TempFolder();
        var file = folder.Write("long.xml", AggregateXml.Report(begin: MultiDayBegin, end: MultiDayEnd,
            records: [AggregateXml.Record("192.0.2.1", 10), AggregateXml.Record("192.0.2.2", 1), AggregateXml.Record("192.0.2.3", 0)]));

        var report = await ParseOne(file);

        Assert.True(report.GetProperty("report_metadata").GetProperty("timespan_requires_normalization").GetBoolean());
        Assert.Equal(151_200, report.GetProperty("report_metadata").GetProperty("original_timespan_seconds").GetInt64());
        var records = report.GetProperty("records").EnumerateArray()
            .Select(r => (Ip: r.GetProperty("source").GetProperty("ip_address").GetString(), Count: r.GetProperty("count").GetInt64(),
                Begin: r.GetProperty("interval_begin").GetString(), End: r.GetProperty("interval_end").GetString(),
                Normalized: r.GetProperty("normalized_timespan").GetBoolean()))
            .ToList();
        Assert.Equal(
            [
                ("192.0.2.1", 3L, "2024-01-01 12:00:00", "2024-01-02 00:00:00", true),
                ("192.0.2.1", 6L, "2024-01-02 00:00:00", "2024-01-03 00:00:00", true),
                ("192.0.2.1", 1L, "2024-01-03 00:00:00", "2024-01-03 06:00:00", true),
                ("192.0.2.2", 1L, "2024-01-02 00:00:00", "2024-01-03 00:00:00", true),
            ],
            records);
    }

    [Fact]
    public async Task A_report_of_a_day_keeps_its_records_and_interval()
    {
        using var folder = new TempFolder();
        var file = folder.Write("day.xml", AggregateXml.Report(records: [AggregateXml.Record("192.0.2.1", 0)]));

        var record = (await ParseOne(file)).GetProperty("records")[0];

        Assert.Equal(0, record.GetProperty("count").GetInt64());
        Assert.False(record.GetProperty("normalized_timespan").GetBoolean());
        Assert.Equal("2023-11-15 00:00:00", record.GetProperty("interval_begin").GetString());
        Assert.Equal("2023-11-15 23:59:59", record.GetProperty("interval_end").GetString());
    }

    [Fact]
    public async Task Defaults_and_identifiers_follow_parsedmarc()
    {
        using var folder = new TempFolder();
        var file = folder.Write("defaults.xml", AggregateXml.Report(org: "Mail.Example.COM", id: "&lt;abc123@mail.example.com&gt;",
            records: [AggregateXml.Record("192.0.2.1", 4, headerFrom: "Example.COM",
                authResults: "<dkim><domain>example.com</domain><result>pass</result></dkim>" + AggregateXml.Spf("Bounce.Example.com", "pass"))]));

        var report = await ParseOne(file);

        var metadata = report.GetProperty("report_metadata");
        Assert.Equal("example.com", metadata.GetProperty("org_name").GetString());
        Assert.Equal("abc123", metadata.GetProperty("report_id").GetString());
        var policy = report.GetProperty("policy_published");
        Assert.Equal(("r", "r", "none", "none"), (policy.GetProperty("adkim").GetString(), policy.GetProperty("aspf").GetString(),
            policy.GetProperty("p").GetString(), policy.GetProperty("sp").GetString()));
        Assert.Equal(JsonValueKind.Null, policy.GetProperty("pct").ValueKind);
        var record = report.GetProperty("records")[0];
        Assert.Equal("example.com", record.GetProperty("identifiers").GetProperty("header_from").GetString());
        Assert.Equal("bounce.example.com", record.GetProperty("identifiers").GetProperty("envelope_from").GetString());
        Assert.Equal("none", record.GetProperty("auth_results").GetProperty("dkim")[0].GetProperty("selector").GetString());
    }

    [Fact]
    public async Task Inputs_without_a_report_get_a_line_with_the_reason()
    {
        using var folder = new TempFolder();
        folder.Write("a-newsletter.txt", "Hello, this is not a report.");
        folder.Write("b-broken.xml", "<?xml version=\"1.0\"?><feedback><report_metadata><org_name>x</org_name>");

        var result = await CliRun.Dmarc("parse", folder.Path);

        Assert.Equal(ExitCodes.SomeUnreadable, result.ExitCode);
        var lines = result.Lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal((Path.Join(folder.Path, "a-newsletter.txt"), "not_a_report"),
            (lines[0].GetProperty("source_file").GetString(), lines[0].GetProperty("report_type").GetString()));
        Assert.Equal((Path.Join(folder.Path, "b-broken.xml"), "invalid"),
            (lines[1].GetProperty("source_file").GetString(), lines[1].GetProperty("report_type").GetString()));
        Assert.All(lines, line => Assert.False(string.IsNullOrWhiteSpace(line.GetProperty("reason").GetString())));
    }

    private static async Task<JsonElement> ParseOne(string file)
    {
        var result = await CliRun.Dmarc("parse", file);
        Assert.Equal(ExitCodes.AllRead, result.ExitCode);
        using var document = JsonDocument.Parse(Assert.Single(result.Lines));
        return document.RootElement.GetProperty("report").Clone();
    }
}
