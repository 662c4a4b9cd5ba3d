namespace Dmarc.Cli;

/// <summary>What <c>dmarc</c> tells scripts, for every command.</summary>
public static class ExitCodes
{
    /// <summary>Every input was read and held reports.</summary>
    public const int AllRead = 0;

    /// <summary>Some inputs (or parts of them) were invalid or not reports; they were still reported.</summary>
    public const int SomeUnreadable = 1;

    /// <summary>The command line was wrong, or a path does not exist; nothing was read.</summary>
    public const int UsageError = 2;

    public const string HelpText =
        "Exit codes: 0 = all inputs read; 1 = some inputs were invalid or not reports (still printed), or for triage: " +
        "some mail is Invalid; " +
        "2 = usage error or path not found.";
}
