using System.Net;
using Dmarc.Reports.Domains;
using Dmarc.Reports.Input;

namespace Dmarc.Reports.Enrichment;

/// <summary>
/// Enriches sending IPs from reverse DNS (forward-confirmed only), the network databases, the operator's inventory
/// and the known-senders map. Each IP is looked up once while cached, at most
/// <see cref="SourceEnricherSettings.MaxConcurrentLookups"/> at a time; a timeout, failure or missing database is a
/// note in the result, never an exception.
/// </summary>
public sealed class SourceEnricher : ISourceEnricher, IDisposable
{
    private int _failedInARow;
    private readonly ForwardConfirmedReverseDns? _reverseDns;
    private readonly INetworkInfo? _networkInfo;
    private readonly IOrganizationalDomains _organizationalDomains;
    private readonly KnownSenders _knownSenders;
    private readonly SenderInventory _inventory;
    private readonly SourceEnricherSettings _settings;
    private readonly SemaphoreSlim _lookupSlots;
    private readonly SourceInfoCache _cache;

    /// <param name="reverseDns">DNS for reverse lookups; null means offline.</param>
    /// <param name="networkInfo">Country and AS databases; null when none is configured.</param>
    /// <param name="organizationalDomains">Gives the base domain of a forward-confirmed PTR name.</param>
    /// <param name="knownSenders">The known-senders map; <see cref="KnownSenders.BuiltIn"/> when null.</param>
    /// <param name="inventory">The operator's own senders; none when null.</param>
    /// <param name="settings">Timeouts, concurrency, cache; the defaults when null.</param>
    public SourceEnricher(
        IReverseDns? reverseDns,
        INetworkInfo? networkInfo,
        IOrganizationalDomains organizationalDomains,
        KnownSenders? knownSenders = null,
        SenderInventory? inventory = null,
        SourceEnricherSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(organizationalDomains);
        _settings = settings ?? new SourceEnricherSettings();
        _settings.Validate();
        _reverseDns = reverseDns is null || _settings.Offline ? null : new ForwardConfirmedReverseDns(reverseDns, _settings);
        _networkInfo = networkInfo;
        _organizationalDomains = organizationalDomains;
        _knownSenders = knownSenders ?? KnownSenders.BuiltIn;
        _inventory = inventory ?? SenderInventory.Empty;
        _lookupSlots = new SemaphoreSlim(_settings.MaxConcurrentLookups, _settings.MaxConcurrentLookups);
        _cache = new SourceInfoCache(_settings.CacheCapacity, _settings.TimeProvider);
    }

    /// <summary>True when reverse DNS is looked up: a DNS client was given and the settings are not offline.</summary>
    public bool LooksUpDns => _reverseDns is not null;

    /// <summary>How many IPs the cache holds now.</summary>
    public int CachedCount => _cache.Count;

    public async ValueTask<SourceInfo> EnrichAsync(string ip, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ip);
        if (!SourceAddress.TryParse(ip, out var address))
        {
            return new SourceInfo(ip) { Notes = [$"'{Names.Printable(ip)}' is not an IP address: nothing was looked up"] };
        }

        // The shared lookup runs to its end whoever stops waiting for it, so one caller's cancellation spoils no other's.
        var cached = await _cache.GetOrAdd(address.ToString(), () => LookUpAsync(address)).WaitAsync(cancellationToken).ConfigureAwait(false);
        return cached.Info.Ip == ip ? cached.Info : cached.Info with { Ip = ip };
    }

    public void Dispose() => _lookupSlots.Dispose();

    private async Task<CachedSource> LookUpAsync(IPAddress address)
    {
        var network = FindNetwork(address);
        var reverse = await ReverseDnsAsync(address).ConfigureAwait(false);
        var confirmedName = reverse.ForwardConfirmed ? reverse.Name : null;
        var notes = new List<string>(reverse.Notes);
        var baseDomain = confirmedName is null ? null : BaseDomain(confirmedName, notes);
        notes.AddRange(network.Notes);

        var info = new SourceInfo(address.ToString())
        {
            ReverseDns = reverse.Name,
            ForwardConfirmed = reverse.ForwardConfirmed,
            BaseDomain = baseDomain,
            Country = network.Country,
            Asn = network.Asn,
            AsOrganization = network.AsOrganization,
            Sender = _inventory.MatchSource(address, baseDomain) ?? _knownSenders.Match(confirmedName, baseDomain, network.Asn),
            Notes = notes,
        };
        return new CachedSource(info, reverse.LookupFailed ? _settings.FailedLookupLifetime : _settings.CacheLifetime);
    }

    private async Task<ReverseDnsAnswer> ReverseDnsAsync(IPAddress address)
    {
        if (_reverseDns is null)
        {
            return ReverseDnsAnswer.Offline;
        }

        if (!_settings.LookUpSpecialPurposeAddresses && SpecialPurposeAddresses.RangeOf(address) is { } range)
        {
            return new ReverseDnsAnswer(null, false, [$"{address} is in {range}, a range not on the public Internet: reverse DNS was not looked up"], LookupFailed: false);
        }

        if (Volatile.Read(ref _failedInARow) >= _settings.MaxFailedLookupsInARow)
        {
            return new ReverseDnsAnswer(null, false,
                [$"reverse DNS was given up after {_settings.MaxFailedLookupsInARow} lookups in a row failed (DNS unreachable?): not looked up"],
                LookupFailed: true);
        }

        await _lookupSlots.WaitAsync().ConfigureAwait(false);
        try
        {
            var answer = await _reverseDns.LookUpAsync(address).ConfigureAwait(false);
            if (answer.LookupFailed)
            {
                Interlocked.Increment(ref _failedInARow);
            }
            else
            {
                Volatile.Write(ref _failedInARow, 0);
            }

            return answer;
        }
        finally
        {
            _lookupSlots.Release();
        }
    }

    private NetworkFacts FindNetwork(IPAddress address)
    {
        if (_networkInfo is null)
        {
            return new NetworkFacts(null, null, null) { Notes = ["no country or AS database configured"] };
        }

        try
        {
            return _networkInfo.Find(address);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return new NetworkFacts(null, null, null) { Notes = [$"network database lookup of {address} failed: {Names.Printable(exception.Message)}"] };
        }
    }

    private string? BaseDomain(string name, List<string> notes)
    {
        try
        {
            return _organizationalDomains.Of(name);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            notes.Add($"no base domain for {name}: {Names.Printable(exception.Message)}");
            return null;
        }
    }
}
