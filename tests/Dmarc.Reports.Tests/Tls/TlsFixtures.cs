using System.Text;
using System.Text.Json.Nodes;
using Dmarc.Reports.Tls;

namespace Dmarc.Reports.Tests.Tls;

/// <summary>
/// SMTP TLS reports written for the tests as RFC 8460 describes them, built as JSON nodes so that a test can take a
/// field away or give it another value before it is written out.
/// </summary>
internal static class TlsFixtures
{
    /// <summary>A complete report: an MTA-STS policy with two kinds of failure, and a domain without policy.</summary>
    public static JsonObject Report() => new()
    {
        ["organization-name"] = "Sender Mail Inc.",
        ["date-range"] = new JsonObject
        {
            ["start-datetime"] = "2024-05-01T00:00:00Z",
            ["end-datetime"] = "2024-05-01T23:59:59Z",
        },
        ["contact-info"] = "tls-reports@sender.example",
        ["report-id"] = "2024-05-01T00:00:00Z_recipient.example",
        ["policies"] = new JsonArray
        {
            new JsonObject
            {
                ["policy"] = new JsonObject
                {
                    ["policy-type"] = "sts",
                    ["policy-string"] = new JsonArray("version: STSv1", "mode: enforce", "mx: *.mx.recipient.example", "max_age: 604800"),
                    ["policy-domain"] = "recipient.example",
                    ["mx-host"] = new JsonArray("*.mx.recipient.example"),
                },
                ["summary"] = new JsonObject
                {
                    ["total-successful-session-count"] = 1200,
                    ["total-failure-session-count"] = 7,
                },
                ["failure-details"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["result-type"] = "certificate-expired",
                        ["sending-mta-ip"] = "192.0.2.25",
                        ["receiving-mx-hostname"] = "mx1.mx.recipient.example",
                        ["receiving-mx-helo"] = "mx1.recipient.example",
                        ["receiving-ip"] = "198.51.100.7",
                        ["failed-session-count"] = 5,
                        ["additional-information"] = "https://sender.example/tls/why?id=1",
                        ["failure-reason-code"] = "X509_V_ERR_CERT_HAS_EXPIRED",
                    },
                    new JsonObject
                    {
                        ["result-type"] = "starttls-not-supported",
                        ["sending-mta-ip"] = "2001:db8:0:0::25",
                        ["receiving-mx-hostname"] = "mx2.mx.recipient.example",
                        ["receiving-ip"] = "2001:DB8:0000:0001::7",
                        ["failed-session-count"] = 2,
                    },
                },
            },
            new JsonObject
            {
                ["policy"] = new JsonObject
                {
                    ["policy-type"] = "no-policy-found",
                    ["policy-domain"] = "other.example",
                },
                ["summary"] = new JsonObject
                {
                    ["total-successful-session-count"] = 40,
                    ["total-failure-session-count"] = 0,
                },
            },
        },
    };

    /// <summary>The first policy entry of <paramref name="report"/> (the object with policy, summary, failure-details).</summary>
    public static JsonObject FirstPolicy(JsonObject report) => report["policies"]![0]!.AsObject();

    public static byte[] Bytes(JsonNode report) => Encoding.UTF8.GetBytes(report.ToJsonString());

    public static IReadOnlyList<ReportOutcome> Read(JsonNode report, ReportLimits? limits = null) => Support.Read.All(Bytes(report), limits);

    /// <summary>The one TLS report the outcomes must be.</summary>
    public static TlsReport Single(IReadOnlyList<ReportOutcome> outcomes)
    {
        if (outcomes is not [TlsReportParsed parsed])
        {
            Assert.Fail($"expected exactly one parsed SMTP TLS report, got: {Describe(outcomes)}");
            throw new InvalidOperationException("unreachable");
        }

        return parsed.Report;
    }

    public static TlsReport SingleReport(JsonNode report) => Single(Read(report));

    public static string Describe(IEnumerable<ReportOutcome> outcomes) => string.Join("; ", outcomes.Select(outcome => outcome switch
    {
        TlsReportParsed parsed =>
            $"TLS report [{parsed.Part}] {parsed.Report.OrganizationName} {parsed.Report.ReportId} ({parsed.Report.Policies.Count} policies, errors: {string.Join(" | ", parsed.Report.Errors)})",
        _ => Support.Read.Describe([outcome]),
    }));
}
