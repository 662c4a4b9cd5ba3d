using System.Runtime.InteropServices;
using Dmarc.ReportGenerator;
using Dmarc.Reports;
using Dmarc.Reports.Outcomes;

namespace Dmarc.Benchmarks;

/// <summary>
/// The numbers we quote: one large aggregate report (100,000 records ≈ 71 MB) read from memory, warm, several times,
/// by a bare XmlReader scan (the practical limit) and by <see cref="ReportReader.Read"/> with a counting sink.
/// Targets (issue): ≥ 250,000 records/s, and at most twice the time of the bare scan.
/// </summary>
public static class ParseHarness
{
    private const double TargetRecordsPerSecond = 250_000;
    private const double TargetRatio = 2.0;

    public static int Run(string[] args)
    {
        var records = HarnessOptions.Int(args, "--records", 100_000);
        var iterations = HarnessOptions.Int(args, "--iterations", 7);
        var report = ReportFile(records);
        Console.WriteLine($"report: {records:N0} records, {report.Length / 1e6:F1} MB; {iterations} iterations after warm-up; "
            + $"{RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}");

        // The warm-up round (JIT, tiering) also checks that both read the whole report; it is not measured.
        var problems = WarmUpAndCheck(report, records);
        var scan = new Measurement("(a) XmlReader scan");
        var reader = new Measurement("(b) ReportReader.Read");
        for (var i = 0; i < iterations; i++)
        {
            scan.Run(() => XmlScan.Scan(new MemoryStream(report, writable: false)));
            reader.Run(() => ReadWithReportReader(report));
        }

        // MB = 10^6 bytes. The fastest run is shown too: on a shared machine it tells noise from cost.
        Console.WriteLine($"{"",-24}{"median s",10}{"fastest s",11}{"MB/s",10}{"records/s",14}{"alloc B/record",16}  {"GCs g0/g1/g2",-14}");
        foreach (var measurement in new[] { scan, reader })
        {
            var seconds = measurement.MedianSeconds;
            Console.WriteLine($"{measurement.Name,-24}{seconds,10:F3}{measurement.FastestSeconds,11:F3}{report.Length / 1e6 / seconds,10:F1}{records / seconds,14:N0}"
                + $"{measurement.MedianAllocatedBytes / records,16:N0}  {measurement.CollectionsPerRun,-14}");
        }

        var ratio = reader.MedianSeconds / scan.MedianSeconds;
        var rate = records / reader.MedianSeconds;
        Console.WriteLine($"ratio (b)/(a): {ratio:F2} (target ≤ {TargetRatio:F1}: {(ratio <= TargetRatio ? "met" : "MISSED")})");
        Console.WriteLine($"ReportReader records/s: {rate:N0} (target ≥ {TargetRecordsPerSecond:N0}: {(rate >= TargetRecordsPerSecond ? "met" : "MISSED")})");
        problems.ForEach(problem => Console.WriteLine($"PROBLEM: {problem}"));
        return problems.Count == 0 ? 0 : 1;
    }

    /// <summary>Generates the report once into a temp file, then reads it into memory so disk speed is not measured.</summary>
    internal static byte[] ReportFile(int records)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dmarc-bench-{records}.xml");
        LargeAggregateReport.WriteFile(path, records);
        return File.ReadAllBytes(path);
    }

    internal static CountingSink ReadWithReportReader(byte[] report)
    {
        var sink = new CountingSink();
        new ReportReader().Read(new MemoryStream(report, writable: false), "bench", sink);
        return sink;
    }

    private static List<string> WarmUpAndCheck(byte[] report, int records)
    {
        var problems = new List<string>();
        var (scanned, _) = XmlScan.Scan(new MemoryStream(report, writable: false));
        if (scanned != records)
        {
            problems.Add($"the XmlReader scan found {scanned} records, expected {records}");
        }

        var sink = ReadWithReportReader(report);
        if (sink.Records != records)
        {
            problems.Add($"ReportReader delivered {sink.Records} records, expected {records}");
        }

        if (sink.LastOutcome is not AggregateReportParsed { Report: var parsed })
        {
            problems.Add($"ReportReader ended in {sink.LastOutcome}");
        }
        else if (parsed.Errors.Count > 0)
        {
            problems.Add($"ReportReader read around {parsed.Errors.Count} errors, first: {parsed.Errors[0]}");
        }

        return problems;
    }
}
