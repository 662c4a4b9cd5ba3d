using System.Diagnostics;

namespace Dmarc.Reports.Tests.Limits;

/// <summary>
/// What reading one input cost: wall time, and the bytes allocated on the reading thread (the reader's own work;
/// <c>GC.GetAllocatedBytesForCurrentThread</c> counts every allocation, so a part or document held in memory whole
/// shows up in full). Records are counted, not kept, so that only the reader's own memory is measured.
/// </summary>
internal sealed record Cost(IReadOnlyList<ReportOutcome> Outcomes, long Records, TimeSpan Elapsed, long AllocatedBytes)
{
    /// <summary>Generous: catches hangs and super-linear work, not a slow machine.</summary>
    public static readonly TimeSpan Seconds10 = TimeSpan.FromSeconds(10);

    public const long MiB = 1024 * 1024;

    public static Cost OfReading(byte[] input, ReportLimits? limits = null) => OfReading(new MemoryStream(input, writable: false), limits);

    public static Cost OfReading(Stream input, ReportLimits? limits = null)
    {
        var sink = new CountingSink();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        using (input)
        {
            new ReportReader(limits).Read(input, Read.Source, sink, TestContext.Current.CancellationToken);
        }

        return new Cost(sink.Outcomes, sink.Records, clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
    }

    /// <summary>Fails unless reading took less than <paramref name="time"/> and allocated less than <paramref name="bytes"/>.</summary>
    public Cost Within(TimeSpan time, long bytes)
    {
        Assert.True(Elapsed < time, $"took {Elapsed}, more than {time}; outcomes: {Read.Describe(Outcomes)}");
        Assert.True(AllocatedBytes < bytes, $"allocated {AllocatedBytes / MiB} MiB, more than {bytes / MiB} MiB; outcomes: {Read.Describe(Outcomes)}");
        return this;
    }

    /// <summary>The one outcome, which must be an <see cref="InvalidReport"/> whose reason matches <paramref name="reason"/>.</summary>
    public InvalidReport SingleInvalid(string reason)
    {
        var invalid = Read.Single<InvalidReport>(Outcomes);
        Assert.Matches(reason, invalid.Reason);
        return invalid;
    }

    private sealed class CountingSink : IReportSink
    {
        public List<ReportOutcome> Outcomes { get; } = [];

        public long Records { get; private set; }

        public void OnAggregateRecord(AggregateRecord record) => Records++;

        public void OnOutcome(ReportOutcome outcome) => Outcomes.Add(outcome);
    }
}
