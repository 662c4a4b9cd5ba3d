namespace Dmarc.Reports.Diagnosis;

/// <summary>
/// The numbers of one reporter (<c>org_name</c>), with the messages where its verdict differs from the one recomputed
/// from its own <c>auth_results</c>: "this reporter sees it differently" rather than "our set-up is wrong".
/// </summary>
public sealed class ReporterTally(string reporter)
{
    public string Reporter { get; } = reporter;
    public long Reports { get; internal set; }
    public long Messages { get; private set; }
    public long ReporterPass { get; private set; }
    public long DmarcPass { get; private set; }

    /// <summary>Messages the reporter passes although no aligned pass is in its <c>auth_results</c>.</summary>
    public long ReporterPassDmarcFail { get; private set; }

    /// <summary>Messages the reporter fails although its <c>auth_results</c> hold an aligned pass.</summary>
    public long ReporterFailDmarcPass { get; private set; }

    public long Disagreements => ReporterPassDmarcFail + ReporterFailDmarcPass;

    internal void Add(long count, bool reporterPass, bool dmarcPass)
    {
        Messages += count;
        ReporterPass += reporterPass ? count : 0;
        DmarcPass += dmarcPass ? count : 0;
        ReporterPassDmarcFail += reporterPass && !dmarcPass ? count : 0;
        ReporterFailDmarcPass += !reporterPass && dmarcPass ? count : 0;
    }
}
