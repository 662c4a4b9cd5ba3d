using Dmarc.Reports;
using Dmarc.Reports.Outcomes;

namespace Dmarc.Fuzz;

/// <summary>Reads saved inputs (afl's crashes and hangs) the way the fuzzer does, and says how each ended.</summary>
public static class Replay
{
    public static int Run(IEnumerable<string> paths)
    {
        var broken = 0;
        foreach (var file in paths.SelectMany(Files))
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                using var input = File.OpenRead(file);
                var sink = new DescribingSink();
                new ReportReader(FuzzTarget.Limits).Read(input, FuzzTarget.Source, sink);
                sink.CheckEnd();
                Console.WriteLine($"ok     {file} ({clock.ElapsedMilliseconds} ms): {string.Join("; ", sink.Described)}");
            }
            catch (Exception bug) when (bug is not OutOfMemoryException)
            {
                broken++;
                Console.WriteLine($"BROKEN {file} ({clock.ElapsedMilliseconds} ms): {bug}");
            }
        }

        return broken == 0 ? 0 : 1;
    }

    private static IEnumerable<string> Files(string path) => Directory.Exists(path)
        ? Directory.EnumerateFiles(path).Where(f => !Path.GetFileName(f).StartsWith("README", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
        : [path];

    private sealed class DescribingSink : IReportSink
    {
        private readonly PromiseCheckingSink _checks = new();

        public List<string> Described { get; } = [];

        public void OnAggregateRecord(Reports.Aggregate.AggregateRecord record) => _checks.OnAggregateRecord(record);

        public void OnOutcome(ReportOutcome outcome)
        {
            _checks.OnOutcome(outcome);
            Described.Add(outcome switch
            {
                AggregateReportParsed parsed => $"parsed [{parsed.Part}] {parsed.Report.RecordCount} records, {parsed.Report.Errors.Count} errors",
                InvalidReport invalid => $"invalid [{invalid.Part}] {invalid.Reason}",
                NotAReport notAReport => $"not a report [{notAReport.Part}] {notAReport.Reason}",
                _ => outcome.ToString(),
            });
        }

        public void CheckEnd() => _checks.CheckEnd();
    }
}
