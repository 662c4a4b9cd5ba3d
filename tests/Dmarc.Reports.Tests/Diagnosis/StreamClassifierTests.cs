using Dmarc.Reports.Alignment;
using Dmarc.Reports.Diagnosis;
using Dmarc.Reports.Enrichment;
using static Dmarc.Reports.Tests.Diagnosis.Analyse;

namespace Dmarc.Reports.Tests.Diagnosis;

/// <summary>Each class of DMARC.md's order, with the evidence that decided it and, for legitimate mail, what to change.</summary>
public sealed class StreamClassifierTests
{
    [Fact]
    public void An_aligned_pass_is_compliant_whatever_else_failed()
    {
        var record = ReportXml.Record(spf: "fail", authResults: ReportXml.DkimAuth("example.com") + ReportXml.SpfAuth("example.com", result: "softfail"));

        var stream = Single(Result(Report(record)));

        Assert.Equal(StreamClass.Compliant, stream.Verdict.Class);
        Assert.Equal(MechanismDiagnosis.Pass, stream.Verdict.Dkim);
        Assert.Equal(MechanismDiagnosis.AuthFail, stream.Verdict.Spf);
        Assert.Contains(stream.Verdict.Evidence, e => e.StartsWith("DMARC passes for 1 of 1 message (aligned DKIM pass", StringComparison.Ordinal));
        Assert.Null(stream.Verdict.Fix);
    }

    [Fact]
    public void A_reporter_that_fails_an_aligned_pass_is_noted_as_disagreeing_and_the_stream_stays_compliant()
    {
        var record = ReportXml.Record(count: "4", dkim: "fail", spf: "fail");

        var stream = Single(Result(Report(record)));

        Assert.Equal(StreamClass.Compliant, stream.Verdict.Class);
        Assert.Equal(4, stream.Tally.ReporterFailDmarcPass);
        Assert.Contains(stream.Verdict.Evidence, e => e.Contains("reporters say fail for 4 messages that hold an aligned pass (reporter disagrees)", StringComparison.Ordinal));
    }

    [Fact]
    public void Failing_mail_a_receiver_names_as_mailing_list_is_forwarded()
    {
        var stream = Single(Result(Report(Streams.MailingList(count: 3))));

        Assert.Equal(StreamClass.Forwarded, stream.Verdict.Class);
        Assert.Contains(stream.Verdict.Evidence, e => e.Contains("receivers name an indirect flow for 3 messages: mailing_list 3", StringComparison.Ordinal));
        Assert.Contains("breaks the DKIM signature of example.com", stream.Verdict.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Local_policy_counts_as_forwarding_only_with_an_arc_pass()
    {
        var arc = Single(Result(Report(Streams.MailingList(reason: "local_policy", comment: "arc=pass"))));
        var plain = Single(Result(Report(Streams.MailingList(reason: "local_policy", comment: "sender is on an allow list"))));

        Assert.Equal(StreamClass.Forwarded, arc.Verdict.Class);
        // Without ARC the list's own SPF and DKIM passes are what is left: a pass for another domain.
        Assert.Equal(StreamClass.Misconfigured, plain.Verdict.Class);
        Assert.Contains(plain.Verdict.Evidence, e => e.Contains("receivers did not apply the policy because of: local_policy 1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_known_forwarder_makes_failing_mail_forwarded_without_an_override()
    {
        var record = ReportXml.Record(sourceIp: "203.0.113.220", dkim: "fail", spf: "fail",
            authResults: ReportXml.SpfAuth("example.com", result: "fail"));
        var source = new SourceInfo("203.0.113.220") { Sender = new KnownSender("Forward Mail", SenderType.Forwarder, "ptr forwarder.example") };

        var stream = Single(Result(Sources(source), Report(record)));

        Assert.Equal(StreamClass.Forwarded, stream.Verdict.Class);
        Assert.Contains("the source is a known forwarder: Forward Mail (matched by ptr forwarder.example)", stream.Verdict.Evidence);
        Assert.Equal("Sign all mail with DKIM d=example.com: a signature that survives forwarding keeps DMARC passing when SPF breaks.", stream.Verdict.Fix);
    }

    [Fact]
    public void A_dkim_pass_for_the_esp_domain_is_misconfigured_with_the_fix_naming_both_domains_and_the_service()
    {
        var source = new SourceInfo("198.51.100.150") { Sender = new KnownSender("SendGrid", SenderType.EmailServiceProvider, "asn 11377") };

        var stream = Single(Result(Sources(source), Report(Streams.MisconfiguredEsp(count: 6))));

        Assert.Equal(StreamClass.Misconfigured, stream.Verdict.Class);
        Assert.Equal(MechanismDiagnosis.Misaligned, stream.Verdict.Dkim);
        Assert.Equal(MechanismDiagnosis.Misaligned, stream.Verdict.Spf);
        Assert.Contains("DKIM passes for d=esp.example, which does not align with example.com (6 messages)", stream.Verdict.Evidence);
        Assert.Contains("SPF passes for bounces.vendor.example, which does not align with example.com (6 messages)", stream.Verdict.Evidence);
        Assert.Equal(
            "DKIM passes for d=esp.example: sign with your own domain (d=example.com) in SendGrid. " +
            "SPF passes for bounces.vendor.example: set a custom Return-Path under example.com in SendGrid.",
            stream.Verdict.Fix);
    }

    [Fact]
    public void Under_relaxed_alignment_the_fix_names_the_organisational_domain_and_under_strict_the_header_from()
    {
        var record = ReportXml.Record(dkim: "fail", spf: "fail", headerFrom: "news.example.com", envelopeFrom: "bounces.vendor.example",
            authResults: ReportXml.SpfAuth("bounces.vendor.example"));

        var relaxed = Single(Result(Report(record)));
        var strict = Single(Result(Report(record, ReportXml.Policy(aspf: "s"))));

        Assert.Contains("set a custom Return-Path under example.com in the service sending from 192.0.2.1", relaxed.Verdict.Fix, StringComparison.Ordinal);
        Assert.Contains("set the Return-Path to news.example.com (aspf=s)", strict.Verdict.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void An_spf_pass_only_for_the_own_helo_name_is_misconfigured_with_a_return_path_fix()
    {
        var record = ReportXml.Record(dkim: "fail", spf: "fail", envelopeFrom: null,
            authResults: ReportXml.SpfAuth("mx1.example.com", scope: "helo"));

        var stream = Single(Result(Report(record)));

        Assert.Equal(StreamClass.Misconfigured, stream.Verdict.Class);
        Assert.Equal(
            "SPF passes only for HELO mx1.example.com, which DMARC does not use: send with a Return-Path under example.com whose SPF record lists this server.",
            stream.Verdict.Fix);
    }

    [Fact]
    public void The_operators_own_server_without_dkim_is_misconfigured_and_told_to_sign()
    {
        var record = ReportXml.Record(sourceIp: "192.0.2.25", dkim: "fail", spf: "fail", authResults: ReportXml.SpfAuth("example.com", result: "softfail"));
        var source = new SourceInfo("192.0.2.25") { Sender = new KnownSender("our outbound relay", SenderType.Operator, "inventory") };

        var stream = Single(Result(Sources(source), Report(record)));

        Assert.Equal(StreamClass.Misconfigured, stream.Verdict.Class);
        Assert.Contains("the source is the operator's own or an authorised sender: our outbound relay (matched by inventory)", stream.Verdict.Evidence);
        Assert.Equal("Sign with DKIM d=example.com on this server. Authorise 192.0.2.25 in the SPF record of example.com.", stream.Verdict.Fix);
    }

    [Fact]
    public void Nothing_authenticating_from_an_unknown_source_without_reverse_dns_is_suspicious()
    {
        var stream = Single(Result(Report(Streams.Spoofing(count: 8))));

        Assert.Equal(StreamClass.Suspicious, stream.Verdict.Class);
        Assert.Equal(MechanismDiagnosis.AuthFail, stream.Verdict.Spf);
        Assert.Equal(MechanismDiagnosis.None, stream.Verdict.Dkim);
        Assert.Contains("nothing authenticates: SPF auth_fail, DKIM none", stream.Verdict.Evidence);
        Assert.Contains("the source is not known and has no forward-confirmed reverse DNS", stream.Verdict.Evidence);
        Assert.Contains("enrichment: not looked up", stream.Verdict.Evidence);
        Assert.Null(stream.Verdict.Fix);
    }

    [Fact]
    public void A_forward_confirmed_name_of_no_known_sender_is_still_suspicious_and_says_so()
    {
        var source = new SourceInfo("203.0.113.5") { ReverseDns = "host5.dialup.example", ForwardConfirmed = true, Asn = 64500, AsOrganization = "Example Net", Country = "JP" };

        var stream = Single(Result(Sources(source), Report(Streams.Spoofing())));

        Assert.Equal(StreamClass.Suspicious, stream.Verdict.Class);
        Assert.Contains("the source is not known; its reverse DNS host5.dialup.example is forward-confirmed but belongs to no known sender", stream.Verdict.Evidence);
        Assert.Contains("network: AS64500 Example Net, JP", stream.Verdict.Evidence);
    }

    [Fact]
    public void Nothing_authenticating_from_a_known_service_cannot_be_decided()
    {
        var source = new SourceInfo("203.0.113.5") { Sender = new KnownSender("Gmail", SenderType.MailboxProvider, "ptr google.com") };

        var stream = Single(Result(Sources(source), Report(Streams.Spoofing())));

        Assert.Equal(StreamClass.Unknown, stream.Verdict.Class);
        Assert.Contains(stream.Verdict.Evidence, e => e.StartsWith("but the source is a known sender, Gmail (mailbox_provider)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_hosting_network_is_not_a_known_sender()
    {
        var source = new SourceInfo("203.0.113.5") { Sender = new KnownSender("Cheap Cloud", SenderType.Hosting, "asn 64501") };

        var stream = Single(Result(Sources(source), Report(Streams.Spoofing())));

        Assert.Equal(StreamClass.Suspicious, stream.Verdict.Class);
        Assert.Contains("the source is a hosting network where anyone may send: Cheap Cloud", stream.Verdict.Evidence);
    }

    [Fact]
    public void A_stream_of_count_zero_is_unknown()
    {
        var stream = Single(Result(Report(ReportXml.Record(count: "0"))));

        Assert.Equal(StreamClass.Unknown, stream.Verdict.Class);
        Assert.Contains("reported with a count of 0: no messages to judge", stream.Verdict.Evidence);
    }

    [Fact]
    public void The_stream_is_compliant_when_at_least_half_of_its_messages_pass_and_the_diagnosis_is_the_dominant_one()
    {
        // Same stream (same IP, identifiers and signing domain): 3 messages pass aligned, 5 fail with a broken signature.
        var passing = ReportXml.Record(count: "3");
        var failing = ReportXml.Record(count: "5", dkim: "fail", spf: "fail",
            authResults: ReportXml.DkimAuth("example.com", result: "fail") + ReportXml.SpfAuth("example.com", result: "fail"));

        var stream = Single(Result(Report(passing + failing)));

        Assert.Equal(8, stream.Tally.Messages);
        Assert.Equal(3, stream.Tally.DmarcPass);
        Assert.Equal(MechanismDiagnosis.AuthFail, stream.Verdict.Dkim);
        Assert.Equal(StreamClass.Suspicious, stream.Verdict.Class);
        Assert.Contains("a DKIM signature of the Header-From's domain does not verify for 5 messages (changed in transit, or a wrong key)", stream.Verdict.Evidence);

        var mostlyPassing = Single(Result(Report(ReportXml.Record(count: "5") + ReportXml.Record(count: "5", dkim: "fail", spf: "fail",
            authResults: ReportXml.DkimAuth("example.com", result: "fail") + ReportXml.SpfAuth("example.com", result: "fail")))));
        Assert.Equal(StreamClass.Compliant, mostlyPassing.Verdict.Class);
        Assert.Contains("DMARC fails for 5 messages of it", mostlyPassing.Verdict.Evidence);
    }

    [Fact]
    public void An_spf_only_pass_for_another_domain_from_an_unknown_source_is_misconfigured_with_a_caution()
    {
        var stream = Single(Result(Report(Streams.MisconfiguredEsp(dkim: false))));

        Assert.Equal(StreamClass.Misconfigured, stream.Verdict.Class);
        Assert.Contains(stream.Verdict.Evidence, e => e.StartsWith("only SPF passes, for another domain, from a source that is not known", StringComparison.Ordinal));
    }
}
