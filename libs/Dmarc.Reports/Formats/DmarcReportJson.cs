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
        json.WriteToken(N.P, policy.P);
        json.WriteToken(N.Sp, policy.Sp);
        json.WriteToken(N.Np, policy.Np);
        json.WriteToken(N.EffectiveSp, policy.EffectiveSp);
        json.WriteToken(N.EffectiveNp, policy.EffectiveNp);
        if (policy.Pct is { } pct)
        {
            json.WriteNumber(N.Pct, pct);
        }
        else
        {
            json.WriteNull(N.Pct);
        }

        json.WriteString(N.Fo, policy.Fo);
        json.WriteToken(N.Testing, policy.Testing);
        json.WriteToken(N.DiscoveryMethod, policy.DiscoveryMethod);
        json.WriteEndObject();
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
