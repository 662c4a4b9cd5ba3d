using System.Text.Json;
using Dmarc.Reports.Diagnosis;
using Dmarc.Reports.Enrichment;
using Dmarc.Reports.Formats;
using static Dmarc.Reports.Tests.Diagnosis.Analyse;

namespace Dmarc.Reports.Tests.Diagnosis;

/// <summary>The analysis JSON has the names docs/analysis-format.md promises, with the values of the result.</summary>
public sealed class AnalysisJsonTests
{
    private static JsonElement Written(AnalysisResult result)
    {
        using var output = new MemoryStream();
        AnalysisJsonWriter.Write(output, result);
        return JsonDocument.Parse(output.ToArray()).RootElement.Clone();
    }

    private static AnalysisResult Sample()
    {
        var sources = Sources(new SourceInfo("198.51.100.150")
        {
            ReverseDns = "o1.esp.example",
            ForwardConfirmed = true,
            BaseDomain = "esp.example",
            Country = "US",
            Asn = 64496,
            AsOrganization = "ESP Inc",
            Sender = new KnownSender("SendGrid", SenderType.EmailServiceProvider, "ptr esp.example"),
        });
        return Result(sources, Report(Streams.Compliant(count: 90) + Streams.MisconfiguredEsp(count: 6) + Streams.Spoofing(count: 4)));
    }

    [Fact]
    public void A_stream_has_its_identity_class_diagnoses_evidence_fix_and_source()
    {
        var json = Written(Sample());

        var stream = json.GetProperty("streams").EnumerateArray().Single(s => s.GetProperty("source_ip").GetString() == "198.51.100.150");
        Assert.Equal("example.com", stream.GetProperty("header_from").GetString());
        Assert.Equal("bounces.vendor.example", stream.GetProperty("envelope_from").GetString());
        Assert.Equal(["esp.example"], stream.GetProperty("dkim_domains").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(6, stream.GetProperty("count").GetInt64());
        Assert.Equal("misconfigured", stream.GetProperty("class").GetString());
        Assert.Equal("misaligned", stream.GetProperty("spf").GetString());
        Assert.Equal("misaligned", stream.GetProperty("dkim").GetString());
        Assert.NotEmpty(stream.GetProperty("evidence").EnumerateArray());
        Assert.StartsWith("DKIM passes for d=esp.example", stream.GetProperty("fix").GetString(), StringComparison.Ordinal);
        Assert.Equal("o1.esp.example", stream.GetProperty("reverse_dns").GetString());
        Assert.Equal("esp.example", stream.GetProperty("base_domain").GetString());
        Assert.Equal("US", stream.GetProperty("country").GetString());
        Assert.Equal(64496, stream.GetProperty("asn").GetInt64());
        Assert.Equal("ESP Inc", stream.GetProperty("as_organization").GetString());
        Assert.Equal("SendGrid", stream.GetProperty("sender").GetProperty("name").GetString());
        Assert.Equal("email_service_provider", stream.GetProperty("sender").GetProperty("type").GetString());
        Assert.Equal(6, stream.GetProperty("spf_results").GetProperty("misaligned").GetInt64());
        Assert.Equal(0, stream.GetProperty("overrides").GetProperty("forwarded").GetInt64());
    }

    [Fact]
    public void An_unknown_source_writes_nulls_not_missing_keys()
    {
        var json = Written(Sample());

        var stream = json.GetProperty("streams").EnumerateArray().Single(s => s.GetProperty("source_ip").GetString() == "203.0.113.5");
        Assert.Equal("suspicious", stream.GetProperty("class").GetString());
        Assert.Equal(JsonValueKind.Null, stream.GetProperty("fix").ValueKind);
        foreach (var name in new[] { "reverse_dns", "base_domain", "country", "asn", "as_organization", "sender" })
        {
            Assert.Equal(JsonValueKind.Null, stream.GetProperty(name).ValueKind);
        }
    }

    [Fact]
    public void A_policy_domain_has_pass_rate_what_enforcement_would_do_and_the_recommendation()
    {
        var json = Written(Sample());

        var domain = Assert.Single(json.GetProperty("policy_domains").EnumerateArray());
        Assert.Equal("example.com", domain.GetProperty("domain").GetString());
        Assert.Equal(0.9, domain.GetProperty("pass_rate").GetDouble(), 6);
        Assert.Equal(10, domain.GetProperty("would_quarantine").GetProperty("messages").GetInt64());
        Assert.Equal(0.1, domain.GetProperty("would_reject").GetProperty("share").GetDouble(), 6);
        Assert.Equal(6, domain.GetProperty("would_reject").GetProperty("classes").GetProperty("misconfigured").GetInt64());
        Assert.Equal("none", domain.GetProperty("published").GetProperty("p").GetString());
        Assert.Equal("unknown", domain.GetProperty("subdomains").GetProperty("np_applies").GetString());
        Assert.Equal("SendGrid", Assert.Single(domain.GetProperty("fix_first").EnumerateArray()).GetProperty("label").GetString());
        var recommendation = domain.GetProperty("recommendation");
        Assert.False(recommendation.GetProperty("ready").GetBoolean());
        Assert.Equal("p=quarantine; t=y; np=reject", recommendation.GetProperty("next_step").GetString());
        Assert.Contains(recommendation.GetProperty("reasoning").EnumerateArray(),
            r => r.GetString() == "6 % is misconfigured mail from SendGrid (fix first).");
    }

    [Fact]
    public void Reporters_and_days_are_written_with_the_time_zone_named()
    {
        var json = Written(Result(new AnalysisOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo") }, Report(Streams.Compliant(count: 3))));

        Assert.Equal("dmarc-analysis", json.GetProperty("format").GetString());
        Assert.Equal("Asia/Tokyo", json.GetProperty("time_zone").GetString());
        Assert.Equal("Asia/Tokyo", json.GetProperty("daily").GetProperty("time_zone").GetString());
        var days = json.GetProperty("daily").GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(["2023-11-15", "2023-11-16"], days.Select(d => d.GetProperty("day").GetString()));
        Assert.Equal(3, days.Sum(d => d.GetProperty("messages").GetInt64()));
        var reporter = Assert.Single(json.GetProperty("reporters").EnumerateArray());
        Assert.Equal("Example Receiver", reporter.GetProperty("org_name").GetString());
        Assert.Equal(0, reporter.GetProperty("disagreements").GetProperty("messages").GetInt64());
        Assert.Equal(3, json.GetProperty("totals").GetProperty("messages").GetInt64());
    }

    [Fact]
    public async Task Discovery_differences_and_how_they_were_checked_are_written_at_the_top_level()
    {
        var records = new Dmarc.Reports.Domains.InMemoryDmarcRecords(new Dictionary<string, string> { ["example.com"] = "v=DMARC1; p=reject; psd=y" });
        var policy = ReportXml.Policy(extra: "<discovery_method>treewalk</discovery_method>");
        var analysis = Analyse.Reports(null, Report(ReportXml.Record(count: "5", headerFrom: "mail.brand.example.com"), policy: policy));

        var json = Written(await analysis.ResultAsync(new FakeEnricher(), records, TestContext.Current.CancellationToken));

        var check = json.GetProperty("discovery_check");
        Assert.Equal("checked", check.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, check.GetProperty("reason").ValueKind);
        Assert.Equal((1, 2, 2, 0, 0, 0), (check.GetProperty("reports").GetInt32(), check.GetProperty("domains").GetInt32(), check.GetProperty("checked").GetInt32(),
            check.GetProperty("failed").GetInt32(), check.GetProperty("skipped").GetInt32(), check.GetProperty("messages_past_bound").GetInt32()));
        Assert.Empty(check.GetProperty("failures").EnumerateArray());
        var difference = Assert.Single(json.GetProperty("discovery_differences").EnumerateArray());
        Assert.Equal("mail.brand.example.com", difference.GetProperty("domain").GetString());
        Assert.Equal("example.com", difference.GetProperty("by_psl").GetString());
        Assert.Equal("brand.example.com", difference.GetProperty("by_tree_walk").GetString());
        Assert.True(difference.GetProperty("header_from").GetBoolean());
        Assert.False(difference.GetProperty("policy_domain").GetBoolean());
        Assert.Equal((1, 5), (difference.GetProperty("reports").GetInt32(), difference.GetProperty("messages").GetInt32()));
    }

    [Fact]
    public void Without_tree_walk_reports_the_check_says_so_and_the_differences_are_an_empty_list()
    {
        var json = Written(Sample());

        Assert.Equal("no_treewalk_reports", json.GetProperty("discovery_check").GetProperty("status").GetString());
        Assert.Empty(json.GetProperty("discovery_differences").EnumerateArray());
    }
}
