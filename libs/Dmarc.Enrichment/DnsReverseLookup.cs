using System.Net;
using Dmarc.Reports.Enrichment;
using DnsClient;
using DnsClient.Protocol;

namespace Dmarc.Enrichment;

/// <summary>
/// PTR and A/AAAA lookups over DnsClient. No answer is an empty list; NXDOMAIN too. Server failures and
/// unreachable servers throw <see cref="DnsLookupException"/>. DnsClient's own cache is off: the enricher caches.
/// </summary>
public sealed class DnsReverseLookup : IReverseDns
{
    private readonly LookupClient _client;

    public DnsReverseLookup(EnrichmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = DnsClients.Create(options);
    }

    public async ValueTask<IReadOnlyList<string>> PtrAsync(IPAddress ip, CancellationToken cancellationToken)
    {
        var response = await AnswerAsync(() => _client.QueryReverseAsync(ip, cancellationToken), $"PTR of {ip}").ConfigureAwait(false);
        return response is null ? [] : [.. response.Answers.PtrRecords().Select(record => record.PtrDomainName.Value)];
    }

    public async ValueTask<IReadOnlyList<IPAddress>> AddressesAsync(string name, CancellationToken cancellationToken)
    {
        var v4 = AnswerAsync(() => _client.QueryAsync(name, QueryType.A, cancellationToken: cancellationToken), $"A of {name}");
        var v6 = AnswerAsync(() => _client.QueryAsync(name, QueryType.AAAA, cancellationToken: cancellationToken), $"AAAA of {name}");
        var answers = await Task.WhenAll(v4, v6).ConfigureAwait(false);
        return [.. answers.OfType<IDnsQueryResponse>().SelectMany(response => response.Answers.OfType<AddressRecord>()).Select(record => record.Address)];
    }

    /// <summary>The response, null for a name that does not exist, or <see cref="DnsLookupException"/> for a failure.</summary>
    private static async Task<IDnsQueryResponse?> AnswerAsync(Func<Task<IDnsQueryResponse>> query, string what)
    {
        IDnsQueryResponse response;
        try
        {
            response = await query().ConfigureAwait(false);
        }
        catch (DnsResponseException exception)
        {
            throw new DnsLookupException($"{what}: {exception.Code}: {exception.Message}", exception);
        }

        if (!response.HasError)
        {
            return response;
        }

        return response.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain
            ? null
            : throw new DnsLookupException($"{what}: {response.ErrorMessage} from {response.NameServer}");
    }
}

/// <summary>Reads a configured name server: <c>192.0.2.53</c>, <c>192.0.2.53:5353</c>, <c>2001:db8::53</c>, <c>[2001:db8::53]:53</c>.</summary>
internal static class NameServerEndPoint
{
    public static IPEndPoint Parse(string text)
    {
        // IPEndPoint rather than IPAddress: IPAddress.TryParse takes "[2001:db8::53]:5353" and drops the port.
        if (IPEndPoint.TryParse(text.Trim(), out var endPoint))
        {
            return endPoint.Port == 0 ? new IPEndPoint(endPoint.Address, NameServer.DefaultPort) : endPoint;
        }

        throw new ArgumentException($"name server '{text}' is not an IP address with an optional port (192.0.2.53, 192.0.2.53:5353, [2001:db8::53]:53)", nameof(text));
    }
}
