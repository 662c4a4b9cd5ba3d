using Dmarc.Reports.Domains;
using Dmarc.Reports.Enrichment;

namespace Dmarc.Enrichment;

/// <summary>
/// The source enricher as configured by <see cref="EnrichmentOptions"/>, with the known senders and inventory it
/// uses (the inventory also matches whole records: <see cref="SenderInventory.MatchRecord"/>). Owns the open databases.
/// </summary>
public sealed class SourceEnrichment : ISourceEnricher, IDisposable
{
    private readonly SourceEnricher _enricher;
    private readonly MmdbNetworkInfo? _networkInfo;

    private SourceEnrichment(SourceEnricher enricher, MmdbNetworkInfo? networkInfo, KnownSenders knownSenders, SenderInventory inventory)
    {
        _enricher = enricher;
        _networkInfo = networkInfo;
        KnownSenders = knownSenders;
        Inventory = inventory;
    }

    public KnownSenders KnownSenders { get; }

    public SenderInventory Inventory { get; }

    /// <summary>
    /// Builds the enricher: DNS unless offline, the MMDB files that are configured, the built-in known senders with
    /// the configured file over them, and the inventory. A configured file that is missing or broken throws
    /// (<see cref="FileNotFoundException"/>, <see cref="InvalidDataException"/>) naming it: configuration errors
    /// show at start, not as notes on every source.
    /// </summary>
    public static SourceEnrichment Create(EnrichmentOptions options, IOrganizationalDomains organizationalDomains)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(organizationalDomains);
        var knownSenders = options.KnownSendersPath is { } sendersPath
            ? KnownSenders.BuiltIn.MergedWith(ReadFile(sendersPath, stream => KnownSenders.Load(stream, sendersPath)))
            : KnownSenders.BuiltIn;
        var inventory = options.InventoryPath is { } inventoryPath
            ? ReadFile(inventoryPath, stream => SenderInventory.Load(stream, organizationalDomains, inventoryPath))
            : SenderInventory.Empty;
        var settings = new SourceEnricherSettings
        {
            Offline = options.Offline,
            LookUpSpecialPurposeAddresses = options.LookUpSpecialPurposeAddresses,
            LookupTimeout = options.LookupTimeout,
            MaxConcurrentLookups = options.MaxConcurrentLookups,
            CacheCapacity = options.CacheCapacity,
        };
        settings.Validate();
        var reverseDns = options.Offline ? null : new DnsReverseLookup(options);
        var networkInfo = options.CountryDatabasePath is null && options.AsnDatabasePath is null
            ? null
            : MmdbNetworkInfo.Open(options.CountryDatabasePath, options.AsnDatabasePath);
        var enricher = new SourceEnricher(reverseDns, networkInfo, organizationalDomains, knownSenders, inventory, settings);
        return new SourceEnrichment(enricher, networkInfo, knownSenders, inventory);
    }

    /// <summary>True when DNS lookups are made (not offline).</summary>
    public bool LooksUpDns => _enricher.LooksUpDns;

    public ValueTask<SourceInfo> EnrichAsync(string ip, CancellationToken cancellationToken = default) =>
        _enricher.EnrichAsync(ip, cancellationToken);

    public void Dispose()
    {
        _enricher.Dispose();
        _networkInfo?.Dispose();
    }

    private static T ReadFile<T>(string path, Func<Stream, T> read)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"enrichment file {path} does not exist", path);
        }

        using var stream = File.OpenRead(path);
        return read(stream);
    }
}
