using DnsClient;

namespace Dmarc.Enrichment;

/// <summary>The one way Dmarc asks DNS: the configured name servers (or the system's), timeouts and retries, no cache of DnsClient's own.</summary>
internal static class DnsClients
{
    public static LookupClient Create(EnrichmentOptions options)
    {
        var servers = options.NameServers.Select(NameServerEndPoint.Parse).ToArray();
        var clientOptions = servers.Length == 0 ? new LookupClientOptions() : new LookupClientOptions(servers);
        clientOptions.Timeout = options.QueryTimeout;
        clientOptions.Retries = options.Retries;
        clientOptions.UseTcpFallback = options.UseTcpFallback;
        // Our own caches keep answers as long as the analysis needs them; DNS errors are answers we read, not exceptions.
        clientOptions.UseCache = false;
        clientOptions.ThrowDnsErrors = false;
        return new LookupClient(clientOptions);
    }
}
