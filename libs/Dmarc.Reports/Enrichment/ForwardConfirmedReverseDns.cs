using System.Net;
using Dmarc.Reports.Input;

namespace Dmarc.Reports.Enrichment;

/// <summary>What reverse DNS says about one IP: its PTR name, whether that name resolves back to the IP, and why not.</summary>
internal sealed record ReverseDnsAnswer(string? Name, bool ForwardConfirmed, IReadOnlyList<string> Notes, bool LookupFailed)
{
    public static ReverseDnsAnswer Offline { get; } =
        new(null, false, ["offline: reverse DNS was not looked up"], LookupFailed: false);
}

/// <summary>
/// Forward-confirmed reverse DNS (FCrDNS): the PTR name of an IP counts only when it resolves back to that IP, as
/// anyone can publish any PTR name for their own addresses. Every lookup has its own timeout; failures are notes.
/// </summary>
internal sealed class ForwardConfirmedReverseDns(IReverseDns dns, SourceEnricherSettings settings)
{
    public async Task<ReverseDnsAnswer> LookUpAsync(IPAddress ip)
    {
        IReadOnlyList<string> published;
        try
        {
            published = await WithTimeoutAsync(token => dns.PtrAsync(ip, token)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return new(null, false, [Failure($"reverse DNS (PTR) of {ip}", exception)], LookupFailed: true);
        }

        var names = published.Select(NormalName).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            return new(null, false, [$"no reverse DNS (PTR) for {ip}"], LookupFailed: false);
        }

        var notes = new List<string>();
        var failed = false;
        foreach (var name in names.Take(settings.MaxPtrNames))
        {
            IReadOnlyList<IPAddress> addresses;
            try
            {
                addresses = await WithTimeoutAsync(token => dns.AddressesAsync(name, token)).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                notes.Add(Failure($"forward lookup of {name}", exception));
                failed = true;
                continue;
            }

            if (addresses.Any(address => SourceAddress.Same(address, ip)))
            {
                return new(name, true, [], LookupFailed: false);
            }
        }

        notes.Add($"reverse DNS {names[0]} does not resolve back to {ip}: not forward-confirmed, so not trusted");
        return new(names[0], false, notes, failed);
    }

    private async Task<T> WithTimeoutAsync<T>(Func<CancellationToken, ValueTask<T>> lookUp)
    {
        using var timeout = new CancellationTokenSource(settings.LookupTimeout, settings.TimeProvider);
        try
        {
            // WaitAsync also ends a lookup that does not watch its token.
            return await lookUp(timeout.Token).AsTask().WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"timed out after {settings.LookupTimeout.TotalSeconds:0.###} s", exception);
        }
    }

    private static string Failure(string what, Exception exception) => exception switch
    {
        TimeoutException timeout => $"{what} {timeout.Message}",
        _ => $"{what} failed: {Names.Printable(exception.Message)}",
    };

    /// <summary>Lower case, without the trailing dot; null for what cannot be a host name.</summary>
    private static string? NormalName(string name)
    {
        var trimmed = name.Trim().TrimEnd('.').ToLowerInvariant();
        return trimmed.Length is > 0 and <= 253 && !trimmed.Contains(' ', StringComparison.Ordinal) ? trimmed : null;
    }
}
