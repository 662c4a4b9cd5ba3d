using System.Text.Json;
using Dmarc.Reports.Tls;

namespace Dmarc.Reports.Formats;

/// <summary>
/// One SMTP TLS report in Dmarc's own JSON shape (docs/json-format.md, the value of <c>"report"</c> on a line whose
/// <c>report_type</c> is <c>smtp_tls</c>): RFC 8460's words in snake_case, every key always present, missing values null.
/// </summary>
internal static class DmarcTlsJson
{
    public static void Write(Utf8JsonWriter writer, TlsReport report)
    {
        writer.WriteStartObject();
        writer.WriteString("identity", report.Identity.ToString());
        writer.WriteString("report_id", report.ReportId);
        writer.WriteString("payload_sha256", report.PayloadSha256);
        writer.WriteStartObject("reporter");
        writer.WriteString("organization_name", report.OrganizationName);
        writer.WriteString("contact_info", report.ContactInfo);
        writer.WriteEndObject();
        writer.WriteStartObject("period");
        writer.WriteString("begin", ReportTimes.Iso(report.Period.Begin));
        writer.WriteString("end", ReportTimes.Iso(report.Period.End));
        writer.WriteNumber("seconds", report.Period.End.ToUnixTimeSeconds() - report.Period.Begin.ToUnixTimeSeconds());
        writer.WriteEndObject();
        writer.WriteStartArray("errors");
        foreach (var error in report.Errors)
        {
            writer.WriteStartObject();
            writer.WriteString("path", error.Path);
            writer.WriteString("message", error.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber("policy_count", report.Policies.Count);
        writer.WriteStartArray("policies");
        foreach (var policy in report.Policies)
        {
            WritePolicy(writer, policy);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WritePolicy(Utf8JsonWriter writer, TlsPolicyResult policy)
    {
        writer.WriteStartObject();
        writer.WriteString("policy_type", policy.Type is { } type ? TlsResultTypes.Token(type) : null);
        writer.WriteString("policy_domain", policy.Domain);
        JsonLists.Strings(writer, "policy_strings", policy.PolicyStrings);
        JsonLists.Strings(writer, "mx_hosts", policy.MxHosts);
        writer.WriteNumber("successful_session_count", policy.SuccessfulSessionCount);
        writer.WriteNumber("failed_session_count", policy.FailedSessionCount);
        writer.WriteStartArray("failure_details");
        foreach (var detail in policy.FailureDetails)
        {
            writer.WriteStartObject();
            writer.WriteString("result_type", detail.ResultType);
            writer.WriteNumber("failed_session_count", detail.FailedSessionCount);
            writer.WriteString("sending_mta_ip", detail.SendingMtaIp);
            writer.WriteString("receiving_ip", detail.ReceivingIp);
            writer.WriteString("receiving_mx_hostname", detail.ReceivingMxHostname);
            writer.WriteString("receiving_mx_helo", detail.ReceivingMxHelo);
            writer.WriteString("additional_information", detail.AdditionalInformation);
            writer.WriteString("failure_reason_code", detail.FailureReasonCode);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
