using System.CommandLine;

namespace Dmarc.Cli.Inputs;

/// <summary>The PATH... argument every command shares, and the usage error for paths that do not exist.</summary>
public static class InputArguments
{
    public static Argument<string[]> Paths() => new("PATH")
    {
        Description = "Report files, folders (read recursively, in sorted order), .eml mails or mboxes; - reads standard input.",
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>Names each missing path on standard error; true when there was one.</summary>
    public static bool ReportMissing(Terminal terminal, IReadOnlyList<string> paths)
    {
        var missing = InputPaths.Missing(paths);
        foreach (var path in missing)
        {
            terminal.Error.WriteLine($"dmarc: path not found: {path}");
        }

        return missing.Count > 0;
    }
}
