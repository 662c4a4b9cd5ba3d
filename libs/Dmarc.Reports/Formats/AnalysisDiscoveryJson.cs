using System.Text.Json;
using Dmarc.Reports.Diagnosis;
using N = Dmarc.Reports.Formats.AnalysisJsonNames;

namespace Dmarc.Reports.Formats;

/// <summary>The <c>discovery_check</c> and <c>discovery_differences</c> of the analysis JSON (docs/analysis-format.md).</summary>
internal static class AnalysisDiscoveryJson
{
    public static void Write(Utf8JsonWriter json, DiscoveryCheck check, IReadOnlyList<ReportedDiscoveryDifference> differences)
    {
        json.WriteStartObject(N.DiscoveryCheck);
        json.WriteString(N.Status, Status(check.Status));
        AnalysisJsonWriter.NullableString(json, N.Reason, check.Reason);
        json.WriteNumber(N.Reports, check.Reports);
        json.WriteNumber(N.Domains, check.Domains);
        json.WriteNumber(N.Checked, check.Checked);
        json.WriteNumber(N.Failed, check.Failed);
        json.WriteNumber(N.Skipped, check.Skipped);
        json.WriteNumber(N.MessagesPastBound, check.MessagesPastBound);
        json.WriteStartArray(N.Failures);
        foreach (var failure in check.Failures)
        {
            json.WriteStartObject();
            json.WriteString(N.Domain, failure.Domain);
            json.WriteString(N.Reason, failure.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartArray(N.DiscoveryDifferences);
        foreach (var difference in differences)
        {
            json.WriteStartObject();
            json.WriteString(N.Domain, difference.Domain);
            json.WriteString(N.ByPsl, difference.ByPublicSuffixList);
            json.WriteString(N.ByTreeWalk, difference.ByTreeWalk);
            json.WriteBoolean(N.AsHeaderFrom, difference.AsHeaderFrom);
            json.WriteBoolean(N.AsPolicyDomain, difference.AsPolicyDomain);
            json.WriteNumber(N.Reports, difference.Reports);
            json.WriteNumber(N.Messages, difference.Messages);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static string Status(DiscoveryCheckStatus status) => status switch
    {
        DiscoveryCheckStatus.Checked => N.StatusChecked,
        DiscoveryCheckStatus.NotChecked => N.StatusNotChecked,
        _ => N.StatusNoTreeWalkReports,
    };
}
