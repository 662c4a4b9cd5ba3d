namespace Dmarc.Cli.Tests;

/// <summary><c>dmarc analyze</c>: count-weighted numbers per policy domain, reporter, Header-From and failing source.</summary>
public sealed class AnalyzeTests
{
    [Fact]
    public async Task Pass_rates_are_weighted_by_count_per_domain_reporter_and_header_from()
    {
        using var folder = new TempFolder();
        folder.Write("google.xml", AggregateXml.Report(org: "google.com", policy: "<p>none</p><sp>quarantine</sp><pct>100</pct>", records:
        [
            AggregateXml.Record("192.0.2.1", 90),
            AggregateXml.Record("192.0.2.2", 10, dkim: "fail", spf: "fail", headerFrom: "news.example.com"),
        ]));
        // A day earlier: the policy column shows the policy of the latest report.
        folder.Write("yahoo.xml", AggregateXml.Report(org: "yahoo.com", id: "y1", begin: 1_699_920_000, end: 1_700_006_399, records:
        [
            AggregateXml.Record("192.0.2.3", 1, dkim: "fail", spf: "fail", disposition: "reject"),
        ]));

        var result = await CliRun.Dmarc("analyze", "--offline", folder.Path);

        Assert.Equal(ExitCodes.AllRead, result.ExitCode);
        Assert.Contains("2 reports, 3 records, 101 messages, DMARC pass 89.1%", result.Out);
        Assert.Matches(@"\| example\.com +\| 2 +\| 101 +\| 89\.1% +\| 100 +\| 0 +\| 1 +\| 0 +\| p=none sp=quarantine pct=100 \|", result.Out);
        Assert.Matches(@"\| google\.com +\| 1 +\| 100 +\| 90\.0% +\|", result.Out);
        Assert.Matches(@"\| yahoo\.com +\| 1 +\| 1 +\| 0\.0% +\|", result.Out);
        Assert.Matches(@"\| news\.example\.com +\| 10 +\| 0\.0% +\|", result.Out);
        Assert.Matches(@"\| example\.com +\| 91 +\| 98\.9% +\|", result.Out);
    }

    [Fact]
    public async Task Failing_sources_are_classified_with_what_failed_and_what_to_fix()
    {
        using var folder = new TempFolder();
        folder.Write("report.xml", AggregateXml.Report(records:
        [
            AggregateXml.Record("198.51.100.7", 40, dkim: "fail", spf: "fail",
                authResults: AggregateXml.Dkim("sendgrid.net", "pass") + AggregateXml.Spf("bounces.vendor.com", "pass")),
            AggregateXml.Record("203.0.113.9", 25, dkim: "fail", spf: "fail", authResults: AggregateXml.Spf("example.com", "fail")),
            AggregateXml.Record("192.0.2.5", 3, dkim: "fail", spf: "fail", authResults: AggregateXml.Spf("mail.example.com", "pass")),
            AggregateXml.Record("192.0.2.1", 500),
        ]));

        var result = await CliRun.Dmarc("analyze", "--offline", folder.Path);

        Assert.Matches(@"\| 198\.51\.100\.7 +\| +\| example\.com +\| 40 +\| 40 +\| misaligned +\| misaligned +\| misconfigured +\| DKIM passes for d=sendgrid\.net: sign with your own domain", result.Out);
        Assert.Matches(@"\| 203\.0\.113\.9 +\| +\| example\.com +\| 25 +\| 25 +\| auth_fail +\| none +\| suspicious +\|", result.Out);
        Assert.DoesNotMatch(@"\| 192\.0\.2\.1 +\|", result.Out);
        Assert.True(result.Out.IndexOf("198.51.100.7", StringComparison.Ordinal) < result.Out.IndexOf("203.0.113.9", StringComparison.Ordinal),
            "the sources with most failing messages come first");
    }

    [Fact]
    public async Task A_reporter_that_fails_an_aligned_pass_is_named_as_seeing_it_differently()
    {
        using var folder = new TempFolder();
        folder.Write("report.xml", AggregateXml.Report(org: "odd-reporter.example", records:
        [
            AggregateXml.Record("192.0.2.5", 3, dkim: "fail", spf: "fail", authResults: AggregateXml.Spf("mail.example.com", "pass")),
        ]));

        var result = await CliRun.Dmarc("analyze", "--offline", folder.Path);

        Assert.Matches(@"\| odd-reporter\.example +\| 3 +\| 0 +\| 3 +\|", result.Out);
        Assert.DoesNotContain("Sources failing DMARC", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strict_alignment_makes_a_subdomain_pass_misaligned()
    {
        using var folder = new TempFolder();
        folder.Write("report.xml", AggregateXml.Report(policy: "<aspf>s</aspf><p>reject</p>", records:
        [
            AggregateXml.Record("192.0.2.5", 3, dkim: "fail", spf: "fail", authResults: AggregateXml.Spf("mail.example.com", "pass")),
        ]));

        var result = await CliRun.Dmarc("analyze", "--offline", folder.Path);

        Assert.Matches(@"\| 192\.0\.2\.5 +\| +\| example\.com +\| 3 +\| 3 +\| misaligned +\| none +\| misconfigured +\|", result.Out);
    }

    [Fact]
    public async Task Readiness_says_per_domain_what_a_stricter_policy_would_hit_and_what_to_publish_next()
    {
        using var folder = new TempFolder();
        folder.Write("report.xml", AggregateXml.Report(records:
        [
            AggregateXml.Record("192.0.2.1", 990),
            AggregateXml.Record("203.0.113.9", 10, dkim: "fail", spf: "fail", authResults: AggregateXml.Spf("spoofer.example", "fail")),
        ]));

        var result = await CliRun.Dmarc("analyze", "--offline", "--domain-kind", "example.com=transactional", folder.Path);

        Assert.Matches(@"\| example\.com +\| 1,000 +\| 99\.0% +\| 10 \(1\.0%\) +\| 10 \(1\.0%\) +\| yes +\| p=quarantine", result.Out);
    }

    [Fact]
    public async Task Json_output_is_the_documented_analysis_with_classes_and_days_in_the_chosen_time_zone()
    {
        using var folder = new TempFolder();
        folder.Write("report.xml", AggregateXml.Report(records:
        [
            AggregateXml.Record("198.51.100.7", 40, dkim: "fail", spf: "fail", authResults: AggregateXml.Dkim("sendgrid.net", "pass")),
            AggregateXml.Record("192.0.2.1", 60),
        ]));

        var result = await CliRun.Dmarc("analyze", "--offline", "--format", "json", "--time-zone", "Asia/Tokyo", folder.Path);

        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal("Asia/Tokyo", root.GetProperty("time_zone").GetString());
        var streams = root.GetProperty("streams").EnumerateArray().ToDictionary(s => s.GetProperty("source_ip").GetString()!, s => s);
        Assert.Equal("misconfigured", streams["198.51.100.7"].GetProperty("class").GetString());
        Assert.Equal("misaligned", streams["198.51.100.7"].GetProperty("dkim").GetString());
        Assert.Equal("compliant", streams["192.0.2.1"].GetProperty("class").GetString());
        var domain = Assert.Single(root.GetProperty("policy_domains").EnumerateArray());
        Assert.Equal(0.6, domain.GetProperty("pass_rate").GetDouble(), 6);
        Assert.True(domain.TryGetProperty("recommendation", out _));
    }

    [Theory]
    [InlineData("--time-zone", "Mars/Olympus_Mons", "unknown time zone")]
    [InlineData("--domain-kind", "example.com=newsletters", "is not DOMAIN=mailbox or DOMAIN=transactional")]
    public async Task Bad_option_values_are_usage_errors(string option, string value, string said)
    {
        using var folder = new TempFolder();
        folder.Write("report.xml", AggregateXml.Report(records: [AggregateXml.Record("192.0.2.1", 5)]));

        var result = await CliRun.Dmarc("analyze", "--offline", option, value, folder.Path);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(said, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inputs_without_a_report_are_listed_with_their_reason_and_do_not_count()
    {
        using var folder = new TempFolder();
        folder.Write("newsletter.eml", "From: shop@example.net\r\nSubject: Sale!\r\nContent-Type: text/plain\r\n\r\nBuy now.\r\n");
        folder.Write("report.xml", AggregateXml.Report(records: [AggregateXml.Record("192.0.2.1", 5)]));

        var result = await CliRun.Dmarc("analyze", "--offline", folder.Path);

        Assert.Equal(ExitCodes.SomeUnreadable, result.ExitCode);
        Assert.Contains("1 reports, 1 records, 5 messages", result.Out);
        Assert.Matches(@"\| .*newsletter\.eml +\| not a report +\| .+\|", result.Out);
    }

    [Fact]
    public async Task Piped_output_has_no_ansi_escape_codes()
    {
        using var folder = new TempFolder();
        folder.Write("report.xml", AggregateXml.Report(records: [AggregateXml.Record("192.0.2.1", 5, spf: "fail", dkim: "fail")]));

        var result = await CliRun.Dmarc("analyze", "--offline", folder.Path);

        Assert.DoesNotContain('\u001b', result.Out);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Offline_treewalk_reports_are_not_checked_against_the_PSL_and_the_output_says_so()
    {
        using var folder = new TempFolder();
        folder.Write("report.xml", AggregateXml.Report(policy: "<p>none</p><discovery_method>treewalk</discovery_method>", records:
        [
            AggregateXml.Record("192.0.2.1", 5, headerFrom: "mail.brand.example.com"),
        ]));

        var text = await CliRun.Dmarc("analyze", "--offline", folder.Path);
        var json = await CliRun.Dmarc("analyze", "--offline", "--format", "json", folder.Path);

        Assert.Equal(ExitCodes.AllRead, text.ExitCode);
        Assert.DoesNotContain("PSL and tree walk disagree", text.Out, StringComparison.Ordinal);
        Assert.Contains("1 report with discovery_method=treewalk: PSL and tree walk not checked (offline).", text.Out, StringComparison.Ordinal);
        using var document = System.Text.Json.JsonDocument.Parse(json.Out);
        var check = document.RootElement.GetProperty("discovery_check");
        Assert.Equal(("not_checked", "offline"), (check.GetProperty("status").GetString(), check.GetProperty("reason").GetString()));
        Assert.Empty(document.RootElement.GetProperty("discovery_differences").EnumerateArray());
    }

    [Fact]
    public async Task Where_PSL_and_tree_walk_disagree_the_view_shows_the_domain_with_both_organisational_domains()
    {
        var psl = Dmarc.Reports.Domains.PublicSuffixList.Default;
        var diagnosis = new Dmarc.Reports.Diagnosis.DmarcAnalysis(new Dmarc.Reports.Alignment.PublishedPolicyAligner(psl), psl);
        var xml = AggregateXml.Report(policy: "<p>none</p><discovery_method>treewalk</discovery_method>", records:
        [
            AggregateXml.Record("192.0.2.1", 5, headerFrom: "mail.brand.example.com"),
        ]);
        using (var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml)))
        {
            new Dmarc.Reports.ReportReader().Read(input, "report.xml", diagnosis, TestContext.Current.CancellationToken);
        }

        var records = new Dmarc.Reports.Domains.InMemoryDmarcRecords(new Dictionary<string, string> { ["example.com"] = "v=DMARC1; p=reject; psd=y" });
        using var enricher = Dmarc.Enrichment.SourceEnrichment.Create(new Dmarc.Enrichment.EnrichmentOptions { Offline = true }, psl);
        var result = await diagnosis.ResultAsync(enricher, records, TestContext.Current.CancellationToken);
        using var output = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Out = new Spectre.Console.AnsiConsoleOutput(output),
            Ansi = Spectre.Console.AnsiSupport.No,
            ColorSystem = Spectre.Console.ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 4096;

        new Dmarc.Cli.Analyze.AnalysisView(console, plain: true, top: 20).Render(new Dmarc.Cli.Analyze.Analysis(), result);

        Assert.Contains("PSL and tree walk disagree", output.ToString(), StringComparison.Ordinal);
        Assert.Matches(@"\| mail\.brand\.example\.com +\| example\.com +\| brand\.example\.com +\| 1 +\| 5 +\|", output.ToString());
        Assert.DoesNotContain("not checked", output.ToString(), StringComparison.Ordinal);
    }
}
