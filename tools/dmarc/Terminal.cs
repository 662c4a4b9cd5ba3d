namespace Dmarc.Cli;

/// <summary>
/// Where a command reads and writes: standard streams in production, memory in tests. <see cref="Out"/> is for bytes
/// (parse), <see cref="OutText"/> for text (analyze, help); a command uses one of the two.
/// </summary>
public sealed record Terminal(
    Stream Out,
    TextWriter OutText,
    TextWriter Error,
    Func<Stream> OpenInput,
    bool OutIsTerminal,
    bool ErrorIsTerminal)
{
    public static Terminal FromConsole() => new(
        new BufferedStream(Console.OpenStandardOutput(), 1024 * 1024),
        Console.Out,
        Console.Error,
        Console.OpenStandardInput,
        !Console.IsOutputRedirected,
        !Console.IsErrorRedirected);
}
