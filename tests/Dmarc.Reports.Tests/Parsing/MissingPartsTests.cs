using static Dmarc.Reports.Tests.Support.ReportXml;

namespace Dmarc.Reports.Tests.Parsing;

/// <summary>Reporters leave things out. What is left out is missing, not wrong: the record is kept.</summary>
public sealed class MissingPartsTests
{
    [Fact]
    public void A_record_without_envelope_from_has_none()
    {
        var record = Read.SingleRecord(Feedback(records: Record(envelopeFrom: null, count: "4")));

        Assert.Null(record.EnvelopeFrom);
        Assert.Equal(4, record.Count);
        Assert.Equal("example.com", record.HeaderFrom);
    }

    [Fact]
    public void A_dkim_result_without_selector_has_none()
    {
        var record = Read.SingleRecord(Feedback(records: Record(authResults: DkimAuth(domain: "example.com", selector: null, result: "pass"))));

        var dkim = Assert.Single(record.Dkim);
        Assert.Null(dkim.Selector);
        Assert.Equal(("example.com", DkimResult.Pass), (dkim.Domain, dkim.Result));
    }

    [Fact]
    public void An_spf_result_without_scope_is_for_mail_from()
    {
        var record = Read.SingleRecord(Feedback(records: Record(authResults: SpfAuth(domain: "example.com", scope: null, result: "softfail"))));

        var spf = Assert.Single(record.Spf);
        Assert.Equal(SpfScope.MailFrom, spf.Scope);
        Assert.Equal(SpfResult.SoftFail, spf.Result);
    }

    [Fact]
    public void A_record_without_any_spf_auth_result_is_kept()
    {
        var record = Read.SingleRecord(Feedback(records: Record(count: "9", authResults: DkimAuth(domain: "example.com", selector: "s1", result: "pass"))));

        Assert.Empty(record.Spf);
        Assert.Equal(DkimResult.Pass, Assert.Single(record.Dkim).Result);
        Assert.Equal(9, record.Count);
    }

    [Fact]
    public void A_record_without_auth_results_at_all_is_kept()
    {
        var xml = Feedback(records: """
              <record>
                <row><source_ip>192.0.2.7</source_ip><count>2</count>
                  <policy_evaluated><disposition>none</disposition><dkim>fail</dkim><spf>fail</spf></policy_evaluated></row>
                <identifiers><header_from>example.com</header_from></identifiers>
              </record>

            """);

        var record = Read.SingleRecord(xml);

        Assert.Equal(("192.0.2.7", 2L), (record.SourceIp, record.Count));
        Assert.Empty(record.Dkim);
        Assert.Empty(record.Spf);
    }

    [Fact]
    public void A_policy_evaluated_without_dkim_and_spf_verdicts_keeps_the_record()
    {
        // Old AOL reports: policy_evaluated has only the disposition.
        var record = Read.SingleRecord(Feedback(records: Record(sourceIp: "209.85.216.42", count: "3", disposition: "quarantine", dkim: null, spf: null)));

        Assert.Equal(("209.85.216.42", 3L), (record.SourceIp, record.Count));
        Assert.Equal(Disposition.Quarantine, record.PolicyEvaluated.Disposition);
        Assert.Single(record.Spf);
    }

    [Fact]
    public void An_empty_reason_names_no_override()
    {
        var report = Read.SingleReport(Feedback(records: Record(count: "2", dkim: "pass", spf: "fail", reasons: Reason(type: "", comment: ""))));

        var record = Assert.Single(report.Records);
        Assert.Equal((2L, Disposition.None, DmarcVerdict.Pass), (record.Count, record.PolicyEvaluated.Disposition, record.PolicyEvaluated.Dkim));
        Assert.Empty(record.PolicyEvaluated.Reasons);
        Assert.DoesNotContain(report.Errors, error => error.Source == ReportErrorSource.Record);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_report_without_org_name_is_named_after_the_reporters_email_domain(string? orgName)
    {
        var report = Read.SingleReport(Feedback(metadata: Metadata(orgName: orgName, email: "administrator@accurateplastics.example")));

        Assert.Equal("accurateplastics.example", report.Metadata.OrgName);
        Assert.True(report.Metadata.OrgNameFromEmail);
        Assert.Equal("accurateplastics.example", report.Identity.Reporter);
    }
}
