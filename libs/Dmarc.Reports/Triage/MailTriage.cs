using System.Globalization;
using Dmarc.Reports.Outcomes;

namespace Dmarc.Reports.Triage;

/// <summary>
/// Decides the one place of a mail from the outcomes of everything in it and the mail's own signs. Nothing is lost:
/// a mail with any report that could not be read goes to <see cref="MailDestination.Invalid"/> as a whole, even when
/// other reports in it were read (storing is idempotent, so reading it again later does no harm); a mail without a
/// report goes there too when it was plainly sent as one.
/// </summary>
public static class MailTriage
{
    public static MailTriageResult Decide(string source, MailSummary? mail, IReadOnlyList<ReportOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var signs = mail is null ? [] : ReportLikeness.Signs(mail);
        var evidence = new List<TriageEvidence>(signs);
        evidence.AddRange(outcomes.Select(Evidence));
        var (destination, reason) = Destination(outcomes, signs);
        return new MailTriageResult(source, mail?.Part, mail?.Subject, destination, reason, evidence, outcomes);
    }

    private static (MailDestination, string) Destination(IReadOnlyList<ReportOutcome> outcomes, IReadOnlyList<TriageEvidence> signs)
    {
        var invalid = outcomes.OfType<InvalidReport>().ToList();
        var parsed = outcomes.Where(outcome => outcome is not (InvalidReport or NotAReport)).ToList();
        if (invalid.Count > 0)
        {
            var alsoRead = parsed.Count > 0 ? $"; {Count(parsed.Count, "other report")} in it could be read and will be read again" : "";
            return (MailDestination.Invalid, $"{Where(invalid[0])}{invalid[0].Reason}{alsoRead}");
        }

        if (parsed.Count > 0)
        {
            var destination = parsed.Any(outcome => outcome is AggregateReportParsed) ? MailDestination.Aggregate
                : parsed.Any(outcome => outcome is FailureReportParsed) ? MailDestination.Failure
                : MailDestination.Tls;
            return (destination, Describe(parsed));
        }

        var notReports = outcomes.OfType<NotAReport>().Select(notAReport => Where(notAReport) + notAReport.Reason).ToList();
        var found = notReports.Count == 0 ? "nothing was found in it" : string.Join("; ", notReports);
        return ReportLikeness.MeantAsReport(signs)
            ? (MailDestination.Invalid, $"sent as a report ({signs[0].Finding}), but no report could be read: {found}")
            : (MailDestination.NotAReport, found);
    }

    private static string Describe(IReadOnlyList<ReportOutcome> parsed)
    {
        var kinds = new[]
        {
            (parsed.Count(outcome => outcome is AggregateReportParsed), "aggregate report"),
            (parsed.Count(outcome => outcome is FailureReportParsed), "failure report"),
            (parsed.Count(outcome => outcome is TlsReportParsed), "SMTP TLS report"),
        };
        var read = string.Join(" and ", kinds.Where(kind => kind.Item1 > 0).Select(kind => Count(kind.Item1, kind.Item2)));
        return $"{read} read: {string.Join("; ", parsed.Select(Identify))}";
    }

    private static string Identify(ReportOutcome outcome) => outcome switch
    {
        AggregateReportParsed aggregate => $"{aggregate.Report.Metadata.OrgName} report {aggregate.Report.Metadata.ReportId} for {aggregate.Report.Policy.Domain}",
        FailureReportParsed failure => $"failure report{(failure.Report.ReportedDomain is { } domain ? $" for {domain}" : "")}"
            + $" ({string.Join('+', failure.Report.AuthFailure.DefaultIfEmpty("auth"))} failure from {failure.Report.SourceIp})",
        TlsReportParsed tls => $"{tls.Report.OrganizationName} TLS report {tls.Report.ReportId}",
        _ => outcome.GetType().Name,
    };

    private static TriageEvidence Evidence(ReportOutcome outcome) => outcome switch
    {
        InvalidReport invalid => new TriageEvidence("report read", $"invalid: {invalid.Reason}", invalid.Part),
        NotAReport notAReport => new TriageEvidence("report read", $"not a report: {notAReport.Reason}", notAReport.Part),
        _ => new TriageEvidence("report read", $"read: {Identify(outcome)}", outcome.Part),
    };

    private static string Where(ReportOutcome outcome) => outcome.Part is null ? "" : $"{outcome.Part}: ";

    private static string Count(int count, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {what}{(count == 1 ? "" : "s")}");
}
