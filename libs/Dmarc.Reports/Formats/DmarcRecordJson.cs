using System.Text.Json;
using Dmarc.Reports.Aggregate;
using N = Dmarc.Reports.Formats.DmarcJsonNames;

namespace Dmarc.Reports.Formats;

/// <summary>One record of Dmarc's own JSON format: the report's values as read, in DMARC words.</summary>
internal static class DmarcRecordJson
{
    public static void Write(Utf8JsonWriter json, AggregateRecord record)
    {
        json.WriteStartObject();
        json.WriteString(N.SourceIp, record.SourceIp);
        json.WriteNumber(N.Count, record.Count);

        var evaluated = record.PolicyEvaluated;
        json.WriteStartObject(N.PolicyEvaluated);
        json.WriteString(N.Disposition, RfcTokens.Of(evaluated.Disposition));
        json.WriteString(N.Dkim, RfcTokens.Of(evaluated.Dkim));
        json.WriteString(N.Spf, RfcTokens.Of(evaluated.Spf));
        json.WriteString(N.Dmarc, RfcTokens.Of(evaluated.DmarcPass ? DmarcVerdict.Pass : DmarcVerdict.Fail));
        json.WriteStartArray(N.Reasons);
        for (var i = 0; i < evaluated.Reasons.Count; i++)
        {
            json.WriteStartObject();
            json.WriteString(N.Type, RfcTokens.Of(evaluated.Reasons[i].Type));
            json.WriteString(N.Comment, evaluated.Reasons[i].Comment);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartObject(N.Identifiers);
        json.WriteString(N.HeaderFrom, record.HeaderFrom);
        json.WriteString(N.EnvelopeFrom, record.EnvelopeFrom);
        json.WriteString(N.EnvelopeTo, record.EnvelopeTo);
        json.WriteEndObject();

        json.WriteStartObject(N.AuthResults);
        json.WriteStartArray(N.Dkim);
        for (var i = 0; i < record.Dkim.Count; i++)
        {
            var dkim = record.Dkim[i];
            json.WriteStartObject();
            json.WriteString(N.Domain, dkim.Domain);
            json.WriteString(N.Selector, dkim.Selector);
            json.WriteString(N.Result, RfcTokens.Of(dkim.Result));
            json.WriteString(N.HumanResult, dkim.HumanResult);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray(N.Spf);
        for (var i = 0; i < record.Spf.Count; i++)
        {
            var spf = record.Spf[i];
            json.WriteStartObject();
            json.WriteString(N.Domain, spf.Domain);
            json.WriteString(N.Scope, RfcTokens.Of(spf.Scope));
            json.WriteString(N.Result, RfcTokens.Of(spf.Result));
            json.WriteString(N.HumanResult, spf.HumanResult);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
