using Dmarc.Reports;

namespace Dmarc.Fuzz;

/// <summary>
/// What the fuzzer runs for each input: <see cref="ReportReader"/> over it, with limits small enough that every run
/// is quick, and a sink that checks the reader's promises. An exception escaping here is a bug afl-fuzz keeps.
/// </summary>
public static class FuzzTarget
{
    public const string Source = "fuzz-input";

    /// <summary>Small limits: afl's inputs are at most 1 MiB, but a bomb among them must not cost seconds.</summary>
    public static ReportLimits Limits { get; } = new()
    {
        MaxInputBytes = 4L * 1024 * 1024,
        MaxReportBytes = 16L * 1024 * 1024,
        MaxTotalDecompressedBytes = 32L * 1024 * 1024,
    };

    private static bool _warm;

    /// <summary>
    /// <see cref="Read"/>, after reading every seed once in the first run of the process, so that static
    /// initialisation (encodings, MimeKit's tables, first-use paths) happens then and not in the first run of some
    /// later input: afl sees the same path for the same input. (Instrumented code runs only inside afl's loop.)
    /// </summary>
    public static void ReadAfterWarmUp(Stream input)
    {
        if (!_warm)
        {
            _warm = true;
            foreach (var (_, content) in Seeds.All())
            {
                Read(new MemoryStream(content));
            }
        }

        Read(input);
    }

    public static void Read(Stream input)
    {
        using var buffered = new MemoryStream();
        input.CopyTo(buffered);
        buffered.Position = 0;
        var sink = new PromiseCheckingSink();
        new ReportReader(Limits).Read(buffered, Source, sink);
        sink.CheckEnd();
    }
}
