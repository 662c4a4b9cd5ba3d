using static Dmarc.Reports.Tests.Support.ReportXml;

namespace Dmarc.Reports.Tests.Parsing;

/// <summary>Reporters spell the same result in many ways: any case, and words of older drafts.</summary>
public sealed class ValueSpellingTests
{
    [Theory]
    [InlineData("pass")]
    [InlineData("Pass")]
    [InlineData("PASS")]
    [InlineData(" pass\n")]
    public void Pass_is_pass_in_any_case(string pass)
    {
        var record = Read.SingleRecord(Feedback(records: Record(
            dkim: pass,
            spf: pass,
            authResults: DkimAuth(result: pass) + SpfAuth(result: pass))));

        Assert.Equal(DmarcVerdict.Pass, record.PolicyEvaluated.Dkim);
        Assert.Equal(DmarcVerdict.Pass, record.PolicyEvaluated.Spf);
        Assert.True(record.PolicyEvaluated.DmarcPass);
        Assert.Equal(DkimResult.Pass, Assert.Single(record.Dkim).Result);
        Assert.Equal(SpfResult.Pass, Assert.Single(record.Spf).Result);
    }

    [Theory]
    [InlineData("None", Disposition.None)]
    [InlineData("QUARANTINE", Disposition.Quarantine)]
    [InlineData("Reject", Disposition.Reject)]
    public void Disposition_is_read_in_any_case(string written, Disposition meant)
    {
        var record = Read.SingleRecord(Feedback(records: Record(disposition: written, dkim: "fail", spf: "fail")));

        Assert.Equal(meant, record.PolicyEvaluated.Disposition);
    }

    [Theory]
    [InlineData("Reject", "Quarantine", DomainPolicy.Reject, DomainPolicy.Quarantine)]
    [InlineData("NONE", "REJECT", DomainPolicy.None, DomainPolicy.Reject)]
    public void Published_policy_is_read_in_any_case(string p, string sp, DomainPolicy meantP, DomainPolicy meantSp)
    {
        var report = Read.SingleReport(Feedback(policy: Policy(p: p, sp: sp, adkim: "S", aspf: "S")));

        Assert.Equal(meantP, report.Policy.P);
        Assert.Equal(meantSp, report.Policy.Sp);
        Assert.Equal(AlignmentMode.Strict, report.Policy.Adkim);
        Assert.Equal(AlignmentMode.Strict, report.Policy.Aspf);
    }

    [Theory]
    [InlineData("hardfail", SpfResult.Fail)]
    [InlineData("HardFail", SpfResult.Fail)]
    [InlineData("unknown", SpfResult.PermError)]
    [InlineData("error", SpfResult.TempError)]
    [InlineData("softfail", SpfResult.SoftFail)]
    [InlineData("SoftFail", SpfResult.SoftFail)]
    [InlineData("temperror", SpfResult.TempError)]
    [InlineData("permerror", SpfResult.PermError)]
    [InlineData("neutral", SpfResult.Neutral)]
    [InlineData("none", SpfResult.None)]
    public void Spf_result_words_of_older_drafts_mean_their_rfc_7208_result(string written, SpfResult meant)
    {
        // RFC 4408 drafts said "hardfail" for fail, "unknown" for permerror and "error" for temperror.
        var record = Read.SingleRecord(Feedback(records: Record(spf: "fail", authResults: SpfAuth(result: written))));

        Assert.Equal(meant, Assert.Single(record.Spf).Result);
    }

    [Theory]
    [InlineData("hardfail", DkimResult.Fail)]
    [InlineData("Fail", DkimResult.Fail)]
    [InlineData("policy", DkimResult.Policy)]
    [InlineData("TEMPERROR", DkimResult.TempError)]
    [InlineData("permerror", DkimResult.PermError)]
    [InlineData("neutral", DkimResult.Neutral)]
    public void Dkim_result_is_read_in_any_case_and_alias(string written, DkimResult meant)
    {
        var record = Read.SingleRecord(Feedback(records: Record(dkim: "fail", authResults: DkimAuth(result: written))));

        Assert.Equal(meant, Assert.Single(record.Dkim).Result);
    }

    [Fact]
    public void A_helo_spf_result_keeps_its_scope()
    {
        var record = Read.SingleRecord(Feedback(records: Record(authResults: SpfAuth(domain: "mx.example.net", scope: "helo", result: "pass"))));

        var spf = Assert.Single(record.Spf);
        Assert.Equal(SpfScope.Helo, spf.Scope);
        Assert.Equal("mx.example.net", spf.Domain);
    }
}
