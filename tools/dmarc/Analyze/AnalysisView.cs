using System.Globalization;
using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Diagnosis;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Dmarc.Cli.Analyze;

/// <summary>The operator's summary as tables: rounded in a terminal, plain ASCII when piped (no ANSI codes).</summary>
public sealed class AnalysisView(IAnsiConsole console, bool plain, int top)
{
    public void Render(Analysis analysis, AnalysisResult diagnosis)
    {
        console.WriteLine(
            $"{Number(analysis.Reports)} reports, {Number(analysis.Records)} records, {Number(analysis.Traffic.Messages)} messages, " +
            $"DMARC pass {Percent(analysis.Traffic.PassRate)}; {Counted(analysis.FailureReports, "failure report")}; "
            + $"{Counted(analysis.TlsReports, "SMTP TLS report")}; {analysis.Unreadable.Count} inputs without a report.");

        Show("Policy domains", ["Domain", "Reports", "Messages", "DMARC pass", "none", "quarantine", "reject", "pass", "Policy"],
            analysis.Domains.Values.OrderByDescending(d => d.Traffic.Messages).ThenBy(d => d.Domain, StringComparer.Ordinal)
                .Select(d => (string[])[d.Domain, Number(d.Reports), .. Traffic(d.Traffic), .. Dispositions(d.Traffic), Policy(d.Policy)]));
        Show("Reporters", ["Reporter", "Reports", "Messages", "DMARC pass"],
            analysis.Reporters.Values.OrderByDescending(r => r.Traffic.Messages).ThenBy(r => r.Reporter, StringComparer.Ordinal)
                .Select(r => (string[])[r.Reporter, Number(r.Reports), .. Traffic(r.Traffic)]));
        Show("Header-From domains", ["Header-From", "Messages", "DMARC pass"],
            analysis.HeaderFroms.OrderByDescending(h => h.Value.Messages).ThenBy(h => h.Key, StringComparer.Ordinal)
                .Select(h => (string[])[h.Key.ToLowerInvariant(), .. Traffic(h.Value)]));
        Show("Sources failing DMARC (recomputed from auth_results)", ["Source IP", "Name", "Header-From", "Messages", "Failing", "SPF", "DKIM", "Class", "Fix"],
            diagnosis.Streams.Where(s => s.Tally.DmarcFail > 0).OrderByDescending(s => s.Tally.DmarcFail).ThenBy(s => s.Key.SourceIp, StringComparer.Ordinal)
                .Select(s => (string[])[s.Key.SourceIp, SourceName(s), s.Key.HeaderFrom, Number(s.Tally.Messages), Number(s.Tally.DmarcFail),
                    DiagnosisNames.Of(s.Verdict.Spf), DiagnosisNames.Of(s.Verdict.Dkim), DiagnosisNames.Of(s.Verdict.Class), s.Verdict.Fix ?? ""]));
        Show("Enforcement readiness", ["Domain", "Messages", "DMARC pass", "Would quarantine", "Would reject", "Ready", "Next step", "Why"],
            diagnosis.Domains.OrderByDescending(d => d.Messages).ThenBy(d => d.Domain, StringComparer.Ordinal)
                .Select(d => (string[])[d.Domain, Number(d.Messages), Percent(d.PassRate), Impact(d.WouldQuarantine), Impact(d.WouldReject),
                    d.Recommendation.Ready ? "yes" : "not yet", d.Recommendation.NextStep, d.Recommendation.Summary]));
        Show("Reporters that see it differently (recomputed DMARC vs policy_evaluated)", ["Reporter", "Messages", "Reporter pass, recomputed fail", "Reporter fail, recomputed pass"],
            diagnosis.Reporters.Where(r => r.Disagreements > 0).OrderByDescending(r => r.Disagreements).ThenBy(r => r.Reporter, StringComparer.Ordinal)
                .Select(r => (string[])[r.Reporter, Number(r.Messages), Number(r.ReporterPassDmarcFail), Number(r.ReporterFailDmarcPass)]));
        Show("PSL and tree walk disagree (organisational domains, for reports with discovery_method=treewalk)",
            ["Domain", "By PSL", "By tree walk", "Reports", "Messages"],
            diagnosis.DiscoveryDifferences.Select(d => (string[])[d.Domain, d.ByPublicSuffixList, d.ByTreeWalk, Number(d.Reports), Number(d.Messages)]));
        Note(DiscoveryNote(diagnosis.DiscoveryCheck));
        Show("Failure reports (ruf)", ["Reported domain", "Source IP", "Auth failure", "Delivery", "Reports"],
            analysis.FailureKinds.OrderByDescending(f => f.Value).ThenBy(f => f.Key.ReportedDomain, StringComparer.Ordinal)
                .Select(f => (string[])[f.Key.ReportedDomain, f.Key.SourceIp, f.Key.AuthFailure, f.Key.Delivery, Number(f.Value)]));
        Show("SMTP TLS policy domains", ["Domain", "Policies reported", "Sessions", "Failed", "TLS success"],
            analysis.TlsDomains.Values.OrderByDescending(d => d.Successful + d.Failed).ThenBy(d => d.Domain, StringComparer.Ordinal)
                .Select(d => (string[])[d.Domain, Number(d.Reports), Number(d.Successful + d.Failed), Number(d.Failed), Percent(d.SuccessRate)]));
        Show("SMTP TLS failures", ["Domain", "Result", "Receiving MX", "Sessions"],
            analysis.TlsFailures.OrderByDescending(f => f.Value).ThenBy(f => f.Key.Domain, StringComparer.Ordinal)
                .Select(f => (string[])[f.Key.Domain, f.Key.ResultType, f.Key.ReceivingMx, Number(f.Value)]));
        Show("Inputs without a report", ["Input", "Outcome", "Reason"],
            analysis.Unreadable.Select(u => (string[])[u.Part is null ? u.Source : $"{u.Source} ({u.Part})", u.Outcome, u.Reason]),
            all: true);
    }

    private void Show(string title, string[] columns, IEnumerable<string[]> rows, bool all = false)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return;
        }

        var table = new Table { Border = plain ? TableBorder.Ascii : TableBorder.Rounded };
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(new Text(column)));
        }

        foreach (var row in all ? list : list.Take(top))
        {
            table.AddRow(row.Select(cell => (IRenderable)new Text(cell)).ToArray());
        }

        console.WriteLine();
        console.WriteLine(title);
        console.Write(table);
        if (!all && list.Count > top)
        {
            console.WriteLine($"({list.Count - top} more not shown; see --top)");
        }
    }

    private void Note(string? line)
    {
        if (line is not null)
        {
            console.WriteLine();
            console.WriteLine(line);
        }
    }

    private static string? DiscoveryNote(DiscoveryCheck check) => check switch
    {
        { Status: DiscoveryCheckStatus.NotChecked } =>
            $"{Counted(check.Reports, "report")} with discovery_method=treewalk: PSL and tree walk not checked ({check.Reason}).",
        { Failed: > 0 } =>
            $"PSL and tree walk: {Counted(check.Failed + check.Skipped, "domain")} of treewalk reports not checked ({check.Failures[0].Reason}).",
        _ => null,
    };

    private static string SourceName(StreamAnalysis stream) =>
        stream.Source?.Sender is { } sender ? $"{sender.Name} ({SenderTypeNames.Of(sender.Type)})"
        : stream.Source?.ForwardConfirmed == true ? stream.Source.ReverseDns ?? ""
        : "";

    private static string Impact(PolicyImpact impact) => $"{Number(impact.Messages)} ({Percent(impact.Share)})";

    private static string[] Traffic(PassTally traffic) => [Number(traffic.Messages), Percent(traffic.PassRate)];

    private static string[] Dispositions(PassTally traffic) =>
    [
        Number(traffic.DispositionCount(Disposition.None)), Number(traffic.DispositionCount(Disposition.Quarantine)),
        Number(traffic.DispositionCount(Disposition.Reject)), Number(traffic.DispositionCount(Disposition.Pass)),
    ];

    private static string Policy(PolicyPublished? policy) => policy is null ? "" : string.Join(' ', new[]
    {
        policy.P is { } p ? $"p={Token(p)}" : null,
        policy.Sp is { } sp ? $"sp={Token(sp)}" : null,
        policy.Pct is { } pct ? $"pct={pct}" : null,
        policy.Np is { } np ? $"np={Token(np)}" : null,
        policy.Testing == true ? "t=y" : null,
    }.Where(part => part is not null));

    private static string Token(DomainPolicy policy) => policy.ToString().ToLowerInvariant();

    private static string Counted(long value, string what) => $"{Number(value)} {what}{(value == 1 ? "" : "s")}";

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Percent(double rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
