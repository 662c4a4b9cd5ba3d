using System.Text.Json;
using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Outcomes;
using N = Dmarc.Reports.Formats.DmarcJsonNames;

namespace Dmarc.Reports.Formats;

/// <summary>The report part of a Dmarc JSON line, up to and including <c>"records":[</c>.</summary>
internal static class DmarcReportJson
{
    public static void WriteSource(Utf8JsonWriter json, ReportOutcome outcome)
    {
        json.WriteString(N.Source, outcome.Source);
        json.WriteString(N.Part, outcome.Part);
    }

    public static void WriteHeader(Utf8JsonWriter json, AggregateReportParsed parsed, long recordCount)
    {
        var report = parsed.Report;
        var metadata = report.Metadata;
        json.WriteStartObject();
        WriteSource(json, parsed);
        json.WriteString(N.ReportType, N.Aggregate);
        json.WriteStartObject(N.Report);
        json.WriteString(N.Identity, report.Identity.ToString());
        json.WriteString(N.ReportId, metadata.ReportId);
        json.WriteString(N.PayloadSha256, report.PayloadSha256);
        json.WriteString(N.SchemaVersion, report.SchemaVersion);
        json.WriteString(N.XmlNamespace, report.XmlNamespace);

        json.WriteStartObject(N.Reporter);
        json.WriteString(N.OrgName, metadata.OrgName);
        json.WriteBoolean(N.OrgNameFromEmail, metadata.OrgNameFromEmail);
        json.WriteString(N.Email, metadata.Email);
        json.WriteString(N.ExtraContactInfo, metadata.ExtraContactInfo);
        json.WriteString(N.Generator, metadata.Generator);
        json.WriteEndObject();

        json.WriteStartObject(N.Period);
        json.WriteString(N.Begin, ReportTimes.Iso(metadata.Period.Begin));
        json.WriteString(N.End, ReportTimes.Iso(metadata.Period.End));
        json.WriteNumber(N.Seconds, metadata.Period.End.ToUnixTimeSeconds() - metadata.Period.Begin.ToUnixTimeSeconds());
        json.WriteEndObject();

        WritePolicy(json, report.Policy);
        WriteErrors(json, report.Errors);
        json.WriteNumber(N.RecordCount, recordCount);
        json.WriteStartArray(N.Records);
    }

    private static void WritePolicy(Utf8JsonWriter json, PolicyPublished policy)
    {
        json.WriteStartObject(N.PolicyPublished);
        json.WriteString(N.Domain, policy.Domain);
        json.WriteString(N.Adkim, RfcTokens.Of(policy.Adkim));
        json.WriteString(N.Aspf, RfcTokens.Of(policy.Aspf));
        WriteToken(json, N.P, policy.P);
        WriteToken(json, N.Sp, policy.Sp);
        WriteToken(json, N.Np, policy.Np);
        WriteToken(json, N.EffectiveSp, policy.EffectiveSp);
        WriteToken(json, N.EffectiveNp, policy.EffectiveNp);
        if (policy.Pct is { } pct)
        {
            json.WriteNumber(N.Pct, pct);
        }
        else
        {
            json.WriteNull(N.Pct);
        }

        json.WriteString(N.Fo, policy.Fo);
        if (policy.Testing is { } testing)
        {
            json.WriteString(N.Testing, RfcTokens.Of(testing));
        }
        else
        {
            json.WriteNull(N.Testing);
        }

        if (policy.DiscoveryMethod is { } method)
        {
            json.WriteString(N.DiscoveryMethod, RfcTokens.Of(method));
        }
        else
        {
            json.WriteNull(N.DiscoveryMethod);
        }

        json.WriteEndObject();
    }

    private static void WriteToken(Utf8JsonWriter json, JsonEncodedText name, DomainPolicy? policy)
    {
        if (policy is { } value)
        {
            json.WriteString(name, RfcTokens.Of(value));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteErrors(Utf8JsonWriter json, IReadOnlyList<ReportError> errors)
    {
        json.WriteStartArray(N.Errors);
        foreach (var error in errors)
        {
            json.WriteStartObject();
            json.WriteString(N.Source, N.ErrorSources[(int)error.Source]);
            json.WriteString(N.Message, error.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
