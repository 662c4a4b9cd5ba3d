using System.Globalization;
using System.Text.Json;
using Dmarc.ReportGenerator;

namespace Dmarc.Reports.Tests.Generator;

/// <summary>The SMTP TLS reports the generator writes are JSON in the shape of RFC 8460 §4.</summary>
public sealed class TlsReportTests
{
    /// <summary>Every member name RFC 8460 §4.4 defines; a generated report may use no other.</summary>
    private static readonly HashSet<string> _rfc8460Members =
    [
        "organization-name", "date-range", "start-datetime", "end-datetime", "contact-info", "report-id", "policies",
        "policy", "policy-type", "policy-string", "policy-domain", "mx-host", "summary", "total-successful-session-count",
        "total-failure-session-count", "failure-details", "result-type", "sending-mta-ip", "receiving-mx-hostname",
        "receiving-mx-helo", "receiving-ip", "failed-session-count", "additional-information", "failure-reason-code",
    ];

    /// <summary>The result types of RFC 8460 §4.3, as the IANA registry lists them.</summary>
    private static readonly string[] _rfc8460ResultTypes =
    [
        "starttls-not-supported", "certificate-host-mismatch", "certificate-expired", "tlsa-invalid", "dnssec-invalid",
        "dane-required", "certificate-not-trusted", "sts-policy-invalid", "sts-webpki-invalid", "validation-failure",
        "sts-policy-fetch-error",
    ];

    public static TheoryData<string, string> ReportersAndPolicyTypes()
    {
        var data = new TheoryData<string, string>();
        foreach (var reporter in TlsReporter.All)
        {
            foreach (var policyType in new[] { TlsPolicyTypes.Sts, TlsPolicyTypes.Tlsa, TlsPolicyTypes.NoPolicyFound })
            {
                data.Add(reporter.Submitter, policyType);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReportersAndPolicyTypes))]
    public void A_report_is_valid_json_with_only_rfc_8460_member_names(string submitter, string policyType)
    {
        var reporter = TlsReporter.All.Single(r => r.Submitter == submitter);
        var report = SyntheticTlsReport.Daily(reporter, "example.com", new DateOnly(2026, 3, 2), seed: 5, failures: 3, policyType);

        using var json = Parse(report, reporter.IndentsJson);

        var names = new List<string>();
        CollectNames(json.RootElement, names);
        Assert.DoesNotContain(names, name => !_rfc8460Members.Contains(name));
        foreach (var required in new[] { "organization-name", "date-range", "report-id", "policies" })
        {
            Assert.True(json.RootElement.TryGetProperty(required, out _), $"{required} missing");
        }
    }

    [Fact]
    public void The_top_level_says_who_reports_which_day_in_rfc_3339_utc()
    {
        var report = SyntheticTlsReport.Daily(TlsReporter.Google, "example.net", new DateOnly(2026, 3, 4), seed: 1);

        using var json = Parse(report);
        var root = json.RootElement;

        Assert.Equal("Google Inc.", root.GetProperty("organization-name").GetString());
        Assert.Equal("smtp-tls-reporting@google.com", root.GetProperty("contact-info").GetString());
        Assert.Equal("2026-03-04T00:00:00Z", root.GetProperty("date-range").GetProperty("start-datetime").GetString());
        Assert.Equal("2026-03-04T23:59:59Z", root.GetProperty("date-range").GetProperty("end-datetime").GetString());
        var start = DateTimeOffset.Parse(root.GetProperty("date-range").GetProperty("start-datetime").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.Zero, start.Offset);
        Assert.Equal("2026-03-04T00:00:00Z_example.net", root.GetProperty("report-id").GetString());
    }

    [Fact]
    public void An_sts_policy_carries_its_policy_text_and_mx_hosts_and_the_failures_add_up_to_the_summary()
    {
        var report = SyntheticTlsReport.Daily(TlsReporter.Google, "example.com", new DateOnly(2026, 3, 2), seed: 9, failures: 4);

        using var json = Parse(report);
        var entry = Assert.Single(json.RootElement.GetProperty("policies").EnumerateArray());
        var policy = entry.GetProperty("policy");

        Assert.Equal("sts", policy.GetProperty("policy-type").GetString());
        Assert.Equal("example.com", policy.GetProperty("policy-domain").GetString());
        Assert.Contains("version: STSv1", policy.GetProperty("policy-string").EnumerateArray().Select(line => line.GetString()));
        Assert.NotEmpty(policy.GetProperty("mx-host").EnumerateArray());
        var failures = entry.GetProperty("failure-details").EnumerateArray().ToList();
        Assert.Equal(4, failures.Count);
        Assert.Equal(
            failures.Sum(failure => failure.GetProperty("failed-session-count").GetInt64()),
            entry.GetProperty("summary").GetProperty("total-failure-session-count").GetInt64());
        Assert.True(entry.GetProperty("summary").GetProperty("total-successful-session-count").GetInt64() > 0);
    }

    [Fact]
    public void No_policy_found_has_neither_policy_string_nor_mx_host()
    {
        var report = SyntheticTlsReport.Daily(TlsReporter.Google, "example.org", new DateOnly(2026, 3, 2), seed: 2, policyType: TlsPolicyTypes.NoPolicyFound);

        using var json = Parse(report);
        var policy = json.RootElement.GetProperty("policies")[0].GetProperty("policy");

        Assert.Equal("no-policy-found", policy.GetProperty("policy-type").GetString());
        Assert.False(policy.TryGetProperty("policy-string", out _));
        Assert.False(policy.TryGetProperty("mx-host", out _));
    }

    [Fact]
    public void Microsoft_leaves_out_mx_host_and_keeps_the_plus_in_its_report_id()
    {
        var report = SyntheticTlsReport.Daily(TlsReporter.Microsoft, "example.com", new DateOnly(2026, 3, 2), seed: 3);

        var text = System.Text.Encoding.UTF8.GetString(TlsReportWriter.ToBytes(report));
        using var json = JsonDocument.Parse(text);

        Assert.Equal("Microsoft Corporation", json.RootElement.GetProperty("organization-name").GetString());
        Assert.False(json.RootElement.GetProperty("policies")[0].GetProperty("policy").TryGetProperty("mx-host", out _));
        Assert.EndsWith("+example.com", json.RootElement.GetProperty("report-id").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\\u002B", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_result_type_of_rfc_8460_can_be_written_with_the_fields_it_needs()
    {
        var report = SyntheticTlsReport.WithFailures(TlsReporter.MailCoop, "example.com", new DateOnly(2026, 3, 2), seed: 4, _rfc8460ResultTypes);

        using var json = Parse(report, indented: true);
        var failures = json.RootElement.GetProperty("policies")[0].GetProperty("failure-details").EnumerateArray().ToList();

        Assert.Equal(_rfc8460ResultTypes, failures.Select(failure => failure.GetProperty("result-type").GetString()));
        Assert.Equal(_rfc8460ResultTypes.Order(), TlsResultTypes.All.Order());
        var expired = failures.Single(failure => failure.GetProperty("result-type").GetString() == "certificate-expired");
        Assert.StartsWith("192.0.2.", expired.GetProperty("receiving-ip").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("mx", expired.GetProperty("receiving-mx-hostname").GetString(), StringComparison.Ordinal);
        var untrusted = failures.Single(failure => failure.GetProperty("result-type").GetString() == "certificate-not-trusted");
        Assert.True(untrusted.TryGetProperty("failure-reason-code", out _), "RFC 8460 asks for a failure-reason-code with certificate-not-trusted");
    }

    [Fact]
    public void The_same_seed_writes_the_same_bytes_and_another_seed_other_bytes()
    {
        byte[] Write(long seed) => TlsReportWriter.ToBytes(
            SyntheticTlsReport.Daily(TlsReporter.MailCoop, "example.com", new DateOnly(2026, 3, 2), seed, failures: 2), indented: true);

        Assert.Equal(Write(11), Write(11));
        Assert.NotEqual(Write(11), Write(12));
    }

    private static JsonDocument Parse(TlsReportDocument report, bool indented = false) =>
        JsonDocument.Parse(TlsReportWriter.ToBytes(report, indented));

    private static void CollectNames(JsonElement element, List<string> names)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                names.Add(property.Name);
                CollectNames(property.Value, names);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                CollectNames(item, names);
            }
        }
    }
}
