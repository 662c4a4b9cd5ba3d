namespace Dmarc.Reports.Input;

/// <summary>What a run of bytes is, decided from the bytes alone (never from a file name or MIME type).</summary>
internal enum ContentKind
{
    Empty,
    Gzip,
    Zip,
    Zlib,
    AggregateXml,
    OtherXml,
    Json,
    Mail,
    Mbox,
    Unknown,
}
