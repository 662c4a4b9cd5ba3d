namespace Dmarc.Cli.Inputs;

/// <summary>
/// One input to read: a file (<see cref="Path"/>) or standard input (<see cref="Path"/> null), named
/// <see cref="Source"/> in the output; <see cref="Problem"/> when it could not even be listed.
/// </summary>
public sealed record ReportInput(string Source, string? Path, string? Problem = null)
{
    public const string StandardInput = "-";

    public static ReportInput FromStandardInput() => new(StandardInput, null);
}
