using System.Text.Json;
using Dmarc.Reports.Failure;

namespace Dmarc.Reports.Formats;

/// <summary>
/// A failure report in Dmarc's own JSON (docs/json-format.md, "Line of a failure report"): the <c>report</c> object,
/// snake_case, values as sent, times ISO-8601 UTC, every key always present.
/// </summary>
public static class DmarcFailureJson
{
    public static void Write(Utf8JsonWriter json, FailureReport report)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(report);
        json.WriteStartObject();
        json.WriteString("format", Format(report.Format));
        json.WriteString("feedback_type", report.FeedbackType);
        json.WriteString("user_agent", report.UserAgent);
        json.WriteString("version", report.Version);
        json.WriteString("reporter_email", report.ReporterEmail);
        JsonLists.Strings(json, "auth_failure", report.AuthFailure);
        WriteAlignment(json, report.IdentityAlignment);
        json.WriteString("reported_domain", report.ReportedDomain);
        JsonLists.Strings(json, "reported_uris", report.ReportedUris);
        json.WriteString("source_ip", report.SourceIp);
        json.WriteString("arrival_date", report.ArrivalDate is { } arrival ? ReportTimes.Iso(arrival) : null);
        json.WriteString("arrival_date_text", report.ArrivalDateText);
        json.WriteString("original_mail_from", report.OriginalMailFrom);
        JsonLists.Strings(json, "original_rcpt_to", report.OriginalRcptTo);
        json.WriteString("original_envelope_id", report.OriginalEnvelopeId);
        json.WriteString("authentication_results", report.AuthenticationResults);
        json.WriteString("delivery_result", report.DeliveryResult is { } delivery ? FailureReportBuilder.Token(delivery) : null);
        json.WriteString("delivery_result_text", report.DeliveryResultText);
        WriteDkim(json, report);
        json.WriteString("spf_dns", report.SpfDns);
        if (report.Incidents is { } incidents)
        {
            json.WriteNumber("incidents", incidents);
        }
        else
        {
            json.WriteNull("incidents");
        }

        json.WriteStartArray("fields");
        foreach (var field in report.Fields)
        {
            json.WriteStartObject();
            json.WriteString("name", field.Name);
            json.WriteString("value", field.Value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        JsonLists.Strings(json, "problems", report.Problems);
        WriteSample(json, report);
        json.WriteEndObject();
    }

    private static void WriteAlignment(Utf8JsonWriter json, IdentityAlignment? alignment)
    {
        if (alignment is not { } aligned)
        {
            json.WriteNull("identity_alignment");
            return;
        }

        json.WriteStartArray("identity_alignment");
        if (aligned.HasFlag(IdentityAlignment.Dkim))
        {
            json.WriteStringValue("dkim");
        }

        if (aligned.HasFlag(IdentityAlignment.Spf))
        {
            json.WriteStringValue("spf");
        }

        json.WriteEndArray();
    }

    private static void WriteDkim(Utf8JsonWriter json, FailureReport report)
    {
        json.WriteStartObject("dkim");
        json.WriteString("domain", report.DkimDomain);
        json.WriteString("identity", report.DkimIdentity);
        json.WriteString("selector", report.DkimSelector);
        json.WriteString("canonicalized_header", report.DkimCanonicalizedHeader);
        json.WriteString("canonicalized_body", report.DkimCanonicalizedBody);
        json.WriteEndObject();
    }

    private static void WriteSample(Utf8JsonWriter json, FailureReport report)
    {
        var sample = report.Sample;
        json.WriteStartObject("sample");
        json.WriteString("kept", report.SampleKept switch
        {
            SampleKept.Headers => "headers",
            SampleKept.HeadersAndBody => "headers_and_body",
            _ => "none",
        });
        json.WriteBoolean("redacted", report.Redacted);
        json.WriteBoolean("headers_only", sample.HeadersOnly);
        json.WriteString("subject", sample.Subject);
        json.WritePropertyName("from");
        SampleAddressJson.Write(json, sample.From, withLocalPart: false);
        SampleAddressJson.WriteList(json, "to", sample.To, withLocalPart: false);
        SampleAddressJson.WriteList(json, "cc", sample.Cc, withLocalPart: false);
        json.WriteString("date", sample.Date is { } date ? ReportTimes.Iso(date) : null);
        json.WriteString("message_id", sample.MessageId);
        json.WriteStartArray("headers");
        foreach (var header in sample.Headers)
        {
            json.WriteStartObject();
            json.WriteString("name", header.Name);
            json.WriteString("value", header.Value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("body");
        foreach (var part in sample.BodyParts)
        {
            json.WriteStartObject();
            json.WriteString("mime_type", part.MimeType);
            json.WriteString("text", part.Text);
            json.WriteBoolean("truncated", part.Truncated);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("attachments");
        foreach (var attachment in sample.Attachments)
        {
            json.WriteStartObject();
            json.WriteString("mime_type", attachment.MimeType);
            json.WriteString("file_name", attachment.FileName);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Format(FailureReportFormat format) => format switch
    {
        FailureReportFormat.Arf => "arf",
        FailureReportFormat.NonArfMultipart => "non_arf_multipart",
        _ => "plain_text",
    };
}
