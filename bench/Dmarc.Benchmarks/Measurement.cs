using System.Diagnostics;
using System.Globalization;

namespace Dmarc.Benchmarks;

/// <summary>Repeated timings of one way of reading the report: medians of wall time and allocated bytes.</summary>
public sealed class Measurement(string name)
{
    private readonly List<double> _seconds = [];
    private readonly List<long> _allocated = [];
    private readonly int[] _collections = new int[3];
    private int _runs;

    public string Name { get; } = name;
    public double MedianSeconds => Median(_seconds);
    public double FastestSeconds => _seconds.Min();
    public double MedianAllocatedBytes => Median(_allocated.ConvertAll(bytes => (double)bytes));

    /// <summary>Garbage collections per run, gen0/gen1/gen2 (gen1 and gen2 ones are what hurts).</summary>
    public string CollectionsPerRun => string.Join('/', _collections.Select(count => (count / (double)_runs).ToString("0.#", CultureInfo.InvariantCulture)));

    /// <summary>Runs <paramref name="read"/> once from a collected heap, recording time and bytes allocated by all threads.</summary>
    public void Run(Action read) => RunAsync(() =>
    {
        read();
        return Task.CompletedTask;
    }).GetAwaiter().GetResult();

    /// <summary>As <see cref="Run"/>, for work that awaits.</summary>
    public async Task RunAsync(Func<Task> read)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var clock = Stopwatch.StartNew();
        await read();
        clock.Stop();
        for (var generation = 0; generation < 3; generation++)
        {
            _collections[generation] += GC.CollectionCount(generation) - collectionsBefore[generation];
        }

        _runs++;
        _allocated.Add(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
        _seconds.Add(clock.Elapsed.TotalSeconds);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
