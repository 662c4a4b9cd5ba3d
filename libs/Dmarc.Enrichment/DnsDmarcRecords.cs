using Dmarc.Reports.Domains;
using Dmarc.Reports.Enrichment;
using DnsClient;

namespace Dmarc.Enrichment;

/// <summary>
/// DMARC policy records from the DNS for the tree walk: the TXT record at <c>_dmarc.&lt;domain&gt;</c> that starts
/// with <c>v=DMARC1</c>, its strings joined. No such record, several of them, NXDOMAIN or an answer without data are
/// null; a server failure or no answer in time throws <see cref="DnsLookupException"/>. Answers are cached per domain
/// (bounded, least recently used out first) for their TTL, at most an hour; failures are not cached.
/// </summary>
public sealed class DnsDmarcRecords : IDmarcRecordSource
{
    /// <summary>The longest an answer is reused, whatever its TTL.</summary>
    public static readonly TimeSpan MaxCacheLifetime = TimeSpan.FromHours(1);

    /// <summary>How long "no record" is reused when the answer names no SOA to take the negative TTL from.</summary>
    public static readonly TimeSpan NoRecordCacheLifetime = TimeSpan.FromMinutes(5);

    private const int MaxNameLength = 253;
    private const int MaxLabelLength = 63;

    private readonly LookupClient _client;
    private readonly TimeSpan _lookupTimeout;
    private readonly DmarcRecordCache _cache;

    /// <summary>Asks the name servers of <paramref name="options"/> (the system's when none), with its timeouts and cache size.</summary>
    public DnsDmarcRecords(EnrichmentOptions options)
        : this(options, TimeProvider.System)
    {
    }

    internal DnsDmarcRecords(EnrichmentOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.LookupTimeout, TimeSpan.Zero, nameof(options.LookupTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.DmarcRecordCacheCapacity, 1, nameof(options.DmarcRecordCacheCapacity));
        _client = DnsClients.Create(options);
        _lookupTimeout = options.LookupTimeout;
        _cache = new DmarcRecordCache(options.DmarcRecordCacheCapacity, clock);
    }

    /// <summary>The DNS source when <paramref name="options"/> allow DNS, <see cref="IDmarcRecordSource.Offline"/> when they are offline.</summary>
    public static IDmarcRecordSource Create(EnrichmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Offline ? IDmarcRecordSource.Offline : new DnsDmarcRecords(options);
    }

    /// <summary>How many domains the cache holds now.</summary>
    public int CachedCount => _cache.Count;

    public async ValueTask<string?> DmarcRecordAsync(string domain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domain);
        var name = "_dmarc." + domain.TrimEnd('.');
        if (!Resolvable(name))
        {
            // A name the DNS cannot hold has no record; asking would only make the client throw.
            return null;
        }

        if (_cache.TryGet(name, out var cached))
        {
            return cached;
        }

        var (record, lifetime) = await LookUpAsync(name, cancellationToken).ConfigureAwait(false);
        _cache.Add(name, record, lifetime);
        return record;
    }

    private async Task<(string? Record, TimeSpan Lifetime)> LookUpAsync(string name, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_lookupTimeout);
        IDnsQueryResponse response;
        try
        {
            response = await _client.QueryAsync(name, QueryType.TXT, QueryClass.IN, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DnsLookupException($"TXT of {name}: no answer within {_lookupTimeout.TotalSeconds:0.#} s");
        }
        catch (DnsResponseException exception)
        {
            throw new DnsLookupException($"TXT of {name}: {exception.Code}: {exception.Message}", exception);
        }

        if (response.HasError)
        {
            return response.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain
                ? (null, NegativeLifetime(response))
                : throw new DnsLookupException($"TXT of {name}: {response.ErrorMessage} from {response.NameServer}");
        }

        var dmarc = response.Answers.TxtRecords()
            .Select(record => (Text: string.Concat(record.Text), record.TimeToLive))
            .Where(record => StartsAsDmarcRecord(record.Text))
            .ToList();
        return dmarc.Count switch
        {
            // RFC 7489 6.6.3 and RFC 9989 4.10: several DMARC records at one name count as none.
            1 => (dmarc[0].Text, Lifetime(TimeSpan.FromSeconds(dmarc[0].TimeToLive))),
            0 => (null, NegativeLifetime(response)),
            _ => (null, Lifetime(TimeSpan.FromSeconds(dmarc.Min(record => record.TimeToLive)))),
        };
    }

    /// <summary>Whether a TXT text is a DMARC record: its first tag is <c>v=DMARC1</c> (whitespace around allowed, as the core reads it).</summary>
    internal static bool StartsAsDmarcRecord(string text)
    {
        var end = text.IndexOf(';', StringComparison.Ordinal);
        var first = end < 0 ? text.AsSpan() : text.AsSpan(0, end);
        var equals = first.IndexOf('=');
        return equals > 0
            && first[..equals].Trim().Equals("v", StringComparison.OrdinalIgnoreCase)
            && first[(equals + 1)..].Trim().Equals("DMARC1", StringComparison.OrdinalIgnoreCase);
    }

    private static TimeSpan NegativeLifetime(IDnsQueryResponse response) =>
        response.Authorities.SoaRecords().FirstOrDefault() is { } soa
            ? Lifetime(TimeSpan.FromSeconds(Math.Min(soa.TimeToLive, soa.Minimum)))
            : NoRecordCacheLifetime;

    private static TimeSpan Lifetime(TimeSpan ttl) => ttl < MaxCacheLifetime ? ttl : MaxCacheLifetime;

    private static bool Resolvable(string name)
    {
        if (name.Length > MaxNameLength)
        {
            return false;
        }

        foreach (var range in name.AsSpan().Split('.'))
        {
            var length = range.End.GetOffset(name.Length) - range.Start.GetOffset(name.Length);
            if (length is 0 or > MaxLabelLength)
            {
                return false;
            }
        }

        return true;
    }
}
