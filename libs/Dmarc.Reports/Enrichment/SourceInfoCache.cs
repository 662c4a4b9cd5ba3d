namespace Dmarc.Reports.Enrichment;

/// <summary>A finished lookup and how long it may be reused.</summary>
internal sealed record CachedSource(SourceInfo Info, TimeSpan Lifetime);

/// <summary>
/// Lookups per IP, least recently used out first once <c>capacity</c> is reached. Callers asking for an IP that is
/// being looked up share that lookup; a finished one is reused until its lifetime is over.
/// </summary>
internal sealed class SourceInfoCache(int capacity, TimeProvider clock)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
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

    public Task<CachedSource> GetOrAdd(string key, Func<Task<CachedSource>> lookUp)
    {
        Entry entry;
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node) && !node.Value.ExpiredAt(clock.GetUtcNow()))
            {
                _recentFirst.Remove(node);
                _recentFirst.AddFirst(node);
                entry = node.Value;
            }
            else
            {
                if (node is not null)
                {
                    _recentFirst.Remove(node);
                }

                entry = new Entry(key, lookUp, clock);
                _entries[key] = _recentFirst.AddFirst(entry);
                while (_entries.Count > capacity && _recentFirst.Last is { } oldest)
                {
                    _entries.Remove(oldest.Value.Key);
                    _recentFirst.RemoveLast();
                }
            }
        }

        // Started outside the lock, once, by whichever caller comes first.
        return entry.Lookup.Value;
    }

    private sealed class Entry
    {
        private long _expiresAtTicks = long.MaxValue;

        public Entry(string key, Func<Task<CachedSource>> lookUp, TimeProvider clock)
        {
            Key = key;
            Lookup = new Lazy<Task<CachedSource>>(() => RunAsync(lookUp, clock), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public string Key { get; }

        public Lazy<Task<CachedSource>> Lookup { get; }

        public bool ExpiredAt(DateTimeOffset now) => now.UtcTicks >= Volatile.Read(ref _expiresAtTicks);

        private async Task<CachedSource> RunAsync(Func<Task<CachedSource>> lookUp, TimeProvider clock)
        {
            CachedSource result;
            try
            {
                result = await lookUp().ConfigureAwait(false);
            }
            catch
            {
                Volatile.Write(ref _expiresAtTicks, 0); // never reuse a broken lookup
                throw;
            }

            var expiresAt = clock.GetUtcNow().UtcTicks + Math.Min(result.Lifetime.Ticks, DateTimeOffset.MaxValue.UtcTicks / 2);
            Volatile.Write(ref _expiresAtTicks, expiresAt);
            return result;
        }
    }
}
