using System.CommandLine;
using Dmarc.Cli.Analyze;
using Dmarc.Cli.Parse;
using Dmarc.Cli.Triage;

namespace Dmarc.Cli;

/// <summary>The command tree and how it is run; a wrong command line exits with <see cref="ExitCodes.UsageError"/>.</summary>
public static class DmarcCli
{
    public static RootCommand Root(Terminal terminal) =>
        new($"Reads DMARC aggregate and failure reports and SMTP TLS reports (XML, JSON, gzip, zip, zlib, .eml mails, mboxes): prints them, summarises them, or says where each mail belongs.\n{ExitCodes.HelpText}")
        {
            ParseCommand.Create(terminal),
            AnalyzeCommand.Create(terminal),
            TriageCommand.Create(terminal),
        };

    public static async Task<int> RunAsync(string[] args, Terminal terminal, CancellationToken cancellationToken = default)
    {
        var parsed = Root(terminal).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await terminal.Error.WriteLineAsync($"dmarc: {error.Message}");
            }

            await terminal.Error.WriteLineAsync("Try 'dmarc --help'.");
            return ExitCodes.UsageError;
        }

        var configuration = new InvocationConfiguration { Output = terminal.OutText, Error = terminal.Error };
        try
        {
            return await parsed.InvokeAsync(configuration, cancellationToken);
        }
        finally
        {
            await terminal.Out.FlushAsync(CancellationToken.None);
            await terminal.OutText.FlushAsync(CancellationToken.None);
        }
    }
}
