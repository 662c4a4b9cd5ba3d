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

    private void Read(ReportInput input, IReportSink sink, CancellationToken cancellationToken) =>
        Open(input, stream => reader.Read(stream, input.Source, sink, cancellationToken),
            // Records already streamed for a report cut short are dropped by the sink on this outcome.
            problem => sink.OnOutcome(new InvalidReport(input.Source, null, problem)));

    /// <summary>Hands <paramref name="input"/> opened to <paramref name="read"/>, or why it cannot be read to <paramref name="unreadable"/>.</summary>
    public void Open(ReportInput input, Action<Stream> read, Action<string> unreadable)
    {
        if (input.Problem is not null)
        {
            unreadable(input.Problem);
            return;
        }

        try
        {
            using var stream = input.Path is null
                ? terminal.OpenInput()
                : new FileStream(input.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
            read(stream);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            unreadable($"cannot read the file: {error.Message}");
        }
    }
}
