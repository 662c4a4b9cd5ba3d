using System.Text.Json;
using System.Text;
using Dmarc.Reports.Aggregate;
using N = Dmarc.Reports.Formats.ParsedmarcNames;

namespace Dmarc.Reports.Formats;

/// <summary>
/// One record in parsedmarc's shape, written in two pieces around <c>count</c> (which parsedmarc changes when it
/// splits a multi-day report into days): the head is <c>{"source":{…}</c>, the tail runs from <c>,"alignment"</c>
/// to the end of <c>auth_results</c>. The interval fields and the closing brace are added when the report is written.
/// </summary>
internal static class ParsedmarcRecordJson
{
    public static void WriteHead(Utf8JsonWriter json, AggregateRecord record)
    {
        json.WriteStartObject();
        json.WriteStartObject(N.Source);
        json.WriteString(N.IpAddress, record.SourceIp);
        foreach (var enrichment in N.SourceEnrichment)
        {
            json.WriteNull(enrichment);
        }

        json.WriteEndObject();
    }

    public static void WriteTail(Utf8JsonWriter json, AggregateRecord record)
    {
        var evaluated = record.PolicyEvaluated;
        json.WriteStartObject(N.Alignment);
        json.WriteBoolean(N.Spf, evaluated.Spf == DmarcVerdict.Pass);
        json.WriteBoolean(N.Dkim, evaluated.Dkim == DmarcVerdict.Pass);
        json.WriteBoolean(N.Dmarc, evaluated.DmarcPass);
        json.WriteEndObject();

        json.WriteStartObject(N.PolicyEvaluated);
        json.WriteString(N.Disposition, RfcTokens.Of(evaluated.Disposition));
        json.WriteString(N.Dkim, RfcTokens.Of(evaluated.Dkim));
        json.WriteString(N.Spf, RfcTokens.Of(evaluated.Spf));
        json.WriteStartArray(N.PolicyOverrideReasons);
        for (var i = 0; i < evaluated.Reasons.Count; i++)
        {
            json.WriteStartObject();
            json.WriteString(N.Type, RfcTokens.Of(evaluated.Reasons[i].Type));
            json.WriteString(N.Comment, evaluated.Reasons[i].Comment);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();

        WriteIdentifiers(json, record);
        WriteAuthResults(json, record);
    }

    private static void WriteIdentifiers(Utf8JsonWriter json, AggregateRecord record)
    {
        json.WriteStartObject(N.Identifiers);
        WriteLowerCase(json, N.HeaderFrom, record.HeaderFrom);
        if (!string.IsNullOrEmpty(record.EnvelopeFrom))
        {
            json.WriteString(N.EnvelopeFrom, record.EnvelopeFrom);
        }
        else
        {
            // parsedmarc fills a missing envelope_from with the domain of the last SPF result.
            var lastSpf = record.Spf.Count > 0 ? record.Spf[^1].Domain : null;
            WriteLowerCase(json, N.EnvelopeFrom, string.IsNullOrEmpty(lastSpf) ? null : lastSpf);
        }

        json.WriteString(N.EnvelopeTo, record.EnvelopeTo);
        json.WriteEndObject();
    }

    private static void WriteAuthResults(Utf8JsonWriter json, AggregateRecord record)
    {
        json.WriteStartObject(N.AuthResults);
        json.WriteStartArray(N.Dkim);
        for (var i = 0; i < record.Dkim.Count; i++)
        {
            var dkim = record.Dkim[i];
            if (dkim.Domain.Length == 0)
            {
                continue;
            }

            json.WriteStartObject();
            json.WriteString(N.Domain, dkim.Domain);
            if (dkim.Selector is { Length: > 0 } selector)
            {
                json.WriteString(N.Selector, selector);
            }
            else
            {
                json.WriteString(N.Selector, N.None);
            }

            json.WriteString(N.Result, RfcTokens.Of(dkim.Result));
            json.WriteString(N.HumanResult, dkim.HumanResult);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray(N.Spf);
        for (var i = 0; i < record.Spf.Count; i++)
        {
            var spf = record.Spf[i];
            if (spf.Domain.Length == 0)
            {
                continue;
            }

            json.WriteStartObject();
            json.WriteString(N.Domain, spf.Domain);
            json.WriteString(N.Scope, RfcTokens.Of(spf.Scope));
            json.WriteString(N.Result, RfcTokens.Of(spf.Result));
            json.WriteString(N.HumanResult, spf.HumanResult);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>parsedmarc lower-cases these domains; most already are, so only those that are not are copied.</summary>
    private static void WriteLowerCase(Utf8JsonWriter json, JsonEncodedText name, string? value)
    {
        if (value is null || (!value.AsSpan().ContainsAnyInRange('A', 'Z') && Ascii.IsValid(value)))
        {
            json.WriteString(name, value);
            return;
        }

        json.WriteString(name, value.ToLowerInvariant());
    }
}
