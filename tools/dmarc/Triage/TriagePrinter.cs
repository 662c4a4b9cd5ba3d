using System.Text.Json;
using Dmarc.Reports.Triage;

namespace Dmarc.Cli.Triage;

/// <summary>Writes triage decisions as they come: a line of text each, or a JSON object each; totals at the end.</summary>
internal sealed class TriagePrinter(TextWriter output, bool json)
{
    private readonly Dictionary<MailDestination, int> _totals = Enum.GetValues<MailDestination>().ToDictionary(destination => destination, _ => 0);

    public bool AnyInvalid => _totals[MailDestination.Invalid] > 0;

    public void Print(IEnumerable<MailTriageResult> results)
    {
        foreach (var result in results)
        {
            _totals[result.Destination]++;
            output.WriteLine(json ? JsonLine(result) : TextLine(result));
        }
    }

    public void PrintTotals()
    {
        if (json)
        {
            return;
        }

        var mails = _totals.Values.Sum();
        output.WriteLine($"{mails} mail{(mails == 1 ? "" : "s")}: {string.Join(", ", _totals.Select(total => $"{total.Value} {total.Key}"))}");
    }

    private static string TextLine(MailTriageResult result) =>
        $"{result.Destination,-10}  {Where(result)}  {result.Reason}";

    private static string Where(MailTriageResult result) => result.Part is null ? result.Source : $"{result.Source} ({result.Part})";

    private static string JsonLine(MailTriageResult result)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("source", result.Source);
            writer.WriteString("part", result.Part);
            writer.WriteString("subject", result.Subject);
            writer.WriteString("destination", MailDestinationNames.Of(result.Destination));
            writer.WriteBoolean("retryable", result.Retryable);
            writer.WriteString("reason", result.Reason);
            writer.WriteStartArray("evidence");
            foreach (var evidence in result.Evidence)
            {
                writer.WriteStartObject();
                writer.WriteString("check", evidence.Check);
                writer.WriteString("finding", evidence.Finding);
                writer.WriteString("part", evidence.Part);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
