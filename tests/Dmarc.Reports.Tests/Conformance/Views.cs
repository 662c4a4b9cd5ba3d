using System.Globalization;
using System.Text.Json;
using static Dmarc.Reports.Tests.Conformance.Spelling;

namespace Dmarc.Reports.Tests.Conformance;

/// <summary>
/// Our report as parsedmarc would print it. parsedmarc fills in some values the report left out; these are the same
/// facts said another way, so our side is given the same fill-ins (each one is parsedmarc 10.4.3's own rule):
/// <list type="bullet">
/// <item><c>sp</c> missing: parsedmarc prints p, which is our <see cref="PolicyPublished.EffectiveSp"/>;</item>
/// <item><c>envelope_from</c> missing or empty: parsedmarc prints the domain of the last SPF auth result;</item>
/// <item>DKIM <c>selector</c> missing: parsedmarc prints "none";</item>
/// <item><c>report_id</c>: parsedmarc drops angle brackets and everything from '@' on.</item>
/// </list>
/// </summary>
internal static class OurView
{
    public static ReportView Of(AggregateReport report) => new(
        OrgName: report.Metadata.OrgName.Trim(),
        Email: Text(report.Metadata.Email),
        ReportId: ParsedmarcReportId(report.Metadata.ReportId),
        Begin: Time(report.Metadata.Period.Begin),
        End: Time(report.Metadata.Period.End),
        Policy: Of(report.Policy),
        Records: [.. report.Records.Select(Of)]);

    private static PolicyView Of(PolicyPublished policy) => new(
        Domain: Token(policy.Domain) ?? "",
        Adkim: policy.Adkim == AlignmentMode.Strict ? "s" : "r",
        Aspf: policy.Aspf == AlignmentMode.Strict ? "s" : "r",
        P: Name(policy.P),
        Sp: Name(policy.EffectiveSp),
        Pct: policy.Pct?.ToString(CultureInfo.InvariantCulture),
        Fo: Text(policy.Fo),
        Np: Name(policy.Np),
        Testing: policy.Testing switch { true => "y", false => "n", null => null },
        DiscoveryMethod: policy.DiscoveryMethod switch
        {
            Dmarc.Reports.Aggregate.DiscoveryMethod.Psl => "psl",
            Dmarc.Reports.Aggregate.DiscoveryMethod.TreeWalk => "treewalk",
            _ => null,
        });

    private static RecordView Of(AggregateRecord record)
    {
        var envelopeFrom = Token(record.EnvelopeFrom);
        if (envelopeFrom is null && record.Spf.Count > 0)
        {
            envelopeFrom = Token(record.Spf[^1].Domain);
        }

        return new RecordView(
            SourceIp: Ip(record.SourceIp),
            Count: record.Count,
            Disposition: Name(record.PolicyEvaluated.Disposition),
            Dkim: Name(record.PolicyEvaluated.Dkim),
            Spf: Name(record.PolicyEvaluated.Spf),
            Reasons: Lines(record.PolicyEvaluated.Reasons.Select(reason => ReasonLine(Name(reason.Type), reason.Comment))),
            HeaderFrom: Token(record.HeaderFrom) ?? "",
            EnvelopeFrom: envelopeFrom,
            DkimResults: Lines(record.Dkim.Select(dkim => DkimLine(dkim.Domain, dkim.Selector ?? "none", Name(dkim.Result), dkim.HumanResult))),
            SpfResults: Lines(record.Spf.Select(spf => SpfLine(spf.Domain, spf.Scope == SpfScope.Helo ? "helo" : "mfrom", Name(spf.Result), spf.HumanResult))));
    }

    /// <summary>The report's own word for an enum value: <c>SoftFail</c> is "softfail", <c>MailingList</c> is "mailing_list".</summary>
    private static string Name<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return value switch
        {
            PolicyOverride => string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())),
            _ => name.ToLowerInvariant(),
        };
    }

    private static string? Name<T>(T? value)
        where T : struct, Enum => value is { } known ? Name(known) : null;
}

/// <summary>
/// parsedmarc's JSON of one aggregate report (<c>corpus-expected/*.json</c>, <c>report</c>). Only spellings are
/// unified here: result words lower case, and the aliases reporters use for SPF and DKIM results
/// (<c>hardfail</c> = fail, <c>unknown</c> = permerror, <c>error</c> = temperror; DMARC.md, Quirks) read as the RFC words.
/// </summary>
internal static class ParsedmarcView
{
    public static ReportView Of(JsonElement report)
    {
        var metadata = report.GetProperty("report_metadata");
        var policy = report.GetProperty("policy_published");
        return new ReportView(
            OrgName: Text(String(metadata, "org_name")) ?? "",
            Email: Text(String(metadata, "org_email")),
            ReportId: Text(String(metadata, "report_id")) ?? "",
            Begin: String(metadata, "begin_date") ?? "",
            End: String(metadata, "end_date") ?? "",
            Policy: new PolicyView(
                Domain: Token(String(policy, "domain")) ?? "",
                Adkim: Token(String(policy, "adkim")) ?? "r",
                Aspf: Token(String(policy, "aspf")) ?? "r",
                P: Token(String(policy, "p")),
                Sp: Token(String(policy, "sp")),
                Pct: Text(String(policy, "pct")),
                Fo: Text(String(policy, "fo")),
                Np: Token(String(policy, "np")),
                Testing: Token(String(policy, "testing")),
                DiscoveryMethod: Token(String(policy, "discovery_method"))),
            Records: [.. report.GetProperty("records").EnumerateArray().Select(Record)]);
    }

    /// <summary>True when parsedmarc split the records of this report into per-day pieces (period longer than 24 h).</summary>
    public static bool SplitByDay(JsonElement report) =>
        report.GetProperty("report_metadata").TryGetProperty("timespan_requires_normalization", out var split) && split.ValueKind == JsonValueKind.True;

    private static RecordView Record(JsonElement record)
    {
        var evaluated = record.GetProperty("policy_evaluated");
        var identifiers = record.GetProperty("identifiers");
        var auth = record.GetProperty("auth_results");
        return new RecordView(
            SourceIp: Ip(String(record.GetProperty("source"), "ip_address") ?? ""),
            Count: record.GetProperty("count").GetInt64(),
            Disposition: Token(String(evaluated, "disposition")) ?? "",
            Dkim: Token(String(evaluated, "dkim")) ?? "",
            Spf: Token(String(evaluated, "spf")) ?? "",
            Reasons: Lines(evaluated.GetProperty("policy_override_reasons").EnumerateArray()
                .Select(reason => ReasonLine(String(reason, "type"), String(reason, "comment")))),
            HeaderFrom: Token(String(identifiers, "header_from")) ?? "",
            EnvelopeFrom: Token(String(identifiers, "envelope_from")),
            DkimResults: Lines(auth.GetProperty("dkim").EnumerateArray()
                .Select(dkim => DkimLine(String(dkim, "domain"), String(dkim, "selector"), Result(String(dkim, "result")), String(dkim, "human_result")))),
            SpfResults: Lines(auth.GetProperty("spf").EnumerateArray()
                .Select(spf => SpfLine(String(spf, "domain"), String(spf, "scope"), Result(String(spf, "result")), String(spf, "human_result")))));
    }

    private static string? Result(string? word) => Token(word) switch
    {
        "hardfail" => "fail",
        "unknown" => "permerror",
        "error" => "temperror",
        var other => other,
    };

    /// <summary>A property as text: strings as they are, numbers as written, null or missing as null.</summary>
    public static string? String(JsonElement parent, string name) =>
        !parent.TryGetProperty(name, out var value) ? null
        : value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => value.GetString(),
            _ => value.GetRawText(),
        };
}
