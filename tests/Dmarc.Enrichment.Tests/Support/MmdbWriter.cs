using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dmarc.Enrichment.Tests.Support;

/// <summary>
/// Writes a small MaxMind DB file (format 2.0) for tests: an IPv6 search tree with 24-bit records (IPv4 networks
/// under ::/96, where readers look them up), a data section of maps, strings and unsigned integers, and the
/// metadata. Written from the published format specification; enough for a handful of networks.
/// </summary>
internal sealed class MmdbWriter(string databaseType)
{
    private static readonly byte[] _metadataMarker = [0xAB, 0xCD, 0xEF, .. "MaxMind.com"u8];

    private const int NoRecord = -1;

    // Each node's two records: another node (>= 0), NoRecord, or data number d encoded as -2 - d.
    private readonly List<int[]> _nodes = [[NoRecord, NoRecord]];
    private readonly List<byte[]> _data = [];

    /// <summary>Adds a network (CIDR) whose lookups give <paramref name="value"/> (a map of strings, numbers and maps).</summary>
    public MmdbWriter Add(string cidr, IReadOnlyDictionary<string, object> value)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var address = IPAddress.Parse(cidr[..slash]);
        var prefix = int.Parse(cidr[(slash + 1)..], null);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            address = new IPAddress([.. new byte[12], .. address.GetAddressBytes()]);
            prefix += 96;
        }

        _data.Add(Encode(value));
        var dataRecord = -2 - (_data.Count - 1);
        var bytes = address.GetAddressBytes();
        var node = 0;
        for (var depth = 0; depth < prefix; depth++)
        {
            var bit = (bytes[depth / 8] >> (7 - (depth % 8))) & 1;
            if (depth == prefix - 1)
            {
                _nodes[node][bit] = dataRecord;
                break;
            }

            if (_nodes[node][bit] < 0)
            {
                _nodes.Add([NoRecord, NoRecord]);
                _nodes[node][bit] = _nodes.Count - 1;
            }

            node = _nodes[node][bit];
        }

        return this;
    }

    public byte[] ToBytes()
    {
        var nodeCount = _nodes.Count;
        var dataOffsets = new List<int>();
        var dataSection = new List<byte>();
        foreach (var data in _data)
        {
            dataOffsets.Add(dataSection.Count);
            dataSection.AddRange(data);
        }

        var file = new List<byte>();
        foreach (var node in _nodes)
        {
            foreach (var record in node)
            {
                var value = record switch
                {
                    NoRecord => nodeCount,
                    >= 0 => record,
                    _ => nodeCount + 16 + dataOffsets[-2 - record],
                };
                file.AddRange([(byte)(value >> 16), (byte)(value >> 8), (byte)value]);
            }
        }

        file.AddRange(new byte[16]);
        file.AddRange(dataSection);
        file.AddRange(_metadataMarker);
        file.AddRange(Encode(new Dictionary<string, object>
        {
            ["node_count"] = new UInt32Value((uint)nodeCount),
            ["record_size"] = new UInt16Value(24),
            ["ip_version"] = new UInt16Value(6),
            ["database_type"] = databaseType,
            ["languages"] = new[] { "en" },
            ["binary_format_major_version"] = new UInt16Value(2),
            ["binary_format_minor_version"] = new UInt16Value(0),
            ["build_epoch"] = new UInt64Value(1_767_225_600),
            ["description"] = new Dictionary<string, object> { ["en"] = "Dmarc test database" },
        }));
        return [.. file];
    }

    /// <summary>An unsigned 16-bit value (type 5).</summary>
    public readonly record struct UInt16Value(ushort Value);

    /// <summary>An unsigned 32-bit value (type 6), as AS numbers are stored.</summary>
    public readonly record struct UInt32Value(uint Value);

    /// <summary>An unsigned 64-bit value (extended type 9).</summary>
    public readonly record struct UInt64Value(ulong Value);

    private static byte[] Encode(object value)
    {
        var bytes = new List<byte>();
        Write(bytes, value);
        return [.. bytes];
    }

    private static void Write(List<byte> output, object value)
    {
        switch (value)
        {
            case string text:
                var utf8 = Encoding.UTF8.GetBytes(text);
                Control(output, 2, utf8.Length);
                output.AddRange(utf8);
                break;
            case UInt16Value number:
                Unsigned(output, 5, number.Value);
                break;
            case UInt32Value number:
                Unsigned(output, 6, number.Value);
                break;
            case UInt64Value number:
                Unsigned(output, 9, number.Value);
                break;
            case IReadOnlyDictionary<string, object> map:
                Control(output, 7, map.Count);
                foreach (var (key, item) in map)
                {
                    Write(output, key);
                    Write(output, item);
                }

                break;
            case string[] array:
                Control(output, 11, array.Length);
                foreach (var item in array)
                {
                    Write(output, item);
                }

                break;
            default:
                throw new ArgumentException($"the test MMDB writer has no encoding for {value.GetType().Name}", nameof(value));
        }
    }

    /// <summary>Big-endian, without leading zero bytes; the size is the number of bytes.</summary>
    private static void Unsigned(List<byte> output, int type, ulong value)
    {
        var bytes = new List<byte>();
        for (var rest = value; rest != 0; rest >>= 8)
        {
            bytes.Insert(0, (byte)rest);
        }

        Control(output, type, bytes.Count);
        output.AddRange(bytes);
    }

    /// <summary>The control byte: type in the top three bits (0 and a second byte for types above 7), then the size.</summary>
    private static void Control(List<byte> output, int type, int size)
    {
        var sizeBits = size < 29 ? size : size < 29 + 256 ? 29 : 30;
        output.Add((byte)((type <= 7 ? type << 5 : 0) | sizeBits));
        if (type > 7)
        {
            output.Add((byte)(type - 7));
        }

        if (sizeBits == 29)
        {
            output.Add((byte)(size - 29));
        }
        else if (sizeBits == 30)
        {
            var extra = size - 285;
            output.AddRange([(byte)(extra >> 8), (byte)extra]);
        }
    }
}
