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
    public void Run(Action read)
    {
        var start = Start();
        read();
        Stop(start);
    }

    /// <summary>As <see cref="Run"/>, for work that awaits.</summary>
    public async Task RunAsync(Func<Task> read)
    {
        var start = Start();
        await read();
        Stop(start);
    }

    private static (long Allocated, int[] Collections, Stopwatch Clock) Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        return (allocated, collections, Stopwatch.StartNew());
    }

    private void Stop((long Allocated, int[] Collections, Stopwatch Clock) start)
    {
        start.Clock.Stop();
        for (var generation = 0; generation < 3; generation++)
        {
            _collections[generation] += GC.CollectionCount(generation) - start.Collections[generation];
        }

        _runs++;
        _allocated.Add(GC.GetTotalAllocatedBytes(precise: true) - start.Allocated);
        _seconds.Add(start.Clock.Elapsed.TotalSeconds);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
