namespace Dmarc.Reports;

/// <summary>
/// Bounds that keep hostile input (bombs, deep nesting, huge mails) from costing unbounded time or memory.
/// Each breach ends the report or input as <see cref="Outcomes.InvalidReport"/> with a reason that names the limit.
/// </summary>
public sealed record ReportLimits
{
    /// <summary>Largest input (a file or a whole mail) that is read at all.</summary>
    public long MaxInputBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Largest decompressed report document. A 1,000,000-record aggregate report is about 710 MB.</summary>
    public long MaxReportBytes { get; init; } = 1024L * 1024 * 1024;

    /// <summary>Most bytes decompressed from one input, over all its archives and parts.</summary>
    public long MaxTotalDecompressedBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Most entries read from one zip archive.</summary>
    public int MaxArchiveEntries { get; init; } = 64;

    /// <summary>How deep containers may nest (gzip in gzip, zip in a mail attachment, a mail attached to a mail).</summary>
    public int MaxContainerDepth { get; init; } = 5;

    /// <summary>Deepest XML element nesting accepted; DMARC reports need 5.</summary>
    public int MaxXmlDepth { get; init; } = 32;

    /// <summary>Most MIME parts looked at in one mail.</summary>
    public int MaxMimeParts { get; init; } = 500;

    /// <summary>Longest text accepted in one XML element.</summary>
    public int MaxXmlValueLength { get; init; } = 64 * 1024;

    /// <summary>Largest SMTP TLS report (JSON) read; it is held in memory whole. Real reports are a few KiB.</summary>
    public long MaxTlsReportBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Deepest JSON nesting accepted in a TLS report; RFC 8460 reports need 5.</summary>
    public int MaxTlsJsonDepth { get; init; } = 16;

    /// <summary>Longest text (in bytes, as written in the JSON) accepted in a TLS report.</summary>
    public int MaxTlsValueLength { get; init; } = 64 * 1024;

    public static ReportLimits Default { get; } = new();
}
