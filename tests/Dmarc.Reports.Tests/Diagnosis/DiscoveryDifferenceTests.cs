using Dmarc.Reports.Diagnosis;
using Dmarc.Reports.Domains;
using static Dmarc.Reports.Tests.Diagnosis.Analyse;

namespace Dmarc.Reports.Tests.Diagnosis;

/// <summary>
/// For reports that say <c>discovery_method=treewalk</c>, the analysis compares the organisational domains the Public
/// Suffix List gives (here: the last two labels) with the DNS tree walk's, for Header-From and policy domains.
/// </summary>
public sealed class DiscoveryDifferenceTests
{
    private static readonly CancellationToken _token = TestContext.Current.CancellationToken;

    // example.com says it is a public suffix domain: below it, brand.example.com is an organisational domain of its own.
    private static InMemoryDmarcRecords PublicSuffixDomainRecord() => new(new Dictionary<string, string>
    {
        ["example.com"] = "v=DMARC1; p=reject; psd=y",
    });

    private static string TreeWalkPolicy(string domain = "example.com") =>
        ReportXml.Policy(domain: domain, extra: "<discovery_method>treewalk</discovery_method>");

    private static string Record(string headerFrom, int count, string? authResults = null) =>
        ReportXml.Record(count: Streams.N(count), headerFrom: headerFrom, envelopeFrom: headerFrom, authResults: authResults);

    private static Task<AnalysisResult> ResultAsync(IDmarcRecordSource records, params string[] reports) =>
        Analyse.Reports(null, reports).ResultAsync(new FakeEnricher(), records, _token);

    [Fact]
    public async Task A_psd_record_on_an_intermediate_name_makes_the_tree_walk_differ_from_the_public_suffix_list()
    {
        var records = PublicSuffixDomainRecord();

        var result = await ResultAsync(records, Report(Record("mail.brand.example.com", 7) + Record("example.com", 3), policy: TreeWalkPolicy()));

        var difference = Assert.Single(result.DiscoveryDifferences);
        Assert.Equal(("mail.brand.example.com", "example.com", "brand.example.com"), (difference.Domain, difference.ByPublicSuffixList, difference.ByTreeWalk));
        Assert.Equal((true, false, 1L, 7L), (difference.AsHeaderFrom, difference.AsPolicyDomain, difference.Reports, difference.Messages));
        Assert.Equal(DiscoveryCheckStatus.Checked, result.DiscoveryCheck.Status);
        Assert.Equal((2, 2, 0, 0), (result.DiscoveryCheck.Domains, result.DiscoveryCheck.Checked, result.DiscoveryCheck.Failed, result.DiscoveryCheck.Skipped));
        Assert.Contains("mail.brand.example.com", records.Queries);
    }

    [Fact]
    public async Task Where_both_methods_agree_nothing_is_listed_but_the_domains_count_as_checked()
    {
        var records = new InMemoryDmarcRecords(new Dictionary<string, string> { ["example.com"] = "v=DMARC1; p=none" });

        var result = await ResultAsync(records, Report(Record("example.com", 5) + Record("news.example.com", 2), policy: TreeWalkPolicy()));

        Assert.Empty(result.DiscoveryDifferences);
        Assert.Equal((DiscoveryCheckStatus.Checked, 1L, 2, 2), (result.DiscoveryCheck.Status, result.DiscoveryCheck.Reports, result.DiscoveryCheck.Domains, result.DiscoveryCheck.Checked));
    }

    [Fact]
    public async Task Reports_found_by_the_public_suffix_list_are_not_checked()
    {
        var records = PublicSuffixDomainRecord();
        var psl = ReportXml.Policy(extra: "<discovery_method>psl</discovery_method>");

        var result = await ResultAsync(records, Report(Record("mail.brand.example.com", 7), policy: psl), Report(Record("mail.brand.example.com", 1)));

        Assert.Empty(records.Queries);
        Assert.Empty(result.DiscoveryDifferences);
        Assert.Equal(DiscoveryCheckStatus.NoTreeWalkReports, result.DiscoveryCheck.Status);
    }

    [Fact]
    public async Task Offline_the_domains_are_not_checked_and_the_check_says_why()
    {
        var result = await ResultAsync(IDmarcRecordSource.Offline, Report(Record("mail.brand.example.com", 7), policy: TreeWalkPolicy()));

        Assert.Empty(result.DiscoveryDifferences);
        Assert.Equal((DiscoveryCheckStatus.NotChecked, "offline"), (result.DiscoveryCheck.Status, result.DiscoveryCheck.Reason));
        Assert.Equal((2, 0, 2), (result.DiscoveryCheck.Domains, result.DiscoveryCheck.Checked, result.DiscoveryCheck.Skipped));
    }

    [Fact]
    public async Task Without_a_record_source_the_result_says_it_was_not_checked()
    {
        var result = await Analyse.Reports(null, Report(Record("example.com", 1), policy: TreeWalkPolicy())).ResultAsync(new FakeEnricher(), _token);

        Assert.Equal(DiscoveryCheckStatus.NotChecked, result.DiscoveryCheck.Status);
        Assert.Equal("no DMARC record source was given", result.DiscoveryCheck.Reason);
    }

    [Fact]
    public async Task Reports_and_messages_add_up_per_domain_and_a_policy_domain_counts_all_messages_of_its_reports()
    {
        var records = new InMemoryDmarcRecords(new Dictionary<string, string>
        {
            ["com"] = "v=DMARC1; p=reject; psd=y",
            ["brand.example.com"] = "v=DMARC1; p=none; psd=n",
        });
        var first = Report(Record("brand.example.com", 4) + Record("mail.brand.example.com", 6), policy: TreeWalkPolicy("brand.example.com"),
            metadata: ReportXml.Metadata(reportId: "a"));
        var second = Report(Record("mail.brand.example.com", 5), policy: TreeWalkPolicy("brand.example.com"), metadata: ReportXml.Metadata(reportId: "b"));

        var result = await ResultAsync(records, first, second);

        // The tree walk stops at psd=n: brand.example.com is the organisational domain of both names.
        var byDomain = result.DiscoveryDifferences.ToDictionary(d => d.Domain);
        Assert.Equal(["brand.example.com", "mail.brand.example.com"], byDomain.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("brand.example.com", true, true, 2L, 15L), Shape(byDomain["brand.example.com"]));
        Assert.Equal(("brand.example.com", true, false, 2L, 11L), Shape(byDomain["mail.brand.example.com"]));
        Assert.Equal("brand.example.com", result.DiscoveryDifferences[0].Domain); // most messages first

        static (string, bool, bool, long, long) Shape(ReportedDiscoveryDifference d) => (d.ByTreeWalk, d.AsHeaderFrom, d.AsPolicyDomain, d.Reports, d.Messages);
    }

    [Fact]
    public async Task A_stream_of_a_differing_header_from_says_why_the_reporter_may_align_differently()
    {
        // DKIM passes for other.example.com: aligned by the Public Suffix List (example.com), not by the tree walk
        // (other.example.com against brand.example.com), so the tree-walk reporter says fail.
        var stream = ReportXml.Record(count: "4", dkim: "fail", spf: "fail", headerFrom: "mail.brand.example.com", envelopeFrom: "bounce.example.net",
            authResults: ReportXml.DkimAuth("other.example.com") + ReportXml.SpfAuth("bounce.example.net"));

        var result = await ResultAsync(PublicSuffixDomainRecord(), Report(stream, policy: TreeWalkPolicy()));

        var evidence = Single(result).Verdict.Evidence;
        Assert.Contains(evidence, e => e.Contains("reporter disagrees", StringComparison.Ordinal));
        Assert.Contains("reporters of 4 messages find organisational domains by DNS tree walk: for mail.brand.example.com it gives brand.example.com "
            + "where the Public Suffix List gives example.com, so their relaxed alignment may differ from the one recomputed here", evidence);
    }

    [Fact]
    public async Task A_stream_reported_only_by_public_suffix_list_reporters_gets_no_tree_walk_note()
    {
        var psl = ReportXml.Policy(extra: "<discovery_method>psl</discovery_method>");
        var walked = Report(Record("mail.brand.example.com", 2), policy: TreeWalkPolicy(), metadata: ReportXml.Metadata(reportId: "a"));
        var other = Report(ReportXml.Record(sourceIp: "192.0.2.99", headerFrom: "mail.brand.example.com"), policy: psl, metadata: ReportXml.Metadata(reportId: "b"));

        var result = await ResultAsync(PublicSuffixDomainRecord(), walked, other);

        Assert.Single(result.DiscoveryDifferences);
        Assert.DoesNotContain(result.Streams.Single(s => s.Key.SourceIp == "192.0.2.99").Verdict.Evidence, e => e.Contains("tree walk", StringComparison.Ordinal));
        Assert.Contains(result.Streams.Single(s => s.Key.SourceIp == "192.0.2.1").Verdict.Evidence, e => e.Contains("tree walk", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_lookup_is_noted_and_the_other_domains_are_still_checked()
    {
        var records = new FailingRecords(PublicSuffixDomainRecord(), failFor: "news.example.com");

        var result = await ResultAsync(records, Report(Record("mail.brand.example.com", 7) + Record("news.example.com", 3), policy: TreeWalkPolicy()));

        Assert.Single(result.DiscoveryDifferences);
        Assert.Equal((DiscoveryCheckStatus.Checked, 3, 2, 1), (result.DiscoveryCheck.Status, result.DiscoveryCheck.Domains, result.DiscoveryCheck.Checked, result.DiscoveryCheck.Failed));
        Assert.Equal(new DiscoveryCheckFailure("news.example.com", "SERVFAIL for _dmarc.news.example.com"), Assert.Single(result.DiscoveryCheck.Failures));
    }

    [Fact]
    public async Task After_three_failures_in_a_row_the_rest_is_skipped_and_the_check_says_the_lookups_failed()
    {
        var records = new FailingRecords(PublicSuffixDomainRecord(), failFor: "");
        var reportRecords = string.Concat(Enumerable.Range(1, 5).Select(i => Record($"h{i}.example.org", i)));

        var result = await ResultAsync(records, Report(reportRecords, policy: TreeWalkPolicy()));

        var check = result.DiscoveryCheck;
        Assert.Equal((DiscoveryCheckStatus.NotChecked, 6, 0, 3, 3), (check.Status, check.Domains, check.Checked, check.Failed, check.Skipped));
        Assert.StartsWith("the DMARC record lookups failed: SERVFAIL for _dmarc.", check.Reason, StringComparison.Ordinal);
        Assert.Equal(3, records.Calls);
    }

    [Fact]
    public async Task Domains_past_the_bound_are_only_counted()
    {
        var options = new AnalysisOptions { MaxTreeWalkDomains = 1 };
        var analysis = Analyse.Reports(options, Report(Record("example.com", 2) + Record("mail.brand.example.com", 7), policy: TreeWalkPolicy()));

        var result = await analysis.ResultAsync(new FakeEnricher(), PublicSuffixDomainRecord(), _token);

        // The Header-From mail.brand.example.com came first and took the one place; the policy domain's 9 messages are past it.
        Assert.Equal((1, 9L), (result.DiscoveryCheck.Domains, result.DiscoveryCheck.MessagesPastBound));
        Assert.Equal("mail.brand.example.com", Assert.Single(result.DiscoveryDifferences).Domain);
    }

    /// <summary>Throws like a DNS server failure for names ending in <c>failFor</c> (all names when empty), else asks <c>inner</c>.</summary>
    private sealed class FailingRecords(IDmarcRecordSource inner, string failFor) : IDmarcRecordSource
    {
        public int Calls { get; private set; }

        public ValueTask<string?> DmarcRecordAsync(string domain, CancellationToken cancellationToken)
        {
            Calls++;
            return domain.EndsWith(failFor, StringComparison.Ordinal)
                ? throw new InvalidOperationException($"SERVFAIL for _dmarc.{domain}")
                : inner.DmarcRecordAsync(domain, cancellationToken);
        }
    }
}
