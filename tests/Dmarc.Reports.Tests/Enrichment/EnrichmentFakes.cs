using System.Collections.Concurrent;
using System.Net;
using Dmarc.Reports.Domains;
using Dmarc.Reports.Enrichment;

namespace Dmarc.Reports.Tests.Enrichment;

/// <summary>
/// DNS from a table, counting calls. <see cref="Gate"/> holds every PTR query until it is opened; names in
/// <see cref="Failing"/> throw, names in <see cref="Hanging"/> never answer.
/// </summary>
internal sealed class FakeReverseDns : IReverseDns
{
    private int _ptrCalls;
    private int _addressCalls;
    private int _inFlight;
    private int _maxInFlight;

    public Dictionary<string, string[]> Ptr { get; } = [];
    public Dictionary<string, string[]> Addresses { get; } = new(StringComparer.OrdinalIgnoreCase);
    public HashSet<string> Failing { get; } = new(StringComparer.OrdinalIgnoreCase);
    public HashSet<string> Hanging { get; } = new(StringComparer.OrdinalIgnoreCase);
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public ConcurrentQueue<string> PtrQueries { get; } = new();

    public int PtrCalls => Volatile.Read(ref _ptrCalls);
    public int AddressCalls => Volatile.Read(ref _addressCalls);
    public int InFlight => Volatile.Read(ref _inFlight);
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public static FakeReverseDns Open()
    {
        var dns = new FakeReverseDns();
        dns.Gate.SetResult();
        return dns;
    }

    /// <summary>A PTR name for <paramref name="ip"/> that resolves back to it.</summary>
    public FakeReverseDns Confirmed(string ip, string name)
    {
        Ptr[ip] = [name];
        Addresses[name.TrimEnd('.')] = [ip];
        return this;
    }

    public async ValueTask<IReadOnlyList<string>> PtrAsync(IPAddress ip, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _ptrCalls);
        var now = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _maxInFlight, now);
        try
        {
            var key = ip.ToString();
            PtrQueries.Enqueue(key);
            await Gate.Task.WaitAsync(cancellationToken);
            await AnswerOrFail(key, cancellationToken);
            return Ptr.TryGetValue(key, out var names) ? names : [];
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public async ValueTask<IReadOnlyList<IPAddress>> AddressesAsync(string name, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _addressCalls);
        await AnswerOrFail(name, cancellationToken);
        return Addresses.TryGetValue(name, out var addresses) ? [.. addresses.Select(IPAddress.Parse)] : [];
    }

    private async Task AnswerOrFail(string key, CancellationToken cancellationToken)
    {
        if (Hanging.Contains(key))
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (Failing.Contains(key))
        {
            throw new DnsLookupException($"SERVFAIL for {key}");
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
            seen = Volatile.Read(ref target);
        }
    }
}

/// <summary>A stand-in for the Public Suffix List: the last two labels, or three under a two-letter "co." suffix.</summary>
internal sealed class LastLabels : IOrganizationalDomains
{
    public string Of(string domain)
    {
        var labels = domain.TrimEnd('.').ToLowerInvariant().Split('.');
        var keep = labels.Length >= 3 && labels[^2] == "co" && labels[^1].Length == 2 ? 3 : 2;
        return string.Join('.', labels.TakeLast(keep));
    }
}

/// <summary>Network facts from a table; unknown addresses get a note, like a database that does not hold them.</summary>
internal sealed class FakeNetworkInfo : INetworkInfo
{
    public Dictionary<string, NetworkFacts> Facts { get; } = [];

    public NetworkFacts Find(IPAddress ip) =>
        Facts.TryGetValue(ip.ToString(), out var facts) ? facts : new NetworkFacts(null, null, null) { Notes = [$"{ip} is not in the fake database"] };
}

/// <summary>A clock the test moves by hand (timers still run in real time).</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
