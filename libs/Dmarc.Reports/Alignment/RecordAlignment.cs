namespace Dmarc.Reports.Alignment;

/// <summary>
/// What one authentication mechanism (SPF or DKIM) shows for DMARC, recomputed from the raw <c>auth_results</c>:
/// an aligned pass, a pass for a domain that does not align, no pass at all, or no result given.
/// </summary>
public enum MechanismDiagnosis
{
    /// <summary>Passed for a domain aligned with the Header-From (under the published adkim/aspf).</summary>
    Pass,

    /// <summary>Passed, but only for domains that do not align (e.g. DKIM <c>d=sendgrid.net</c>).</summary>
    Misaligned,

    /// <summary>Results are there, none of them a pass.</summary>
    AuthFail,

    /// <summary>No result at all (no DKIM signature; an old report without SPF).</summary>
    None,
}

/// <summary>
/// DMARC recomputed for one record from <c>auth_results</c> and the published alignment modes, beside the reporter's
/// own verdict (<c>policy_evaluated</c>). <see cref="ReporterDisagrees"/> separates "our set-up is wrong" from "this
/// reporter sees it differently".
/// </summary>
public sealed record RecordAlignment(
    MechanismDiagnosis Spf,
    MechanismDiagnosis Dkim,
    string? SpfPassDomain,
    IReadOnlyList<string> DkimPassDomains)
{
    /// <summary>DMARC as recomputed: an aligned SPF pass or an aligned DKIM pass.</summary>
    public bool DmarcPass => Spf == MechanismDiagnosis.Pass || Dkim == MechanismDiagnosis.Pass;

    /// <summary>The reporter's verdict: DMARC passed by its <c>policy_evaluated</c>.</summary>
    public required bool ReporterPass { get; init; }

    public bool ReporterDisagrees => DmarcPass != ReporterPass;
}
