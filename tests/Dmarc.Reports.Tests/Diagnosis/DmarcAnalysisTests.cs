using Dmarc.Reports.Diagnosis;
using Dmarc.Reports.Enrichment;
using static Dmarc.Reports.Tests.Diagnosis.Analyse;

namespace Dmarc.Reports.Tests.Diagnosis;

/// <summary>The entry point: reports in, one enrichment pass over the distinct sources, classified results out.</summary>
public sealed class DmarcAnalysisTests
{
    [Fact]
    public async Task Each_distinct_source_ip_is_looked_up_once_and_what_is_known_decides_the_class()
    {
        var analysis = Analyse.Reports(null, Report(Streams.MisconfiguredEsp(count: 2) + Streams.Spoofing() + Streams.Spoofing(headerFrom: "shop.example.com")));
        var enricher = new FakeEnricher(new SourceInfo("203.0.113.5") { Sender = new KnownSender("Inventory relay", SenderType.Operator, "inventory") });

        var result = await analysis.ResultAsync(enricher, TestContext.Current.CancellationToken);

        Assert.Equal(["198.51.100.150", "203.0.113.5"], enricher.LookedUp.Order(StringComparer.Ordinal));
        Assert.All(result.Streams.Where(s => s.Key.SourceIp == "203.0.113.5"), s => Assert.Equal(StreamClass.Misconfigured, s.Verdict.Class));
        Assert.Equal("Inventory relay", result.Streams.First(s => s.Key.SourceIp == "203.0.113.5").Source?.Sender?.Name);
    }

    [Fact]
    public async Task A_stream_whose_passing_dkim_domain_belongs_to_an_authorised_sender_is_named_after_it()
    {
        const string Json = """{"authorisedSenders": [{"name": "Newsletter service", "dkimDomains": ["esp.example"]}]}""";
        var inventory = SenderInventory.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Json)), LastTwoLabels.Instance, "inventory.json");
        var analysis = Analyse.Reports(new AnalysisOptions { Inventory = inventory }, Report(Streams.MisconfiguredEsp() + Streams.Spoofing()));

        var result = await analysis.ResultAsync(new FakeEnricher(), TestContext.Current.CancellationToken);

        var esp = result.Streams.Single(s => s.Key.SourceIp == "198.51.100.150");
        Assert.Equal("Newsletter service", esp.Source?.Sender?.Name);
        Assert.Contains("esp.example is authorised for Newsletter service", esp.Source?.Sender?.MatchedBy, StringComparison.Ordinal);
        Assert.Null(result.Streams.Single(s => s.Key.SourceIp == "203.0.113.5").Source?.Sender);
    }

    [Fact]
    public async Task A_source_that_is_not_an_ip_is_not_looked_up_and_says_why()
    {
        var analysis = Analyse.Reports(null, Report(ReportXml.Record(sourceIp: "mail.example.com", dkim: "fail", spf: "fail", authResults: ReportXml.SpfAuth(result: "fail"))));
        var enricher = new FakeEnricher();

        var result = await analysis.ResultAsync(enricher, TestContext.Current.CancellationToken);

        Assert.Empty(enricher.LookedUp);
        Assert.Contains("enrichment: the reported source is not an IP address", Single(result).Verdict.Evidence);
    }

    [Fact]
    public async Task An_enricher_that_throws_leaves_a_note_and_the_stream_is_still_classified()
    {
        var analysis = Analyse.Reports(null, Report(Streams.Spoofing()));

        var result = await analysis.ResultAsync(new ThrowingEnricher(), TestContext.Current.CancellationToken);

        var stream = Single(result);
        Assert.Equal(StreamClass.Suspicious, stream.Verdict.Class);
        Assert.Contains("enrichment: lookup failed: resolver down", stream.Verdict.Evidence);
    }

    [Fact]
    public void Reporter_disagreements_are_counted_both_ways()
    {
        var failsAlignedPass = ReportXml.Record(count: "3", dkim: "fail", spf: "fail");
        var passesWithoutAlignedPass = ReportXml.Record(count: "2", sourceIp: "192.0.2.9", authResults: ReportXml.SpfAuth(result: "fail"));

        var result = Result(Report(failsAlignedPass + passesWithoutAlignedPass, metadata: ReportXml.Metadata(orgName: "odd.example")));

        var reporter = Assert.Single(result.Reporters);
        Assert.Equal(("odd.example", 1L, 5L), (reporter.Reporter, reporter.Reports, reporter.Messages));
        Assert.Equal(3, reporter.ReporterFailDmarcPass);
        Assert.Equal(2, reporter.ReporterPassDmarcFail);
        Assert.Equal(5, reporter.Disagreements);
    }

    [Fact]
    public void Outcomes_that_carry_their_records_count_as_well_as_streamed_ones()
    {
        var analysis = new DmarcAnalysis(TestAligner.Instance, LastTwoLabels.Instance);
        foreach (var outcome in Read.All(Report(Streams.Compliant(count: 4))))
        {
            analysis.OnOutcome(outcome);
        }

        Assert.Equal(4, analysis.Result().Messages);
    }

    [Fact]
    public void The_window_is_the_earliest_begin_to_the_latest_end()
    {
        var result = Result(
            Report(Streams.Compliant(), metadata: ReportXml.Metadata(reportId: "a", begin: "1700006400", end: "1700092799")),
            Report(Streams.Compliant(), metadata: ReportXml.Metadata(reportId: "b", begin: "1700092800", end: "1700179199")));

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_006_400), result.Begin);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_179_199), result.End);
        Assert.Equal(2, Single(result).Tally.Reports);
    }

    private sealed class ThrowingEnricher : ISourceEnricher
    {
        public ValueTask<SourceInfo> EnrichAsync(string ip, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("resolver down");
    }
}
