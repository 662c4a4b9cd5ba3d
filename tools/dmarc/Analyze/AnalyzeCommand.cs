using System.CommandLine;
using Dmarc.Cli.Inputs;
using Dmarc.Reports;
using Spectre.Console;

namespace Dmarc.Cli.Analyze;

/// <summary><c>dmarc analyze PATH...</c>: pass rates per policy domain, reporter and Header-From, failing sources, problems.</summary>
public static class AnalyzeCommand
{
    public static Command Create(Terminal terminal)
    {
        var top = new Option<int>("--top")
        {
            Description = "Rows shown per table (failing sources, domains, reporters, Header-From).",
            DefaultValueFactory = _ => 20,
        };
        var paths = InputArguments.Paths();
        var command = new Command("analyze", "Summarises the reports in PATH... for an operator.")
        {
            top,
            paths,
        };
        command.SetAction((parsed, cancellationToken) => Task.FromResult(
            Run(terminal, parsed.GetValue(paths)!, parsed.GetValue(top), cancellationToken)));
        return command;
    }

    public static int Run(Terminal terminal, IReadOnlyList<string> paths, int top, CancellationToken cancellationToken)
    {
        if (InputArguments.ReportMissing(terminal, paths))
        {
            return ExitCodes.UsageError;
        }

        var analysis = new Analysis();
        var progress = new ProgressLine(new AnalysisSink(analysis), terminal.Error, terminal.ErrorIsTerminal);
        var tally = new OutcomeTally(progress);
        using (var pipeline = new PipelinedSink(tally))
        {
            new InputReading(terminal, new ReportReader(LocalFileLimits.Default)).ReadAll(InputPaths.Expand(paths), pipeline, cancellationToken);
            pipeline.Complete();
        }

        progress.Clear();

        new AnalysisView(Console(terminal), plain: !terminal.OutIsTerminal, Math.Max(1, top)).Render(analysis);
        return tally.ExitCode;
    }

    private static IAnsiConsole Console(Terminal terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(terminal.OutText),
            Ansi = terminal.OutIsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal.OutIsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal.OutIsTerminal)
        {
            // Piped output is read by people and scripts alike: no wrapping inside cells.
            console.Profile.Width = 4096;
        }

        return console;
    }
}
