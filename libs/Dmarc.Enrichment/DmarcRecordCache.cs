namespace Dmarc.Enrichment;

/// <summary>
/// DMARC record answers by query name (a record, or null for none), each kept for its own lifetime; once
/// <c>capacity</c> names are held, the least recently used goes first.
/// </summary>
internal sealed class DmarcRecordCache(int capacity, TimeProvider clock)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly LinkedList<Entry> _recentFirst = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public bool TryGet(string name, out string? record)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(name, out var node))
            {
                if (clock.GetUtcNow() < node.Value.ExpiresAt)
                {
                    _recentFirst.Remove(node);
                    _recentFirst.AddFirst(node);
                    record = node.Value.Record;
                    return true;
                }

                _recentFirst.Remove(node);
                _entries.Remove(name);
            }
        }

        record = null;
        return false;
    }

    public void Add(string name, string? record, TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            return;
        }

        var entry = new Entry(name, record, clock.GetUtcNow() + lifetime);
        lock (_lock)
        {
            if (_entries.Remove(name, out var old))
            {
                _recentFirst.Remove(old);
            }

            _entries[name] = _recentFirst.AddFirst(entry);
            while (_entries.Count > capacity && _recentFirst.Last is { } oldest)
            {
                _entries.Remove(oldest.Value.Name);
                _recentFirst.RemoveLast();
            }
        }
    }

    private sealed record Entry(string Name, string? Record, DateTimeOffset ExpiresAt);
}
