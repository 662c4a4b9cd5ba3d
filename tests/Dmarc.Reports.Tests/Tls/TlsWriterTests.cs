using System.Text.Json;
using Dmarc.Reports.Formats;
using Dmarc.Reports.Tests.Conformance;
using static Dmarc.Reports.Tests.Tls.TlsFixtures;

namespace Dmarc.Reports.Tests.Tls;

/// <summary>
/// The two JSON shapes of a TLS report. The parsedmarc shape must be parsedmarc 10.4.3's own JSON of every corpus
/// TLS report, compared as JSON values; the few places where we knowingly write something else are named below.
/// </summary>
public sealed class TlsWriterTests
{
    private const string ParsedmarcRfc = "parsedmarc/smtp_tls/rfc8460.json";
    private const string CryIncRfc = "cry-inc-dmarc-report-viewer/testdata/smtp-tls-reports/rfc-example.json";
    private const string MoxMicrosoft = "mjl--mox/testdata/tlsreports/microsoft.eml";
    private const string CryIncNoContact = "cry-inc-dmarc-report-viewer/testdata/smtp-tls-reports/no-contact.json";

    private const string CanonicalIp =
        "parsedmarc copies the IP text; we write IPv6 addresses canonically (leading zeros dropped), as for aggregate source IPs";

    private const string TimeWithoutZone =
        "Microsoft sends times without a zone; parsedmarc copies the text, we write the UTC time we read it as, with its Z";

    private const string EmptyFailureDetails =
        "the report sends an empty failure-details list; parsedmarc copies it, we write failure_details only when there are "
        + "failures (as parsedmarc does for a report that leaves the list out: the two mean the same)";

    private static readonly JustifiedDifference[] _justified =
    [
        new(ParsedmarcRfc, "policies[0].failure_details[0].sending_mta_ip", "2001:db8:abcd:0012::1", "2001:db8:abcd:12::1", CanonicalIp),
        new(ParsedmarcRfc, "policies[0].failure_details[1].sending_mta_ip", "2001:db8:abcd:0013::1", "2001:db8:abcd:13::1", CanonicalIp),
        new(CryIncRfc, "policies[0].failure_details[0].sending_mta_ip", "2001:db8:abcd:0012::1", "2001:db8:abcd:12::1", CanonicalIp),
        new(CryIncRfc, "policies[0].failure_details[1].sending_mta_ip", "2001:db8:abcd:0013::1", "2001:db8:abcd:13::1", CanonicalIp),
        new(MoxMicrosoft, "begin_date", "2023-01-10T00:00:00", "2023-01-10T00:00:00Z", TimeWithoutZone),
        new(MoxMicrosoft, "end_date", "2023-01-10T23:59:59", "2023-01-10T23:59:59Z", TimeWithoutZone),
        new(CryIncNoContact, "policies[0].failure_details", "[]", "(absent)", EmptyFailureDetails),
    ];

    /// <summary>The corpus files parsedmarc read as SMTP TLS reports, one row each.</summary>
    public static IEnumerable<TheoryDataRow<string>> TlsCorpusFiles()
    {
        var files = Corpus.Folder is null
            ? []
            : Corpus.Files().Where(IsTlsReport).ToList();
        return (files.Count == 0 ? [Corpus.Missing] : files)
            .Select(file => new TheoryDataRow<string>(file) { TestDisplayName = $"parsedmarc JSON of {file} is parsedmarc's own" });
    }

    [Theory]
    [MemberData(nameof(TlsCorpusFiles))]
    public void Our_parsedmarc_JSON_of_a_corpus_TLS_report_is_parsedmarcs_own(string file)
    {
        Corpus.Require();
        using var expected = Corpus.Expected(file);
        using var input = File.OpenRead(Corpus.PathOf(file));
        var report = Single(new ReportReader().ReadAll(input, file, TestContext.Current.CancellationToken));

        using var ours = JsonDocument.Parse(Written(writer => ParsedmarcTlsJson.Write(writer, report)));
        var differences = new List<Difference>();
        CompareValues("", expected.RootElement.GetProperty("report"), ours.RootElement, differences);

        var justified = _justified.Where(entry => entry.File == file).ToList();
        var stale = justified.Where(entry => !differences.Any(difference => entry.Covers(file, difference))).ToList();
        var unexplained = differences.Where(difference => !justified.Any(entry => entry.Covers(file, difference))).ToList();
        Assert.True(stale.Count == 0, $"no longer a difference, remove it: {string.Join("; ", stale.Select(s => s.Field))}");
        Assert.True(unexplained.Count == 0, $"{unexplained.Count} difference(s) from parsedmarc:\n{string.Join("\n", unexplained)}");
    }

    [Fact]
    public void There_are_twelve_TLS_reports_in_the_corpus_and_every_justified_difference_names_one()
    {
        Corpus.Require();
        var files = Corpus.Files().Where(IsTlsReport).ToHashSet();

        Assert.Equal(12, files.Count);
        Assert.All(_justified.Concat(TlsConformance.Justified), entry => Assert.Contains(entry.File, files));
    }

    [Fact]
    public void The_parsedmarc_shape_keeps_parsedmarcs_key_order_and_leaves_out_what_a_report_does_not_have()
    {
        var report = SingleReport(Report());

        using var json = JsonDocument.Parse(Written(writer => ParsedmarcTlsJson.Write(writer, report)));

        var root = json.RootElement;
        Assert.Equal(["organization_name", "begin_date", "end_date", "contact_info", "report_id", "policies"], Keys(root));
        var policies = root.GetProperty("policies");
        Assert.Equal(["policy_domain", "policy_type", "policy_strings", "successful_session_count", "failed_session_count", "failure_details"],
            Keys(policies[0]));
        Assert.Equal(["policy_domain", "policy_type", "successful_session_count", "failed_session_count"], Keys(policies[1]));
        Assert.Equal(["result_type", "failed_session_count", "sending_mta_ip", "receiving_ip", "receiving_mx_hostname", "receiving_mx_helo",
            "failure_reason_code"], Keys(policies[0].GetProperty("failure_details")[0]));
        Assert.Equal("2024-05-01T00:00:00Z", root.GetProperty("begin_date").GetString());
        Assert.Equal("no-policy-found", policies[1].GetProperty("policy_type").GetString());
    }

    [Fact]
    public void The_Dmarc_shape_has_every_key_and_every_value_of_the_report()
    {
        var json = Report();
        json.Remove("contact-info");
        FirstPolicy(json)["policy"]!.AsObject().Remove("policy-domain");
        var report = SingleReport(json);

        using var document = JsonDocument.Parse(Written(writer => DmarcTlsJson.Write(writer, report)));

        var root = document.RootElement;
        Assert.Equal(["identity", "report_id", "payload_sha256", "reporter", "period", "errors", "policy_count", "policies"], Keys(root));
        Assert.Equal(report.Identity.ToString(), root.GetProperty("identity").GetString());
        Assert.Equal(report.PayloadSha256, root.GetProperty("payload_sha256").GetString());
        Assert.Equal("Sender Mail Inc.", root.GetProperty("reporter").GetProperty("organization_name").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("reporter").GetProperty("contact_info").ValueKind);
        Assert.Equal("2024-05-01T23:59:59Z", root.GetProperty("period").GetProperty("end").GetString());
        Assert.Equal(86_399, root.GetProperty("period").GetProperty("seconds").GetInt64());
        var error = Assert.Single(root.GetProperty("errors").EnumerateArray().ToList());
        Assert.Equal("$.policies[0].policy.policy-domain", error.GetProperty("path").GetString());

        Assert.Equal(1, root.GetProperty("policy_count").GetInt32());
        var policy = root.GetProperty("policies")[0];
        Assert.Equal(["policy_type", "policy_domain", "policy_strings", "mx_hosts", "successful_session_count", "failed_session_count",
            "failure_details"], Keys(policy));
        Assert.Equal("no-policy-found", policy.GetProperty("policy_type").GetString());
        Assert.Equal(0, policy.GetProperty("mx_hosts").GetArrayLength());
        Assert.Equal(40, policy.GetProperty("successful_session_count").GetInt64());
    }

    [Fact]
    public void The_Dmarc_shape_writes_every_failure_field_and_null_for_those_not_sent()
    {
        var report = SingleReport(Report());

        using var document = JsonDocument.Parse(Written(writer => DmarcTlsJson.Write(writer, report)));

        var policy = document.RootElement.GetProperty("policies")[0];
        Assert.Equal(["*.mx.recipient.example"], policy.GetProperty("mx_hosts").EnumerateArray().Select(host => host.GetString()));
        var details = policy.GetProperty("failure_details");
        Assert.Equal(["result_type", "failed_session_count", "sending_mta_ip", "receiving_ip", "receiving_mx_hostname", "receiving_mx_helo",
            "additional_information", "failure_reason_code"], Keys(details[0]));
        Assert.Equal("https://sender.example/tls/why?id=1", details[0].GetProperty("additional_information").GetString());
        Assert.Equal("2001:db8::25", details[1].GetProperty("sending_mta_ip").GetString());
        Assert.Equal(JsonValueKind.Null, details[1].GetProperty("receiving_mx_helo").ValueKind);
    }

    private static bool IsTlsReport(string file)
    {
        var path = Path.Combine(Corpus.ExpectedFolder, file + ".json");
        if (!File.Exists(path))
        {
            return false;
        }

        using var expected = JsonDocument.Parse(File.ReadAllBytes(path));
        return expected.RootElement.TryGetProperty("report_type", out var type) && type.ValueKind == JsonValueKind.String
            && type.GetString() == "smtp_tls";
    }

    private static byte[] Written(Action<Utf8JsonWriter> write)
    {
        using var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output))
        {
            write(writer);
        }

        return output.ToArray();
    }

    private static List<string> Keys(JsonElement element) => [.. element.EnumerateObject().Select(property => property.Name)];

    /// <summary>Compares two JSON values: objects by their keys (in any order), lists element by element, scalars by value.</summary>
    private static void CompareValues(string path, JsonElement expected, JsonElement actual, List<Difference> differences)
    {
        if (expected.ValueKind == JsonValueKind.Object && actual.ValueKind == JsonValueKind.Object)
        {
            var names = Keys(expected).Union(Keys(actual));
            foreach (var name in names)
            {
                var at = path.Length == 0 ? name : $"{path}.{name}";
                var inExpected = expected.TryGetProperty(name, out var e);
                var inActual = actual.TryGetProperty(name, out var a);
                if (inExpected && inActual)
                {
                    CompareValues(at, e, a, differences);
                }
                else
                {
                    differences.Add(new Difference(at, inExpected ? e.GetRawText() : "(absent)", inActual ? a.GetRawText() : "(absent)"));
                }
            }

            return;
        }

        if (expected.ValueKind == JsonValueKind.Array && actual.ValueKind == JsonValueKind.Array)
        {
            if (expected.GetArrayLength() != actual.GetArrayLength())
            {
                differences.Add(new Difference(path, expected.GetRawText(), actual.GetRawText()));
                return;
            }

            for (var i = 0; i < expected.GetArrayLength(); i++)
            {
                CompareValues($"{path}[{i}]", expected[i], actual[i], differences);
            }

            return;
        }

        var (expectedValue, actualValue) = (Scalar(expected), Scalar(actual));
        if (expected.ValueKind != actual.ValueKind || expectedValue != actualValue)
        {
            differences.Add(new Difference(path, expectedValue, actualValue));
        }
    }

    private static string Scalar(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
