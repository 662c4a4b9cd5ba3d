using System.Diagnostics;
using System.Globalization;

namespace Dmarc.ReportGenerator;

/// <summary>
/// The command line: <c>large</c> writes one big aggregate report, <c>mailbox</c> a mixed report mailbox as .eml files,
/// <c>samples</c> rewrites samples/.
/// </summary>
internal static class GeneratorCommands
{
    public const string Usage = """
        usage:
          report-generator large --records N --out FILE [--seed S]   one aggregate report of N records (~710 bytes each)
          report-generator mailbox --mails N --out DIR [--junk-percent P] [--seed S]
                                                                     a rua/ruf/TLS mailbox of N mails as .eml files:
                                                                     of the non-junk 16:1:1 aggregate, TLS, failure
                                                                     (P=10, the default: 80% / 5% / 5% / 10% junk)
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

    public static int Mailbox(string[] args)
    {
        if (Option(args, "--out") is not { } directory || Option(args, "--mails") is not { } mailsText)
        {
            return Help();
        }

        var mails = int.Parse(mailsText, CultureInfo.InvariantCulture);
        var junkPercent = int.Parse(Option(args, "--junk-percent") ?? "10", CultureInfo.InvariantCulture);
        var seed = long.Parse(Option(args, "--seed") ?? "1", CultureInfo.InvariantCulture);
        if (mails < 0 || junkPercent is < 0 or > 100)
        {
            Console.Error.WriteLine("--mails must be 0 or more and --junk-percent between 0 and 100");
            return 2;
        }

        Directory.CreateDirectory(directory);
        var bytes = 0L;
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, mail) in MixedMailbox.Generate(mails, junkPercent, seed))
        {
            File.WriteAllBytes(Path.Combine(directory, name), mail);
            bytes += mail.Length;
            var kind = name[(name.IndexOf('-', StringComparison.Ordinal) + 1)..^".eml".Length];
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
        }

        Console.WriteLine($"{directory}: {mails:N0} mails, {bytes:N0} bytes ({string.Join(", ", kinds.Select(kind => $"{kind.Key} {kind.Value}"))})");
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
