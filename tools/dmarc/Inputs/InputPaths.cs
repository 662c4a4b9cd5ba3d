namespace Dmarc.Cli.Inputs;

/// <summary>
/// Turns the paths of the command line into inputs: a file is one input; a folder is every file below it, in ordinal
/// order of their relative paths (stable from run to run), named as the folder was given joined with the relative path;
/// <c>-</c> is standard input. Symbolic links to folders are not followed (no loops).
/// </summary>
public static class InputPaths
{
    /// <summary>The paths of the command line that do not exist (a usage error).</summary>
    public static IReadOnlyList<string> Missing(IEnumerable<string> paths) =>
        [.. paths.Where(path => path != ReportInput.StandardInput && !File.Exists(path) && !Directory.Exists(path))];

    public static IEnumerable<ReportInput> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (path == ReportInput.StandardInput)
            {
                yield return ReportInput.FromStandardInput();
            }
            else if (Directory.Exists(path))
            {
                foreach (var input in Walk(path, path))
                {
                    yield return input;
                }
            }
            else
            {
                yield return new ReportInput(path, path);
            }
        }
    }

    private static IEnumerable<ReportInput> Walk(string folder, string shownAs)
    {
        string[] entries;
        string? problem = null;
        try
        {
            entries = Directory.GetFileSystemEntries(folder);
            Array.Sort(entries, StringComparer.Ordinal);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            entries = [];
            problem = $"cannot list the folder: {error.Message}";
        }

        if (problem is not null)
        {
            yield return new ReportInput(shownAs, null, problem);
        }

        foreach (var entry in entries)
        {
            var name = Path.GetFileName(entry);
            var shown = Path.Join(shownAs, name);
            var info = new DirectoryInfo(entry);
            if (!info.Exists)
            {
                yield return new ReportInput(shown, entry);
            }
            else if (info.LinkTarget is null)
            {
                foreach (var input in Walk(entry, shown))
                {
                    yield return input;
                }
            }
        }
    }
}
