using System.CommandLine;
using Dmarc.Cli.Inputs;
using Dmarc.Enrichment;
using Dmarc.Reports;
using Dmarc.Reports.Alignment;
using Dmarc.Reports.Diagnosis;
using Dmarc.Reports.Domains;
using Dmarc.Reports.Formats;
using Spectre.Console;

namespace Dmarc.Cli.Analyze;

/// <summary>
/// <c>dmarc analyze PATH...</c>: pass rates per policy domain, reporter and Header-From; every sending stream
/// classified with evidence and fixes; enforcement readiness; where PSL and DNS tree walk disagree for treewalk reports;
/// failure and TLS reports; problems. As tables, or as the
/// analysis JSON (docs/analysis-format.md).
/// </summary>
public static class AnalyzeCommand
{
    public const string Text = "text";
    public const string Json = "json";

    public static Command Create(Terminal terminal)
    {
        var options = new AnalyzeCommandOptions();
        var command = new Command("analyze", "Summarises the reports in PATH... for an operator: pass rates, classified sources and fixes, enforcement readiness.");
        options.AddTo(command);
        command.SetAction((parsed, cancellationToken) => RunAsync(terminal, options.Read(parsed), cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(Terminal terminal, AnalyzeSettings settings, CancellationToken cancellationToken)
    {
        if (InputArguments.ReportMissing(terminal, settings.Paths))
        {
            return ExitCodes.UsageError;
        }

        if (settings.Problem is { } problem)
        {
            await terminal.Error.WriteLineAsync($"dmarc: {problem}");
            return ExitCodes.UsageError;
        }

        var domains = settings.PublicSuffixListPath is { } psl ? PublicSuffixList.Load(psl) : PublicSuffixList.Default;
        // Configured files are read before any report, so that a broken one stops the command at once.
        using var enricher = SourceEnrichment.Create(settings.Enrichment, domains);
        var summary = new Analysis();
        var diagnosis = new DmarcAnalysis(new PublishedPolicyAligner(domains), domains, settings.Analysis with { Inventory = enricher.Inventory });
        var progress = new ProgressLine(new FanOutSink(new AnalysisSink(summary), diagnosis), terminal.Error, terminal.ErrorIsTerminal);
        var tally = new OutcomeTally(progress);
        using (var pipeline = new PipelinedSink(tally))
        {
            new InputReading(terminal, new ReportReader(LocalFileLimits.Default)).ReadAll(InputPaths.Expand(settings.Paths), pipeline, cancellationToken);
            pipeline.Complete();
        }

        progress.Clear();
        var records = DnsDmarcRecords.Create(settings.Enrichment);
        var result = await diagnosis.ResultAsync(enricher, records, cancellationToken);
        if (settings.Format == Json)
        {
            AnalysisJsonWriter.Write(terminal.Out, result, indented: false);
            terminal.Out.WriteByte((byte)'\n');
        }
        else
        {
            new AnalysisView(Console(terminal), plain: !terminal.OutIsTerminal, Math.Max(1, settings.Top)).Render(summary, result);
        }

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
