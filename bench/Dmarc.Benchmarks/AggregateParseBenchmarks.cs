using BenchmarkDotNet.Attributes;
using Dmarc.ReportGenerator;
using Dmarc.Reports;

namespace Dmarc.Benchmarks;

/// <summary>
/// BenchmarkDotNet view of <see cref="ParseHarness"/>: the large report by a bare XmlReader scan (baseline) and by
/// the streaming <see cref="ReportReader"/>.
/// </summary>
[MemoryDiagnoser]
public class AggregateParseBenchmarks
{
    private byte[] _largeReport = [];

    [Params(100_000)]
    public int Records { get; set; }

    [GlobalSetup]
    public void GenerateReport() => _largeReport = LargeAggregateReport.ToBytes(Records);

    [Benchmark(Baseline = true)]
    public long XmlReaderScan() => XmlScan.Scan(new MemoryStream(_largeReport, writable: false)).Records;

    [Benchmark]
    public long ReportReaderStreaming()
    {
        var sink = new CountingSink();
        new ReportReader().Read(new MemoryStream(_largeReport, writable: false), "bench", sink);
        return sink.Records;
    }
}
