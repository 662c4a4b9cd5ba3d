using System.Globalization;
using System.Text.Json;
using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Domains;
using Dmarc.Reports.Outcomes;
using N = Dmarc.Reports.Formats.ParsedmarcNames;

namespace Dmarc.Reports.Formats;

/// <summary>
/// The report part of a parsedmarc line, up to and including <c>"records":[</c>, with parsedmarc's defaults:
/// <c>xml_schema</c> "draft" without a version, <c>sp</c> falls back to <c>p</c>, <c>adkim</c>/<c>aspf</c> to "r",
/// the report id cut at '@', and <c>org_name</c> reduced to its organisational domain when it is a domain name.
/// </summary>
internal static class ParsedmarcReportJson
{
    public static void WriteSource(Utf8JsonWriter json, ReportOutcome outcome)
    {
        json.WriteString(N.SourceFile, outcome.Source);
        if (outcome.Part is not null)
        {
            json.WriteString(N.SourcePart, outcome.Part);
        }
    }

    public static void WriteHeader(Utf8JsonWriter json, AggregateReportParsed parsed, bool normalized)
    {
        var report = parsed.Report;
        json.WriteStartObject();
        WriteSource(json, parsed);
        json.WriteString(N.ReportType, N.Aggregate);
        json.WriteStartObject(N.Report);
        json.WriteString(N.XmlSchema, report.SchemaVersion ?? "draft");
        json.WriteString(N.XmlNamespace, report.XmlNamespace);
        WriteMetadata(json, report, normalized);
        WritePolicy(json, report.Policy);
        json.WriteStartArray(N.Records);
    }

    private static void WriteMetadata(Utf8JsonWriter json, AggregateReport report, bool normalized)
    {
        var metadata = report.Metadata;
        json.WriteStartObject(N.ReportMetadata);
        json.WriteString(N.OrgName, OrgName(metadata.OrgName));
        json.WriteString(N.OrgEmail, metadata.Email);
        json.WriteString(N.OrgExtraContactInfo, metadata.ExtraContactInfo);
        json.WriteString(N.ReportId, ReportId(metadata.ReportId));
        json.WriteString(N.BeginDate, ReportTimes.Parsedmarc(metadata.Period.Begin));
        json.WriteString(N.EndDate, ReportTimes.Parsedmarc(metadata.Period.End));
        json.WriteBoolean(N.TimespanRequiresNormalization, normalized);
        json.WriteNumber(N.OriginalTimespanSeconds, metadata.Period.End.ToUnixTimeSeconds() - metadata.Period.Begin.ToUnixTimeSeconds());
        json.WriteStartArray(N.Errors);
        foreach (var error in metadata.ReporterErrors)
        {
            json.WriteStringValue(error);
        }

        foreach (var error in report.Errors)
        {
            if (error.Source != ReportErrorSource.Reporter)
            {
                json.WriteStringValue(error.Message);
            }
        }

        json.WriteEndArray();
        json.WriteString(N.Generator, metadata.Generator);
        json.WriteEndObject();
    }

    private static void WritePolicy(Utf8JsonWriter json, PolicyPublished policy)
    {
        json.WriteStartObject(N.PolicyPublished);
        json.WriteString(N.Domain, policy.Domain);
        json.WriteString(N.Adkim, RfcTokens.Of(policy.Adkim));
        json.WriteString(N.Aspf, RfcTokens.Of(policy.Aspf));
        json.WriteToken(N.P, policy.P);
        json.WriteToken(N.Sp, policy.EffectiveSp);
        json.WriteString(N.Pct, policy.Pct?.ToString(CultureInfo.InvariantCulture));
        json.WriteString(N.Fo, policy.Fo);
        json.WriteToken(N.Np, policy.Np);
        json.WriteToken(N.Testing, policy.Testing);
        json.WriteToken(N.DiscoveryMethod, policy.DiscoveryMethod);
        json.WriteEndObject();
    }

    /// <summary>parsedmarc keeps names with spaces ("Yahoo! Inc.") and reduces domain names to their base domain (by the PSL).</summary>
    private static string OrgName(string orgName)
    {
        var trimmed = orgName.Trim();
        return trimmed.Contains(' ', StringComparison.Ordinal) || !trimmed.Contains('.', StringComparison.Ordinal)
            ? trimmed
            : PublicSuffixList.Default.Of(trimmed);
    }

    private static string ReportId(string reportId)
    {
        var at = reportId.IndexOf('@', StringComparison.Ordinal);
        return (at < 0 ? reportId : reportId[..at]).Replace("<", "", StringComparison.Ordinal).Replace(">", "", StringComparison.Ordinal);
    }
}
