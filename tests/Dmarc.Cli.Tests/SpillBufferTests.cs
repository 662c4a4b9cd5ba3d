using System.Text;
using System.Text.Json;
using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Formats;
using Dmarc.Reports.Outcomes;

namespace Dmarc.Cli.Tests;

/// <summary>Records wait in memory, then in a temporary file, until their report's outcome; the output is the same.</summary>
public sealed class SpillBufferTests
{
    [Theory]
    [InlineData("parsedmarc")]
    [InlineData("json")]
    [InlineData("csv")]
    public async Task Output_is_the_same_whether_records_stay_in_memory_or_move_to_a_file(string format)
    {
        using var folder = new TempFolder();
        var records = Enumerable.Range(1, 300).Select(i => AggregateXml.Record($"192.0.2.{i % 250}", i, spf: i % 3 == 0 ? "fail" : "pass")).ToArray();
        folder.Write("a.xml", AggregateXml.Report(id: "a", records: records));
        folder.Write("b.txt", "not a report");
        folder.Write("c.xml", AggregateXml.Report(id: "c", begin: 1_704_110_400, end: 1_704_261_600, records: records[..50]));

        var inMemory = await CliRun.Dmarc("parse", "--format", format, folder.Path);
        var spilled = await CliRun.Dmarc("parse", "--format", format, "--buffer-bytes", "64", folder.Path);

        Assert.Equal(ExitCodes.SomeUnreadable, spilled.ExitCode);
        Assert.True(inMemory.Out.Length > 30_000, "the reports should not fit in 64 bytes");
        Assert.Equal(inMemory.Out, spilled.Out);
    }

    [Fact]
    public void Entries_come_back_in_order_after_moving_to_the_file_and_are_dropped_on_clear()
    {
        using var buffer = new RecordSpillBuffer(memoryLimit: 32);
        for (var i = 0; i < 20; i++)
        {
            buffer.Add(Encoding.UTF8.GetBytes($"entry {i}"));
        }

        Assert.True(buffer.IsSpilled);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"entry {i}"), Replay(buffer));

        buffer.Clear();
        buffer.Add("x"u8, "y"u8);
        Assert.False(buffer.IsSpilled);
        Assert.Equal(["xy"], Replay(buffer));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(RecordSpillBuffer.DefaultMemoryLimit)]
    public void Records_of_a_report_that_turns_out_invalid_are_dropped(int memoryLimit)
    {
        using var output = new MemoryStream();
        using var writer = new ParsedmarcJsonWriter(output, memoryLimit);

        writer.OnAggregateRecord(Record("192.0.2.66"));
        writer.OnOutcome(new InvalidReport("in.mbox", "message 1", "cut short"));
        writer.OnAggregateRecord(Record("192.0.2.1"));
        writer.OnOutcome(new AggregateReportParsed("in.mbox", "message 2", Report()));
        writer.Complete();

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var report = JsonDocument.Parse(lines[1]);
        Assert.Equal("message 2", report.RootElement.GetProperty("source_part").GetString());
        var record = Assert.Single(report.RootElement.GetProperty("report").GetProperty("records").EnumerateArray());
        Assert.Equal("192.0.2.1", record.GetProperty("source").GetProperty("ip_address").GetString());
    }

    private static List<string> Replay(RecordSpillBuffer buffer)
    {
        var entries = new List<string>();
        buffer.BeginReplay();
        while (buffer.TryReadEntry(out var entry))
        {
            entries.Add(Encoding.UTF8.GetString(entry));
        }

        return entries;
    }

    private static AggregateRecord Record(string ip) => new()
    {
        SourceIp = ip,
        Count = 2,
        PolicyEvaluated = new PolicyEvaluated(Disposition.None, DmarcVerdict.Pass, DmarcVerdict.Fail, []),
        HeaderFrom = "example.com",
    };

    private static AggregateReport Report() => new()
    {
        Metadata = new ReportMetadata { OrgName = "google.com", ReportId = "1", Period = ReportPeriod.FromUnixSeconds(1_700_006_400, 1_700_092_799) },
        Policy = new PolicyPublished { Domain = "example.com", P = DomainPolicy.None },
        PayloadSha256 = new string('0', 64),
    };
}
