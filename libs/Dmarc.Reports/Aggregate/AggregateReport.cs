namespace Dmarc.Reports.Aggregate;

/// <summary>
/// One DMARC aggregate (rua) report as the reporter sent it, with the problems met while reading it.
/// When read in streaming mode the records went to the sink and <see cref="Records"/> is empty;
/// <see cref="RecordCount"/> is always the number of records read.
/// </summary>
public sealed record AggregateReport
{
    /// <summary>The <c>version</c> element, or null for the pre-RFC draft shape that has none.</summary>
    public string? SchemaVersion { get; init; }

    /// <summary>The namespace of the root element (e.g. <c>urn:ietf:params:xml:ns:dmarc-2.0</c>), if any.</summary>
    public string? XmlNamespace { get; init; }

    public required ReportMetadata Metadata { get; init; }
    public required PolicyPublished Policy { get; init; }
    public IReadOnlyList<AggregateRecord> Records { get; init; } = [];
    public long RecordCount { get; init; }

    /// <summary>What was wrong with the report but could be read around; the report itself is kept.</summary>
    public IReadOnlyList<ReportError> Errors { get; init; } = [];

    /// <summary>SHA-256 (lower-case hex) of the decompressed report document, to recognise the same XML in other mails.</summary>
    public required string PayloadSha256 { get; init; }

    /// <summary>The key that identifies this report across re-sends: reporter, report id, policy domain and period.</summary>
    public ReportIdentity Identity => new(Metadata.OrgName, Metadata.ReportId, Policy.Domain, Metadata.Period);
}
