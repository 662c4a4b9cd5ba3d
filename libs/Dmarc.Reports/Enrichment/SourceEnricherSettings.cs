namespace Dmarc.Reports.Enrichment;

/// <summary>How <see cref="SourceEnricher"/> looks sources up: offline or not, time and concurrency bounds, the cache.</summary>
public sealed record SourceEnricherSettings
{
    /// <summary>No DNS lookups at all; local databases (MMDB, known senders, inventory) are still used.</summary>
    public bool Offline { get; init; }

    /// <summary>
    /// Look up reverse DNS even of addresses not on the public Internet (private, documentation, loopback ranges; see
    /// <see cref="SpecialPurposeAddresses"/>). Off by default: their PTR names say nothing about who sent mail.
    /// </summary>
    public bool LookUpSpecialPurposeAddresses { get; init; }

    /// <summary>How long one DNS lookup (the PTR query, or the forward query of one name) may take.</summary>
    public TimeSpan LookupTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many IPs are looked up in DNS at the same time.</summary>
    public int MaxConcurrentLookups { get; init; } = 8;

    /// <summary>
    /// After this many reverse lookups in a row time out or fail (not "no PTR": DNS itself not answering), DNS is taken
    /// to be unreachable and the remaining IPs are not looked up, so that a run without DNS ends in seconds, not hours.
    /// </summary>
    public int MaxFailedLookupsInARow { get; init; } = 16;

    /// <summary>How many PTR names of one IP are tried for forward confirmation (some IPs publish dozens).</summary>
    public int MaxPtrNames { get; init; } = 4;

    /// <summary>How many IPs the cache keeps; the least recently used go first.</summary>
    public int CacheCapacity { get; init; } = 100_000;

    /// <summary>How long a looked-up IP is kept.</summary>
    public TimeSpan CacheLifetime { get; init; } = TimeSpan.FromHours(12);

    /// <summary>How long an IP whose DNS lookup timed out or failed is kept before it is tried again.</summary>
    public TimeSpan FailedLookupLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The clock for cache lifetimes.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the setting that cannot work.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(LookupTimeout, TimeSpan.Zero, nameof(LookupTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentLookups, 1, nameof(MaxConcurrentLookups));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPtrNames, 1, nameof(MaxPtrNames));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFailedLookupsInARow, 1, nameof(MaxFailedLookupsInARow));
        ArgumentOutOfRangeException.ThrowIfLessThan(CacheCapacity, 1, nameof(CacheCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(CacheLifetime, TimeSpan.Zero, nameof(CacheLifetime));
        ArgumentOutOfRangeException.ThrowIfLessThan(FailedLookupLifetime, TimeSpan.Zero, nameof(FailedLookupLifetime));
    }
}
