using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dmarc.Enrichment.Tests.Support;

/// <summary>
/// A tiny authoritative DNS server on 127.0.0.1 (UDP, a free port) answering PTR, A, AAAA and TXT from a table. Names
/// in <see cref="ServerFailure"/> get SERVFAIL, names in <see cref="Silent"/> get no answer at all, unknown names
/// NXDOMAIN. Enough of RFC 1035 for DnsClient, nothing more.
/// </summary>
internal sealed class LoopbackDnsServer : IAsyncDisposable
{
    private const ushort TypeA = 1;
    private const ushort TypePtr = 12;
    private const ushort TypeTxt = 16;
    private const ushort TypeAaaa = 28;

    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private int _queries;

    public LoopbackDnsServer()
    {
        _serving = Task.Run(ServeAsync);
    }

    public IPEndPoint EndPoint => (IPEndPoint)_socket.Client.LocalEndPoint!;

    /// <summary>"127.0.0.1:port", as <see cref="EnrichmentOptions.NameServers"/> takes it.</summary>
    public string NameServer => EndPoint.ToString();

    public int Queries => Volatile.Read(ref _queries);

    public Dictionary<string, List<string>> Ptr { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, List<IPAddress>> Addresses { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>TXT records by name: each record is its character-strings, in order.</summary>
    public Dictionary<string, List<string[]>> Txt { get; } = new(StringComparer.OrdinalIgnoreCase);
    public HashSet<string> ServerFailure { get; } = new(StringComparer.OrdinalIgnoreCase);
    public HashSet<string> Silent { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>PTR for <paramref name="ip"/> (under in-addr.arpa or ip6.arpa) naming <paramref name="names"/>.</summary>
    public LoopbackDnsServer WithPtr(string ip, params string[] names)
    {
        Ptr[ReverseName(IPAddress.Parse(ip))] = [.. names];
        return this;
    }

    public LoopbackDnsServer WithAddresses(string name, params string[] ips)
    {
        Addresses[name] = [.. ips.Select(IPAddress.Parse)];
        return this;
    }

    /// <summary>One more TXT record at <paramref name="name"/>, made of <paramref name="strings"/> (each at most 255 bytes).</summary>
    public LoopbackDnsServer WithTxt(string name, params string[] strings)
    {
        if (!Txt.TryGetValue(name, out var records))
        {
            Txt[name] = records = [];
        }

        records.Add(strings);
        return this;
    }

    public static string ReverseName(IPAddress ip)
    {
        var bytes = ip.GetAddressBytes();
        return ip.AddressFamily == AddressFamily.InterNetwork
            ? string.Join('.', bytes.Reverse()) + ".in-addr.arpa"
            : string.Join('.', bytes.Reverse().SelectMany(b => new[] { b & 0xF, b >> 4 }).Select(n => n.ToString("x", null))) + ".ip6.arpa";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        try
        {
            await _serving;
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // stopped
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var request = await _socket.ReceiveAsync(_stop.Token);
            Interlocked.Increment(ref _queries);
            if (Answer(request.Buffer) is { } response)
            {
                await _socket.SendAsync(response, request.RemoteEndPoint, _stop.Token);
            }
        }
    }

    private byte[]? Answer(byte[] query)
    {
        if (query.Length < 12 || BinaryPrimitives.ReadUInt16BigEndian(query.AsSpan(4)) != 1)
        {
            return null;
        }

        var (name, end) = ReadName(query, 12);
        var type = BinaryPrimitives.ReadUInt16BigEndian(query.AsSpan(end));
        var questionEnd = end + 4;
        if (Silent.Contains(name))
        {
            return null;
        }

        var records = new List<(ushort Type, byte[] Data)>();
        var known = false;
        if (Ptr.TryGetValue(name, out var names))
        {
            known = true;
            records.AddRange(names.Where(_ => type == TypePtr).Select(target => (TypePtr, EncodeName(target))));
        }

        if (Addresses.TryGetValue(name, out var addresses))
        {
            known = true;
            records.AddRange(addresses
                .Where(address => (type, address.AddressFamily) is (TypeA, AddressFamily.InterNetwork) or (TypeAaaa, AddressFamily.InterNetworkV6))
                .Select(address => (type, address.GetAddressBytes())));
        }

        if (Txt.TryGetValue(name, out var texts))
        {
            known = true;
            records.AddRange(texts.Where(_ => type == TypeTxt).Select(strings => (TypeTxt, EncodeStrings(strings))));
        }

        var responseCode = ServerFailure.Contains(name) ? 2 : known ? 0 : 3;
        var response = new List<byte>(query[..questionEnd]);
        var flags = (ushort)(0x8000 | 0x0400 | (query[2] & 0x01) << 8 | 0x0080 | responseCode); // QR, AA, RD copied, RA
        WriteUInt16(response, 2, flags);
        WriteUInt16(response, 6, (ushort)(responseCode == 0 ? records.Count : 0)); // answers
        WriteUInt16(response, 8, 0);
        WriteUInt16(response, 10, 0); // the query's EDNS record is not echoed
        if (responseCode == 0)
        {
            foreach (var (recordType, data) in records)
            {
                response.AddRange([0xC0, 12]); // the question's name
                response.AddRange(BigEndian(recordType));
                response.AddRange(BigEndian(1)); // IN
                response.AddRange([0, 0, 0x0E, 0x10]); // TTL 3600
                response.AddRange(BigEndian((ushort)data.Length));
                response.AddRange(data);
            }
        }

        return [.. response];
    }

    private static (string Name, int End) ReadName(byte[] message, int offset)
    {
        var labels = new List<string>();
        while (message[offset] != 0)
        {
            var length = message[offset];
            labels.Add(Encoding.ASCII.GetString(message, offset + 1, length));
            offset += 1 + length;
        }

        return (string.Join('.', labels), offset + 1);
    }

    private static byte[] EncodeName(string name)
    {
        var bytes = new List<byte>();
        foreach (var label in name.TrimEnd('.').Split('.'))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(Encoding.ASCII.GetBytes(label));
        }

        bytes.Add(0);
        return [.. bytes];
    }

    private static byte[] EncodeStrings(string[] strings)
    {
        var bytes = new List<byte>();
        foreach (var text in strings)
        {
            var utf8 = Encoding.UTF8.GetBytes(text);
            bytes.Add((byte)utf8.Length);
            bytes.AddRange(utf8);
        }

        return [.. bytes];
    }

    private static byte[] BigEndian(ushort value) => [(byte)(value >> 8), (byte)value];

    private static void WriteUInt16(List<byte> message, int offset, ushort value)
    {
        message[offset] = (byte)(value >> 8);
        message[offset + 1] = (byte)value;
    }
}
