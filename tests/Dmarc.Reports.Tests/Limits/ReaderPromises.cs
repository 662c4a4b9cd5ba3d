using System.Globalization;
using System.Text;

namespace Dmarc.Reports.Tests.Limits;

/// <summary>
/// What <see cref="ReportReader"/> promises for any input whatever, checked on what a <see cref="RecordingSink"/>
/// received: at least one outcome; a reason, printable, for each that is not a report; part names that are printable
/// and never a path that climbs; each report's record count equal to the records handed out before it.
/// </summary>
internal static class ReaderPromises
{
    /// <summary>Reads <paramref name="input"/> (any exception fails the caller) and checks every promise.</summary>
    public static RecordingSink ReadAndCheck(byte[] input, ReportLimits? limits = null)
    {
        var sink = new RecordingSink();
        new ReportReader(limits).Read(new MemoryStream(input, writable: false), Read.Source, sink, TestContext.Current.CancellationToken);
        Check(sink);
        return sink;
    }

    public static void Check(RecordingSink sink)
    {
        Assert.True(sink.Outcomes.Any(), "the input ended in no outcome");
        Assert.True(sink.Events[^1] is ReportOutcome, "records were handed out after the last outcome");
        var records = 0L;
        foreach (var happened in sink.Events)
        {
            if (happened is AggregateRecord)
            {
                records++;
                continue;
            }

            var outcome = (ReportOutcome)happened;
            Assert.Equal(Read.Source, outcome.Source);
            if (outcome.Part is { } part)
            {
                Assert.True(IsSafePartName(part), $"unsafe part name \"{part}\"");
            }

            switch (outcome)
            {
                case AggregateReportParsed parsed:
                    Assert.Equal(records, parsed.Report.RecordCount);
                    Assert.Equal(64, parsed.Report.PayloadSha256.Length);
                    Assert.All(parsed.Report.Errors, e => Assert.True(IsPrintableLine(e.Message), $"unprintable report error \"{e.Message}\""));
                    break;
                case InvalidReport invalid:
                    Assert.True(IsPrintableLine(invalid.Reason), $"invalid report with an empty or unprintable reason \"{invalid.Reason}\"");
                    break;
                case NotAReport notAReport:
                    Assert.True(IsPrintableLine(notAReport.Reason), $"non-report with an empty or unprintable reason \"{notAReport.Reason}\"");
                    break;
            }

            records = 0;
        }
    }

    /// <summary>Printable (no control or invisible formatting characters), and no segment empty, "." or "..".</summary>
    public static bool IsSafePartName(string part) =>
        IsPrintableLine(part) && !part.StartsWith('/') && part.Split('/').All(segment => segment is not ("" or "." or ".."));

    /// <summary>Not blank; no control, invisible formatting or line-separating character; no lone surrogate.</summary>
    public static bool IsPrintableLine(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (!Rune.TryGetRuneAt(text, i, out var rune))
            {
                return false;
            }

            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return false;
            }

            i += rune.Utf16SequenceLength - 1;
        }

        return true;
    }
}
