using System.Text.Json;
using Dmarc.Reports.Tls;

namespace Dmarc.Reports.Formats;

/// <summary>
/// One SMTP TLS report as parsedmarc 10.4.3 prints it (the value of its <c>"report"</c>): its keys, in its order.
/// Like parsedmarc it writes <c>policy_strings</c>, <c>failure_details</c> and each optional failure field only when
/// there is a value, and leaves out RFC 8460's <c>mx-host</c> and <c>additional-information</c>, which parsedmarc does
/// not read (it looks for the draft names <c>mx-host-pattern</c> and <c>additional-info-uri</c>). Times are ISO-8601
/// UTC; IP addresses are canonical (parsedmarc copies both as sent).
/// </summary>
internal static class ParsedmarcTlsJson
{
    public static void Write(Utf8JsonWriter writer, TlsReport report)
    {
        writer.WriteStartObject();
        writer.WriteString("organization_name", report.OrganizationName);
        writer.WriteString("begin_date", ReportTimes.Iso(report.Period.Begin));
        writer.WriteString("end_date", ReportTimes.Iso(report.Period.End));
        writer.WriteString("contact_info", report.ContactInfo);
        writer.WriteString("report_id", report.ReportId);
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
        writer.WriteString("policy_domain", policy.Domain);
        writer.WriteString("policy_type", policy.Type is { } type ? TlsResultTypes.Token(type) : null);
        if (policy.PolicyStrings.Count > 0)
        {
            JsonLists.Strings(writer, "policy_strings", policy.PolicyStrings);
        }

        writer.WriteNumber("successful_session_count", policy.SuccessfulSessionCount);
        writer.WriteNumber("failed_session_count", policy.FailedSessionCount);
        if (policy.FailureDetails.Count > 0)
        {
            writer.WriteStartArray("failure_details");
            foreach (var detail in policy.FailureDetails)
            {
                WriteFailureDetail(writer, detail);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteFailureDetail(Utf8JsonWriter writer, TlsFailureDetail detail)
    {
        writer.WriteStartObject();
        writer.WriteString("result_type", detail.ResultType);
        writer.WriteNumber("failed_session_count", detail.FailedSessionCount);
        WriteIfSent(writer, "sending_mta_ip", detail.SendingMtaIp);
        WriteIfSent(writer, "receiving_ip", detail.ReceivingIp);
        WriteIfSent(writer, "receiving_mx_hostname", detail.ReceivingMxHostname);
        WriteIfSent(writer, "receiving_mx_helo", detail.ReceivingMxHelo);
        WriteIfSent(writer, "failure_reason_code", detail.FailureReasonCode);
        writer.WriteEndObject();
    }

    private static void WriteIfSent(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
