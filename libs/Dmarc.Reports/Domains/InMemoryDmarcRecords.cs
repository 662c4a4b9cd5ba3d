using System.Collections.Concurrent;

namespace Dmarc.Reports.Domains;

/// <summary>
/// DMARC records held in memory, by domain (e.g. <c>["example.com"] = "v=DMARC1; p=none"</c>), for tests and for
/// records known in advance. Remembers which names were asked for, in order, so a test can check the walk's queries.
/// </summary>
public sealed class InMemoryDmarcRecords : IDmarcRecordSource
{
    private readonly Dictionary<string, string> _records;
    private readonly ConcurrentQueue<string> _queries = new();

    /// <summary>Holds <paramref name="records"/>: domain (any case, trailing dot allowed) → the text of its record.</summary>
    public InMemoryDmarcRecords(IEnumerable<KeyValuePair<string, string>> records)
    {
        _records = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (domain, record) in records)
        {
            _records[DomainNames.Canonical(domain) ?? DomainNames.Loose(domain)] = record;
        }
    }

    /// <summary>The names asked for so far, in order (without the <c>_dmarc.</c> label).</summary>
    public IReadOnlyList<string> Queries => [.. _queries];

    public ValueTask<string?> DmarcRecordAsync(string domain, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _queries.Enqueue(domain);
        return ValueTask.FromResult(_records.GetValueOrDefault(domain));
    }
}
