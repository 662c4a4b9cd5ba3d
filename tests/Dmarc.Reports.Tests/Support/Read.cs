using System.Text;

namespace Dmarc.Reports.Tests.Support;

/// <summary>Reads test input with <see cref="ReportReader"/> and says plainly what came out when it is not what a test wants.</summary>
internal static class Read
{
    public const string Source = "test-input";

    public static IReadOnlyList<ReportOutcome> All(string text, ReportLimits? limits = null) => All(Encoding.UTF8.GetBytes(text), limits);

    public static IReadOnlyList<ReportOutcome> All(byte[] bytes, ReportLimits? limits = null) =>
        new ReportReader(limits).ReadAll(bytes, Source, TestContext.Current.CancellationToken);

    /// <summary>The one report the input must hold.</summary>
    public static AggregateReport SingleReport(string text, ReportLimits? limits = null) => SingleReport(Encoding.UTF8.GetBytes(text), limits);

    public static AggregateReport SingleReport(byte[] bytes, ReportLimits? limits = null) => SingleParsed(All(bytes, limits)).Report;

    public static AggregateReportParsed SingleParsed(IReadOnlyList<ReportOutcome> outcomes)
    {
        if (outcomes is not [AggregateReportParsed parsed])
        {
            Assert.Fail($"expected exactly one parsed aggregate report, got: {Describe(outcomes)}");
            throw new InvalidOperationException("unreachable");
        }

        return parsed;
    }

    /// <summary>The one record of the one report the input must hold.</summary>
    public static AggregateRecord SingleRecord(string text)
    {
        var report = SingleReport(text);
        if (report.Records is not [var record])
        {
            Assert.Fail($"expected exactly one record, got {report.Records.Count}; errors: {string.Join(" | ", report.Errors)}");
            throw new InvalidOperationException("unreachable");
        }

        return record;
    }

    /// <summary>The one outcome the input must end in, of type <typeparamref name="T"/>.</summary>
    public static T Single<T>(IReadOnlyList<ReportOutcome> outcomes)
        where T : ReportOutcome
    {
        if (outcomes is not [T outcome])
        {
            Assert.Fail($"expected exactly one {typeof(T).Name}, got: {Describe(outcomes)}");
            throw new InvalidOperationException("unreachable");
        }

        return outcome;
    }

    public static string Describe(IEnumerable<ReportOutcome> outcomes)
    {
        var lines = outcomes.Select(outcome => outcome switch
        {
            AggregateReportParsed parsed =>
                $"parsed [{parsed.Part}] {parsed.Report.Metadata.OrgName} {parsed.Report.Metadata.ReportId} ({parsed.Report.RecordCount} records, errors: {string.Join(" | ", parsed.Report.Errors)})",
            InvalidReport invalid => $"invalid [{invalid.Part}] {invalid.Reason}",
            NotAReport notAReport => $"not a report [{notAReport.Part}] {notAReport.Reason}",
            _ => outcome.ToString(),
        }).ToList();
        return lines.Count == 0 ? "(no outcome)" : string.Join("; ", lines);
    }
}
