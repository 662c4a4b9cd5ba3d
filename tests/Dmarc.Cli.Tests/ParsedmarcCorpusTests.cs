using System.Text.Json;

namespace Dmarc.Cli.Tests;

/// <summary><c>dmarc parse --format parsedmarc</c> on real reports gives what parsedmarc 10.4.3 gives (offline, TZ=UTC).</summary>
public sealed class ParsedmarcCorpusTests
{
    public static readonly TheoryData<string> Files =
    [
        "parsedmarc/aggregate/!large-example.com!1711897200!1711983600.xml",
        "parsedmarc/extract_report/nice-input.xml",
        "parsedmarc/extract_report/nice-input.xml.gz",
        "parsedmarc/extract_report/nice-input.xml.zip",
        "parsedmarc/aggregate_invalid/report_with_upper_cased_pass.xml",
        "parsedmarc/aggregate/rfc9990-sample.xml",
        "parsedmarc/aggregate/old_draft_from_wiki.xml",
        "parsedmarc/aggregate/veeam.com!example.com!1530133200!1530219600.xml",
        "cry-inc-dmarc-report-viewer/testdata/dmarc-reports/acme.xml",
        "cry-inc-dmarc-report-viewer/testdata/dmarc-reports/webde.xml",
        "mjl--mox/testdata/dmarc-reports/yahoo.eml",
        "mjl--mox/testdata/dmarc-reports/outlook.eml",
    ];

    /// <summary>Filled in by a normal parsedmarc run (DNS, IP databases); all null offline and in Dmarc.</summary>
    private static readonly string[] _enrichment = ["reverse_dns", "country", "base_domain", "name", "type", "asn", "as_name", "as_domain"];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Report_matches_parsedmarcs_json(string file)
    {
        CorpusFiles.Require();
        var expected = CorpusFiles.Expected(file);

        var result = await CliRun.Dmarc("parse", CorpusFiles.PathOf(file));

        Assert.Equal(ExitCodes.AllRead, result.ExitCode);
        var line = Assert.Single(result.Lines);
        using var ours = JsonDocument.Parse(line);
        Assert.Equal(CorpusFiles.PathOf(file), ours.RootElement.GetProperty("source_file").GetString());
        Assert.Equal("aggregate", ours.RootElement.GetProperty("report_type").GetString());
        var differences = JsonDifferences.Between(ours.RootElement.GetProperty("report"), expected.GetProperty("report"), Ignored);
        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    [Fact]
    public async Task Keys_come_in_parsedmarcs_order()
    {
        CorpusFiles.Require();
        var result = await CliRun.Dmarc("parse", CorpusFiles.PathOf("parsedmarc/aggregate/rfc9990-sample.xml"));

        using var ours = JsonDocument.Parse(Assert.Single(result.Lines));
        var report = ours.RootElement.GetProperty("report");
        Assert.Equal(["xml_schema", "xml_namespace", "report_metadata", "policy_published", "records"], Names(report));
        Assert.Equal(
            ["org_name", "org_email", "org_extra_contact_info", "report_id", "begin_date", "end_date", "timespan_requires_normalization",
                "original_timespan_seconds", "errors", "generator"],
            Names(report.GetProperty("report_metadata")));
        Assert.Equal(["domain", "adkim", "aspf", "p", "sp", "pct", "fo", "np", "testing", "discovery_method"], Names(report.GetProperty("policy_published")));
        Assert.Equal(
            ["source", "count", "alignment", "policy_evaluated", "identifiers", "auth_results", "normalized_timespan", "interval_begin", "interval_end"],
            Names(report.GetProperty("records")[0]));
    }

    /// <summary>
    /// parsedmarc's <c>xml_namespace</c> is the first <c>xmlns</c> declaration of any prefix (Outlook's xsd/xsi ones);
    /// the core gives the namespace of the root element, which is what tells an RFC 9990 report.
    /// </summary>
    private static bool Ignored(string path) =>
        path == "/xml_namespace"
        || (path.StartsWith("/records[", StringComparison.Ordinal) && _enrichment.Any(field => path.EndsWith("/source/" + field, StringComparison.Ordinal)));

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
