using System.Net;

namespace Dmarc.Reports.Enrichment;

/// <summary>
/// Reverse and forward DNS for forward-confirmed reverse DNS. An answer without records is an empty list; a failed
/// lookup (server failure, no server reachable) throws <see cref="DnsLookupException"/>, a timeout or cancellation
/// throws <see cref="OperationCanceledException"/>.
/// </summary>
public interface IReverseDns
{
    /// <summary>The PTR names of <paramref name="ip"/>, as published (a trailing dot may remain).</summary>
    ValueTask<IReadOnlyList<string>> PtrAsync(IPAddress ip, CancellationToken cancellationToken);

    /// <summary>The IPv4 and IPv6 addresses (A and AAAA records) of <paramref name="name"/>.</summary>
    ValueTask<IReadOnlyList<IPAddress>> AddressesAsync(string name, CancellationToken cancellationToken);
}

/// <summary>A DNS lookup that got no usable answer: the server failed, refused, or could not be reached.</summary>
public sealed class DnsLookupException : Exception
{
    public DnsLookupException()
    {
    }

    public DnsLookupException(string message)
        : base(message)
    {
    }

    public DnsLookupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
