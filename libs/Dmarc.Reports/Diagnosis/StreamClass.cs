using Dmarc.Reports.Alignment;

namespace Dmarc.Reports.Diagnosis;

/// <summary>What a stream is, decided in this order (DMARC.md, "Diagnosis and classification").</summary>
public enum StreamClass
{
    /// <summary>DMARC passes (an aligned SPF or DKIM pass), whatever else failed.</summary>
    Compliant,

    /// <summary>Indirect mail: DMARC fails, and receivers name forwarding or a list, or the source is a known forwarder.</summary>
    Forwarded,

    /// <summary>Legitimate but broken: DMARC fails, but SPF or DKIM passes for a domain that does not align, or the source is the operator's own.</summary>
    Misconfigured,

    /// <summary>Likely spoofing: nothing authenticates and the source is not known.</summary>
    Suspicious,

    /// <summary>None of the above can be decided.</summary>
    Unknown,
}

/// <summary>
/// The class of one stream, its SPF and DKIM diagnosis (dominant by messages), the facts that decided it and what to
/// change (<see cref="Fix"/>, for misconfigured and forwarded streams; null when there is nothing to change).
/// </summary>
public sealed record StreamVerdict(
    StreamClass Class,
    MechanismDiagnosis Spf,
    MechanismDiagnosis Dkim,
    IReadOnlyList<string> Evidence,
    string? Fix);

/// <summary>The lower-case names of classes and diagnoses used in JSON and evidence.</summary>
public static class DiagnosisNames
{
    public static string Of(StreamClass value) => value switch
    {
        StreamClass.Compliant => "compliant",
        StreamClass.Forwarded => "forwarded",
        StreamClass.Misconfigured => "misconfigured",
        StreamClass.Suspicious => "suspicious",
        _ => "unknown",
    };

    public static string Of(MechanismDiagnosis value) => value switch
    {
        MechanismDiagnosis.Pass => "pass",
        MechanismDiagnosis.Misaligned => "misaligned",
        MechanismDiagnosis.AuthFail => "auth_fail",
        _ => "none",
    };
}
