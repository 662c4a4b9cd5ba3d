using System.Globalization;
using System.Runtime.InteropServices;
using Dmarc.Reports;
using Dmarc.Reports.Alignment;
using Dmarc.Reports.Diagnosis;
using Dmarc.Reports.Domains;
using Dmarc.Reports.Enrichment;

namespace Dmarc.Benchmarks;

/// <summary>
/// The analysis (recomputed alignment with the Public Suffix List, streams, classification, readiness, daily
/// statistics in Asia/Tokyo, offline enrichment) over one large report, beside reading alone: records/s of both.
/// </summary>
public static class AnalysisHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var records = HarnessOptions.Int(args, "--records", 100_000);
        var iterations = HarnessOptions.Int(args, "--iterations", 7);
        var report = ParseHarness.ReportFile(records);
        Console.WriteLine($"report: {records:N0} records, {report.Length / 1e6:F1} MB; {iterations} iterations after warm-up; "
            + $"{RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}");

        var warm = await AnalyseAsync(report);
        Console.WriteLine($"analysis: {warm.Streams.Count:N0} streams, {warm.Domains.Count} policy domains, {warm.Days.Count} days, "
            + $"classes: {string.Join(", ", warm.Streams.GroupBy(s => s.Verdict.Class).OrderBy(g => g.Key).Select(g => $"{g.Count():N0} {DiagnosisNames.Of(g.Key)}"))}");

        var read = new Measurement("read only");
        var analysed = new Measurement("read + analysis");
        for (var i = 0; i < iterations; i++)
        {
            read.Run(() => ParseHarness.ReadWithReportReader(report));
            await analysed.RunAsync(() => AnalyseAsync(report));
        }

        Console.WriteLine($"{"",-18}{"median s",10}{"fastest s",11}{"records/s",14}{"alloc B/record",16}");
        foreach (var measurement in new[] { read, analysed })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{measurement.Name,-18}{measurement.MedianSeconds,10:F3}{measurement.FastestSeconds,11:F3}{records / measurement.MedianSeconds,14:N0}"
                + $"{measurement.MedianAllocatedBytes / records,16:N0}"));
        }

        return 0;
    }

    private static async Task<AnalysisResult> AnalyseAsync(byte[] report)
    {
        var domains = PublicSuffixList.Default;
        var analysis = new DmarcAnalysis(new PublishedPolicyAligner(domains), domains,
            new AnalysisOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo") });
        new ReportReader().Read(new MemoryStream(report, writable: false), "bench.xml", analysis);
        using var enricher = new SourceEnricher(null, null, domains, KnownSenders.BuiltIn, settings: new SourceEnricherSettings { Offline = true });
        return await analysis.ResultAsync(enricher);
    }
}
