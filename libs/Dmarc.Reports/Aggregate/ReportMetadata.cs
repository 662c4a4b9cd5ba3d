namespace Dmarc.Reports.Aggregate;

/// <summary>The <c>report_metadata</c> section: who reported, which report, which period.</summary>
public sealed record ReportMetadata
{
    /// <summary>The reporting organisation; the domain of <see cref="Email"/> when the report names none.</summary>
    public required string OrgName { get; init; }

    /// <summary>True when <see cref="OrgName"/> came from the e-mail domain because <c>org_name</c> was missing or empty.</summary>
    public bool OrgNameFromEmail { get; init; }

    public string? Email { get; init; }
    public string? ExtraContactInfo { get; init; }

    /// <summary>The report id as sent (angle brackets of <c>&lt;id@host&gt;</c> forms removed).</summary>
    public required string ReportId { get; init; }

    public required ReportPeriod Period { get; init; }

    /// <summary>RFC 9990 <c>generator</c>: the software that wrote the report.</summary>
    public string? Generator { get; init; }

    /// <summary>The reporter's own <c>error</c> elements.</summary>
    public IReadOnlyList<string> ReporterErrors { get; init; } = [];
}
