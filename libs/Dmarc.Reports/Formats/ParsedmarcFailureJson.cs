using System.Globalization;
using System.Text;
using System.Text.Json;
using Dmarc.Reports.Failure;

namespace Dmarc.Reports.Formats;

/// <summary>
/// A failure report as parsedmarc (10.4) writes its <c>report</c> object, so that tools written for parsedmarc keep
/// working. Like parsedmarc: the fields of the feedback report come first, in the order sent (the last value of a
/// repeated field, except <c>original_rcpt_to</c>, which joins all of them with ", "), then the keys parsedmarc adds
/// in its order; a missing <c>Delivery-Result</c> is <c>other</c>, a missing <c>Auth-Failure</c> is <c>dmarc</c>;
/// enrichment of <c>source</c> is null (Dmarc reads offline).
/// <para>
/// Differences: <c>sample</c> is rebuilt from what the <see cref="FailureSamplePolicy"/> kept (headers, and the body
/// text only when kept), not the sample as sent. <c>parsed_sample</c> (mail-parser's output in parsedmarc) has the
/// parts Dmarc derives faithfully: <c>headers</c>, one lower-case key per other header, <c>subject</c>, <c>from</c>,
/// <c>to</c>, <c>cc</c>, <c>to_domains</c>, <c>date</c>, <c>timezone</c>, <c>body</c> (null unless kept) and
/// <c>attachments</c> (name and type only). Left out: <c>received</c> (mail-parser's hop analysis), <c>has_defects</c>
/// and <c>defects</c>, <c>bcc</c>, <c>reply_to</c>, <c>filename_safe_subject</c>, and attachment payloads.
/// </para>
/// </summary>
public static class ParsedmarcFailureJson
{
    /// <summary>Keys parsedmarc builds itself; a feedback field of the same name does not take their place.</summary>
    private static readonly HashSet<string> _ownKeys =
    [
        "source_ip", "identity_alignment", "source", "arrival_date_utc", "authentication_mechanisms",
        "sample_headers_only", "sample", "parsed_sample",
    ];

    private static readonly HashSet<string> _specialHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "from", "to", "cc", "bcc", "reply-to", "date", "subject", "received", "headers", "to_domains", "timezone", "body", "attachments",
    };

    public static void Write(Utf8JsonWriter json, FailureReport report)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(report);
        var written = new HashSet<string>(StringComparer.Ordinal);
        json.WriteStartObject();
        foreach (var key in SentKeys(report))
        {
            if (!_ownKeys.Contains(key) && written.Add(key))
            {
                WriteSentField(json, report, key);
            }
        }

        WriteIfMissing(written, "arrival_date", () => json.WriteString("arrival_date", ArrivalDateText(report)));
        WriteIfMissing(written, "version", () => json.WriteNull("version"));
        WriteIfMissing(written, "user_agent", () => json.WriteNull("user_agent"));
        WriteIfMissing(written, "delivery_result", () => json.WriteString("delivery_result", Delivery(report)));
        json.WriteString("arrival_date_utc", report.ArrivalDate is { } arrival ? ReportTimes.Parsedmarc(arrival) : null);
        WriteSource(json, report.SourceIp);
        JsonLists.Strings(json, "authentication_mechanisms", Mechanisms(report));
        WriteIfMissing(written, "auth_failure", () => JsonLists.Strings(json, "auth_failure", report.AuthFailure));
        WriteIfMissing(written, "feedback_type", () => json.WriteString("feedback_type", report.FeedbackType));
        WriteIfMissing(written, "authentication_results", () => json.WriteString("authentication_results", report.AuthenticationResults));
        WriteIfMissing(written, "original_envelope_id", () => json.WriteString("original_envelope_id", report.OriginalEnvelopeId));
        WriteIfMissing(written, "dkim_domain", () => json.WriteString("dkim_domain", report.DkimDomain));
        WriteIfMissing(written, "original_mail_from", () => json.WriteString("original_mail_from", report.OriginalMailFrom));
        WriteIfMissing(written, "original_rcpt_to", () => json.WriteString("original_rcpt_to", RcptTo(report)));
        WriteIfMissing(written, "reported_domain", () => json.WriteString("reported_domain", report.ReportedDomain));
        json.WriteBoolean("sample_headers_only", report.Sample.HeadersOnly);
        json.WriteString("sample", SampleText(report));
        WriteParsedSample(json, report);
        json.WriteEndObject();
    }

    /// <summary>parsedmarc's keys of the fields sent, in order: lower case, '-' to '_', only fields with a value.</summary>
    private static IEnumerable<string> SentKeys(FailureReport report)
    {
        if (report.Format == FailureReportFormat.PlainText)
        {
            // parsedmarc rebuilds a plain-text report as these two fields.
            return new[] { ("arrival_date", report.ArrivalDateText), ("source_ip", report.SourceIp) }
                .Where(field => field.Item2 is not null)
                .Select(field => field.Item1);
        }

        return report.Fields
            .Where(field => field.Value.Length > 0 && field.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            .Select(field => Key(field.Name));
    }

    private static string Key(string fieldName) => fieldName.ToLowerInvariant().Replace('-', '_');

    private static void WriteSentField(Utf8JsonWriter json, FailureReport report, string key)
    {
        switch (key)
        {
            case "auth_failure":
                JsonLists.Strings(json, key, report.AuthFailure);
                break;
            case "delivery_result":
                json.WriteString(key, Delivery(report));
                break;
            case "original_rcpt_to":
                json.WriteString(key, RcptTo(report));
                break;
            case "arrival_date":
                json.WriteString(key, ArrivalDateText(report));
                break;
            default:
                json.WriteString(key, report.Fields.LastOrDefault(field => Key(field.Name) == key && field.Value.Length > 0)?.Value);
                break;
        }
    }

    private static void WriteIfMissing(HashSet<string> written, string key, Action write)
    {
        if (written.Add(key))
        {
            write();
        }
    }

    private static string? ArrivalDateText(FailureReport report) =>
        report.ArrivalDateText ?? (report.ArrivalDate is { } arrival ? arrival.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) : null);

    private static string Delivery(FailureReport report) => FailureReportBuilder.Token(report.DeliveryResult ?? DeliveryResult.Other);

    private static string? RcptTo(FailureReport report) => report.OriginalRcptTo.Count == 0 ? null : string.Join(", ", report.OriginalRcptTo);

    /// <summary>parsedmarc's <c>authentication_mechanisms</c>: the Identity-Alignment tokens as sent, none for "none".</summary>
    private static IEnumerable<string> Mechanisms(FailureReport report)
    {
        if (report.Fields.LastOrDefault(field => Key(field.Name) == "identity_alignment" && field.Value.Length > 0) is { } sent)
        {
            var tokens = sent.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return tokens is [var only] && only.Equals("none", StringComparison.OrdinalIgnoreCase) ? [] : tokens;
        }

        var alignment = report.IdentityAlignment ?? IdentityAlignment.None;
        return new[] { (IdentityAlignment.Spf, "spf"), (IdentityAlignment.Dkim, "dkim") }
            .Where(mechanism => alignment.HasFlag(mechanism.Item1))
            .Select(mechanism => mechanism.Item2);
    }

    private static void WriteSource(Utf8JsonWriter json, string sourceIp)
    {
        json.WriteStartObject(ParsedmarcNames.Source);
        json.WriteString(ParsedmarcNames.IpAddress, sourceIp);
        foreach (var name in ParsedmarcNames.SourceEnrichment)
        {
            json.WriteNull(name);
        }

        json.WriteEndObject();
    }

    /// <summary>The sample as kept: its headers, a blank line, and the body text when kept.</summary>
    private static string? SampleText(FailureReport report)
    {
        if (report.SampleKept == SampleKept.None)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var header in report.Sample.Headers)
        {
            text.Append(header.Name).Append(": ").Append(header.Value).Append('\n');
        }

        text.Append('\n');
        foreach (var part in report.Sample.BodyParts)
        {
            text.Append(part.Text);
        }

        return text.ToString();
    }

    private static void WriteParsedSample(Utf8JsonWriter json, FailureReport report)
    {
        var sample = report.Sample;
        json.WriteStartObject("parsed_sample");
        WriteHeaders(json, sample);
        foreach (var group in sample.Headers.Where(header => !_specialHeaders.Contains(header.Name)).GroupBy(header => header.Name.ToLowerInvariant()))
        {
            StringOrList(json, group.Key, [.. group.Select(header => header.Value)]);
        }

        json.WriteString("subject", sample.Subject);
        json.WritePropertyName("from");
        SampleAddressJson.Write(json, sample.From, withLocalPart: true);
        SampleAddressJson.WriteList(json, "to", sample.To, withLocalPart: true);
        SampleAddressJson.WriteList(json, "cc", sample.Cc, withLocalPart: true);
        JsonLists.Strings(json, "to_domains", sample.To.Select(address => address.Domain).Distinct());
        json.WriteString("date", sample.Date is { } date ? ReportTimes.Parsedmarc(date) + "+00:00" : null);
        json.WriteString("timezone", sample.DateOffset is { } offset ? Timezone(offset) : null);
        json.WriteString("body", sample.BodyParts.Count == 0 ? null : string.Join("\n--- mail_boundary ---\n", sample.BodyParts.Select(part => part.Text)));
        json.WriteStartArray("attachments");
        foreach (var attachment in sample.Attachments)
        {
            json.WriteStartObject();
            json.WriteString("filename", attachment.FileName);
            json.WriteString("mail_content_type", attachment.MimeType);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>mail-parser's <c>headers</c>: each header once, a list when repeated; address headers as [name, address] pairs.</summary>
    private static void WriteHeaders(Utf8JsonWriter json, FailureSample sample)
    {
        json.WriteStartObject("headers");
        foreach (var group in sample.Headers.GroupBy(header => header.Name, StringComparer.OrdinalIgnoreCase))
        {
            var addresses = group.Key.ToLowerInvariant() switch
            {
                "from" => sample.From is null ? [] : [sample.From],
                "to" => sample.To,
                "cc" => sample.Cc,
                _ => null,
            };
            if (addresses is null)
            {
                StringOrList(json, group.Key, [.. group.Select(header => header.Value)]);
                continue;
            }

            json.WriteStartArray(group.Key);
            foreach (var address in addresses)
            {
                json.WriteStartArray();
                json.WriteStringValue(address.DisplayName ?? "");
                json.WriteStringValue(address.Address);
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void StringOrList(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        if (values is [var only])
        {
            json.WriteString(name, only);
            return;
        }

        JsonLists.Strings(json, name, values);
    }

    /// <summary>The sender's offset in hours as Python prints a float: <c>+2.0</c>, <c>-4.0</c>, <c>+5.5</c>.</summary>
    private static string Timezone(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + Math.Abs(offset.TotalHours).ToString("0.0##", CultureInfo.InvariantCulture);
}
