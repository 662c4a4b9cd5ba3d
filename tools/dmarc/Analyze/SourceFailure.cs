using Dmarc.Reports.Aggregate;

namespace Dmarc.Cli.Analyze;

/// <summary>
/// How messages from one source failed DMARC, decided with the report's alignment modes: authentication failed
/// (no SPF or DKIM pass at all), only alignment failed (a pass, but for a domain that does not align with the
/// Header-From), or the reporter says fail although an aligned pass is there (the reporter disagrees).
/// </summary>
public readonly record struct SourceFailure(string SourceIp, string Spf, string Dkim, string Kind)
{
    public const string AuthFail = "auth-fail";
    public const string Misaligned = "misaligned";
    public const string ReporterDisagrees = "reporter disagrees";

    public static SourceFailure Of(string sourceIp, FailureEvidence evidence, PolicyPublished policy)
    {
        var spfStrict = policy.Aspf == AlignmentMode.Strict;
        var dkimStrict = policy.Adkim == AlignmentMode.Strict;
        var spfAligned = evidence.HasFlag(spfStrict ? FailureEvidence.SpfAlignedStrict : FailureEvidence.SpfAlignedRelaxed);
        var dkimAligned = evidence.HasFlag(dkimStrict ? FailureEvidence.DkimAlignedStrict : FailureEvidence.DkimAlignedRelaxed);
        var spfPass = evidence.HasFlag(FailureEvidence.SpfPass);
        var dkimPass = evidence.HasFlag(FailureEvidence.DkimPass);

        var spf = spfAligned ? "pass, aligned" : spfPass ? "pass, not aligned" : "fail";
        var dkim = dkimAligned ? "pass, aligned"
            : dkimPass ? "pass, not aligned"
            : evidence.HasFlag(FailureEvidence.DkimSigned) ? "fail" : "none";
        var kind = spfAligned || dkimAligned ? ReporterDisagrees : spfPass || dkimPass ? Misaligned : AuthFail;
        return new SourceFailure(sourceIp, spf, dkim, kind);
    }
}
