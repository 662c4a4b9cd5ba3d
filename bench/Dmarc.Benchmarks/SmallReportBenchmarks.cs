using BenchmarkDotNet.Attributes;
using Dmarc.ReportGenerator;
using Dmarc.Reports;
using Dmarc.Reports.Outcomes;

namespace Dmarc.Benchmarks;

/// <summary>A 20-record report read whole with <see cref="ReportReader.ReadAll(Stream, string, CancellationToken)"/>: what the parser service mostly sees.</summary>
[MemoryDiagnoser]
public class SmallReportBenchmarks
{
    private byte[] _report = [];

    [GlobalSetup]
    public void GenerateReport() => _report = LargeAggregateReport.ToBytes(20, seed: 2);

    [Benchmark]
    public int SmallReportReadAll()
    {
        var outcomes = new ReportReader().ReadAll(new MemoryStream(_report, writable: false), "bench");
        return outcomes is [AggregateReportParsed parsed] ? parsed.Report.Records.Count : -1;
    }
}
