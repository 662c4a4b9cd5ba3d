using Dmarc.Reports.Domains;

namespace Dmarc.Reports.Diagnosis;

/// <summary>
/// Adds to the evidence of a stream reported by tree-walk reporters that its Header-From's organisational domain by
/// the DNS tree walk is not the one by the Public Suffix List the recomputed alignment used: their relaxed alignment
/// may differ from the recomputed one, which explains a reporter disagreement.
/// </summary>
internal sealed class DiscoveryNotes(IReadOnlyList<ReportedDiscoveryDifference> differences)
{
    private readonly Dictionary<string, ReportedDiscoveryDifference> _byDomain =
        differences.Where(difference => difference.AsHeaderFrom).ToDictionary(difference => difference.Domain, StringComparer.Ordinal);

    public StreamVerdict Add(StreamTally stream, StreamVerdict verdict)
    {
        if (_byDomain.Count == 0 || stream.TreeWalkMessages == 0 || stream.Key.IsOther
            || DomainNames.Canonical(stream.Key.HeaderFrom) is not { } headerFrom
            || !_byDomain.TryGetValue(headerFrom, out var difference))
        {
            return verdict;
        }

        var note = $"reporters of {Shares.Messages(stream.TreeWalkMessages)} find organisational domains by DNS tree walk: for {headerFrom} "
            + $"it gives {difference.ByTreeWalk} where the Public Suffix List gives {difference.ByPublicSuffixList}, "
            + "so their relaxed alignment may differ from the one recomputed here";
        return verdict with { Evidence = [.. verdict.Evidence, note] };
    }
}
