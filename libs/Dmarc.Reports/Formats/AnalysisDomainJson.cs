using System.Text.Json;
using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Diagnosis;
using N = Dmarc.Reports.Formats.AnalysisJsonNames;

namespace Dmarc.Reports.Formats;

/// <summary>One policy domain of the analysis JSON: pass rates, published policy, impact of enforcement and the advice.</summary>
internal static class AnalysisDomainJson
{
    public static void Write(Utf8JsonWriter json, DomainReadiness domain)
    {
        json.WriteStartObject();
        json.WriteString(N.Domain, domain.Domain);
        json.WriteString(N.Kind, domain.Kind.ToString().ToLowerInvariant());
        json.WriteNumber(N.Reports, domain.Reports);
        json.WriteNumber(N.Messages, domain.Messages);
        json.WriteNumber(N.ReporterPass, domain.ReporterPass);
        json.WriteNumber(N.DmarcPass, domain.DmarcPass);
        json.WriteNumber(N.PassRate, Math.Round(domain.PassRate, 6));
        json.WriteNumber(N.ReporterPassRate, Math.Round(domain.ReporterPassRate, 6));
        AnalysisJsonWriter.Time(json, N.FirstSeen, domain.FirstSeen);
        AnalysisJsonWriter.Time(json, N.LastSeen, domain.LastSeen);
        WritePublished(json, domain.Published);
        json.WriteBoolean(N.PolicyChanged, domain.PolicyChanged);
        AnalysisJsonWriter.Classes(json, N.Classes, domain.MessagesByClass);
        WriteImpact(json, N.WouldQuarantine, domain.WouldQuarantine);
        WriteImpact(json, N.WouldReject, domain.WouldReject);
        json.WriteStartObject(N.Subdomains);
        json.WriteNumber(N.Messages, domain.SubdomainMessages);
        json.WriteNumber(N.DmarcFail, domain.SubdomainDmarcFail);
        json.WriteString(N.NpApplies, N.Unknown);
        json.WriteEndObject();
        json.WriteStartArray(N.FixFirst);
        foreach (var stream in domain.FixFirst)
        {
            json.WriteStartObject();
            AnalysisStreamJson.Identity(json, stream.Stream);
            json.WriteString(N.Label, stream.Label);
            json.WriteString(N.Class, DiagnosisNames.Of(stream.Class));
            json.WriteNumber(N.DmarcFail, stream.DmarcFail);
            AnalysisJsonWriter.NullableString(json, N.Fix, stream.Fix);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        var advice = domain.Recommendation;
        json.WriteStartObject(N.Recommendation);
        json.WriteBoolean(N.Ready, advice.Ready);
        json.WriteString(N.Summary, advice.Summary);
        json.WriteString(N.NextStep, advice.NextStep);
        json.WriteString(N.Target, advice.Target);
        JsonLists.Strings(json, N.Reasoning, advice.Reasoning);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteImpact(Utf8JsonWriter json, string name, PolicyImpact impact)
    {
        json.WriteStartObject(name);
        json.WriteNumber(N.Messages, impact.Messages);
        json.WriteNumber(N.Share, Math.Round(impact.Share, 6));
        AnalysisJsonWriter.Classes(json, N.Classes, impact.ByClass);
        json.WriteNumber(N.ExemptedByReceivers, impact.ExemptedByReceivers);
        json.WriteEndObject();
    }

    private static void WritePublished(Utf8JsonWriter json, PolicyPublished? published)
    {
        if (published is null)
        {
            json.WriteNull(N.Published);
            return;
        }

        json.WriteStartObject(N.Published);
        Policy(json, N.P, published.P);
        Policy(json, N.Sp, published.Sp);
        Policy(json, N.Np, published.Np);
        Policy(json, N.EffectiveSp, published.EffectiveSp);
        Policy(json, N.EffectiveNp, published.EffectiveNp);
        if (published.Pct is { } pct)
        {
            json.WriteNumber(N.Pct, pct);
        }
        else
        {
            json.WriteNull(N.Pct);
        }

        AnalysisJsonWriter.NullableString(json, N.Testing, published.Testing switch { true => "y", false => "n", null => null });
        json.WriteString(N.Adkim, published.Adkim == AlignmentMode.Strict ? "s" : "r");
        json.WriteString(N.Aspf, published.Aspf == AlignmentMode.Strict ? "s" : "r");
        json.WriteEndObject();
    }

    private static void Policy(Utf8JsonWriter json, string name, DomainPolicy? policy) =>
        AnalysisJsonWriter.NullableString(json, name, policy is null ? null : AnalysisJsonWriter.PolicyName(policy));
}
