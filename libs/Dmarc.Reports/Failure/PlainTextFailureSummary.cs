using System.Text.RegularExpressions;
using F = Dmarc.Reports.Failure.ArfFieldNames;

namespace Dmarc.Reports.Failure;

/// <summary>
/// A failure report sent as plain text without an ARF part, as Exim does: a sentence saying a message failed the
/// DMARC policy, indented <c>Label: value</c> lines (Sender Domain, Sender IP Address, Received Date, SPF and DKIM
/// Alignment, DMARC Results), then a copy of the message's headers.
/// </summary>
internal sealed partial class PlainTextFailureSummary
{
    private PlainTextFailureSummary(IReadOnlyList<FeedbackField> lines, string? headers)
    {
        Lines = lines;
        HeadersText = headers;
    }

    /// <summary>The labelled lines, as written.</summary>
    public IReadOnlyList<FeedbackField> Lines { get; }

    /// <summary>The copied headers of the failing message, or null when the text has none.</summary>
    public string? HeadersText { get; }

    /// <summary>The summary in <paramref name="text"/>, or null when the text is not a plain-text DMARC failure report.</summary>
    public static PlainTextFailureSummary? TryRead(string text)
    {
        var lines = new List<FeedbackField>();
        string? headers = null;
        var all = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < all.Length; i++)
        {
            if (lines.Count > 0 && HeaderLine().IsMatch(all[i]))
            {
                headers = string.Join('\n', all[i..]);
                break;
            }

            if (Label().Match(all[i]) is { Success: true } label)
            {
                lines.Add(new FeedbackField(label.Groups["label"].Value, label.Groups["value"].Value.Trim()));
            }
        }

        var summary = new PlainTextFailureSummary(lines, headers);
        var saysDmarcFailed = Whitespace().Replace(text, " ").Contains("failed the published DMARC policy", StringComparison.OrdinalIgnoreCase);
        var namesSender = summary.Line("sender ip address") is not null && summary.Line("sender domain") is not null;
        return saysDmarcFailed || namesSender ? summary : null;
    }

    /// <summary>The labelled lines as ARF fields, so that one builder reads both shapes.</summary>
    public FeedbackFields AsArfFields()
    {
        var fields = new List<string>();
        Add(F.SourceIp, Line("sender ip address") ?? Line("sender ip") ?? Line("source ip"));
        Add(F.ReportedDomain, Line("sender domain"));
        Add(F.ArrivalDate, Line("received date") ?? Line("arrival date"));
        var spf = Line("spf alignment");
        var dkim = Line("dkim alignment");
        if (spf is not null || dkim is not null)
        {
            var aligned = new[] { (Name: "dkim", Value: dkim), (Name: "spf", Value: spf) }
                .Where(mechanism => IsYes(mechanism.Value))
                .Select(mechanism => mechanism.Name)
                .ToList();
            Add(F.IdentityAlignment, aligned.Count == 0 ? "none" : string.Join(',', aligned));
        }

        return FeedbackFields.Parse(string.Join('\n', fields));

        void Add(string name, string? value)
        {
            if (value is not null)
            {
                fields.Add($"{name}: {value}");
            }
        }
    }

    private string? Line(string label) =>
        Lines.FirstOrDefault(line => Whitespace().Replace(line.Name, " ").Equals(label, StringComparison.OrdinalIgnoreCase) && line.Value.Length > 0)?.Value;

    private static bool IsYes(string? value) => value?.Trim().ToLowerInvariant() is "yes" or "pass" or "true" or "aligned";

    /// <summary>An indented or plain <c>Label words: value</c> line of the summary.</summary>
    [GeneratedRegex(@"^\s*(?<label>[A-Za-z][A-Za-z -]{0,40}?)\s*:\s(?<value>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    /// <summary>The first line of the copied headers: a header field name (no spaces) at the start of the line.</summary>
    [GeneratedRegex(@"^[\x21-\x39\x3B-\x7E]+:", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
