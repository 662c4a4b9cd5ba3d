using Dmarc.Reports.Aggregate;

namespace Dmarc.Reports.Diagnosis;

/// <summary>
/// One sending stream: the messages from one source IP with the same Header-From, envelope sender and DKIM signing
/// domains (<see cref="DkimDomains"/>: the <c>d=</c> of every signature whatever its result, sorted, without repeats).
/// Diagnosis classifies streams, not records: a stream is one way mail reaches receivers.
/// </summary>
public sealed record StreamKey(string SourceIp, string HeaderFrom, string? EnvelopeFrom, IReadOnlyList<string> DkimDomains)
{
    /// <summary>Where streams past the configured bound are summed up.</summary>
    public static StreamKey Other { get; } = new(AnalysisOptions.Other, AnalysisOptions.Other, null, []);

    public bool IsOther => ReferenceEquals(this, Other) || Equals(Other);

    /// <summary>The stream a record belongs to.</summary>
    public static StreamKey Of(AggregateRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new StreamKey(record.SourceIp, record.HeaderFrom, string.IsNullOrEmpty(record.EnvelopeFrom) ? null : record.EnvelopeFrom, DkimDomainsOf(record));
    }

    public bool Equals(StreamKey? other) =>
        other is not null
        && string.Equals(SourceIp, other.SourceIp, StringComparison.OrdinalIgnoreCase)
        && string.Equals(HeaderFrom, other.HeaderFrom, StringComparison.OrdinalIgnoreCase)
        && string.Equals(EnvelopeFrom, other.EnvelopeFrom, StringComparison.OrdinalIgnoreCase)
        && DkimDomains.SequenceEqual(other.DkimDomains, StringComparer.OrdinalIgnoreCase);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(SourceIp, StringComparer.OrdinalIgnoreCase);
        hash.Add(HeaderFrom, StringComparer.OrdinalIgnoreCase);
        hash.Add(EnvelopeFrom ?? "", StringComparer.OrdinalIgnoreCase);
        foreach (var domain in DkimDomains)
        {
            hash.Add(domain, StringComparer.OrdinalIgnoreCase);
        }

        return hash.ToHashCode();
    }

    public override string ToString() =>
        $"{SourceIp} from {HeaderFrom} (envelope {EnvelopeFrom ?? "-"}, DKIM {(DkimDomains.Count == 0 ? "-" : string.Join(",", DkimDomains))})";

    private static string[] DkimDomainsOf(AggregateRecord record)
    {
        if (record.Dkim.Count == 0)
        {
            return [];
        }

        var domains = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var dkim in record.Dkim)
        {
            if (!string.IsNullOrEmpty(dkim.Domain))
            {
                domains.Add(dkim.Domain.ToLowerInvariant());
            }
        }

        return [.. domains];
    }
}
