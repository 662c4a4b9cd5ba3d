using System.Globalization;
using System.Text.Json;
using Dmarc.Reports.Tls;

namespace Dmarc.Reports.Tests.Conformance;

/// <summary>
/// An SMTP TLS corpus file read by us agrees with parsedmarc 10.4.3's JSON of it: organisation, report id, period,
/// contact, every policy (domain, type, policy strings, MX hosts, counts) and every failure detail. IP addresses are
/// compared as addresses (parsedmarc copies the text, we write it canonically: the same address said another way).
/// Where we knowingly say something else, <see cref="Justified"/> names the file, the field, both values and why.
/// </summary>
internal static class TlsConformance
{
    private const string ParsedmarcRfc = "parsedmarc/smtp_tls/rfc8460.json";
    private const string CryIncRfc = "cry-inc-dmarc-report-viewer/testdata/smtp-tls-reports/rfc-example.json";
    private const string CryIncGoogle = "cry-inc-dmarc-report-viewer/testdata/smtp-tls-reports/google.json";
    private const string CryIncNoContact = "cry-inc-dmarc-report-viewer/testdata/smtp-tls-reports/no-contact.json";
    private const string MoxMicrosoft = "mjl--mox/testdata/tlsreports/microsoft.eml";
    private const string MoxGoogle = "mjl--mox/testdata/tlsreports/example.eml";

    private const string MxHostName =
        "RFC 8460 calls the MX host patterns \"mx-host\"; parsedmarc reads only the draft name \"mx-host-pattern\" and drops them, we keep them";

    private const string AdditionalInformationName =
        "RFC 8460 calls the failure's URI \"additional-information\"; parsedmarc reads only the draft name \"additional-info-uri\" and drops it, we keep it";

    private const string TimeWithoutZone =
        "Microsoft writes date-range times without a zone (not RFC 3339, which RFC 8460 requires); parsedmarc copies the text, we read it as UTC, "
        + "the time TLS reports are kept in (RFC 8460 4.1: a report covers a UTC day)";

    public static IReadOnlyList<JustifiedDifference> Justified { get; } =
    [
        new(ParsedmarcRfc, "policies[0].mx_hosts", "", "*.mail.company-y.example", MxHostName),
        new(ParsedmarcRfc, "policies[0].failure_details[1].additional_information", "",
            "https://reports.company-x.example/report_info?id=5065427c-23d3#StarttlsNotSupported", AdditionalInformationName),
        new(CryIncRfc, "policies[0].mx_hosts", "", "*.mail.company-y.example", MxHostName),
        new(CryIncRfc, "policies[0].failure_details[1].additional_information", "",
            "https://reports.company-x.example/report_info?id=5065427c-23d3#StarttlsNotSupported", AdditionalInformationName),
        new(CryIncGoogle, "policies[0].mx_hosts", "", "*.foo-bar.io", MxHostName),
        new(CryIncNoContact, "policies[0].mx_hosts", "", "mx: mx.server.com", MxHostName),
        new(MoxGoogle, "policies[0].mx_hosts", "", "komijn.test.xmox.nl", MxHostName),
        new(MoxMicrosoft, "begin", "2023-01-10T00:00:00", "2023-01-10T00:00:00Z", TimeWithoutZone),
        new(MoxMicrosoft, "end", "2023-01-10T23:59:59", "2023-01-10T23:59:59Z", TimeWithoutZone),
    ];

    public static void AgreesWithParsedmarc(string file, JsonElement parsedmarcReport, IReadOnlyList<ReportOutcome> outcomes)
    {
        if (outcomes is not [TlsReportParsed parsed])
        {
            Assert.Fail($"expected one SMTP TLS report in {file}, got: {Tls.TlsFixtures.Describe(outcomes)}");
            return;
        }

        Assert.True(parsed.Report.Errors.Count == 0, $"the report was read with errors: {string.Join(" | ", parsed.Report.Errors)}");
        var differences = Compare(ParsedmarcFields(parsedmarcReport), OurFields(parsed.Report));

        var justified = Justified.Where(entry => entry.File == file).ToList();
        var stale = justified.Where(entry => !differences.Any(difference => entry.Covers(file, difference))).ToList();
        var unexplained = differences.Where(difference => !justified.Any(entry => entry.Covers(file, difference))).ToList();

        Assert.True(stale.Count == 0, $"no longer a difference, remove from TlsConformance.Justified: {string.Join("; ", stale.Select(s => s.Field))}");
        Assert.True(unexplained.Count == 0, $"{unexplained.Count} difference(s) from parsedmarc:\n{string.Join("\n", unexplained)}");
    }

    private static List<Difference> Compare(Dictionary<string, string?> parsedmarc, Dictionary<string, string?> ours) =>
    [
        .. parsedmarc.Keys.Union(ours.Keys)
            .Select(field => new Difference(field, parsedmarc.GetValueOrDefault(field), ours.GetValueOrDefault(field)))
            .Where(difference => !string.Equals(difference.Parsedmarc ?? "", difference.Ours ?? "", StringComparison.Ordinal)),
    ];

    /// <summary>parsedmarc's report as flat fields; its draft key names are mapped to the RFC's.</summary>
    private static Dictionary<string, string?> ParsedmarcFields(JsonElement report)
    {
        var fields = new Dictionary<string, string?>
        {
            ["organization_name"] = Text(report, "organization_name"),
            ["report_id"] = Text(report, "report_id"),
            ["begin"] = Text(report, "begin_date"),
            ["end"] = Text(report, "end_date"),
            ["contact_info"] = Text(report, "contact_info"),
        };

        var policies = report.GetProperty("policies").EnumerateArray().ToList();
        fields["policies.count"] = Number(policies.Count);
        for (var i = 0; i < policies.Count; i++)
        {
            var policy = policies[i];
            var at = $"policies[{i}]";
            fields[$"{at}.policy_domain"] = Text(policy, "policy_domain");
            fields[$"{at}.policy_type"] = Text(policy, "policy_type");
            fields[$"{at}.policy_strings"] = Texts(policy, "policy_strings");
            fields[$"{at}.mx_hosts"] = Texts(policy, "mx_host_patterns");
            fields[$"{at}.successful_session_count"] = policy.GetProperty("successful_session_count").GetRawText();
            fields[$"{at}.failed_session_count"] = policy.GetProperty("failed_session_count").GetRawText();
            var details = policy.TryGetProperty("failure_details", out var list) ? list.EnumerateArray().ToList() : [];
            fields[$"{at}.failure_details.count"] = Number(details.Count);
            for (var j = 0; j < details.Count; j++)
            {
                var detail = details[j];
                var where = $"{at}.failure_details[{j}]";
                fields[$"{where}.result_type"] = Text(detail, "result_type");
                fields[$"{where}.failed_session_count"] = detail.GetProperty("failed_session_count").GetRawText();
                fields[$"{where}.sending_mta_ip"] = Ip(Text(detail, "sending_mta_ip"));
                fields[$"{where}.receiving_ip"] = Ip(Text(detail, "receiving_ip"));
                fields[$"{where}.receiving_mx_hostname"] = Text(detail, "receiving_mx_hostname");
                fields[$"{where}.receiving_mx_helo"] = Text(detail, "receiving_mx_helo");
                fields[$"{where}.additional_information"] = Text(detail, "additional_info_uri");
                fields[$"{where}.failure_reason_code"] = Text(detail, "failure_reason_code");
            }
        }

        return fields;
    }

    private static Dictionary<string, string?> OurFields(TlsReport report)
    {
        var fields = new Dictionary<string, string?>
        {
            ["organization_name"] = report.OrganizationName,
            ["report_id"] = report.ReportId,
            ["begin"] = Iso(report.Period.Begin),
            ["end"] = Iso(report.Period.End),
            ["contact_info"] = report.ContactInfo,
            ["policies.count"] = Number(report.Policies.Count),
        };

        for (var i = 0; i < report.Policies.Count; i++)
        {
            var policy = report.Policies[i];
            var at = $"policies[{i}]";
            fields[$"{at}.policy_domain"] = policy.Domain;
            fields[$"{at}.policy_type"] = policy.Type is { } type ? TlsResultTypes.Token(type) : null;
            fields[$"{at}.policy_strings"] = Joined(policy.PolicyStrings);
            fields[$"{at}.mx_hosts"] = Joined(policy.MxHosts);
            fields[$"{at}.successful_session_count"] = Number(policy.SuccessfulSessionCount);
            fields[$"{at}.failed_session_count"] = Number(policy.FailedSessionCount);
            fields[$"{at}.failure_details.count"] = Number(policy.FailureDetails.Count);
            for (var j = 0; j < policy.FailureDetails.Count; j++)
            {
                var detail = policy.FailureDetails[j];
                var where = $"{at}.failure_details[{j}]";
                fields[$"{where}.result_type"] = detail.ResultType;
                fields[$"{where}.failed_session_count"] = Number(detail.FailedSessionCount);
                fields[$"{where}.sending_mta_ip"] = Ip(detail.SendingMtaIp);
                fields[$"{where}.receiving_ip"] = Ip(detail.ReceivingIp);
                fields[$"{where}.receiving_mx_hostname"] = detail.ReceivingMxHostname;
                fields[$"{where}.receiving_mx_helo"] = detail.ReceivingMxHelo;
                fields[$"{where}.additional_information"] = detail.AdditionalInformation;
                fields[$"{where}.failure_reason_code"] = detail.FailureReasonCode;
            }
        }

        return fields;
    }

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Texts(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? Joined([.. value.EnumerateArray().Select(item => item.GetString() ?? "")])
            : null;

    private static string? Joined(IReadOnlyList<string> texts) => texts.Count == 0 ? null : string.Join(" | ", texts);

    private static string? Ip(string? text) => text is null ? null : Spelling.Ip(text);

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
