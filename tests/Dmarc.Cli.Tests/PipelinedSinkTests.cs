using Dmarc.Cli.Inputs;
using Dmarc.Reports;
using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Outcomes;

namespace Dmarc.Cli.Tests;

/// <summary>The second thread that writes while the core reads: same order, failures not lost.</summary>
public sealed class PipelinedSinkTests
{
    [Fact]
    public void Records_and_outcomes_arrive_in_the_order_they_were_given()
    {
        var recorder = new Recorder();
        using (var pipeline = new PipelinedSink(recorder))
        {
            for (var report = 0; report < 30; report++)
            {
                for (var record = 0; record < 100; record++)
                {
                    pipeline.OnAggregateRecord(Record($"{report}.{record}"));
                }

                pipeline.OnOutcome(new NotAReport($"input {report}", null, "test"));
            }

            pipeline.Complete();
        }

        var expected = Enumerable.Range(0, 30)
            .SelectMany(report => Enumerable.Range(0, 100).Select(record => $"{report}.{record}").Append($"input {report}"));
        Assert.Equal(expected, recorder.Seen);
    }

    [Fact]
    public void A_failure_behind_the_pipeline_surfaces_on_the_reading_side()
    {
        using var pipeline = new PipelinedSink(new Failing());

        var failure = Assert.Throws<IOException>(() =>
        {
            for (var i = 0; i < 100_000; i++)
            {
                pipeline.OnAggregateRecord(Record("192.0.2.1"));
            }

            pipeline.Complete();
        });
        Assert.Equal("broken pipe", failure.Message);
    }

    private static AggregateRecord Record(string ip) => new()
    {
        SourceIp = ip,
        Count = 1,
        PolicyEvaluated = new PolicyEvaluated(Disposition.None, DmarcVerdict.Pass, DmarcVerdict.Pass, []),
        HeaderFrom = "example.com",
    };

    private sealed class Recorder : IReportSink
    {
        public List<string> Seen { get; } = [];

        public void OnAggregateRecord(AggregateRecord record) => Seen.Add(record.SourceIp);

        public void OnOutcome(ReportOutcome outcome) => Seen.Add(outcome.Source);
    }

    private sealed class Failing : IReportSink
    {
        public void OnAggregateRecord(AggregateRecord record) => throw new IOException("broken pipe");

        public void OnOutcome(ReportOutcome outcome) => throw new IOException("broken pipe");
    }
}
