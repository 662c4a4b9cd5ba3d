namespace Dmarc.Reports.Formats;

/// <summary>
/// The names of the analysis JSON (docs/analysis-format.md). Public so that the store and dashboards use the very
/// same words for the same numbers.
/// </summary>
public static class AnalysisJsonNames
{
    public const string Format = "format";
    public const string FormatName = "dmarc-analysis";
    public const string FormatVersion = "format_version";
    public const string TimeZone = "time_zone";
    public const string Window = "window";
    public const string Begin = "begin";
    public const string End = "end";
    public const string Totals = "totals";
    public const string Reports = "reports";
    public const string Records = "records";
    public const string Messages = "messages";
    public const string UnanalysedMessages = "unanalysed_messages";
    public const string InvalidReports = "invalid_reports";
    public const string NotReports = "not_reports";

    public const string Streams = "streams";
    public const string SourceIp = "source_ip";
    public const string HeaderFrom = "header_from";
    public const string EnvelopeFrom = "envelope_from";
    public const string DkimDomains = "dkim_domains";
    public const string Count = "count";
    public const string FirstSeen = "first_seen";
    public const string LastSeen = "last_seen";
    public const string Class = "class";
    public const string Spf = "spf";
    public const string Dkim = "dkim";
    public const string Evidence = "evidence";
    public const string Fix = "fix";
    public const string ReporterPass = "reporter_pass";
    public const string DmarcPass = "dmarc_pass";
    public const string DmarcFail = "dmarc_fail";
    public const string ReporterDisagrees = "reporter_disagrees";
    public const string ReporterPassDmarcFail = "reporter_pass_dmarc_fail";
    public const string ReporterFailDmarcPass = "reporter_fail_dmarc_pass";
    public const string SpfResults = "spf_results";
    public const string DkimResults = "dkim_results";
    public const string Overrides = "overrides";
    public const string Dispositions = "dispositions";
    public const string Reporters = "reporters";
    public const string OrgName = "org_name";
    public const string PolicyDomains = "policy_domains";
    public const string Domain = "domain";
    public const string ReverseDns = "reverse_dns";
    public const string ForwardConfirmed = "forward_confirmed";
    public const string BaseDomain = "base_domain";
    public const string Country = "country";
    public const string Asn = "asn";
    public const string AsOrganization = "as_organization";
    public const string Sender = "sender";
    public const string Name = "name";
    public const string Type = "type";
    public const string MatchedBy = "matched_by";
    public const string SourceNotes = "source_notes";

    public const string Kind = "kind";
    public const string PassRate = "pass_rate";
    public const string ReporterPassRate = "reporter_pass_rate";
    public const string Published = "published";
    public const string P = "p";
    public const string Sp = "sp";
    public const string Np = "np";
    public const string EffectiveSp = "effective_sp";
    public const string EffectiveNp = "effective_np";
    public const string Pct = "pct";
    public const string Testing = "testing";
    public const string Adkim = "adkim";
    public const string Aspf = "aspf";
    public const string PolicyChanged = "policy_changed";
    public const string Classes = "classes";
    public const string WouldQuarantine = "would_quarantine";
    public const string WouldReject = "would_reject";
    public const string Share = "share";
    public const string ExemptedByReceivers = "exempted_by_receivers";
    public const string Subdomains = "subdomains";
    public const string NpApplies = "np_applies";
    public const string Unknown = "unknown";
    public const string FixFirst = "fix_first";
    public const string Label = "label";
    public const string Recommendation = "recommendation";
    public const string Ready = "ready";
    public const string Summary = "summary";
    public const string NextStep = "next_step";
    public const string Target = "target";
    public const string Reasoning = "reasoning";
    public const string Disagreements = "disagreements";
    public const string Daily = "daily";
    public const string Days = "days";
    public const string Day = "day";
    public const string PolicyDomain = "policy_domain";

    public const string DiscoveryCheck = "discovery_check";
    public const string Status = "status";
    public const string StatusNoTreeWalkReports = "no_treewalk_reports";
    public const string StatusChecked = "checked";
    public const string StatusNotChecked = "not_checked";
    public const string Reason = "reason";
    public const string Domains = "domains";
    public const string Checked = "checked";
    public const string Failed = "failed";
    public const string Skipped = "skipped";
    public const string MessagesPastBound = "messages_past_bound";
    public const string Failures = "failures";
    public const string DiscoveryDifferences = "discovery_differences";
    public const string ByPsl = "by_psl";
    public const string ByTreeWalk = "by_tree_walk";
    public const string AsHeaderFrom = "header_from";
    public const string AsPolicyDomain = "policy_domain";
}
