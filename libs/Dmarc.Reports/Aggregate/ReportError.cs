namespace Dmarc.Reports.Aggregate;

/// <summary>Where a problem of a report came from.</summary>
public enum ReportErrorSource
{
    /// <summary>An <c>error</c> element the reporter itself wrote into <c>report_metadata</c>.</summary>
    Reporter,

    /// <summary>The document was not well-formed XML; what could be read was kept.</summary>
    Xml,

    /// <summary>A value in the metadata or policy could not be understood.</summary>
    Metadata,

    /// <summary>One record could not be read; the rest of the report was kept.</summary>
    Record,
}

/// <summary>A problem of one report, in words an operator understands.</summary>
public sealed record ReportError(ReportErrorSource Source, string Message)
{
    public override string ToString() => Message;
}
