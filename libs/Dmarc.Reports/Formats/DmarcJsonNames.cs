using System.Text.Json;

namespace Dmarc.Reports.Formats;

/// <summary>Property names of Dmarc's own JSON format (docs/json-format.md), encoded once.</summary>
internal static class DmarcJsonNames
{
    public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
    public static readonly JsonEncodedText Part = JsonEncodedText.Encode("part");
    public static readonly JsonEncodedText ReportType = JsonEncodedText.Encode("report_type");
    public static readonly JsonEncodedText Aggregate = JsonEncodedText.Encode("aggregate");
    public static readonly JsonEncodedText SmtpTls = JsonEncodedText.Encode("smtp_tls");
    public static readonly JsonEncodedText Failure = JsonEncodedText.Encode("failure");
    public static readonly JsonEncodedText Invalid = JsonEncodedText.Encode("invalid");
    public static readonly JsonEncodedText NotAReport = JsonEncodedText.Encode("not_a_report");
    public static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
    public static readonly JsonEncodedText Report = JsonEncodedText.Encode("report");

    public static readonly JsonEncodedText Identity = JsonEncodedText.Encode("identity");
    public static readonly JsonEncodedText ReportId = JsonEncodedText.Encode("report_id");
    public static readonly JsonEncodedText PayloadSha256 = JsonEncodedText.Encode("payload_sha256");
    public static readonly JsonEncodedText SchemaVersion = JsonEncodedText.Encode("schema_version");
    public static readonly JsonEncodedText XmlNamespace = JsonEncodedText.Encode("xml_namespace");
    public static readonly JsonEncodedText Reporter = JsonEncodedText.Encode("reporter");
    public static readonly JsonEncodedText OrgName = JsonEncodedText.Encode("org_name");
    public static readonly JsonEncodedText OrgNameFromEmail = JsonEncodedText.Encode("org_name_from_email");
    public static readonly JsonEncodedText Email = JsonEncodedText.Encode("email");
    public static readonly JsonEncodedText ExtraContactInfo = JsonEncodedText.Encode("extra_contact_info");
    public static readonly JsonEncodedText Generator = JsonEncodedText.Encode("generator");
    public static readonly JsonEncodedText Period = JsonEncodedText.Encode("period");
    public static readonly JsonEncodedText Begin = JsonEncodedText.Encode("begin");
    public static readonly JsonEncodedText End = JsonEncodedText.Encode("end");
    public static readonly JsonEncodedText Seconds = JsonEncodedText.Encode("seconds");
    public static readonly JsonEncodedText PolicyPublished = JsonEncodedText.Encode("policy_published");
    public static readonly JsonEncodedText Domain = JsonEncodedText.Encode("domain");
    public static readonly JsonEncodedText Adkim = JsonEncodedText.Encode("adkim");
    public static readonly JsonEncodedText Aspf = JsonEncodedText.Encode("aspf");
    public static readonly JsonEncodedText P = JsonEncodedText.Encode("p");
    public static readonly JsonEncodedText Sp = JsonEncodedText.Encode("sp");
    public static readonly JsonEncodedText Np = JsonEncodedText.Encode("np");
    public static readonly JsonEncodedText EffectiveSp = JsonEncodedText.Encode("effective_sp");
    public static readonly JsonEncodedText EffectiveNp = JsonEncodedText.Encode("effective_np");
    public static readonly JsonEncodedText Pct = JsonEncodedText.Encode("pct");
    public static readonly JsonEncodedText Fo = JsonEncodedText.Encode("fo");
    public static readonly JsonEncodedText Testing = JsonEncodedText.Encode("testing");
    public static readonly JsonEncodedText DiscoveryMethod = JsonEncodedText.Encode("discovery_method");
    public static readonly JsonEncodedText Errors = JsonEncodedText.Encode("errors");
    public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    public static readonly JsonEncodedText RecordCount = JsonEncodedText.Encode("record_count");
    public static readonly JsonEncodedText Records = JsonEncodedText.Encode("records");

    public static readonly JsonEncodedText SourceIp = JsonEncodedText.Encode("source_ip");
    public static readonly JsonEncodedText Count = JsonEncodedText.Encode("count");
    public static readonly JsonEncodedText PolicyEvaluated = JsonEncodedText.Encode("policy_evaluated");
    public static readonly JsonEncodedText Disposition = JsonEncodedText.Encode("disposition");
    public static readonly JsonEncodedText Dkim = JsonEncodedText.Encode("dkim");
    public static readonly JsonEncodedText Spf = JsonEncodedText.Encode("spf");
    public static readonly JsonEncodedText Dmarc = JsonEncodedText.Encode("dmarc");
    public static readonly JsonEncodedText Reasons = JsonEncodedText.Encode("reasons");
    public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    public static readonly JsonEncodedText Comment = JsonEncodedText.Encode("comment");
    public static readonly JsonEncodedText Identifiers = JsonEncodedText.Encode("identifiers");
    public static readonly JsonEncodedText HeaderFrom = JsonEncodedText.Encode("header_from");
    public static readonly JsonEncodedText EnvelopeFrom = JsonEncodedText.Encode("envelope_from");
    public static readonly JsonEncodedText EnvelopeTo = JsonEncodedText.Encode("envelope_to");
    public static readonly JsonEncodedText AuthResults = JsonEncodedText.Encode("auth_results");
    public static readonly JsonEncodedText Selector = JsonEncodedText.Encode("selector");
    public static readonly JsonEncodedText Result = JsonEncodedText.Encode("result");
    public static readonly JsonEncodedText HumanResult = JsonEncodedText.Encode("human_result");
    public static readonly JsonEncodedText Scope = JsonEncodedText.Encode("scope");

    public static readonly JsonEncodedText[] ErrorSources =
    [
        JsonEncodedText.Encode("reporter"), JsonEncodedText.Encode("xml"), JsonEncodedText.Encode("metadata"),
        JsonEncodedText.Encode("record"),
    ];
}
