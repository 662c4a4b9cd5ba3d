using System.Globalization;
using System.Text;
using Dmarc.Reports;
using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Outcomes;

namespace Dmarc.Fuzz;

/// <summary>
/// Checks what <see cref="ReportReader"/> promises for any input: at least one outcome, each with a reason when it is
/// not a report, part names that are printable and never a climbing path, records that add up and hold sane values.
/// A broken promise throws <see cref="BrokenPromiseException"/>, which afl-fuzz records as a crash.
/// </summary>
public sealed class PromiseCheckingSink : IReportSink
{
    private int _recordsSinceOutcome;

    public int Outcomes { get; private set; }

    public void OnAggregateRecord(AggregateRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _recordsSinceOutcome++;
        Require(record.Count >= 0, $"a record counts {record.Count} messages");
    }

    public void OnOutcome(ReportOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Outcomes++;
        Require(outcome.Source == FuzzTarget.Source, $"the outcome names the source \"{outcome.Source}\"");
        if (outcome.Part is { } part)
        {
            Require(IsSafePartName(part), $"the part name \"{Escaped(part)}\" is not printable or climbs a path");
        }

        switch (outcome)
        {
            case AggregateReportParsed parsed:
                Require(parsed.Report.RecordCount == _recordsSinceOutcome,
                    $"the report counts {parsed.Report.RecordCount} records but {_recordsSinceOutcome} were handed out");
                foreach (var error in parsed.Report.Errors)
                {
                    Require(IsPrintableLine(error.Message), $"the report error \"{Escaped(error.Message)}\" is blank or not printable");
                }

                Require(parsed.Report.PayloadSha256.Length == 64, "the report's payload hash is not a SHA-256");
                Require(parsed.Report.Metadata.OrgName is not null && parsed.Report.Metadata.ReportId is not null
                    && parsed.Report.Policy.Domain is not null, "the report's identity has a null part");
                break;
            case InvalidReport invalid:
                Require(IsPrintableLine(invalid.Reason), $"the invalid report's reason \"{Escaped(invalid.Reason)}\" is blank or not printable");
                break;
            case NotAReport notAReport:
                Require(IsPrintableLine(notAReport.Reason), $"the non-report's reason \"{Escaped(notAReport.Reason)}\" is blank or not printable");
                break;
        }

        _recordsSinceOutcome = 0;
    }

    public void CheckEnd()
    {
        Require(Outcomes > 0, "the input ended in no outcome");
        Require(_recordsSinceOutcome == 0, $"{_recordsSinceOutcome} records were handed out after the last outcome");
    }

    /// <summary>Printable, not starting at the root, and no segment empty, "." or "..".</summary>
    public static bool IsSafePartName(string part) =>
        IsPrintableLine(part) && !part.StartsWith('/') && part.Split('/').All(segment => segment is not ("" or "." or ".."));

    /// <summary>Not blank; no control, invisible formatting or line-separating character; no lone surrogate.</summary>
    public static bool IsPrintableLine(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            if (!Rune.TryGetRuneAt(text, i, out var rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control
                or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return false;
            }
        }

        return true;
    }

    private static string Escaped(string text) => string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));

    private static void Require(bool promise, string broken)
    {
        if (!promise)
        {
            throw new BrokenPromiseException(broken);
        }
    }
}

/// <summary>A promise of <see cref="ReportReader"/> broken by some input: a bug.</summary>
public sealed class BrokenPromiseException(string message) : Exception(message);
