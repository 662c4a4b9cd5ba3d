namespace Dmarc.Reports.Diagnosis;

/// <summary>
/// Messages per name (reporter, domain) inside one stream: a short list, kept apart up to a small bound and summed as
/// <see cref="AnalysisOptions.Other"/> after it. Allocates nothing until the first name.
/// </summary>
public sealed class NameTally(int bound)
{
    private List<KeyValuePair<string, long>>? _entries;

    public int Count => _entries?.Count ?? 0;

    /// <summary>The names, most messages first (ties by name).</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Entries =>
        _entries is null ? [] : [.. _entries.OrderByDescending(entry => entry.Value).ThenBy(entry => entry.Key, StringComparer.Ordinal)];

    /// <summary>The name with the most messages, or null when there is none.</summary>
    public string? Top => _entries is null ? null : Entries[0].Key;

    public long this[string name] => Find(name) is var index and >= 0 ? _entries![index].Value : 0;

    public void Add(string name, long messages)
    {
        _entries ??= [];
        var index = Find(name);
        if (index < 0 && _entries.Count >= bound)
        {
            name = AnalysisOptions.Other;
            index = Find(name);
        }

        if (index < 0)
        {
            _entries.Add(new KeyValuePair<string, long>(name, messages));
        }
        else
        {
            _entries[index] = new KeyValuePair<string, long>(name, _entries[index].Value + messages);
        }
    }

    private int Find(string name)
    {
        if (_entries is null)
        {
            return -1;
        }

        for (var i = 0; i < _entries.Count; i++)
        {
            if (string.Equals(_entries[i].Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
