namespace Dmarc.Enrichment;

/// <summary>
/// How sources are enriched, as an operator configures it (see docs/configuration.md): offline or which name
/// servers, time and concurrency bounds, and the files of the network databases, known senders and inventory.
/// </summary>
public sealed record EnrichmentOptions
{
    /// <summary>No DNS at all (no PTR, no forward confirmation); the local files are still used.</summary>
    public bool Offline { get; init; }

    /// <summary>Name servers as <c>address</c> or <c>address:port</c> (<c>[v6]:port</c>); the system's resolvers when empty.</summary>
    public IReadOnlyList<string> NameServers { get; init; } = [];

    /// <summary>Look up reverse DNS even of private and documentation addresses (off: they say nothing about senders).</summary>
    public bool LookUpSpecialPurposeAddresses { get; init; }

    /// <summary>How long one DNS query may wait for an answer from one server before it is retried.</summary>
    public TimeSpan QueryTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a query that got no answer is tried again.</summary>
    public int Retries { get; init; } = 1;

    /// <summary>Ask again over TCP when a UDP answer comes back truncated.</summary>
    public bool UseTcpFallback { get; init; } = true;

    /// <summary>How long one lookup (PTR, or the forward lookup of one name) may take in all, retries included.</summary>
    public TimeSpan LookupTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many IPs are looked up in DNS at the same time.</summary>
    public int MaxConcurrentLookups { get; init; } = 8;

    /// <summary>How many IPs are kept in the cache.</summary>
    public int CacheCapacity { get; init; } = 100_000;

    /// <summary>How many domains' DMARC records (found or not) are kept for the tree walk.</summary>
    public int DmarcRecordCacheCapacity { get; init; } = 10_000;

    /// <summary>A GeoLite2-Country or DB-IP country MMDB file; no countries when null.</summary>
    public string? CountryDatabasePath { get; init; }

    /// <summary>A GeoLite2-ASN or DB-IP ASN MMDB file; no AS numbers when null.</summary>
    public string? AsnDatabasePath { get; init; }

    /// <summary>A known-senders JSON file merged over the built-in map.</summary>
    public string? KnownSendersPath { get; init; }

    /// <summary>The operator's sender inventory JSON file.</summary>
    public string? InventoryPath { get; init; }
}
