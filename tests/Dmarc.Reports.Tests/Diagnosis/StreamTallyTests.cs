using Dmarc.Reports.Diagnosis;
using static Dmarc.Reports.Tests.Diagnosis.Analyse;

namespace Dmarc.Reports.Tests.Diagnosis;

/// <summary>Streams sum records up by count, whatever order signatures come in, and keep what explains their failures.</summary>
public sealed class StreamTallyTests
{
    [Fact]
    public void Records_of_one_stream_add_up_by_count_not_by_rows()
    {
        var result = Result(Report(Streams.Compliant(count: 3) + Streams.Compliant(count: 5)), Report(Streams.Compliant(count: 7)));

        var stream = Single(result);
        Assert.Equal(15, stream.Tally.Messages);
        Assert.Equal(15, stream.Tally.DmarcPass);
        Assert.Equal(2, stream.Tally.Reports);
        Assert.Equal(15, result.Messages);
        Assert.Equal(3, result.Records);
    }

    [Fact]
    public void A_stream_is_source_header_from_envelope_and_the_sorted_dkim_domains()
    {
        var ab = ReportXml.Record(authResults: ReportXml.DkimAuth("b.example") + ReportXml.DkimAuth("example.com") + ReportXml.SpfAuth());
        var ba = ReportXml.Record(authResults: ReportXml.DkimAuth("example.com") + ReportXml.DkimAuth("B.example.") + ReportXml.SpfAuth());
        var otherEnvelope = ReportXml.Record(envelopeFrom: "mail.example.com");
        var otherSource = ReportXml.Record(sourceIp: "192.0.2.2");

        var result = Result(Report(ab + ba + otherEnvelope + otherSource));

        Assert.Equal(3, result.Streams.Count);
        var signed = Assert.Single(result.Streams, s => s.Key.DkimDomains.Count == 2);
        Assert.Equal(["b.example", "example.com"], signed.Key.DkimDomains);
        Assert.Equal(2, signed.Tally.Messages);
    }

    [Fact]
    public void Override_reasons_are_counted_by_messages_with_local_policy_split_by_arc()
    {
        string Failing(string count, string reasons) => ReportXml.Record(count: count, dkim: "fail", spf: "fail", reasons: reasons,
            authResults: ReportXml.SpfAuth("example.com", result: "fail"));
        var records =
            Failing("2", ReportXml.Reason("forwarded")) +
            Failing("3", ReportXml.Reason("local_policy", "arc=pass")) +
            Failing("4", ReportXml.Reason("local_policy", "allow list")) +
            Failing("5", ReportXml.Reason("trusted_forwarder") + ReportXml.Reason("mailing_list")) +
            Failing("6", ReportXml.Reason("sampled_out")) +
            Failing("7", ReportXml.Reason("policy_test_mode")) +
            Failing("8", ReportXml.Reason("something_new"));

        var stream = Single(Result(Report(records)));

        Assert.Equal(2, stream.Tally.OverrideMessages(OverrideReason.Forwarded));
        Assert.Equal(3, stream.Tally.OverrideMessages(OverrideReason.LocalPolicyArcPass));
        Assert.Equal(4, stream.Tally.OverrideMessages(OverrideReason.LocalPolicy));
        Assert.Equal(5, stream.Tally.OverrideMessages(OverrideReason.TrustedForwarder));
        Assert.Equal(5, stream.Tally.OverrideMessages(OverrideReason.MailingList));
        Assert.Equal(6, stream.Tally.OverrideMessages(OverrideReason.SampledOut));
        Assert.Equal(7, stream.Tally.OverrideMessages(OverrideReason.PolicyTestMode));
        Assert.Equal(8, stream.Tally.OverrideMessages(OverrideReason.Other));
        Assert.Equal(2 + 3 + 5, stream.Tally.FailingForwardingOverride);
    }

    [Theory]
    [InlineData("<testing>y</testing>", null, OverrideReason.PolicyTestMode)]
    [InlineData("", "50", OverrideReason.SampledOut)]
    public void Failing_mail_left_alone_without_a_reason_is_explained_by_test_mode_or_sampling(string extra, string? pct, OverrideReason expected)
    {
        var record = ReportXml.Record(count: "4", disposition: "none", dkim: "fail", spf: "fail", authResults: ReportXml.SpfAuth(result: "fail"));

        var stream = Single(Result(Report(record, ReportXml.Policy(p: "reject", pct: pct, extra: extra))));

        Assert.Equal(4, stream.Tally.OverrideMessages(expected));
        Assert.Equal(4, Enum.GetValues<OverrideReason>().Sum(stream.Tally.OverrideMessages));
    }

    [Fact]
    public void Under_p_none_failing_mail_left_alone_needs_no_explanation()
    {
        var record = ReportXml.Record(disposition: "none", dkim: "fail", spf: "fail", authResults: ReportXml.SpfAuth(result: "fail"));

        var stream = Single(Result(Report(record, ReportXml.Policy(p: "none", pct: "50", extra: "<testing>y</testing>"))));

        Assert.Equal(0, Enum.GetValues<OverrideReason>().Sum(stream.Tally.OverrideMessages));
    }

    [Fact]
    public void Dispositions_reporters_and_policy_domains_are_counted_per_stream()
    {
        var quarantined = ReportXml.Record(count: "2", disposition: "quarantine", dkim: "fail", spf: "fail", authResults: ReportXml.SpfAuth(result: "fail"));
        var delivered = ReportXml.Record(count: "3", disposition: "none", dkim: "fail", spf: "fail", authResults: ReportXml.SpfAuth(result: "fail"));

        var stream = Single(Result(
            Report(quarantined, metadata: ReportXml.Metadata(orgName: "google.com", reportId: "a")),
            Report(delivered, metadata: ReportXml.Metadata(orgName: "Yahoo", reportId: "b"))));

        Assert.Equal(2, stream.Tally.DispositionMessages(Disposition.Quarantine));
        Assert.Equal(3, stream.Tally.DispositionMessages(Disposition.None));
        Assert.Equal([new("Yahoo", 3L), new("google.com", 2L)], stream.Tally.Reporters.Entries);
        var share = Assert.Single(stream.Tally.PolicyDomains);
        Assert.Equal(("example.com", 5L, 5L), (share.Domain, share.Messages, share.DmarcFail));
    }

    [Fact]
    public void Records_of_a_report_that_could_not_be_read_are_dropped()
    {
        var spoofed = Read.SingleRecord(Report(Streams.Spoofing(count: 1000)));
        var parsed = Read.SingleParsed(Read.All(Report(Streams.Compliant(count: 2))));
        var analysis = new DmarcAnalysis(TestAligner.Instance, LastTwoLabels.Instance);

        // The reader streams a report's records before its outcome; this one turned out unreadable.
        analysis.OnAggregateRecord(spoofed);
        analysis.OnOutcome(new InvalidReport(Read.Source, null, "the gzip stream ends in the middle"));
        analysis.OnOutcome(parsed);
        var result = analysis.Result();

        Assert.Equal(1, result.Reports);
        Assert.Equal(1, result.InvalidReports);
        Assert.Equal(2, result.Messages);
        Assert.DoesNotContain(result.Streams, s => s.Key.SourceIp == "203.0.113.5");
    }

    [Fact]
    public void Past_the_bound_new_streams_are_summed_as_other_and_nothing_is_lost()
    {
        var options = new AnalysisOptions { MaxKeys = 2 };

        var result = Result(options, Report(ReportXml.Records(5)));

        Assert.Equal(3, result.Streams.Count);
        var other = Assert.Single(result.Streams, s => s.Key.IsOther);
        Assert.Equal(StreamClass.Unknown, other.Verdict.Class);
        Assert.Equal(1 + 2 + 3 + 4 + 5, result.Streams.Sum(s => s.Tally.Messages));
        Assert.Equal(15, result.Messages);
    }

    [Fact]
    public void Within_one_report_shapes_past_twice_the_bound_are_counted_as_unanalysed()
    {
        // Five distinct records, bound 2: two shapes, then the others lose their source IP (one shape: they are
        // otherwise the same), so nothing is unanalysed; with different header-froms they become distinct shapes.
        var records = string.Concat(Enumerable.Range(1, 6).Select(i => ReportXml.Record(sourceIp: $"192.0.2.{i}", headerFrom: $"d{i}.example.com")));

        var result = Result(new AnalysisOptions { MaxKeys = 2 }, Report(records));

        Assert.Equal(2, result.UnanalysedMessages);
        Assert.Equal(6, result.Messages + result.UnanalysedMessages);
    }
}
