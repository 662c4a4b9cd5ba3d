using Dmarc.Reports.Alignment;
using Dmarc.Reports.Domains;
using Dmarc.Reports.Tests.Conformance;

namespace Dmarc.Reports.Tests.Alignment;

/// <summary>
/// Alignment recomputed for every record of every aggregate report of the real corpus, checked against what the raw
/// results allow, under the report's own modes and under both modes forced. How often each reporter disagrees with the
/// recomputation goes to the test output, per file: a finding to read, not a number to pin.
/// </summary>
public sealed class CorpusAlignmentTests
{
    private static readonly PublicSuffixList _psl = PublicSuffixList.Default;

    [Fact]
    public void Recomputed_alignment_of_every_corpus_record_follows_from_its_raw_results()
    {
        Corpus.Require();
        var output = TestContext.Current.TestOutputHelper;
        var records = 0;
        foreach (var file in Corpus.Files())
        {
            using var input = File.OpenRead(Corpus.PathOf(file));
            var reports = new ReportReader().ReadAll(input, file, TestContext.Current.CancellationToken).OfType<AggregateReportParsed>().ToList();
            if (reports.Count == 0)
            {
                continue;
            }

            var tally = new DisagreementTally();
            foreach (var report in reports.Select(parsed => parsed.Report))
            {
                foreach (var record in report.Records)
                {
                    var where = $"{file}, record from {record.SourceIp} for {record.HeaderFrom}";
                    var alignment = AlignmentCheck.Of(record, report.Policy, _psl);
                    HoldsFor(record, alignment, report.Policy, where);
                    StrictIsNeverLooserThanRelaxed(record, where);
                    tally.Add(report.Metadata.OrgName, record.Count, alignment);
                    records++;
                }
            }

            foreach (var reporter in tally.Reporters)
            {
                output?.WriteLine(
                    $"{file}: {reporter.Reporter}: {reporter.Messages} messages, {reporter.Disagreements} disagree " +
                    $"(reporter pass/recomputed fail {reporter.ReporterPassRecomputedFail}, " +
                    $"recomputed pass/reporter fail {reporter.RecomputedPassReporterFail})");
            }
        }

        Assert.True(records > 0, "the corpus holds aggregate reports, but no record was checked");
    }

    private static void HoldsFor(AggregateRecord record, RecordAlignment alignment, PolicyPublished policy, string where)
    {
        var mailFrom = record.Spf.Where(spf => spf.Scope == SpfScope.MailFrom).ToList();
        var mailFromPasses = mailFrom.Where(spf => spf.Result == SpfResult.Pass).Select(spf => spf.Domain).ToList();
        var signatures = record.Dkim.Where(dkim => dkim.Result != DkimResult.None).ToList();
        var dkimPasses = signatures.Where(dkim => dkim.Result == DkimResult.Pass).Select(dkim => dkim.Domain).ToList();

        Assert.True(alignment.ReporterPass == record.PolicyEvaluated.DmarcPass, $"{where}: the reporter's verdict is not taken as it is");
        Assert.True(!alignment.DmarcPass || mailFromPasses.Count + dkimPasses.Count > 0, $"{where}: DMARC passes without any pass in auth_results");

        Assert.True((alignment.Spf == MechanismDiagnosis.None) == (mailFrom.Count == 0), $"{where}: SPF is {alignment.Spf} with {mailFrom.Count} MAIL FROM results");
        Assert.True((alignment.SpfPassDomain is not null) == (mailFromPasses.Count > 0), $"{where}: SPF pass domain {alignment.SpfPassDomain} does not match the results");
        Assert.True(
            (alignment.Spf == MechanismDiagnosis.Pass) == mailFromPasses.Any(domain => AlignedByDefinition(domain, record.HeaderFrom, policy.Aspf)),
            $"{where}: SPF is {alignment.Spf}, but the MAIL FROM passes ({string.Join(", ", mailFromPasses)}) say otherwise under aspf={policy.Aspf}");

        Assert.True((alignment.Dkim == MechanismDiagnosis.None) == (signatures.Count == 0), $"{where}: DKIM is {alignment.Dkim} with {signatures.Count} signatures");
        Assert.True(alignment.DkimPassDomains.Count > 0 == dkimPasses.Count > 0, $"{where}: DKIM pass domains do not match the results");
        Assert.True(
            (alignment.Dkim == MechanismDiagnosis.Pass) == dkimPasses.Any(domain => AlignedByDefinition(domain, record.HeaderFrom, policy.Adkim)),
            $"{where}: DKIM is {alignment.Dkim}, but the passing signatures ({string.Join(", ", dkimPasses)}) say otherwise under adkim={policy.Adkim}");
    }

    private static void StrictIsNeverLooserThanRelaxed(AggregateRecord record, string where)
    {
        var strict = AlignmentCheck.Of(record, Policy(AlignmentMode.Strict, AlignmentMode.Strict), _psl);
        var relaxed = AlignmentCheck.Of(record, Policy(AlignmentMode.Relaxed, AlignmentMode.Relaxed), _psl);

        Assert.True(!strict.DmarcPass || relaxed.DmarcPass, $"{where}: passes strict alignment but not relaxed");
        Assert.True(strict.Spf != MechanismDiagnosis.Pass || relaxed.Spf == MechanismDiagnosis.Pass, $"{where}: SPF strict pass, relaxed {relaxed.Spf}");
        Assert.True(strict.Dkim != MechanismDiagnosis.Pass || relaxed.Dkim == MechanismDiagnosis.Pass, $"{where}: DKIM strict pass, relaxed {relaxed.Dkim}");
    }

    /// <summary>Alignment written out from its definition, independently of <see cref="IdentifierAlignment"/>.</summary>
    private static bool AlignedByDefinition(string domain, string headerFrom, AlignmentMode mode)
    {
        var a = domain.Trim().TrimEnd('.');
        var b = headerFrom.Trim().TrimEnd('.');
        if (a.Length == 0 || b.Length == 0)
        {
            return false;
        }

        return mode == AlignmentMode.Strict
            ? a.Equals(b, StringComparison.OrdinalIgnoreCase)
            : a.Equals(b, StringComparison.OrdinalIgnoreCase) || (_psl.RegistrableDomain(a) is { } organisation && organisation == _psl.RegistrableDomain(b));
    }

    private static PolicyPublished Policy(AlignmentMode adkim, AlignmentMode aspf) => Rows.Policy(adkim, aspf);
}
