using Dmarc.Reports;
using Dmarc.Reports.Outcomes;

namespace Dmarc.Cli.Inputs;

/// <summary>
/// Feeds every input to the core reader, one after the other, into one sink. An input that cannot be opened or read
/// ends as an <see cref="InvalidReport"/> with the reason, never as a crash.
/// </summary>
public sealed class InputReading(Terminal terminal, ReportReader reader)
{
    public void ReadAll(IEnumerable<ReportInput> inputs, IReportSink sink, CancellationToken cancellationToken)
    {
        foreach (var input in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Read(input, sink, cancellationToken);
        }
    }

    private void Read(ReportInput input, IReportSink sink, CancellationToken cancellationToken)
    {
        if (input.Problem is not null)
        {
            sink.OnOutcome(new InvalidReport(input.Source, null, input.Problem));
            return;
        }

        try
        {
            using var stream = input.Path is null
                ? terminal.OpenInput()
                : new FileStream(input.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
            reader.Read(stream, input.Source, sink, cancellationToken);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Records already streamed for a report cut short are dropped by the sink on this outcome.
            sink.OnOutcome(new InvalidReport(input.Source, null, $"cannot read the file: {error.Message}"));
        }
    }
}
