using System.CommandLine;
using Dmarc.Cli.Inputs;
using Dmarc.Reports;
using Dmarc.Reports.Outcomes;
using Dmarc.Reports.Triage;

namespace Dmarc.Cli.Triage;

/// <summary>
/// <c>dmarc triage [--format text|json] PATH...</c>: for every mail, the place the ingestor will file it in and why
/// (Aggregate, Failure, Tls, Invalid or NotAReport), then how many went where.
/// </summary>
public static class TriageCommand
{
    public const string Text = "text";
    public const string Json = "json";

    public static Command Create(Terminal terminal)
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "text: one line per mail (default); json: JSON Lines with the evidence of each decision.",
            DefaultValueFactory = _ => Text,
        };
        format.AcceptOnlyFromAmong(Text, Json);
        var paths = InputArguments.Paths();
        var command = new Command("triage", "Says for each mail in PATH... where it belongs (Aggregate, Failure, Tls, Invalid, NotAReport) and why.")
        {
            format,
            paths,
        };
        command.SetAction((parsed, cancellationToken) => Task.FromResult(
            Run(terminal, parsed.GetValue(paths)!, parsed.GetValue(format)!, cancellationToken)));
        return command;
    }

    public static int Run(Terminal terminal, IReadOnlyList<string> paths, string format, CancellationToken cancellationToken)
    {
        if (InputArguments.ReportMissing(terminal, paths))
        {
            return ExitCodes.UsageError;
        }

        var reader = new ReportReader(LocalFileLimits.Default);
        var reading = new InputReading(terminal, reader);
        var printer = new TriagePrinter(terminal.OutText, format == Json);
        foreach (var input in InputPaths.Expand(paths))
        {
            cancellationToken.ThrowIfCancellationRequested();
            reading.Open(
                input,
                stream => printer.Print(reader.Triage(stream, input.Source, cancellationToken)),
                problem => printer.Print([MailTriage.Decide(input.Source, null, [new InvalidReport(input.Source, null, problem)])]));
        }

        printer.PrintTotals();
        return printer.AnyInvalid ? ExitCodes.SomeUnreadable : ExitCodes.AllRead;
    }
}
