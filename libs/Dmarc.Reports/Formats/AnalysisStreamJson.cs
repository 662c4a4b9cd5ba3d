using System.Text.Json;
using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Diagnosis;
using Dmarc.Reports.Enrichment;
using N = Dmarc.Reports.Formats.AnalysisJsonNames;

namespace Dmarc.Reports.Formats;

/// <summary>One stream of the analysis JSON: its identity, numbers, verdict and what is known about its source.</summary>
internal static class AnalysisStreamJson
{
    public static void Write(Utf8JsonWriter json, StreamAnalysis stream)
    {
        var tally = stream.Tally;
        json.WriteStartObject();
        Identity(json, stream.Key);
        json.WriteNumber(N.Count, tally.Messages);
        json.WriteString(N.Class, DiagnosisNames.Of(stream.Verdict.Class));
        json.WriteString(N.Spf, DiagnosisNames.Of(stream.Verdict.Spf));
        json.WriteString(N.Dkim, DiagnosisNames.Of(stream.Verdict.Dkim));
        JsonLists.Strings(json, N.Evidence, stream.Verdict.Evidence);
        AnalysisJsonWriter.NullableString(json, N.Fix, stream.Verdict.Fix);
        WriteSource(json, stream.Source);

        json.WriteNumber(N.Reports, tally.Reports);
        AnalysisJsonWriter.Time(json, N.FirstSeen, tally.FirstSeen);
        AnalysisJsonWriter.Time(json, N.LastSeen, tally.LastSeen);
        json.WriteNumber(N.ReporterPass, tally.ReporterPass);
        json.WriteNumber(N.DmarcPass, tally.DmarcPass);
        json.WriteStartObject(N.ReporterDisagrees);
        json.WriteNumber(N.ReporterPassDmarcFail, tally.ReporterPassDmarcFail);
        json.WriteNumber(N.ReporterFailDmarcPass, tally.ReporterFailDmarcPass);
        json.WriteEndObject();
        AnalysisJsonWriter.Mechanisms(json, N.SpfResults, tally.Spf);
        AnalysisJsonWriter.Mechanisms(json, N.DkimResults, tally.Dkim);
        json.WriteStartObject(N.Overrides);
        foreach (var reason in Enum.GetValues<OverrideReason>())
        {
            json.WriteNumber(OverrideReasons.Name(reason), tally.OverrideMessages(reason));
        }

        json.WriteEndObject();
        json.WriteStartObject(N.Dispositions);
        foreach (var disposition in Enum.GetValues<Disposition>())
        {
            json.WriteNumber(disposition.ToString().ToLowerInvariant(), tally.DispositionMessages(disposition));
        }

        json.WriteEndObject();
        json.WriteStartArray(N.Reporters);
        foreach (var (reporter, messages) in tally.Reporters.Entries)
        {
            json.WriteStartObject();
            json.WriteString(N.OrgName, reporter);
            json.WriteNumber(N.Count, messages);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray(N.PolicyDomains);
        foreach (var share in tally.PolicyDomains)
        {
            json.WriteStartObject();
            json.WriteString(N.Domain, share.Domain);
            json.WriteNumber(N.Count, share.Messages);
            json.WriteNumber(N.DmarcFail, share.DmarcFail);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The four fields that name a stream, as in <c>streams[]</c> and <c>fix_first[]</c>.</summary>
    public static void Identity(Utf8JsonWriter json, StreamKey key)
    {
        json.WriteString(N.SourceIp, key.SourceIp);
        json.WriteString(N.HeaderFrom, key.HeaderFrom);
        AnalysisJsonWriter.NullableString(json, N.EnvelopeFrom, key.EnvelopeFrom);
        JsonLists.Strings(json, N.DkimDomains, key.DkimDomains);
    }

    private static void WriteSource(Utf8JsonWriter json, SourceInfo? source)
    {
        AnalysisJsonWriter.NullableString(json, N.ReverseDns, source?.ReverseDns);
        json.WriteBoolean(N.ForwardConfirmed, source?.ForwardConfirmed == true);
        AnalysisJsonWriter.NullableString(json, N.BaseDomain, source?.BaseDomain);
        AnalysisJsonWriter.NullableString(json, N.Country, source?.Country);
        if (source?.Asn is { } asn)
        {
            json.WriteNumber(N.Asn, asn);
        }
        else
        {
            json.WriteNull(N.Asn);
        }

        AnalysisJsonWriter.NullableString(json, N.AsOrganization, source?.AsOrganization);
        if (source?.Sender is { } sender)
        {
            json.WriteStartObject(N.Sender);
            json.WriteString(N.Name, sender.Name);
            json.WriteString(N.Type, SenderTypeNames.Of(sender.Type));
            json.WriteString(N.MatchedBy, sender.MatchedBy);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull(N.Sender);
        }

        JsonLists.Strings(json, N.SourceNotes, source?.Notes ?? []);
    }
}
