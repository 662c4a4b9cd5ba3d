using System.Diagnostics;
using System.Globalization;

namespace Dmarc.ReportGenerator;

/// <summary>The command line: <c>large</c> writes one big aggregate report, <c>samples</c> rewrites samples/.</summary>
internal static class GeneratorCommands
{
    public const string Usage = """
        usage:
          report-generator large --records N --out FILE [--seed S]   one aggregate report of N records (~710 bytes each)
          report-generator samples --out DIR                         the sample reports and mails of samples/
        """;

    public static int Large(string[] args)
    {
        if (Option(args, "--out") is not { } path)
        {
            return Help();
        }

        var records = int.Parse(Option(args, "--records") ?? "100000", CultureInfo.InvariantCulture);
        var seed = long.Parse(Option(args, "--seed") ?? "1", CultureInfo.InvariantCulture);
        var clock = Stopwatch.StartNew();
        LargeAggregateReport.WriteFile(path, records, seed);
        Console.WriteLine($"{path}: {records:N0} records, {new FileInfo(path).Length:N0} bytes, {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    public static int Samples(string[] args)
    {
        var directory = Option(args, "--out") ?? "samples";
        SampleSet.WriteAll(directory);
        foreach (var (fileName, _) in SampleSet.Files)
        {
            Console.WriteLine($"{Path.Combine(directory, fileName)} ({new FileInfo(Path.Combine(directory, fileName)).Length:N0} bytes)");
        }

        return 0;
    }

    public static int Help()
    {
        Console.Error.WriteLine(Usage);
        return 2;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
