using Dmarc.Reports.Diagnosis;
using static Dmarc.Reports.Tests.Diagnosis.Analyse;

namespace Dmarc.Reports.Tests.Diagnosis;

/// <summary>What a stricter policy would have done to a domain's mail, and the RFC 9989 advice that follows.</summary>
public sealed class EnforcementReadinessTests
{
    private static DomainReadiness Domain(AnalysisOptions options, string policy, params string[] records) =>
        Assert.Single(Result(options, Report(string.Concat(records), policy)).Domains);

    private static DomainReadiness Domain(string policy, params string[] records) => Domain(AnalysisOptions.Default, policy, records);

    private static AnalysisOptions Kind(DomainKind kind) =>
        new() { DomainKinds = new Dictionary<string, DomainKind> { ["example.com"] = kind } };

    [Fact]
    public void Would_be_quarantined_or_rejected_is_the_failing_mail_split_by_class()
    {
        var domain = Domain(ReportXml.Policy(p: "none"),
            Streams.Compliant(count: 990), Streams.MisconfiguredEsp(count: 6), Streams.Spoofing(count: 4));

        Assert.Equal(1000, domain.Messages);
        Assert.Equal(0.99, domain.PassRate, 6);
        foreach (var impact in new[] { domain.WouldQuarantine, domain.WouldReject })
        {
            Assert.Equal(10, impact.Messages);
            Assert.Equal(0.01, impact.Share, 6);
            Assert.Equal(6, impact.ByClass[StreamClass.Misconfigured]);
            Assert.Equal(4, impact.ByClass[StreamClass.Suspicious]);
            Assert.Equal(0, impact.ByClass[StreamClass.Compliant]);
        }

        Assert.Equal(990, domain.MessagesByClass[StreamClass.Compliant]);
        var fix = Assert.Single(domain.FixFirst);
        Assert.Equal(("198.51.100.150", "esp.example", StreamClass.Misconfigured, 6L), (fix.Stream.SourceIp, fix.Label, fix.Class, fix.DmarcFail));
    }

    [Fact]
    public void Misconfigured_mail_above_the_tolerance_holds_enforcement_back_and_the_reasoning_says_why()
    {
        var domain = Domain(ReportXml.Policy(p: "none"),
            Streams.Compliant(count: 990), Streams.MisconfiguredEsp(count: 6), Streams.Spoofing(count: 4));

        var advice = domain.Recommendation;
        Assert.False(advice.Ready);
        Assert.Equal("p=quarantine; t=y; np=reject", advice.NextStep);
        Assert.StartsWith("99 % of 1,000 messages passes DMARC", advice.Reasoning[0], StringComparison.Ordinal);
        Assert.Contains("0.6 % is misconfigured mail from esp.example (fix first).", advice.Reasoning);
        Assert.Contains("0.4 % is likely spoofing from 1 source (203.0.113.5): enforcement stops it.", advice.Reasoning);
        Assert.Contains(advice.Reasoning, r => r.StartsWith("Legitimate mail that would fail (0.6 %) is above the tolerance of 0.1 %", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_spoofing_failing_makes_a_p_none_domain_ready_for_quarantine_in_test_mode()
    {
        var domain = Domain(ReportXml.Policy(p: "none"), Streams.Compliant(count: 900), Streams.Spoofing(count: 100));

        Assert.True(domain.Recommendation.Ready);
        Assert.Equal("Ready for quarantine: start in test mode.", domain.Recommendation.Summary);
        Assert.Equal("p=quarantine; t=y; np=reject", domain.Recommendation.NextStep);
        Assert.Empty(domain.FixFirst);
    }

    [Fact]
    public void A_mailbox_domain_at_quarantine_stays_there_with_np_reject()
    {
        var domain = Domain(Kind(DomainKind.Mailbox), ReportXml.Policy(p: "quarantine"), Streams.Compliant(count: 100), Streams.Spoofing(count: 5));

        Assert.Equal("p=quarantine; np=reject", domain.Recommendation.NextStep);
        Assert.Equal("p=quarantine; np=reject", domain.Recommendation.Target);
        Assert.Contains(domain.Recommendation.Reasoning, r => r.Contains("RFC 9989 advises against p=reject", StringComparison.Ordinal));
    }

    [Fact]
    public void A_transactional_domain_at_quarantine_moves_to_reject_in_test_mode()
    {
        var domain = Domain(Kind(DomainKind.Transactional), ReportXml.Policy(p: "quarantine"), Streams.Compliant(count: 100), Streams.Spoofing(count: 5));

        Assert.Equal("p=reject; t=y", domain.Recommendation.NextStep);
        Assert.Equal("p=reject", domain.Recommendation.Target);
        Assert.Equal("Ready for reject: start in test mode.", domain.Recommendation.Summary);
    }

    [Fact]
    public void A_domain_of_unconfigured_kind_gets_both_targets_explained()
    {
        var domain = Domain(ReportXml.Policy(p: "quarantine"), Streams.Compliant(count: 100));

        Assert.Equal(DomainKind.Unknown, domain.Kind);
        Assert.Contains("mailbox domain", domain.Recommendation.Target, StringComparison.Ordinal);
        Assert.Contains("transactional domain", domain.Recommendation.Target, StringComparison.Ordinal);
        Assert.Contains(domain.Recommendation.Reasoning, r => r.StartsWith("The domain's kind is not configured", StringComparison.Ordinal));
    }

    [Fact]
    public void Quarantine_in_test_mode_without_blocking_failures_drops_t_y()
    {
        var domain = Domain(ReportXml.Policy(p: "quarantine", extra: "<testing>y</testing>"), Streams.Compliant(count: 100));

        Assert.Equal("Ready to enforce quarantine: remove test mode.", domain.Recommendation.Summary);
        Assert.Equal("p=quarantine; np=reject", domain.Recommendation.NextStep);
        Assert.Contains(domain.Recommendation.Reasoning, r => r.StartsWith("t=y is published", StringComparison.Ordinal));
    }

    [Fact]
    public void Pct_is_called_removed_and_t_y_offered_instead()
    {
        var domain = Domain(ReportXml.Policy(p: "quarantine", pct: "25"), Streams.Compliant(count: 10));

        Assert.Contains("pct=25 is published: RFC 9989 removed pct; use t=y (test mode) for a staged rollout instead.", domain.Recommendation.Reasoning);
    }

    [Fact]
    public void A_published_np_is_kept_and_not_advised_again()
    {
        var domain = Domain(ReportXml.Policy(p: "none", extra: "<np>reject</np>"), Streams.Compliant(count: 10));

        Assert.Equal("p=quarantine; t=y", domain.Recommendation.NextStep);
        Assert.DoesNotContain(domain.Recommendation.Reasoning, r => r.StartsWith("np is not published", StringComparison.Ordinal));
    }

    [Fact]
    public void Subdomain_mail_is_counted_under_sp_and_np_is_said_to_be_unknown()
    {
        var domain = Domain(ReportXml.Policy(p: "none"), Streams.Compliant(count: 10), Streams.Spoofing(count: 3, headerFrom: "shop.example.com"));

        Assert.Equal(3, domain.SubdomainMessages);
        Assert.Equal(3, domain.SubdomainDmarcFail);
        Assert.Contains(domain.Recommendation.Reasoning, r =>
            r.StartsWith("3 messages came from subdomains (3 failing)", StringComparison.Ordinal) && r.Contains("is unknown", StringComparison.Ordinal));
    }

    [Fact]
    public void Forwarded_mail_receivers_exempted_does_not_hold_enforcement_back()
    {
        var domain = Domain(ReportXml.Policy(p: "none"), Streams.Compliant(count: 100), Streams.MailingList(count: 5));

        Assert.Equal(5, domain.WouldQuarantine.ByClass[StreamClass.Forwarded]);
        Assert.Equal(5, domain.WouldQuarantine.ExemptedByReceivers);
        Assert.True(domain.Recommendation.Ready);
        var fix = Assert.Single(domain.FixFirst);
        Assert.Equal(StreamClass.Forwarded, fix.Class);
    }

    [Fact]
    public void A_transactional_domain_at_reject_that_passes_needs_no_change_and_a_mailbox_domain_is_advised_quarantine()
    {
        var transactional = Domain(Kind(DomainKind.Transactional), ReportXml.Policy(p: "reject"), Streams.Compliant(count: 10));
        var mailbox = Domain(Kind(DomainKind.Mailbox), ReportXml.Policy(p: "reject"), Streams.Compliant(count: 10));

        Assert.Equal("p=reject", transactional.Recommendation.NextStep);
        Assert.Equal("Reject is enforced and no legitimate mail fails: nothing to change.", transactional.Recommendation.Summary);
        Assert.Equal("p=quarantine; np=reject", mailbox.Recommendation.NextStep);
    }

    [Fact]
    public void Under_an_enforced_policy_failing_legitimate_mail_is_said_to_be_hit_already()
    {
        var domain = Domain(Kind(DomainKind.Transactional), ReportXml.Policy(p: "quarantine"), Streams.Compliant(count: 90), Streams.MisconfiguredEsp(count: 10));

        Assert.False(domain.Recommendation.Ready);
        Assert.Equal("Not ready for reject: fix the legitimate streams first.", domain.Recommendation.Summary);
        Assert.Equal("p=quarantine; np=reject", domain.Recommendation.NextStep);
        Assert.Contains("p=quarantine is enforced now: receivers may already quarantine that legitimate mail.", domain.Recommendation.Reasoning);
        Assert.Contains(domain.Recommendation.Reasoning, r => r.EndsWith("; 1 report from 2023-11-15 to 2023-11-15 (UTC).", StringComparison.Ordinal));
    }
}
