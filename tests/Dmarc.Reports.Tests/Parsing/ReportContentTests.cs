using static Dmarc.Reports.Tests.Support.ReportXml;

namespace Dmarc.Reports.Tests.Parsing;

/// <summary>What a well-formed report says comes out as it was written.</summary>
public sealed class ReportContentTests
{
    [Fact]
    public void A_plain_report_is_read_as_written()
    {
        var xml = Feedback(
            metadata: Metadata(
                orgName: "Example Receiver",
                email: "dmarc-reports@receiver.example",
                reportId: "2023-11-15.example.com",
                begin: "1700006400",
                end: "1700092799",
                extra: "      <extra_contact_info>https://receiver.example/dmarc</extra_contact_info>\n"),
            policy: Policy(domain: "example.com", adkim: "s", aspf: "r", p: "reject", sp: "quarantine", pct: "50", extra: "      <fo>1</fo>\n"),
            records:
                Record(sourceIp: "192.0.2.10", count: "7", disposition: "none", dkim: "pass", spf: "fail",
                    headerFrom: "example.com", envelopeFrom: "bounces.vendor.example",
                    authResults: DkimAuth("example.com", "s2024", "pass", "2048-bit key") + SpfAuth("bounces.vendor.example", "mfrom", "pass"))
                + Record(sourceIp: "198.51.100.20", count: "3", disposition: "reject", dkim: "fail", spf: "fail",
                    headerFrom: "example.com", envelopeFrom: "spoofer.example",
                    authResults: SpfAuth("spoofer.example", "mfrom", "fail")));

        var report = Read.SingleReport(xml);

        Assert.Equal("1.0", report.SchemaVersion);
        Assert.Equal("Example Receiver", report.Metadata.OrgName);
        Assert.False(report.Metadata.OrgNameFromEmail);
        Assert.Equal("dmarc-reports@receiver.example", report.Metadata.Email);
        Assert.Equal("https://receiver.example/dmarc", report.Metadata.ExtraContactInfo);
        Assert.Equal("2023-11-15.example.com", report.Metadata.ReportId);
        Assert.Equal(new DateTimeOffset(2023, 11, 15, 0, 0, 0, TimeSpan.Zero), report.Metadata.Period.Begin);
        Assert.Equal(new DateTimeOffset(2023, 11, 15, 23, 59, 59, TimeSpan.Zero), report.Metadata.Period.End);

        Assert.Equal("example.com", report.Policy.Domain);
        Assert.Equal(AlignmentMode.Strict, report.Policy.Adkim);
        Assert.Equal(AlignmentMode.Relaxed, report.Policy.Aspf);
        Assert.Equal(DomainPolicy.Reject, report.Policy.P);
        Assert.Equal(DomainPolicy.Quarantine, report.Policy.Sp);
        Assert.Null(report.Policy.Np);
        Assert.Equal(DomainPolicy.Quarantine, report.Policy.EffectiveNp);
        Assert.Equal(50, report.Policy.Pct);
        Assert.Equal("1", report.Policy.Fo);
        Assert.Empty(report.Errors);

        Assert.Equal(2, report.RecordCount);
        var (passing, spoofed) = (report.Records[0], report.Records[1]);
        Assert.Equal(("192.0.2.10", 7L, Disposition.None), (passing.SourceIp, passing.Count, passing.PolicyEvaluated.Disposition));
        Assert.Equal((DmarcVerdict.Pass, DmarcVerdict.Fail), (passing.PolicyEvaluated.Dkim, passing.PolicyEvaluated.Spf));
        Assert.True(passing.PolicyEvaluated.DmarcPass);
        Assert.Equal(("example.com", "bounces.vendor.example"), (passing.HeaderFrom, passing.EnvelopeFrom));
        Assert.Equal(new DkimAuthResult("example.com", "s2024", DkimResult.Pass, "2048-bit key"), Assert.Single(passing.Dkim));
        Assert.Equal(new SpfAuthResult("bounces.vendor.example", SpfScope.MailFrom, SpfResult.Pass, null), Assert.Single(passing.Spf));

        Assert.Equal(("198.51.100.20", 3L, Disposition.Reject), (spoofed.SourceIp, spoofed.Count, spoofed.PolicyEvaluated.Disposition));
        Assert.False(spoofed.PolicyEvaluated.DmarcPass);
        Assert.Empty(spoofed.Dkim);
        Assert.Equal(SpfResult.Fail, Assert.Single(spoofed.Spf).Result);
    }

    [Fact]
    public void A_missing_sp_falls_back_to_p()
    {
        var report = Read.SingleReport(Feedback(policy: Policy(p: "quarantine", sp: null)));

        Assert.Null(report.Policy.Sp);
        Assert.Equal(DomainPolicy.Quarantine, report.Policy.EffectiveSp);
        Assert.Equal(DomainPolicy.Quarantine, report.Policy.EffectiveNp);
    }

    [Fact]
    public void An_empty_sp_falls_back_to_p()
    {
        var report = Read.SingleReport(Feedback(policy: Policy(p: "reject", sp: "")));

        Assert.Null(report.Policy.Sp);
        Assert.Equal(DomainPolicy.Reject, report.Policy.EffectiveSp);
    }

    [Fact]
    public void Policy_override_reasons_are_kept_with_their_comments()
    {
        var record = Read.SingleRecord(Feedback(records: Record(
            disposition: "none",
            dkim: "fail",
            spf: "fail",
            reasons: Reason("local_policy", "arc=pass") + Reason("mailing_list") + Reason("sampled_out") + Reason("forwarded")
                + Reason("trusted_forwarder"))));

        Assert.Equal(
            [
                new PolicyOverrideReason(PolicyOverride.LocalPolicy, "arc=pass"),
                new PolicyOverrideReason(PolicyOverride.MailingList, null),
                new PolicyOverrideReason(PolicyOverride.SampledOut, null),
                new PolicyOverrideReason(PolicyOverride.Forwarded, null),
                new PolicyOverrideReason(PolicyOverride.TrustedForwarder, null),
            ],
            record.PolicyEvaluated.Reasons);
    }

    [Fact]
    public void The_reporters_own_errors_are_kept()
    {
        var report = Read.SingleReport(Feedback(metadata: Metadata(extra: "      <error>There was a sample error.</error>\n      <error>And another.</error>\n")));

        Assert.Equal(["There was a sample error.", "And another."], report.Metadata.ReporterErrors);
    }

    [Fact]
    public void Records_keep_their_order_and_counts()
    {
        var report = Read.SingleReport(Feedback(records: Records(5)));

        Assert.Equal(5, report.RecordCount);
        Assert.Equal(["192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4", "192.0.2.5"], report.Records.Select(r => r.SourceIp));
        Assert.Equal(1 + 2 + 3 + 4 + 5, report.Records.Sum(r => r.Count));
    }

    [Fact]
    public void A_record_with_count_zero_is_kept()
    {
        var record = Read.SingleRecord(Feedback(records: Record(count: "0")));

        Assert.Equal(0, record.Count);
    }

    [Fact]
    public void The_payload_hash_is_the_sha256_of_the_report_document()
    {
        var bytes = Utf8(Feedback());

        var report = Read.SingleReport(bytes);

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), report.PayloadSha256);
    }

    [Fact]
    public void The_payload_hash_of_a_report_of_several_megabytes_is_the_sha256_of_the_whole_document()
    {
        // Past the first MiB the hash is computed on a thread of its own: it must still cover every byte, in order.
        var bytes = Utf8(Feedback(records: Records(12_000)));
        Assert.True(bytes.Length > 3 * 1024 * 1024, $"the report should be several MiB, is {bytes.Length} bytes");

        var report = Read.SingleReport(Containers.Gzip(bytes));

        Assert.Equal(12_000, report.RecordCount);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), report.PayloadSha256);
    }

    [Fact]
    public void The_same_report_in_a_container_has_the_same_payload_hash_and_identity()
    {
        var bytes = Utf8(Feedback());

        var plain = Read.SingleReport(bytes);
        var gzipped = Read.SingleReport(Containers.Gzip(bytes));

        Assert.Equal(plain.PayloadSha256, gzipped.PayloadSha256);
        Assert.Equal(plain.Identity, gzipped.Identity);
    }
}
