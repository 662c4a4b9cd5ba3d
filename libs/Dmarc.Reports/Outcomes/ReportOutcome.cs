using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Input;

namespace Dmarc.Reports.Outcomes;

/// <summary>
/// How one report, or one input that held no report, ended. Every input ends in at least one outcome, and every
/// report found in it in exactly one. <see cref="Source"/> is the input as the caller named it; <see cref="Part"/>
/// says where inside it (an archive entry, a mail attachment), or is null for the input itself.
/// </summary>
public abstract record ReportOutcome(string Source, string? Part);

/// <summary>An aggregate report that was read (possibly with <see cref="AggregateReport.Errors"/> it was read around).</summary>
public sealed record AggregateReportParsed(string Source, string? Part, AggregateReport Report) : ReportOutcome(Source, Part);

/// <summary>Looks like a report but cannot be read; <see cref="Reason"/> says why. Retrying later may succeed.</summary>
public sealed record InvalidReport(string Source, string? Part, string Reason) : ReportOutcome(Source, Part)
{
    /// <summary>Why, for an operator; whatever of the input it quotes is made printable (no control characters).</summary>
    public string Reason { get; init; } = Names.Sentence(Reason);
}

/// <summary>Holds no DMARC or TLS report at all (spam, newsletters, bounces, unrelated files).</summary>
public sealed record NotAReport(string Source, string? Part, string Reason) : ReportOutcome(Source, Part)
{
    /// <summary>Why not, for an operator; whatever of the input it quotes is made printable.</summary>
    public string Reason { get; init; } = Names.Sentence(Reason);
}
