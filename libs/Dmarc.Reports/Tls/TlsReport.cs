using Dmarc.Reports.Aggregate;

namespace Dmarc.Reports.Tls;

/// <summary>
/// One SMTP TLS report (RFC 8460, TLS-RPT) as the sending organisation wrote it: for each policy (MTA-STS, DANE
/// TLSA, or none found) of a recipient domain, how many TLS sessions succeeded and failed, and why they failed.
/// </summary>
public sealed record TlsReport
{
    /// <summary><c>organization-name</c>: the organisation that sent the mail and wrote the report.</summary>
    public required string OrganizationName { get; init; }

    /// <summary><c>report-id</c>, as sent (trimmed).</summary>
    public required string ReportId { get; init; }

    /// <summary><c>date-range</c>: <c>start-datetime</c> and <c>end-datetime</c> in UTC (a time without zone is read as UTC).</summary>
    public required ReportPeriod Period { get; init; }

    /// <summary><c>contact-info</c> (an e-mail address or a URI), or null when the report gives none.</summary>
    public string? ContactInfo { get; init; }

    /// <summary>One entry per policy the sender applied, in the order of the report.</summary>
    public IReadOnlyList<TlsPolicyResult> Policies { get; init; } = [];

    /// <summary>What was wrong with the report but could be read around (a policy without domain, a bad count).</summary>
    public IReadOnlyList<TlsReportError> Errors { get; init; } = [];

    /// <summary>SHA-256 (lower-case hex) of the report document (the JSON, decompressed), to recognise it in other mails.</summary>
    public required string PayloadSha256 { get; init; }

    /// <summary>The key that identifies this report across re-sends: organisation, report id and period.</summary>
    public TlsReportIdentity Identity => new(OrganizationName, ReportId, Period);
}

/// <summary>The natural key of a TLS report: the organisation's report id within its period.</summary>
public sealed record TlsReportIdentity(string Organization, string ReportId, ReportPeriod Period)
{
    public override string ToString() =>
        $"{Organization.ToLowerInvariant()}|{ReportId}|{Period.Begin.ToUnixTimeSeconds()}|{Period.End.ToUnixTimeSeconds()}";
}
