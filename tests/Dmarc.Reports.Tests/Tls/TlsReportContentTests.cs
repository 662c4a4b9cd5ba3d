using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Dmarc.Reports.Tls;
using static Dmarc.Reports.Tests.Tls.TlsFixtures;

namespace Dmarc.Reports.Tests.Tls;

/// <summary>What an SMTP TLS report says arrives in the model: every field, and the spellings senders use.</summary>
public sealed class TlsReportContentTests
{
    [Fact]
    public void Every_field_of_a_complete_report_is_read()
    {
        var bytes = Bytes(Report());

        var report = Single(Support.Read.All(bytes));

        Assert.Equal("Sender Mail Inc.", report.OrganizationName);
        Assert.Equal("2024-05-01T00:00:00Z_recipient.example", report.ReportId);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero), report.Period.Begin);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 23, 59, 59, TimeSpan.Zero), report.Period.End);
        Assert.Equal("tls-reports@sender.example", report.ContactInfo);
        Assert.Empty(report.Errors);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), report.PayloadSha256);

        Assert.Equal(2, report.Policies.Count);
        var sts = report.Policies[0];
        Assert.Equal(TlsPolicyType.Sts, sts.Type);
        Assert.Equal("recipient.example", sts.Domain);
        Assert.Equal(["version: STSv1", "mode: enforce", "mx: *.mx.recipient.example", "max_age: 604800"], sts.PolicyStrings);
        Assert.Equal(["*.mx.recipient.example"], sts.MxHosts);
        Assert.Equal((1200, 7), (sts.SuccessfulSessionCount, sts.FailedSessionCount));

        Assert.Equal(2, sts.FailureDetails.Count);
        var expired = sts.FailureDetails[0];
        Assert.Equal(TlsResultTypes.CertificateExpired, expired.ResultType);
        Assert.Equal(5, expired.FailedSessionCount);
        Assert.Equal("192.0.2.25", expired.SendingMtaIp);
        Assert.Equal("198.51.100.7", expired.ReceivingIp);
        Assert.Equal("mx1.mx.recipient.example", expired.ReceivingMxHostname);
        Assert.Equal("mx1.recipient.example", expired.ReceivingMxHelo);
        Assert.Equal("https://sender.example/tls/why?id=1", expired.AdditionalInformation);
        Assert.Equal("X509_V_ERR_CERT_HAS_EXPIRED", expired.FailureReasonCode);

        var noPolicy = report.Policies[1];
        Assert.Equal(TlsPolicyType.NoPolicyFound, noPolicy.Type);
        Assert.Equal("other.example", noPolicy.Domain);
        Assert.Equal((40, 0), (noPolicy.SuccessfulSessionCount, noPolicy.FailedSessionCount));
        Assert.Empty(noPolicy.PolicyStrings);
        Assert.Empty(noPolicy.MxHosts);
        Assert.Empty(noPolicy.FailureDetails);
    }

    [Fact]
    public void The_identity_is_organisation_report_id_and_period()
    {
        var report = SingleReport(Report());

        // 2024-05-01T00:00:00Z is 1714521600 Unix seconds; the end is a day less one second later.
        Assert.Equal("sender mail inc.|2024-05-01T00:00:00Z_recipient.example|1714521600|1714607999", report.Identity.ToString());
    }

    [Fact]
    public void IPv6_addresses_are_written_canonically_like_aggregate_source_ips()
    {
        var detail = SingleReport(Report()).Policies[0].FailureDetails[1];

        Assert.Equal("2001:db8::25", detail.SendingMtaIp);
        Assert.Equal("2001:db8:0:1::7", detail.ReceivingIp);
    }

    [Fact]
    public void Missing_optional_fields_are_tolerated()
    {
        var json = Report();
        json.Remove("contact-info");
        var entry = FirstPolicy(json);
        entry["policy"]!.AsObject().Remove("policy-string");
        entry["policy"]!.AsObject().Remove("mx-host");
        entry.Remove("failure-details");

        var report = SingleReport(json);

        Assert.Null(report.ContactInfo);
        Assert.Empty(report.Policies[0].PolicyStrings);
        Assert.Empty(report.Policies[0].MxHosts);
        Assert.Empty(report.Policies[0].FailureDetails);
        Assert.Equal(1200, report.Policies[0].SuccessfulSessionCount);
        Assert.Empty(report.Errors);
    }

    [Fact]
    public void A_null_contact_is_no_contact()
    {
        var json = Report();
        json["contact-info"] = null;

        Assert.Null(SingleReport(json).ContactInfo);
    }

    [Fact]
    public void Failure_details_without_IPs_or_host_names_are_kept()
    {
        var json = Report();
        FirstPolicy(json)["failure-details"] = new JsonArray
        {
            new JsonObject { ["result-type"] = "sts-policy-fetch-error", ["failed-session-count"] = 3 },
        };

        var report = SingleReport(json);

        var detail = Assert.Single(report.Policies[0].FailureDetails);
        Assert.Equal(TlsResultTypes.StsPolicyFetchError, detail.ResultType);
        Assert.Equal(3, detail.FailedSessionCount);
        Assert.Null(detail.SendingMtaIp);
        Assert.Null(detail.ReceivingIp);
        Assert.Null(detail.ReceivingMxHostname);
        Assert.Null(detail.ReceivingMxHelo);
        Assert.Null(detail.AdditionalInformation);
        Assert.Null(detail.FailureReasonCode);
        Assert.Empty(report.Errors);
    }

    [Fact]
    public void A_policy_without_domain_is_an_error_of_the_report_and_the_other_policies_are_kept()
    {
        var json = Report();
        FirstPolicy(json)["policy"]!.AsObject().Remove("policy-domain");

        var report = SingleReport(json);

        var kept = Assert.Single(report.Policies);
        Assert.Equal("other.example", kept.Domain);
        var error = Assert.Single(report.Errors);
        Assert.Equal("$.policies[0].policy.policy-domain", error.Path);
        // The sessions of the dropped policy are named, so that nothing is lost silently.
        Assert.Contains("1200 successful and 7 failed sessions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_entry_without_its_policy_object_is_an_error_too()
    {
        var json = Report();
        FirstPolicy(json).Remove("policy");

        var report = SingleReport(json);

        Assert.Equal("other.example", Assert.Single(report.Policies).Domain);
        Assert.Equal("$.policies[0].policy", Assert.Single(report.Errors).Path);
    }

    [Fact]
    public void Policy_entries_and_failure_details_that_are_not_objects_are_skipped_with_an_error()
    {
        var json = Report();
        FirstPolicy(json)["failure-details"] = new JsonArray(7);
        json["policies"]!.AsArray().Insert(0, "sts recipient.example");

        var report = SingleReport(json);

        Assert.Equal(["recipient.example", "other.example"], report.Policies.Select(policy => policy.Domain));
        Assert.Empty(report.Policies[0].FailureDetails);
        Assert.Equal(["$.policies[0]", "$.policies[1].failure-details[0]"], report.Errors.Select(error => error.Path));
    }

    [Theory]
    [InlineData("sts", TlsPolicyType.Sts)]
    [InlineData("STS", TlsPolicyType.Sts)]
    [InlineData(" tlsa ", TlsPolicyType.Tlsa)]
    [InlineData("TLSA", TlsPolicyType.Tlsa)]
    [InlineData("no-policy-found", TlsPolicyType.NoPolicyFound)]
    [InlineData("No-Policy-Found", TlsPolicyType.NoPolicyFound)]
    [InlineData("no_policy_found", TlsPolicyType.NoPolicyFound)]
    public void Policy_types_are_read_in_any_case(string sent, TlsPolicyType expected)
    {
        var json = Report();
        FirstPolicy(json)["policy"]!["policy-type"] = sent;

        var report = SingleReport(json);

        Assert.Equal(expected, report.Policies[0].Type);
        Assert.Empty(report.Errors);
    }

    [Fact]
    public void An_unknown_policy_type_keeps_the_policy_and_is_an_error()
    {
        var json = Report();
        FirstPolicy(json)["policy"]!["policy-type"] = "dane-ee";

        var report = SingleReport(json);

        Assert.Null(report.Policies[0].Type);
        Assert.Equal(1200, report.Policies[0].SuccessfulSessionCount);
        var error = Assert.Single(report.Errors);
        Assert.Equal("$.policies[0].policy.policy-type", error.Path);
        Assert.Contains("dane-ee", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("certificate-expired", "certificate-expired")]
    [InlineData("Certificate-Expired", "certificate-expired")]
    [InlineData("CERTIFICATE_EXPIRED", "certificate-expired")]
    [InlineData("sts-webpki-invalid", "sts-webpki-invalid")]
    [InlineData("tls-1.0-only", "tls-1.0-only")]
    [InlineData("Some-Vendor-Result", "Some-Vendor-Result")]
    public void Known_result_types_get_their_RFC_spelling_and_unknown_ones_are_kept_as_sent(string sent, string expected)
    {
        var json = Report();
        FirstPolicy(json)["failure-details"]![0]!["result-type"] = sent;

        var report = SingleReport(json);

        Assert.Equal(expected, report.Policies[0].FailureDetails[0].ResultType);
        Assert.Empty(report.Errors);
    }

    [Fact]
    public void Counts_are_64_bit_and_may_come_as_text()
    {
        var json = Report();
        var summary = FirstPolicy(json)["summary"]!;
        summary["total-successful-session-count"] = 5_000_000_000L;
        summary["total-failure-session-count"] = "12";

        var report = SingleReport(json);

        Assert.Equal(5_000_000_000L, report.Policies[0].SuccessfulSessionCount);
        Assert.Equal(12, report.Policies[0].FailedSessionCount);
        Assert.Empty(report.Errors);
    }

    [Theory]
    [InlineData("-3")]
    [InlineData("\"many\"")]
    [InlineData("2.5")]
    [InlineData("[]")]
    public void A_count_that_is_not_a_number_of_sessions_reads_as_zero_with_an_error(string count)
    {
        var json = Report();
        FirstPolicy(json)["summary"]!["total-failure-session-count"] = JsonNode.Parse(count);

        var report = SingleReport(json);

        Assert.Equal(0, report.Policies[0].FailedSessionCount);
        Assert.Equal(1200, report.Policies[0].SuccessfulSessionCount);
        Assert.Equal("$.policies[0].summary.total-failure-session-count", Assert.Single(report.Errors).Path);
    }

    [Fact]
    public void A_policy_without_summary_counts_nothing_and_says_so()
    {
        var json = Report();
        FirstPolicy(json).Remove("summary");

        var report = SingleReport(json);

        Assert.Equal((0, 0), (report.Policies[0].SuccessfulSessionCount, report.Policies[0].FailedSessionCount));
        Assert.Equal("$.policies[0].summary", Assert.Single(report.Errors).Path);
    }

    [Fact]
    public void A_single_mx_host_text_is_a_list_of_one_as_in_the_RFC_example()
    {
        var json = Report();
        FirstPolicy(json)["policy"]!["mx-host"] = "*.mx.recipient.example";

        Assert.Equal(["*.mx.recipient.example"], SingleReport(json).Policies[0].MxHosts);
    }

    [Fact]
    public void The_policy_domain_is_compared_in_lower_case_without_trailing_dot()
    {
        var json = Report();
        FirstPolicy(json)["policy"]!["policy-domain"] = "Recipient.Example.";

        Assert.Equal("recipient.example", SingleReport(json).Policies[0].Domain);
    }

    [Theory]
    [InlineData("2024-05-01T00:00:00Z", "2024-05-01T00:00:00Z")]
    [InlineData("2024-05-01T02:00:00+02:00", "2024-05-01T00:00:00Z")]
    [InlineData("2024-05-01T00:00:00", "2024-05-01T00:00:00Z")]
    [InlineData("2024-05-01T00:00:00.000Z", "2024-05-01T00:00:00Z")]
    public void Times_are_read_as_UTC_and_a_time_without_zone_is_taken_as_UTC(string sent, string expected)
    {
        var json = Report();
        json["date-range"]!["start-datetime"] = sent;

        var begin = SingleReport(json).Period.Begin;

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), begin);
        Assert.Equal(TimeSpan.Zero, begin.Offset);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_harmless()
    {
        var text = """
            {   // written by hand
                "organization-name": "Sender Mail Inc.", /* the sender */
             "date-range": {"start-datetime": "2024-05-01T00:00:00Z", "end-datetime": "2024-05-01T23:59:59Z",},
             "report-id": "r-1",
             "policies": [{"policy": {"policy-type": "sts", "policy-domain": "recipient.example",},
                           "summary": {"total-successful-session-count": 1, "total-failure-session-count": 0,},},],
            }
            """;

        var report = Single(Support.Read.All(text));

        Assert.Equal("recipient.example", Assert.Single(report.Policies).Domain);
        Assert.Empty(report.Errors);
    }

    [Fact]
    public void A_byte_order_mark_before_the_JSON_is_skipped_but_hashed()
    {
        var bytes = (byte[])[0xEF, 0xBB, 0xBF, .. Bytes(Report())];

        var report = Single(Support.Read.All(bytes));

        Assert.Equal("Sender Mail Inc.", report.OrganizationName);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), report.PayloadSha256);
    }

    [Fact]
    public void A_UTF16_report_is_read()
    {
        var bytes = (byte[])[0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Report().ToJsonString())];

        Assert.Equal("Sender Mail Inc.", Single(Support.Read.All(bytes)).OrganizationName);
    }

    [Fact]
    public void A_gzipped_report_file_is_read()
    {
        var report = Single(Support.Read.All(Containers.Gzip(Bytes(Report()))));

        Assert.Equal(2, report.Policies.Count);
    }
}
