using Dmarc.Reports.Outcomes;

namespace Dmarc.Reports.Triage;

/// <summary>
/// The decision for one mail (or one input that is not a mail): where it goes, why in one sentence, the evidence
/// behind it and the outcomes of every report found in it.
/// </summary>
public sealed record MailTriageResult(
    string Source,
    string? Part,
    string? Subject,
    MailDestination Destination,
    string Reason,
    IReadOnlyList<TriageEvidence> Evidence,
    IReadOnlyList<ReportOutcome> Outcomes)
{
    /// <summary>Only <see cref="MailDestination.Invalid"/> mails are worth reading again later.</summary>
    public bool Retryable => Destination == MailDestination.Invalid;
}
