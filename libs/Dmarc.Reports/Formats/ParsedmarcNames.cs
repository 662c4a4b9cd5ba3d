using System.Text.Json;

namespace Dmarc.Reports.Formats;

/// <summary>parsedmarc's JSON property names, encoded once.</summary>
internal static class ParsedmarcNames
{
    public static readonly JsonEncodedText SourceFile = JsonEncodedText.Encode("source_file");
    public static readonly JsonEncodedText SourcePart = JsonEncodedText.Encode("source_part");
    public static readonly JsonEncodedText ReportType = JsonEncodedText.Encode("report_type");
    public static readonly JsonEncodedText Aggregate = JsonEncodedText.Encode("aggregate");
    public static readonly JsonEncodedText SmtpTls = JsonEncodedText.Encode("smtp_tls");
    public static readonly JsonEncodedText Failure = JsonEncodedText.Encode("failure");
    public static readonly JsonEncodedText Invalid = JsonEncodedText.Encode("invalid");
    public static readonly JsonEncodedText NotAReport = JsonEncodedText.Encode("not_a_report");
    public static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
    public static readonly JsonEncodedText Report = JsonEncodedText.Encode("report");

    public static readonly JsonEncodedText XmlSchema = JsonEncodedText.Encode("xml_schema");
    public static readonly JsonEncodedText XmlNamespace = JsonEncodedText.Encode("xml_namespace");
    public static readonly JsonEncodedText ReportMetadata = JsonEncodedText.Encode("report_metadata");
    public static readonly JsonEncodedText OrgName = JsonEncodedText.Encode("org_name");
    public static readonly JsonEncodedText OrgEmail = JsonEncodedText.Encode("org_email");
    public static readonly JsonEncodedText OrgExtraContactInfo = JsonEncodedText.Encode("org_extra_contact_info");
    public static readonly JsonEncodedText ReportId = JsonEncodedText.Encode("report_id");
    public static readonly JsonEncodedText BeginDate = JsonEncodedText.Encode("begin_date");
    public static readonly JsonEncodedText EndDate = JsonEncodedText.Encode("end_date");
    public static readonly JsonEncodedText TimespanRequiresNormalization = JsonEncodedText.Encode("timespan_requires_normalization");
    public static readonly JsonEncodedText OriginalTimespanSeconds = JsonEncodedText.Encode("original_timespan_seconds");
    public static readonly JsonEncodedText Errors = JsonEncodedText.Encode("errors");
    public static readonly JsonEncodedText Generator = JsonEncodedText.Encode("generator");

    public static readonly JsonEncodedText PolicyPublished = JsonEncodedText.Encode("policy_published");
    public static readonly JsonEncodedText Domain = JsonEncodedText.Encode("domain");
    public static readonly JsonEncodedText Adkim = JsonEncodedText.Encode("adkim");
    public static readonly JsonEncodedText Aspf = JsonEncodedText.Encode("aspf");
    public static readonly JsonEncodedText P = JsonEncodedText.Encode("p");
    public static readonly JsonEncodedText Sp = JsonEncodedText.Encode("sp");
    public static readonly JsonEncodedText Pct = JsonEncodedText.Encode("pct");
    public static readonly JsonEncodedText Fo = JsonEncodedText.Encode("fo");
    public static readonly JsonEncodedText Np = JsonEncodedText.Encode("np");
    public static readonly JsonEncodedText Testing = JsonEncodedText.Encode("testing");
    public static readonly JsonEncodedText DiscoveryMethod = JsonEncodedText.Encode("discovery_method");
    public static readonly JsonEncodedText Records = JsonEncodedText.Encode("records");

    public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
    public static readonly JsonEncodedText IpAddress = JsonEncodedText.Encode("ip_address");
    public static readonly JsonEncodedText[] SourceEnrichment =
    [
        JsonEncodedText.Encode("reverse_dns"), JsonEncodedText.Encode("country"), JsonEncodedText.Encode("base_domain"),
        JsonEncodedText.Encode("name"), JsonEncodedText.Encode("type"), JsonEncodedText.Encode("asn"),
        JsonEncodedText.Encode("as_name"), JsonEncodedText.Encode("as_domain"),
    ];

    public static readonly JsonEncodedText Alignment = JsonEncodedText.Encode("alignment");
    public static readonly JsonEncodedText Spf = JsonEncodedText.Encode("spf");
    public static readonly JsonEncodedText Dkim = JsonEncodedText.Encode("dkim");
    public static readonly JsonEncodedText Dmarc = JsonEncodedText.Encode("dmarc");
    public static readonly JsonEncodedText PolicyEvaluated = JsonEncodedText.Encode("policy_evaluated");
    public static readonly JsonEncodedText Disposition = JsonEncodedText.Encode("disposition");
    public static readonly JsonEncodedText PolicyOverrideReasons = JsonEncodedText.Encode("policy_override_reasons");
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
    public static readonly JsonEncodedText None = JsonEncodedText.Encode("none");
}
