using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Alignment;
using Dmarc.Reports.Domains;

namespace Dmarc.Cli.Analyze;

/// <summary>
/// What the raw <c>auth_results</c> of a DMARC-failing record show, under both alignment modes (the report's
/// <c>adkim</c>/<c>aspf</c> are only known once the whole report is read). Only MAIL FROM SPF results can align.
/// </summary>
[Flags]
public enum FailureEvidence : byte
{
    None = 0,
    SpfPass = 1,
    SpfAlignedRelaxed = 2,
    SpfAlignedStrict = 4,
    DkimSigned = 8,
    DkimPass = 16,
    DkimAlignedRelaxed = 32,
    DkimAlignedStrict = 64,
}

public static class FailureEvidenceReading
{
    public static FailureEvidence Of(AggregateRecord record)
    {
        var evidence = FailureEvidence.None;
        for (var i = 0; i < record.Spf.Count; i++)
        {
            var spf = record.Spf[i];
            if (spf.Result != SpfResult.Pass)
            {
                continue;
            }

            evidence |= FailureEvidence.SpfPass;
            if (spf.Scope == SpfScope.MailFrom)
            {
                evidence |= Alignment(spf.Domain, record.HeaderFrom, FailureEvidence.SpfAlignedRelaxed, FailureEvidence.SpfAlignedStrict);
            }
        }

        for (var i = 0; i < record.Dkim.Count; i++)
        {
            var dkim = record.Dkim[i];
            evidence |= FailureEvidence.DkimSigned;
            if (dkim.Result == DkimResult.Pass)
            {
                evidence |= FailureEvidence.DkimPass
                    | Alignment(dkim.Domain, record.HeaderFrom, FailureEvidence.DkimAlignedRelaxed, FailureEvidence.DkimAlignedStrict);
            }
        }

        return evidence;
    }

    private static FailureEvidence Alignment(string domain, string headerFrom, FailureEvidence relaxed, FailureEvidence strict) =>
        (IdentifierAlignment.Aligned(domain, headerFrom, AlignmentMode.Relaxed, PublicSuffixList.Default) ? relaxed : FailureEvidence.None)
        | (IdentifierAlignment.Aligned(domain, headerFrom, AlignmentMode.Strict, PublicSuffixList.Default) ? strict : FailureEvidence.None);
}
