using System.Text.Json;

namespace Dmarc.Cli.Tests;

/// <summary><c>dmarc parse --format json</c>: Dmarc's own schema (docs/json-format.md).</summary>
public sealed class DmarcJsonFormatTests
{
    private static readonly string _report = AggregateXml.Report(
        org: "Mail.Example",
        domain: "example.com",
        policy: "<adkim>s</adkim><p>quarantine</p><pct>50</pct><np>reject</np><testing>y</testing><discovery_method>treewalk</discovery_method>",
        metadataExtra: "<error>something odd</error>",
        records:
        [
            AggregateXml.Record("192.0.2.1", 7, dkim: "fail", spf: "fail", disposition: "quarantine",
                authResults: AggregateXml.Dkim("sendgrid.net", "pass") + AggregateXml.Spf("example.com", "softfail"),
                reasons: "<reason><type>sampled_out</type><comment>50%</comment></reason>"),
        ]);

    [Fact]
    public async Task A_report_line_has_identity_hash_period_policy_and_errors_in_dmarc_words()
    {
        var line = await ParseJson(_report);

        Assert.Equal("aggregate", line.GetProperty("report_type").GetString());
        Assert.Equal(JsonValueKind.Null, line.GetProperty("part").ValueKind);
        var report = line.GetProperty("report");
        Assert.Equal("mail.example|r1|example.com|1700006400|1700092799", report.GetProperty("identity").GetString());
        Assert.Matches("^[0-9a-f]{64}$", report.GetProperty("payload_sha256").GetString());
        Assert.Equal("Mail.Example", report.GetProperty("reporter").GetProperty("org_name").GetString());
        Assert.Equal("2023-11-15T00:00:00Z", report.GetProperty("period").GetProperty("begin").GetString());
        Assert.Equal("2023-11-15T23:59:59Z", report.GetProperty("period").GetProperty("end").GetString());
        Assert.Equal(86_399, report.GetProperty("period").GetProperty("seconds").GetInt64());

        var policy = report.GetProperty("policy_published");
        Assert.Equal(("s", "r", "quarantine", "reject"), (policy.GetProperty("adkim").GetString(), policy.GetProperty("aspf").GetString(),
            policy.GetProperty("p").GetString(), policy.GetProperty("np").GetString()));
        Assert.Equal(JsonValueKind.Null, policy.GetProperty("sp").ValueKind);
        Assert.Equal("quarantine", policy.GetProperty("effective_sp").GetString());
        Assert.Equal(50, policy.GetProperty("pct").GetInt32());
        Assert.Equal(("y", "treewalk"), (policy.GetProperty("testing").GetString(), policy.GetProperty("discovery_method").GetString()));

        var error = Assert.Single(report.GetProperty("errors").EnumerateArray());
        Assert.Equal(("reporter", "something odd"), (error.GetProperty("source").GetString(), error.GetProperty("message").GetString()));
        Assert.Equal(1, report.GetProperty("record_count").GetInt64());
    }

    [Fact]
    public async Task Records_carry_the_reporters_verdicts_and_the_raw_results_as_rfc_tokens()
    {
        var record = (await ParseJson(_report)).GetProperty("report").GetProperty("records")[0];

        Assert.Equal(("192.0.2.1", 7), (record.GetProperty("source_ip").GetString(), record.GetProperty("count").GetInt32()));
        var evaluated = record.GetProperty("policy_evaluated");
        Assert.Equal(("quarantine", "fail", "fail", "fail"), (evaluated.GetProperty("disposition").GetString(),
            evaluated.GetProperty("dkim").GetString(), evaluated.GetProperty("spf").GetString(), evaluated.GetProperty("dmarc").GetString()));
        var reason = Assert.Single(evaluated.GetProperty("reasons").EnumerateArray());
        Assert.Equal(("sampled_out", "50%"), (reason.GetProperty("type").GetString(), reason.GetProperty("comment").GetString()));
        var dkim = record.GetProperty("auth_results").GetProperty("dkim")[0];
        Assert.Equal(("sendgrid.net", "s1", "pass"), (dkim.GetProperty("domain").GetString(), dkim.GetProperty("selector").GetString(),
            dkim.GetProperty("result").GetString()));
        var spf = record.GetProperty("auth_results").GetProperty("spf")[0];
        Assert.Equal(("mfrom", "softfail"), (spf.GetProperty("scope").GetString(), spf.GetProperty("result").GetString()));
        Assert.Equal("example.com", record.GetProperty("identifiers").GetProperty("header_from").GetString());
    }

    [Fact]
    public async Task An_input_without_a_report_is_a_line_with_its_reason()
    {
        var result = await CliRun.WithInput("just some text"u8.ToArray(), "parse", "--format", "json", "-");

        Assert.Equal(ExitCodes.SomeUnreadable, result.ExitCode);
        using var line = JsonDocument.Parse(Assert.Single(result.Lines));
        Assert.Equal(("-", "not_a_report"), (line.RootElement.GetProperty("source").GetString(), line.RootElement.GetProperty("report_type").GetString()));
        Assert.False(string.IsNullOrEmpty(line.RootElement.GetProperty("reason").GetString()));
    }

    private static async Task<JsonElement> ParseJson(string xml)
    {
        var result = await CliRun.WithInput(System.Text.Encoding.UTF8.GetBytes(xml), "parse", "--format", "json", "-");
        Assert.Equal(ExitCodes.AllRead, result.ExitCode);
        using var document = JsonDocument.Parse(Assert.Single(result.Lines));
        return document.RootElement.Clone();
    }
}
