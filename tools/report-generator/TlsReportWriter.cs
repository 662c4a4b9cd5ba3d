using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dmarc.ReportGenerator;

/// <summary>Writes an RFC 8460 SMTP TLS report as JSON, member for member in the order of the RFC.</summary>
public static class TlsReportWriter
{
    public static void Write(Stream output, TlsReportDocument report, bool indented = false)
    {
        // The relaxed encoder keeps '+' and '<' as they are: senders write ids like "133925885310113267+example.com".
        var options = new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" };
        using var json = new Utf8JsonWriter(output, options);
        json.WriteStartObject();
        json.WriteString("organization-name", report.OrganizationName);
        json.WriteStartObject("date-range");
        json.WriteString("start-datetime", Rfc3339(report.Begin));
        json.WriteString("end-datetime", Rfc3339(report.End));
        json.WriteEndObject();
        WriteOptional(json, "contact-info", report.ContactInfo);
        json.WriteString("report-id", report.ReportId);
        json.WriteStartArray("policies");
        foreach (var policy in report.Policies)
        {
            WritePolicyResult(json, policy);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static byte[] ToBytes(TlsReportDocument report, bool indented = false)
    {
        using var buffer = new MemoryStream();
        Write(buffer, report, indented);
        return buffer.ToArray();
    }

    /// <summary>RFC 3339 in UTC with a <c>Z</c>, whole seconds, as senders write it: <c>2026-03-02T00:00:00Z</c>.</summary>
    public static string Rfc3339(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static void WritePolicyResult(Utf8JsonWriter json, TlsPolicyResult result)
    {
        json.WriteStartObject();
        json.WriteStartObject("policy");
        json.WriteString("policy-type", result.Policy.PolicyType);
        WriteOptional(json, "policy-string", result.Policy.PolicyString);
        json.WriteString("policy-domain", result.Policy.PolicyDomain);
        WriteOptional(json, "mx-host", result.Policy.MxHosts);
        json.WriteEndObject();
        json.WriteStartObject("summary");
        json.WriteNumber("total-successful-session-count", result.SuccessfulSessions);
        json.WriteNumber("total-failure-session-count", result.FailedSessions);
        json.WriteEndObject();
        if (result.FailureDetails.Count > 0)
        {
            json.WriteStartArray("failure-details");
            foreach (var failure in result.FailureDetails)
            {
                WriteFailure(json, failure);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteFailure(Utf8JsonWriter json, TlsFailureDetail failure)
    {
        json.WriteStartObject();
        json.WriteString("result-type", failure.ResultType);
        WriteOptional(json, "sending-mta-ip", failure.SendingMtaIp);
        WriteOptional(json, "receiving-mx-hostname", failure.ReceivingMxHostname);
        WriteOptional(json, "receiving-mx-helo", failure.ReceivingMxHelo);
        WriteOptional(json, "receiving-ip", failure.ReceivingIp);
        json.WriteNumber("failed-session-count", failure.FailedSessionCount);
        WriteOptional(json, "additional-information", failure.AdditionalInformation);
        WriteOptional(json, "failure-reason-code", failure.FailureReasonCode);
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
