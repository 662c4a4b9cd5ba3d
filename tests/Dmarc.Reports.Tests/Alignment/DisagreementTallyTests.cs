using Dmarc.Reports.Alignment;
using Dmarc.Reports.Domains;
using static Dmarc.Reports.Tests.Alignment.Rows;

namespace Dmarc.Reports.Tests.Alignment;

/// <summary>Disagreements with each reporter, weighted by message count and split by direction.</summary>
public sealed class DisagreementTallyTests
{
    private static readonly PolicyPublished _policy = Policy();

    [Fact]
    public void Disagreements_are_counted_per_reporter_each_way_and_weighted_by_count()
    {
        var tally = new DisagreementTally();
        var reporterPassOnly = Record(spf: [MailFrom("vendor.example")], reporterSpfPass: true, count: 7);
        var recomputedPassOnly = Record(dkim: [Dkim("example.com")], count: 3);
        var agreed = Record(dkim: [Dkim("example.com")], reporterDkimPass: true, count: 100);

        tally.Add("google.com", reporterPassOnly.Count, Check(reporterPassOnly));
        tally.Add("google.com", agreed.Count, Check(agreed));
        tally.Add("Yahoo! Inc.", recomputedPassOnly.Count, Check(recomputedPassOnly));
        tally.Add("GOOGLE.COM ", recomputedPassOnly.Count, Check(recomputedPassOnly));

        Assert.Equal(new ReporterDisagreement("google.com", 110, 7, 3), tally.For("google.com"));
        Assert.Equal(new ReporterDisagreement("Yahoo! Inc.", 3, 0, 3), tally.For("Yahoo! Inc."));
        Assert.Equal(10, tally.For("google.com").Disagreements);
        Assert.Equal(["google.com", "Yahoo! Inc."], tally.Reporters.Select(reporter => reporter.Reporter));
    }

    [Fact]
    public void A_reporter_never_seen_has_nothing()
    {
        Assert.Equal(new ReporterDisagreement("nobody", 0, 0, 0), new DisagreementTally().For("nobody"));
    }

    [Fact]
    public void A_whole_report_is_recomputed_record_by_record()
    {
        var report = Read.SingleReport(ReportXml.Feedback(
            metadata: ReportXml.Metadata(orgName: "Receiver"),
            records: """
                <record>
                  <row><source_ip>192.0.2.1</source_ip><count>5</count>
                    <policy_evaluated><disposition>none</disposition><dkim>pass</dkim><spf>fail</spf></policy_evaluated></row>
                  <identifiers><header_from>example.com</header_from></identifiers>
                  <auth_results><dkim><domain>esp.example</domain><result>pass</result></dkim>
                    <spf><domain>example.com</domain><result>fail</result></spf></auth_results>
                </record>
                <record>
                  <row><source_ip>192.0.2.2</source_ip><count>2</count>
                    <policy_evaluated><disposition>none</disposition><dkim>pass</dkim><spf>pass</spf></policy_evaluated></row>
                  <identifiers><header_from>example.com</header_from></identifiers>
                  <auth_results><dkim><domain>example.com</domain><result>pass</result></dkim>
                    <spf><domain>example.com</domain><result>pass</result></spf></auth_results>
                </record>
                """));
        var tally = new DisagreementTally();

        tally.Add(report, PublicSuffixList.Default);

        Assert.Equal(new ReporterDisagreement("Receiver", 7, 5, 0), tally.For("Receiver"));
    }

    private static RecordAlignment Check(AggregateRecord record) => AlignmentCheck.Of(record, _policy, PublicSuffixList.Default);
}
