using System.Text;

namespace Dmarc.Cli.Tests.Support;

/// <summary>What one in-process run of <c>dmarc</c> printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] Lines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs the command line in this process, with memory for standard input and output (neither is a terminal).</summary>
public static class CliRun
{
    public static async Task<CliResult> Dmarc(params string[] args) => await WithInput([], args);

    public static async Task<CliResult> WithInput(byte[] standardInput, params string[] args)
    {
        using var output = new MemoryStream();
        await using var outText = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { AutoFlush = true };
        await using var error = new StringWriter();
        var terminal = new Terminal(output, outText, error, () => new MemoryStream(standardInput), false, false);

        var exitCode = await DmarcCli.RunAsync(args, terminal, TestContext.Current.CancellationToken);
        return new CliResult(exitCode, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }
}
