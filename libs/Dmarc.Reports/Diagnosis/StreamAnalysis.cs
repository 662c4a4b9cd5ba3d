using Dmarc.Reports.Enrichment;

namespace Dmarc.Reports.Diagnosis;

/// <summary>One stream's numbers, what is known about its source and its verdict.</summary>
public sealed record StreamAnalysis(StreamTally Tally, SourceInfo? Source, StreamVerdict Verdict)
{
    public StreamKey Key => Tally.Key;

    /// <summary>A short name for the stream in sentences: the known service, the source's domain, the domain it authenticates as, or its IP.</summary>
    public string Label =>
        Source?.Sender?.Name
        ?? Source?.BaseDomain
        ?? Tally.MisalignedDkimDomains.Top
        ?? Tally.MisalignedSpfDomains.Top
        ?? Source?.ReverseDns
        ?? Key.SourceIp;
}
