using System.Text.Encodings.Web;
using System.Text.Json;
using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Alignment;
using Dmarc.Reports.Diagnosis;
using N = Dmarc.Reports.Formats.AnalysisJsonNames;

namespace Dmarc.Reports.Formats;

/// <summary>
/// Writes an <see cref="AnalysisResult"/> as one JSON document (docs/analysis-format.md): the classified streams with
/// their sources, enforcement readiness per policy domain, reporter disagreements, where Public Suffix List and DNS tree
/// walk disagree, and the daily statistics.
/// </summary>
public static class AnalysisJsonWriter
{
    public const int Version = 1;

    public static void Write(Stream output, AnalysisResult result, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = indented });
        json.WriteStartObject();
        json.WriteString(N.Format, N.FormatName);
        json.WriteNumber(N.FormatVersion, Version);
        json.WriteString(N.TimeZone, result.TimeZone);
        json.WriteStartObject(N.Window);
        Time(json, N.Begin, result.Begin);
        Time(json, N.End, result.End);
        json.WriteEndObject();
        json.WriteStartObject(N.Totals);
        json.WriteNumber(N.Reports, result.Reports);
        json.WriteNumber(N.Records, result.Records);
        json.WriteNumber(N.Messages, result.Messages);
        json.WriteNumber(N.UnanalysedMessages, result.UnanalysedMessages);
        json.WriteNumber(N.InvalidReports, result.InvalidReports);
        json.WriteNumber(N.NotReports, result.NotReports);
        json.WriteEndObject();

        json.WriteStartArray(N.Streams);
        foreach (var stream in result.Streams)
        {
            AnalysisStreamJson.Write(json, stream);
        }

        json.WriteEndArray();
        json.WriteStartArray(N.PolicyDomains);
        foreach (var domain in result.Domains)
        {
            AnalysisDomainJson.Write(json, domain);
        }

        json.WriteEndArray();
        json.WriteStartArray(N.Reporters);
        foreach (var reporter in result.Reporters)
        {
            WriteReporter(json, reporter);
        }

        json.WriteEndArray();
        AnalysisDiscoveryJson.Write(json, result.DiscoveryCheck, result.DiscoveryDifferences);
        json.WriteStartObject(N.Daily);
        json.WriteString(N.TimeZone, result.TimeZone);
        json.WriteStartArray(N.Days);
        foreach (var day in result.Days)
        {
            json.WriteStartObject();
            json.WriteString(N.Day, day.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString(N.PolicyDomain, day.PolicyDomain);
            json.WriteNumber(N.Messages, day.Messages);
            json.WriteNumber(N.ReporterPass, day.ReporterPass);
            json.WriteNumber(N.DmarcPass, day.DmarcPass);
            json.WriteNumber(N.PassRate, Math.Round(day.PassRate, 6));
            json.WriteNumber(N.ReporterPassRate, Math.Round(day.ReporterPassRate, 6));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteReporter(Utf8JsonWriter json, ReporterTally reporter)
    {
        json.WriteStartObject();
        json.WriteString(N.OrgName, reporter.Reporter);
        json.WriteNumber(N.Reports, reporter.Reports);
        json.WriteNumber(N.Messages, reporter.Messages);
        json.WriteNumber(N.ReporterPass, reporter.ReporterPass);
        json.WriteNumber(N.DmarcPass, reporter.DmarcPass);
        json.WriteStartObject(N.Disagreements);
        json.WriteNumber(N.Messages, reporter.Disagreements);
        json.WriteNumber(N.ReporterPassDmarcFail, reporter.ReporterPassDmarcFail);
        json.WriteNumber(N.ReporterFailDmarcPass, reporter.ReporterFailDmarcPass);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    internal static void Time(Utf8JsonWriter json, string name, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            json.WriteString(name, ReportTimes.Iso(value));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    internal static void NullableString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    internal static void Classes(Utf8JsonWriter json, string name, IReadOnlyDictionary<StreamClass, long> messages)
    {
        json.WriteStartObject(name);
        foreach (var @class in Enum.GetValues<StreamClass>())
        {
            json.WriteNumber(DiagnosisNames.Of(@class), messages.GetValueOrDefault(@class));
        }

        json.WriteEndObject();
    }

    internal static void Mechanisms(Utf8JsonWriter json, string name, MechanismTally tally)
    {
        json.WriteStartObject(name);
        foreach (var diagnosis in Enum.GetValues<MechanismDiagnosis>())
        {
            json.WriteNumber(DiagnosisNames.Of(diagnosis), tally[diagnosis]);
        }

        json.WriteEndObject();
    }

    internal static string PolicyName(DomainPolicy? policy) => policy switch
    {
        DomainPolicy.None => "none",
        DomainPolicy.Quarantine => "quarantine",
        DomainPolicy.Reject => "reject",
        _ => "",
    };
}
