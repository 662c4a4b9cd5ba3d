using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Domains;

namespace Dmarc.Reports.Alignment;

/// <summary>
/// Recomputes DMARC for one record from its raw <c>auth_results</c> and the published <c>adkim</c>/<c>aspf</c>,
/// independently of the reporter's <c>policy_evaluated</c>:
/// <list type="bullet">
/// <item>SPF: only results of <c>scope</c> <c>mfrom</c> count (a HELO result never aligns and is ignored); only
/// <c>pass</c> passes (<c>softfail</c>, <c>neutral</c>, errors do not).</item>
/// <item>DKIM: a signature passing for an aligned <c>d=</c> passes; a result of <c>none</c> means "not signed" and
/// counts as no result.</item>
/// </list>
/// Each mechanism ends in <see cref="MechanismDiagnosis.Pass"/> (an aligned pass), <see cref="MechanismDiagnosis.Misaligned"/>
/// (passes, only for other domains), <see cref="MechanismDiagnosis.AuthFail"/> (results, no pass) or
/// <see cref="MechanismDiagnosis.None"/> (no result).
/// </summary>
public static class AlignmentCheck
{
    /// <summary>The alignment of <paramref name="record"/> under <paramref name="policy"/>'s modes, organisational domains by <paramref name="domains"/>.</summary>
    public static RecordAlignment Of(AggregateRecord record, PolicyPublished policy, IOrganizationalDomains domains)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(domains);

        var (spf, spfPassDomain) = Spf(record, policy.Aspf, domains);
        var (dkim, dkimPassDomains) = Dkim(record, policy.Adkim, domains);
        return new RecordAlignment(spf, dkim, spfPassDomain, dkimPassDomains) { ReporterPass = record.PolicyEvaluated.DmarcPass };
    }

    private static (MechanismDiagnosis, string?) Spf(AggregateRecord record, AlignmentMode mode, IOrganizationalDomains domains)
    {
        var results = false;
        string? misalignedPass = null;
        foreach (var spf in record.Spf)
        {
            if (spf.Scope != SpfScope.MailFrom)
            {
                continue;
            }

            results = true;
            if (spf.Result != SpfResult.Pass)
            {
                continue;
            }

            if (IdentifierAlignment.Aligned(spf.Domain, record.HeaderFrom, mode, domains))
            {
                return (MechanismDiagnosis.Pass, IdentifierAlignment.Comparable(spf.Domain));
            }

            misalignedPass ??= IdentifierAlignment.Comparable(spf.Domain);
        }

        var diagnosis = misalignedPass is not null ? MechanismDiagnosis.Misaligned
            : results ? MechanismDiagnosis.AuthFail
            : MechanismDiagnosis.None;
        return (diagnosis, misalignedPass);
    }

    private static (MechanismDiagnosis, IReadOnlyList<string>) Dkim(AggregateRecord record, AlignmentMode mode, IOrganizationalDomains domains)
    {
        var results = false;
        var aligned = false;
        List<string>? passDomains = null;
        foreach (var dkim in record.Dkim)
        {
            if (dkim.Result == DkimResult.None)
            {
                continue;
            }

            results = true;
            if (dkim.Result != DkimResult.Pass)
            {
                continue;
            }

            var domain = IdentifierAlignment.Comparable(dkim.Domain);
            passDomains ??= [];
            if (!passDomains.Contains(domain, StringComparer.Ordinal))
            {
                passDomains.Add(domain);
            }

            aligned = aligned || IdentifierAlignment.Aligned(domain, record.HeaderFrom, mode, domains);
        }

        var diagnosis = aligned ? MechanismDiagnosis.Pass
            : passDomains is not null ? MechanismDiagnosis.Misaligned
            : results ? MechanismDiagnosis.AuthFail
            : MechanismDiagnosis.None;
        return (diagnosis, passDomains ?? (IReadOnlyList<string>)[]);
    }
}
