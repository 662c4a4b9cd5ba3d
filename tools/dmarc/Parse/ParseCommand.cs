using System.CommandLine;
using Dmarc.Cli.Inputs;
using Dmarc.Reports;
using Dmarc.Reports.Formats;

namespace Dmarc.Cli.Parse;

/// <summary><c>dmarc parse [--format parsedmarc|json|csv] PATH...</c>: every report found, as one line each.</summary>
public static class ParseCommand
{
    public static Command Create(Terminal terminal)
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "parsedmarc: JSON Lines in parsedmarc's shape (default); json: Dmarc's own JSON Lines " +
                "(docs/json-format.md); csv: one row per record.",
            DefaultValueFactory = _ => OutputFormat.Parsedmarc,
        };
        format.AcceptOnlyFromAmong(OutputFormat.Names);
        var bufferBytes = new Option<int>("--buffer-bytes")
        {
            Description = "Bytes of one report's records held in memory before they move to a temporary file.",
            DefaultValueFactory = _ => RecordSpillBuffer.DefaultMemoryLimit,
        };
        var paths = InputArguments.Paths();

        var command = new Command("parse", "Prints every report in PATH... (files, folders, .eml, mbox; - for stdin).")
        {
            format,
            bufferBytes,
            paths,
        };
        command.SetAction((parsed, cancellationToken) => Task.FromResult(
            Run(terminal, parsed.GetValue(paths)!, parsed.GetValue(format)!, parsed.GetValue(bufferBytes), cancellationToken)));
        return command;
    }

    public static int Run(Terminal terminal, IReadOnlyList<string> paths, string format, int bufferBytes, CancellationToken cancellationToken)
    {
        if (InputArguments.ReportMissing(terminal, paths))
        {
            return ExitCodes.UsageError;
        }

        using var writer = OutputFormat.CreateWriter(format, terminal.Out, bufferBytes);
        IReportSink sink = format == OutputFormat.Csv ? new UnreadableToError(writer, terminal.Error) : writer;
        var tally = new OutcomeTally(sink);
        using (var pipeline = new PipelinedSink(tally))
        {
            new InputReading(terminal, new ReportReader(LocalFileLimits.Default)).ReadAll(InputPaths.Expand(paths), pipeline, cancellationToken);
            pipeline.Complete();
        }

        writer.Complete();
        return tally.ExitCode;
    }
}
